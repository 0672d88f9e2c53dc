//! Rules on every text of a file, whatever its kind: a length limit per field, and —
//! for the files whose fields have no text rules of their own (site.yaml, whose footer
//! is on every page, regions.yaml, markets, the front matter of pages) — personal data,
//! with phone fields held to phone numbers.

use super::personal_data::{personal_data, phone_problem};
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::yaml::{Node, Value};
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

/// Every text in `node` with its field path (`postings[2].title`) and its key.
fn walk<'a>(
    node: &'a Node,
    path: &mut String,
    key: &str,
    f: &mut impl FnMut(&str, &str, &'a Node, &'a str),
) {
    match &node.value {
        Value::Str(text) => f(path, key, node, text),
        Value::Seq(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                walk(item, path, key, f);
                path.truncate(len);
            }
        }
        Value::Map(entries) => {
            for (k, v) in entries {
                let Some(name) = k.as_str() else { continue };
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(name);
                walk(v, path, name, f);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

/// Texts over their field's limit, as errors naming the limit.
pub fn lengths(file: &Path, node: &Node, prefix: &str, diags: &mut Diagnostics) {
    let mut path = prefix.to_string();
    walk(node, &mut path, "", &mut |field, key, at, text| {
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
                field,
                format!(
                    "{chars} characters; `{key}` may hold at most {limit} — shorten it (a long text cannot be read on the board, the kiosk or the printed sheet)"
                ),
            ));
        }
    });
}

/// Personal data in every text, and phone fields (`phone`, a hotline's `number`) that
/// must hold a phone number.
pub fn personal(file: &Path, node: &Node, diags: &mut Diagnostics) {
    let mut path = String::new();
    walk(node, &mut path, "", &mut |field, key, at, text| {
        if key == "phone" || (key == "number" && field.contains("hotlines")) {
            if let Some(problem) = phone_problem(text) {
                diags.push(Diagnostic::error(file, at.pos, field, problem));
            }
            return;
        }
        for finding in personal_data(text, false) {
            diags.push(Diagnostic::error(file, at.pos, field, finding.message));
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
    fn a_text_over_its_field_s_limit_is_an_error_naming_the_limit() {
        let long = "长".repeat(61);
        let found = diags_of(
            &format!("postings:\n  - title: {long}\n    body: 短\n"),
            |f, n, d| lengths(f, n, "", d),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].field, "postings[0].title");
        assert!(
            found[0].message.contains("at most 60"),
            "{}",
            found[0].message
        );
        assert!(
            diags_of(&format!("title: {}\n", "长".repeat(60)), |f, n, d| lengths(
                f, n, "", d
            ))
            .is_empty()
        );
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
