//! Rules on every text of a file, whatever its kind: a length limit per field, and —
//! for the files whose fields have no text rules of their own (site.yaml, whose footer
//! is on every page, regions.yaml, markets, the front matter of pages) — personal data,
//! with phone fields held to phone numbers.

use super::personal_data::{personal_data, phone_problem};
use crate::diag::Msg;
use crate::diag::catalogue::rules as says;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::yaml::{Node, Value};
use crate::msg;
use std::path::Path;

/// The most characters a field may hold, by its name; a field not named here gets
/// [`OTHER`]. A title longer than a line of a phone screen cannot be read on the board,
/// the kiosk or the printed sheet.
const LIMITS: &[(&str, usize)] = &[
    ("title", 60),
    ("name", 100),
    ("name_mn", 200),
    ("organiser", 100),
    ("by", 60),
    ("phone", 40),
    ("number", 40),
    ("label", 60),
    ("address", 200),
    ("place", 200),
    ("hours", 100),
    ("requirements", 1_000),
    ("description", 2_000),
    ("body", 10_000),
];

/// Any other text.
const OTHER: usize = 2_000;

/// The limit for a field named `key`.
pub fn limit_of(key: &str) -> usize {
    LIMITS
        .iter()
        .find(|(name, _)| *name == key)
        .map_or(OTHER, |(_, n)| *n)
}

/// One step of a field's path: a key or a list index.
#[derive(Clone, Copy)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// A field path as diagnostics write it (`postings[2].title`), made only for a finding.
fn path_of(prefix: &str, steps: &[Step<'_>]) -> String {
    let mut path = prefix.to_string();
    for step in steps {
        match step {
            Step::Key(k) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Step::Index(i) => path.push_str(&format!("[{i}]")),
        }
    }
    path
}

/// Calls `f` with every text in `node`, the steps to it and the key it is under.
fn walk<'a>(
    node: &'a Node,
    steps: &mut Vec<Step<'a>>,
    key: &'a str,
    f: &mut impl FnMut(&[Step<'a>], &'a str, &'a Node, &'a str),
) {
    match &node.value {
        Value::Str(text) => f(steps, key, node, text),
        Value::Seq(items) => {
            for (i, item) in items.iter().enumerate() {
                steps.push(Step::Index(i));
                walk(item, steps, key, f);
                steps.pop();
            }
        }
        Value::Map(entries) => {
            for (k, v) in entries {
                let Some(name) = k.as_str() else { continue };
                steps.push(Step::Key(name));
                walk(v, steps, name, f);
                steps.pop();
            }
        }
        _ => {}
    }
}

/// The rules on every text of a file: its field's length limit, and no fill-in left
/// from a template (see [`fill_in_problem`]).
pub fn every_text(file: &Path, node: &Node, diags: &mut Diagnostics) {
    every_text_under(file, node, Vec::new(), diags);
}

/// [`every_text`] of the `index`th posting of a feed.
pub fn every_posting_text(file: &Path, node: &Node, index: usize, diags: &mut Diagnostics) {
    every_text_under(
        file,
        node,
        vec![Step::Key("postings"), Step::Index(index)],
        diags,
    );
}

fn every_text_under<'a>(
    file: &Path,
    node: &'a Node,
    mut steps: Vec<Step<'a>>,
    diags: &mut Diagnostics,
) {
    walk(node, &mut steps, "", &mut |steps, key, at, text| {
        if let Some(problem) = fill_in_problem(key, text) {
            diags.push(Diagnostic::error(file, at.pos, path_of("", steps), problem));
        }
        let limit = limit_of(key);
        // A text of no more bytes than the limit has no more characters either.
        if text.len() <= limit {
            return;
        }
        let chars = text.chars().count();
        if chars > limit {
            diags.push(Diagnostic::error(
                file,
                at.pos,
                path_of("", steps),
                msg!(says::TOO_LONG, chars = chars, key = key, limit = limit),
            ));
        }
    });
}

/// The mark every fill-in of gigboard's templates carries: `（请填写岗位名称）`.
pub const FILL_IN: &str = "请填写";

