//! Rules that protect workers, applied to every text a posting publishes:
//! no fees or deposits asked of workers (劳动合同法 art. 9, 就业促进法), no personal data
//! (ID-card and bank-card numbers, personal mobiles outside the contact field: see
//! `personal_data`), and warnings for discriminatory limits and hype.
//!
//! Fee wording is judged clause by clause (split at Chinese and Western punctuation), so a
//! clause that says the opposite — 不收取押金, 无需任何费用, 体检费由公司承担 — is not a
//! false alarm.

use crate::diag::Msg;
use crate::diag::catalogue::rules as says;
use crate::msg;

/// Wording that asks the worker for money.
const FEE_WORDS: &[&str] = &[
    "押金",
    "保证金",
    "报名费",
    "服装费",
    "工装费",
    "体检费",
    "培训费",
    "中介费",
    "介绍费",
    "手续费",
    "建档费",
    "资料费",
];

/// A clause with one of these says the worker does not pay.
const NOT_CHARGED: &[&str] = &[
    "不收",
    "不交",
    "无需",
    "不需",
    "不用",
    "免费",
    "免收",
    "免交",
    "全免",
    "谨防",
    "警惕",
    "当心",
    "小心",
    "防止",
    "诈骗",
    "骗局",
    "举报",
    "投诉",
    "不得",
    "严禁",
    "禁止",
    "拒绝",
    "没有",
    "无任何",
    "零收费",
    "不要",
    "公司承担",
    "单位承担",
    "企业承担",
    "雇主承担",
    "用工方承担",
    "由公司",
    "由单位",
    "由企业",
    "报销",
    "包体检",
];

/// Wording that puts a cost on the worker even next to 承担.
const WORKER_PAYS: &[&str] = &[
    "自行承担",
    "个人承担",
    "本人承担",
    "自己承担",
    "求职者承担",
    "劳动者承担",
    "自理",
    "自付",
];

const DISCRIMINATION: &[&str] = &[
    "限男性",
    "限女性",
    "仅限男",
    "仅限女",
    "只招男",
    "只招女",
    "只要男",
    "只要女",
    "限本地户口",
    "仅限本地户口",
    "限本地户籍",
    "限汉族",
    "不招少数民族",
    "限蒙古族",
];

const HYPE: &[&str] = &[
    "高薪",
    "保录",
    "日赚千元",
    "日入过千",
    "日赚上千",
    "月入过万",
    "轻松月入",
    "包过",
];

/// A problem found in one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub error: bool,
    pub message: Msg,
}

/// Where one clause ends and the next begins. `、` joins the items of one list
/// (培训、押金), so it does not end a clause.
fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '；'
            | '！'
            | '？'
            | ','
            | '.'
            | ';'
            | '!'
            | '?'
            | '\n'
            | '：'
            | ':'
            | '（'
            | '）'
            | '('
            | ')'
    )
}

fn clauses(text: &str) -> impl Iterator<Item = &str> {
    text.split(is_clause_end).filter(|c| !c.trim().is_empty())
}

/// What a word in [`FINDER`] tells: the rules ask "which fee word, where", "is this
/// clause negated" and "does the text use this wording".
#[derive(Debug, Clone, Copy, PartialEq)]
enum Word {
    /// Index into FEE_WORDS.
    Fee(usize),
    PayFirst,
    /// Index into DISCRIMINATION, then HYPE.
    Wording(usize),
    NotCharged,
    WorkerPays,
    /// 承担: paid by someone (the worker only with a WORKER_PAYS word).
    Borne,
}

/// Every word the rules look for, with what each one tells.
fn words() -> Vec<(&'static str, Word)> {
    FEE_WORDS
        .iter()
        .enumerate()
        .map(|(i, w)| (*w, Word::Fee(i)))
        .chain([("先交", Word::PayFirst), ("承担", Word::Borne)])
        .chain(
            DISCRIMINATION
                .iter()
                .chain(HYPE)
                .enumerate()
                .map(|(i, w)| (*w, Word::Wording(i))),
        )
        .chain(NOT_CHARGED.iter().map(|w| (*w, Word::NotCharged)))
        .chain(WORKER_PAYS.iter().map(|w| (*w, Word::WorkerPays)))
        .collect()
}

