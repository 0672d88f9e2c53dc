//! Personal data a posting must not publish: mainland ID-card numbers (18 digits with
//! a valid GB 11643 check character, or the old 15), bank-card numbers (16 to 19 digits
//! passing Luhn's check) and personal mobiles outside the contact field.
//!
//! A number hidden by its writing is still found: every text is first brought to one
//! form ([`normalise`]): full-width digits and letters made ASCII, invisible characters
//! dropped, and any spacing, dots, dashes or line breaks between digits read as a gap
//! inside one number (a page shows a line break inside a number rejoined).

use super::rules::Finding;
use crate::diag::Msg;
use crate::diag::catalogue::rules as says;
use crate::msg;
use std::borrow::Cow;

/// Whether a character is invisible on a page (zero-width spaces and joiners, the word
/// joiner, the byte-order mark, the soft hyphen).
fn invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{ad}')
}

/// The text in one form for finding numbers: full-width digits, `Ｘ` and `＋` made
/// ASCII; spaces of every width, dashes of every kind, dots and middle dots made
/// one separator each (a space, a dash or a dot); invisible characters removed.
/// Text with none of these is returned as it is.
pub fn normalise(text: &str) -> Cow<'_, str> {
    let plain = |c: char| c.is_ascii() && c != '\t' && c != '\r' && c != '\n';
    if text
        .chars()
        .all(|c| plain(c) || (!c.is_ascii() && map_char(c) == Some(c)))
    {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().filter_map(map_char).collect())
}

/// One character in the form [`normalise`] makes (None: dropped).
fn map_char(c: char) -> Option<char> {
    Some(match c {
        '０'..='９' => char::from(b'0' + (u32::from(c) - u32::from('０')) as u8),
        'Ｘ' | 'ｘ' => 'X',
        '＋' => '+',
        '\t' | '\r' | '\n' | '\u{3000}' | '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' => ' ',
        '－' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '﹣' => '-',
        '．' | '·' | '・' => '.',
        c if invisible(c) => return None,
        c => c,
    })
}

/// Runs of digits, read as [`normalise`] would write the text: full-width digits are
/// digits, up to three separators of any width (spaces, dashes, dots, line breaks)
/// between two digits are a gap inside one number, invisible characters are nothing,
/// and a final X (or Ｘ) ends an ID number.
///
/// Every character that can start a run is ASCII or a full-width digit (EF BC 90–99),
/// so the text is walked byte by byte; other characters end a run.
fn digit_runs(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while let Some(start) = next_digit(bytes, i) {
        let (run, end) = run_at(text, start);
        runs.push(run);
        i = end;
    }
    runs
}

/// The digit at byte `i` and its length in bytes: ASCII or full-width.
fn digit_at(bytes: &[u8], i: usize) -> Option<(char, usize)> {
    match bytes.get(i..)? {
        [b, ..] if b.is_ascii_digit() => Some((char::from(*b), 1)),
        [0xef, 0xbc, d @ 0x90..=0x99, ..] => Some((char::from(b'0' + (d - 0x90)), 3)),
        _ => None,
    }
}

/// A separator at byte `i` (`Some(true)`: one that counts towards the gap; `Some(false)`:
/// an invisible character) and its length in bytes.
fn separator_at(text: &str, i: usize) -> Option<(bool, usize)> {
    let c = text.get(i..)?.chars().next()?;
    match map_char(c) {
        None => Some((false, c.len_utf8())),
        Some(' ' | '-' | '.')
            if !c.is_ascii() || matches!(c, ' ' | '-' | '.' | '\t' | '\n' | '\r') =>
        {
            Some((true, c.len_utf8()))
        }
        _ => None,
    }
}

/// The run of digits that starts at byte `i` (a digit), and where it ends.
fn run_at(text: &str, mut i: usize) -> (String, usize) {
    let bytes = text.as_bytes();
    let mut run = String::new();
    while i < bytes.len() {
        if let Some((d, len)) = digit_at(bytes, i) {
            run.push(d);
            i += len;
            continue;
        }
        if run.len() == 17 {
            let x = match &bytes[i..] {
                [b'X' | b'x', ..] => 1,
                [0xef, 0xbc, 0xb8, ..] | [0xef, 0xbd, 0x98, ..] => 3,
                _ => 0,
            };
            if x > 0 {
                run.push('X');
                i += x;
                break;
            }
        }
        // A gap: separators (at most three that show) and then a digit.
        let (mut j, mut shown) = (i, 0);
        while let Some((counts, len)) = separator_at(text, j) {
            shown += usize::from(counts);
            j += len;
            if shown > 3 {
                break;
            }
        }
        if j > i && shown <= 3 && digit_at(bytes, j).is_some() {
            i = j;
        } else {
            break;
        }
    }
    (run, i)
}