/// A text still as a template wrote it: a `（请填写…）` fill-in, or in a phone field
/// (`phone`, `number`) a number of zeros or the template's `138-0000-0000`. Such a
/// text would be published as if it were true (a `tel:` link that calls nobody).
pub fn fill_in_problem(key: &str, text: &str) -> Option<Msg> {
    // Every text of every posting passes here: memchr's vector search, built once, is
    // a fraction of `str::contains` on a three-character needle.
    static FINDER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(FILL_IN));
    if FINDER.find(text.as_bytes()).is_some() {
        let shown: String = text.trim().chars().take(30).collect();
        return Some(msg!(says::FILL_IN, shown = shown));
    }
    if key == "phone" || key == "number" {
        let national = text
            .trim()
            .strip_prefix("+86")
            .or_else(|| text.trim().strip_prefix("0086"))
            .unwrap_or(text);
        let digits: String = national.chars().filter(char::is_ascii_digit).collect();
        if !digits.is_empty() && (digits.bytes().all(|b| b == b'0') || digits == "13800000000") {
            return Some(msg!(says::FAKE_PHONE, value = text));
        }
    }
    None
}

/// Personal data in every text, and phone fields (`phone`, a hotline's `number`) that
/// must hold a phone number.
pub fn personal(file: &Path, node: &Node, diags: &mut Diagnostics) {
    walk(node, &mut Vec::new(), "", &mut |steps, key, at, text| {
        let in_hotlines = steps.iter().any(|s| matches!(s, Step::Key("hotlines")));
        if key == "phone" || (key == "number" && in_hotlines) {
            if let Some(problem) = phone_problem(text) {
                diags.push(Diagnostic::error(file, at.pos, path_of("", steps), problem));
            }
            return;
        }
        for finding in personal_data(text, false) {
            diags.push(Diagnostic::error(
                file,
                at.pos,
                path_of("", steps),
                finding.message,
            ));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diags_of(yaml: &str, check: impl Fn(&Path, &Node, &mut Diagnostics)) -> Vec<Diagnostic> {
        let node = crate::load::yaml::parse(yaml).expect("yaml");
        let mut diags = Diagnostics::default();
        check(Path::new("content/x.yaml"), &node, &mut diags);
        diags.into_vec()
    }

    #[test]
    fn template_fill_ins_and_made_up_numbers_are_found() {
        assert!(fill_in_problem("title", "（请填写岗位名称）").is_some());
        assert!(fill_in_problem("body", "工作内容：请填写").is_some());
        assert!(fill_in_problem("number", "0000-0000-0000").is_some());
        assert!(fill_in_problem("phone", "138-0000-0000").is_some());
        assert!(fill_in_problem("phone", "+86 000 0000 0000").is_some());
        // Real-looking numbers with zeros in them, and zeros outside phone fields, pass.
        assert!(fill_in_problem("phone", "138-0000-0592").is_none());
        assert!(fill_in_problem("number", "0471-0000-0101").is_none());
        assert!(fill_in_problem("icp", "蒙ICP备00000000号-1").is_none());
        assert!(fill_in_problem("title", "小区楼道保洁").is_none());
    }

    #[test]
    fn a_text_over_its_field_s_limit_is_an_error_naming_the_limit() {
        let long = "长".repeat(61);
        let found = diags_of(
            &format!("postings:\n  - title: {long}\n    body: 短\n"),
            every_text,
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].field, "postings[0].title");
        assert!(
            found[0].message.contains("at most 60"),
            "{:?}",
            found[0].message
        );
        assert!(diags_of(&format!("title: {}\n", "长".repeat(60)), every_text).is_empty());
    }

    #[test]
    fn personal_data_and_wrong_phones_are_found_in_any_field() {
        let yaml = "footer:\n  text: 联系人身份证 110105 19491231 002X\nhotlines:\n  - {kind: service, number: 0472-0000-11O1}\n  - {kind: rights, number: 12333}\n";
        let found = diags_of(yaml, personal);
        let fields: Vec<&str> = found.iter().map(|d| d.field.as_str()).collect();
        assert_eq!(fields, ["footer.text", "hotlines[0].number"], "{found:?}");
        assert!(found[1].message.contains("`O` is a letter"));
    }
}