/// The words of [`words`] in one automaton. One pass over a text finds them all; most
/// texts have no fee word, and then nothing else is looked at. The automaton steps a character at a time (daachorse's charwise one):
/// the words and the texts are Chinese, and stepping a byte at a time (aho-corasick's
/// overlapping search) took 1.6 times the instructions.
static FINDER: std::sync::LazyLock<
    Option<(daachorse::CharwiseDoubleArrayAhoCorasick<u32>, Vec<Word>)>,
> = std::sync::LazyLock::new(|| {
    let words = words();
    let finder =
        daachorse::CharwiseDoubleArrayAhoCorasick::new(words.iter().map(|(w, _)| w)).ok()?;
    Some((finder, words.into_iter().map(|(_, k)| k).collect()))
});

/// The words of [`FINDER`] in a text, each with where it starts. None when the finder
/// could not be built: then every clause and word is looked at directly.
struct Found {
    /// Every occurrence, overlapping ones too (a word inside another is found, as
    /// `contains` would find it), in order of where they end.
    words: Vec<(usize, Word)>,
}

fn find(text: &str) -> Option<Found> {
    let (finder, kinds) = FINDER.as_ref()?;
    let words = finder
        .find_overlapping_iter(text)
        .map(|m| (m.start(), kinds[m.value() as usize]))
        .collect();
    Some(Found { words })
}

/// Fee or deposit wording in a text, ignoring clauses that say the opposite.
#[cfg(test)]
pub fn fee_requests(text: &str) -> Vec<Finding> {
    fees_in(text, find(text).as_ref())
}

fn fees_in(text: &str, found: Option<&Found>) -> Vec<Finding> {
    let Some(found) = found else {
        return clauses(text).filter_map(fee_in_clause).collect();
    };
    // The clauses that hold a fee word (a fee word holds no clause end, so each lies
    // inside one clause), in order and each once; the others are not looked at.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for &(at, word) in &found.words {
        if !matches!(word, Word::Fee(_) | Word::PayFirst) {
            continue;
        }
        let start = text[..at].rfind(is_clause_end).map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
        let end = text[at..]
            .find(is_clause_end)
            .map_or(text.len(), |i| at + i);
        if !spans.contains(&(start, end)) {
            spans.push((start, end));
        }
    }
    spans.sort_unstable();
    spans
        .into_iter()
        .filter_map(|(start, end)| {
            let inside = found
                .words
                .iter()
                .filter(|(at, _)| (start..end).contains(at))
                .map(|&(at, w)| (at - start, w));
            fee_in_words(&text[start..end], inside)
        })
        .collect()
}

/// The finding of one clause, looking for each word in it (no finder).
fn fee_in_clause(clause: &str) -> Option<Finding> {
    let mut words = Vec::new();
    let mut add = |list: &[&str], word: &dyn Fn(usize) -> Word| {
        for (i, w) in list.iter().enumerate() {
            words.extend(clause.match_indices(w).map(|(at, _)| (at, word(i))));
        }
    };
    add(FEE_WORDS, &Word::Fee);
    add(&["先交"], &|_| Word::PayFirst);
    add(&["承担"], &|_| Word::Borne);
    add(NOT_CHARGED, &|_| Word::NotCharged);
    add(WORKER_PAYS, &|_| Word::WorkerPays);
    fee_in_words(clause, words.into_iter())
}