/// Where the next digit (ASCII or full-width) is, from byte `from`. Texts are mostly
/// Chinese with few digits: 32 bytes at a time are looked at without branches (vector
/// code) for an ASCII digit or the BC 90–99 that ends a full-width digit (with one byte
/// of the next block, so a pair across the boundary is seen), and only a block that
/// holds one is looked at byte by byte, from two bytes before it (where a full-width
/// digit that ends in it starts).
fn next_digit(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(block) = bytes.get(i..i + 33) {
        let mut hit = false;
        for k in 0..32 {
            hit |= block[k].is_ascii_digit()
                | ((block[k] == 0xbc) & (block[k + 1].wrapping_sub(0x90) < 10));
        }
        if hit {
            let found =
                (i.saturating_sub(2).max(from)..i + 32).find(|&p| digit_at(bytes, p).is_some());
            if found.is_some() {
                return found;
            }
        }
        i += 32;
    }
    (i.saturating_sub(2).max(from)..bytes.len()).find(|&p| digit_at(bytes, p).is_some())
}

/// A mainland mobile number: 11 digits starting with 1, or the same after 86 or 0086.
fn is_mobile(run: &str) -> bool {
    let national = run
        .strip_prefix("0086")
        .or_else(|| run.strip_prefix("86").filter(|r| r.len() == 11))
        .unwrap_or(run);
    national.len() == 11 && national.starts_with('1')
}

/// Why a phone field's text is not a phone number a worker can call, if it is not.
/// Digits, spaces, dashes, `+`, brackets and 转 (an extension) only; an ID-card or
/// bank-card number is never a phone number; the digits must make a mainland mobile
/// (11 digits, after +86 too), a landline with its area code (10 to 12 digits from 0),
/// a 400/800 number or a short service number (3 to 6 digits from 1 or 9: 110, 12333, 95588).
pub fn phone_problem(phone: &str) -> Option<Msg> {
    let shown = || crate::load::yaml::shorten(phone);
    let text = normalise(phone);
    if let Some(f) = personal_data(&text, true).into_iter().next() {
        return Some(msg!(says::PHONE_IS, value = shown(), finding = f.message));
    }
    if let Some(c) = text
        .chars()
        .find(|&c| !(c.is_ascii_digit() || " -+()（）转".contains(c)))
    {
        let hint = if matches!(c, 'O' | 'o' | 'l' | 'I') {
            let digit = if matches!(c, 'O' | 'o') { '0' } else { '1' };
            msg!(says::PHONE_LETTER, c = c, digit = digit)
        } else {
            Msg::empty()
        };
        return Some(msg!(says::PHONE_CHARACTERS, value = shown(), hint = hint));
    }
    let main = text.split('转').next().unwrap_or("");
    let digits: String = main.chars().filter(char::is_ascii_digit).collect();
    let national = digits
        .strip_prefix("0086")
        .or_else(|| digits.strip_prefix("86").filter(|d| d.len() == 11))
        .unwrap_or(&digits);
    let callable = match national.len() {
        3..=6 => national.starts_with('1') || national.starts_with('9'),
        10 => {
            national.starts_with('0') || national.starts_with("400") || national.starts_with("800")
        }
        11 => national.starts_with('1') || national.starts_with('0'),
        12 => national.starts_with('0'),
        _ => false,
    };
    (!callable).then(|| msg!(says::PHONE_UNCALLABLE, value = shown()))
}

/// The GB 11643 check character of an 18-character ID number.
fn id_check_ok(id: &str) -> bool {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: &[u8; 11] = b"10X98765432";
    let bytes = id.as_bytes();
    if bytes.len() != 18 || !bytes[..17].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = bytes[..17]
        .iter()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    CHECK[(sum % 11) as usize] == bytes[17].to_ascii_uppercase()
}

