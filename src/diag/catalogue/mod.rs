//! Every message gigboard shows an editor, with a stable code and its text in Chinese
//! and English: one place to read, review and translate them. Each file holds one
//! stage's messages; the codes start with the stage (`yaml.`, `posting.`, `market.` …)
//! and never change once published, because scripts read them from `--format json`.
//!
//! Texts use `{name}` holes, filled by [`crate::msg!`]. Chinese texts say what is wrong
//! and what to do, in the words of the templates and the spreadsheet columns.

use super::message::Entry;

/// Declares entries and the file's list of them (`ALL`), so the test sees every one.
macro_rules! entries {
    ($($(#[$doc:meta])* $name:ident = $code:literal, $zh:literal, $en:literal;)*) => {
        $( $(#[$doc])* pub const $name: $crate::diag::Entry =
            $crate::diag::Entry { code: $code, zh: $zh, en: $en }; )*
        /// Every entry of this file.
        pub const ALL: &[$crate::diag::Entry] = &[$($name),*];
    };
}

pub mod reading;
pub mod records;
pub mod rules;
pub mod run;
pub mod site;
pub mod start;

/// Every entry of the catalogue.
pub fn all() -> impl Iterator<Item = &'static Entry> {
    [
        reading::ALL,
        site::ALL,
        records::ALL,
        rules::ALL,
        run::ALL,
        start::ALL,
    ]
    .into_iter()
    .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::holes;
    use std::collections::BTreeSet;

    fn chinese(text: &str) -> usize {
        text.chars()
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            .count()
    }

    /// English may quote a Chinese term (审图号, a law's name): it is still mostly English.
    fn is_english(text: &str) -> bool {
        text.chars().filter(char::is_ascii_alphabetic).count() > 2 * chinese(text)
    }

    #[test]
    fn every_code_is_unique_and_names_its_stage() {
        let mut seen = BTreeSet::new();
        for e in all() {
            assert!(seen.insert(e.code), "code {} is used twice", e.code);
            assert!(e.code.contains('.'), "code {} has no stage", e.code);
        }
    }

    #[test]
    fn both_languages_have_the_same_holes_and_each_is_in_its_language() {
        for e in all() {
            assert_eq!(holes(e.zh), holes(e.en), "{}: holes differ", e.code);
            assert!(
                chinese(e.zh) > 0,
                "{}: the Chinese text is not Chinese",
                e.code
            );
            assert!(
                is_english(e.en),
                "{}: the English text is not English",
                e.code
            );
            assert!(!e.zh.trim().is_empty() && !e.en.trim().is_empty());
        }
    }
}