/// The finding of one clause from the words in it (where each starts in the clause).
fn fee_in_words(clause: &str, words: impl Iterator<Item = (usize, Word)>) -> Option<Finding> {
    let (mut fee, mut pay_first) = (None::<usize>, None::<usize>);
    let (mut worker_pays, mut not_charged) = (false, false);
    for (at, word) in words {
        match word {
            Word::Fee(i) => fee = Some(fee.map_or(i, |f| f.min(i))),
            Word::PayFirst => pay_first = Some(pay_first.map_or(at, |p| p.min(at))),
            // "…由培训学校承担" is paid by someone else; "自行承担"/"自理" by the worker.
            Word::WorkerPays => worker_pays = true,
            Word::NotCharged | Word::Borne => not_charged = true,
            Word::Wording(_) => {}
        }
    }
    if !worker_pays && not_charged {
        return None;
    }
    if let Some(word) = fee.map(|i| FEE_WORDS[i]) {
        return Some(Finding {
            error: true,
            message: msg!(says::FEE, clause = clause.trim(), word = word),
        });
    }
    let after: String = clause[pay_first?..].chars().take(10).collect();
    (after.contains('元') || after.contains('钱') || after.contains('费')).then(|| Finding {
        error: true,
        message: msg!(says::PAY_FIRST, clause = clause.trim()),
    })
}

/// Every rule on one published text: fees (errors), personal data (errors), wording (warnings).
pub fn check_text(text: &str) -> impl Iterator<Item = Finding> {
    let found = find(text);
    fees_in(text, found.as_ref())
        .into_iter()
        .chain(super::personal_data::personal_data(text, false))
        .chain(wording_in(text, found.as_ref()))
}

/// Discriminatory limits and hype (warnings).
#[cfg(test)]
pub fn wording_warnings(text: &str) -> Vec<Finding> {
    wording_in(text, find(text).as_ref())
}

fn wording_in(text: &str, found: Option<&Found>) -> Vec<Finding> {
    let has = |i: usize, w: &str| {
        found.map_or_else(
            || text.contains(w),
            |f| f.words.iter().any(|&(_, word)| word == Word::Wording(i)),
        )
    };
    let mut out = Vec::new();
    for (i, w) in DISCRIMINATION.iter().enumerate() {
        if has(i, w) {
            out.push(Finding {
                error: false,
                message: msg!(says::DISCRIMINATION, word = w),
            });
        }
    }
    for (i, w) in HYPE.iter().enumerate() {
        if has(DISCRIMINATION.len() + i, w) {
            out.push(Finding {
                error: false,
                message: msg!(says::HYPE, word = w),
            });
        }
    }
    out
}