fn luhn_ok(digits: &str) -> bool {
    let mut sum = 0;
    for (i, b) in digits.bytes().rev().enumerate() {
        let mut d = u32::from(b - b'0');
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum % 10 == 0
}

/// Personal data in a published text. `contact_field` allows phone numbers (an
/// employer's contact number is meant to be published there).
pub fn personal_data(text: &str, contact_field: bool) -> Vec<Finding> {
    let mut out = Vec::new();
    for run in digit_runs(text) {
        // Most runs are prices, times and hotlines: the masked number is made only for
        // a finding.
        let masked = || format!("{}…", &run[..run.len().min(4)]);
        let message = if run.len() == 18 && id_check_ok(&run) {
            msg!(says::ID_CARD, masked = masked())
        } else if run.len() == 15 {
            msg!(says::ID_CARD_15, masked = masked())
        } else if (16..=19).contains(&run.len()) && !run.ends_with('X') && luhn_ok(&run) {
            msg!(says::BANK_CARD, masked = masked())
        } else if !contact_field && is_mobile(&run) {
            msg!(says::MOBILE_IN_TEXT, masked = masked())
        } else {
            continue;
        };
        out.push(Finding {
            error: true,
            message,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_and_bank_numbers_are_caught() {
        // A made-up ID with a valid check digit, and one with a wrong one.
        assert!(!personal_data("身份证 11010519491231002X", false).is_empty());
        assert!(personal_data("编号 110105194912310021", false).is_empty());
        assert!(
            personal_data("卡号 4111 1111 1111 1111", false)
                .iter()
                .any(|f| f.message.contains("bank"))
        );
        assert!(!personal_data("旧证 110105491231002", false).is_empty());
        assert!(!personal_data("联系13800000000", false).is_empty());
        assert!(personal_data("13800000000", true).is_empty());
        assert!(personal_data("工资180元，07:30开工", false).is_empty());
    }

    /// A made-up ID number with a valid check character.
    const ID: &str = "11010519491231002X";

    #[test]
    fn numbers_hidden_by_their_writing_are_found() {
        let written = [
            "身份证 110105 19491231 002X".to_string(),
            "身份证 110105.19491231.002X".to_string(),
            "身份证 110105-1949-1231-002X".to_string(),
            "身份证 １１０１０５１９４９１２３１００２Ｘ".to_string(),
            "身份证 110105\u{3000}19491231\u{3000}002X".to_string(),
            "身份证 1101\u{200b}0519491231\u{200d}002X".to_string(),
            "身份证 110105\n19491231002X".to_string(),
            format!("身份证 {}", ID.to_lowercase()),
        ];
        for text in &written {
            assert!(
                personal_data(text, false)
                    .iter()
                    .any(|f| f.message.contains("ID-card")),
                "{text:?}"
            );
        }
        for mobile in [
            "+86 138 0013 8000",
            "＋８６ １３８００１３８０００",
            "0086-13800138000",
            "138.0013.8000",
        ] {
            assert!(!personal_data(mobile, false).is_empty(), "{mobile}");
        }
        assert!(
            personal_data("卡号 ４１１１ １１１１ １１１１ １１１１", false)
                .iter()
                .any(|f| f.message.contains("bank")),
        );
        // Prices, times, dates and hotlines stay what they are.
        for text in [
            "工资 150-200 元/天，07:30 开工",
            "2026-11-27 起",
            "服务热线 0471-6960000",
            "12333",
        ] {
            assert!(personal_data(text, false).is_empty(), "{text}");
        }
    }

    #[test]
    fn phone_fields_take_only_phone_numbers() {
        for ok in [
            "138-0000-0123",
            "0471-6960000",
            "0471-0000-0101",
            "12333",
            "+86 138 0013 8000",
            "400-810-1234",
            "(0472)1234567",
            "0471-6960000转123",
        ] {
            assert_eq!(phone_problem(ok), None, "{ok}");
        }
        let id = phone_problem(ID).expect("an ID number");
        assert!(id.contains("ID-card"), "{id:?}");
        let letter = phone_problem("0472-0000-11O1").expect("a letter O");
        assert!(letter.contains("`O` is a letter"), "{letter:?}");
        for bad in ["4111 1111 1111 1111", "123456789", "0000", "abc"] {
            assert!(phone_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn luhn() {
        assert!(luhn_ok("4111111111111111"));
        assert!(!luhn_ok("4111111111111112"));
    }

    /// Skipping blocks without digits finds the same runs as looking at every byte,
    /// with digits on either side of every block boundary.
    #[test]
    fn digit_runs_equal_a_byte_by_byte_walk() {
        fn every_byte(text: &str) -> Vec<String> {
            let bytes = text.as_bytes();
            let mut runs = Vec::new();
            let mut i = 0;
            while i < bytes.len() {
                if digit_at(bytes, i).is_some() {
                    let (run, end) = run_at(text, i);
                    runs.push(run);
                    i = end;
                } else {
                    i += 1;
                }
            }
            runs
        }
        let pieces = [
            "工",
            "资",
            "a",
            " ",
            "-",
            "X",
            "0",
            "7",
            "13800000000",
            "，",
            "１",
            "Ｘ",
            "\u{3000}",
            "\u{200b}",
            "\n",
            "。",
        ];
        let mut rng = crate::test_rng::Rng(0x2545_f491_4f6c_dd1d);
        for _ in 0..5_000 {
            let text = rng.text(&pieces, 90);
            assert_eq!(digit_runs(&text), every_byte(&text), "{text:?}");
        }
    }
}