/// Piece rates must say what one piece is, in words.
pub fn names_piece_unit(texts: &[&str]) -> bool {
    const MARKERS: &[&str] = &[
        "每", "按", "计件", "/件", "一件", "一箱", "一亩", "一斤", "一只", "一车", "一吨",
    ];
    texts.iter().any(|t| MARKERS.iter().any(|m| t.contains(m)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fee_wording_is_caught() {
        for t in [
            "入职需交押金200元",
            "报名费50元",
            "先交300元服装费",
            "需自付体检费",
            "体检费自行承担",
            "先交100元才能上岗",
            "收取中介费",
        ] {
            assert!(!fee_requests(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn negations_are_not_false_alarms() {
        for t in [
            "不收取押金",
            "无需任何费用，不收押金",
            "体检费由公司承担",
            "公司报销体检费",
            "严禁收取保证金。",
            "本岗位免费，不交任何报名费",
            "日结工资，管午饭",
            "求职者无需缴纳任何费用，谨防以培训、押金等名义收费的诈骗行为。",
            "如有人收取押金请拨打12333举报",
            "体检费用由培训学校承担",
        ] {
            assert!(fee_requests(t).is_empty(), "{t}: {:?}", fee_requests(t));
        }
    }

    #[test]
    fn each_clause_is_judged_on_its_own() {
        // A negated clause does not excuse the next one, nor the reverse.
        let found = fee_requests("本公司不收取押金，入职先交服装费200元。体检费由公司承担");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("服装费"), "{found:?}");
        assert!(fee_requests("工资日结，押金全免，不收中介费").is_empty());
    }

    #[test]
    fn the_finder_judges_every_clause_as_looking_at_each_word_does() {
        let texts = [
            "入职需交押金200元，体检费由公司承担。先交100元才能上岗",
            "本公司不收取押金，入职先交服装费200元。体检费由公司承担",
            "工资日结，押金全免，不收中介费；报名费自理",
            "（押金）：保证金、培训费\n先交钱\n先交",
            "体检费自行承担，服装费由企业承担, 工装费: 需自付",
            "押金",
            "，，押金。。",
            "求职者无需缴纳任何费用，谨防以培训、押金等名义收费的诈骗行为。",
        ];
        for text in texts {
            assert_eq!(
                fees_in(text, find(text).as_ref()),
                fees_in(text, None),
                "{text}"
            );
        }
        assert_eq!(fee_requests(texts[0]).len(), 2);
        assert_eq!(fee_requests(texts[2]).len(), 1);
        assert_eq!(fee_requests(texts[3]).len(), 3);
    }

    /// The automaton finds every occurrence of every word, nested and overlapping ones
    /// too, as looking for each word on its own does, in order of where they end.
    #[test]
    fn the_finder_finds_every_word_where_it_is() {
        let words = words();
        let mut pieces: Vec<&str> = words.iter().map(|(w, _)| *w).collect();
        pieces.extend([
            "工", "资", "，", "。", "a", "1", "由", "公司", "不", "限", "仅", "自",
        ]);
        let mut rng = crate::test_rng::Rng(0x1234_5678_9abc_def1);
        for _ in 0..3_000 {
            let text = rng.text(&pieces, 12);
            let found = find(&text).expect("the finder is built").words;
            // Each found word with where it ends: the one word of its kind that
            // starts there (no two words of one kind start at one place and both match).
            let mut at_ends: Vec<(usize, usize, String)> = Vec::new();
            for &(at, kind) in &found {
                let end = words
                    .iter()
                    .filter(|(w, k)| *k == kind && text[at..].starts_with(w))
                    .map(|(w, _)| at + w.len())
                    .max()
                    .expect("a found word is in the text");
                at_ends.push((end, at, format!("{kind:?}")));
            }
            assert!(at_ends.is_sorted_by_key(|(end, _, _)| *end), "{text}");
            let mut each: Vec<(usize, usize, String)> = words
                .iter()
                .flat_map(|&(w, kind)| {
                    text.match_indices(w)
                        .map(move |(at, _)| (at + w.len(), at, format!("{kind:?}")))
                })
                .collect();
            at_ends.sort();
            each.sort();
            assert_eq!(at_ends, each, "{text}");
        }
    }

    #[test]
    fn discrimination_and_hype_warn() {
        assert_eq!(wording_warnings("限男性，高薪").len(), 2);
        assert!(wording_warnings("男女不限").is_empty());
        // One pass finds overlapping words, each once, as checking each word did.
        for text in [
            "仅限男性",
            "仅限本地户口，限本地户籍，高薪高薪",
            "月入过万轻松月入过万",
        ] {
            let naive: Vec<&str> = DISCRIMINATION
                .iter()
                .chain(HYPE)
                .filter(|w| text.contains(*w))
                .copied()
                .collect();
            let found: Vec<String> = wording_warnings(text)
                .into_iter()
                .map(|f| f.message.en)
                .collect();
            assert_eq!(found.len(), naive.len(), "{text}: {found:?}");
            for (f, w) in found.iter().zip(&naive) {
                assert!(f.contains(w), "{f} should name {w}");
            }
        }
    }

    #[test]
    fn one_pass_serves_fees_and_wording_together() {
        let found: Vec<Finding> = check_text("限男性，需交押金200元，高薪").collect();
        let errors: Vec<&Finding> = found.iter().filter(|f| f.error).collect();
        assert_eq!(errors.len(), 1, "{found:?}");
        assert!(errors[0].message.contains("押金"));
        assert_eq!(found.iter().filter(|f| !f.error).count(), 2, "{found:?}");
        assert!(check_text("工资日结，不收押金").next().is_none());
    }
}
