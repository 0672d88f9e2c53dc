//! A message in both languages an editor may read it in, and the language chosen.
//!
//! Every text a command shows an editor comes from the catalogue (`catalogue/`): an
//! [`Entry`] has a stable code and a template in Chinese and in English, with `{name}`
//! holes. Filling the holes makes a [`Msg`], which keeps both texts, so the same
//! diagnostic prints in whichever language the run was asked for, and the check store
//! can keep it without knowing the language.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt::Display;

/// The language of the messages: Chinese unless asked otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// The variable a user may set instead of passing `--lang` every time.
pub const LANG_VAR: &str = "GIGBOARD_LANG";

impl Lang {
    /// `en`, `en-GB`, `en_US.UTF-8` → English; `zh`, `zh-CN`, `mn` (no Mongolian
    /// messages yet: Chinese, the region's common language) → Chinese; anything else:
    /// not a language we know.
    pub fn parse(text: &str) -> Option<Lang> {
        let code = text
            .trim()
            .split(['-', '_', '.'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match code.as_str() {
            "en" => Some(Lang::En),
            "zh" | "cn" | "mn" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// `--lang` when given, else `GIGBOARD_LANG`, else the site's `language`, else Chinese.
    /// The general `LANG` is not read: a county's server is often set to English
    /// without anyone choosing it, and the bureau reads Chinese.
    pub fn choose(flag: Option<&str>, site_language: Option<&str>) -> Lang {
        let env = std::env::var(LANG_VAR).ok();
        [flag, env.as_deref(), site_language]
            .into_iter()
            .flatten()
            .find_map(Lang::parse)
            .unwrap_or_default()
    }
}

/// One catalogue entry: a stable code and its text in both languages.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub code: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

/// A value put into an entry's `{hole}`: the same in both languages (a number, a
/// field name, the editor's own text) or itself a message (a hint, a kind of value).
pub trait Arg {
    fn in_lang(&self, lang: Lang) -> Cow<'_, str>;
}

impl<T: Display + ?Sized> Arg for T {
    fn in_lang(&self, _: Lang) -> Cow<'_, str> {
        Cow::Owned(self.to_string())
    }
}

impl Arg for Msg {
    fn in_lang(&self, lang: Lang) -> Cow<'_, str> {
        Cow::Borrowed(self.text(lang))
    }
}

impl Entry {
    /// The entry as it stands (it has no holes).
    pub fn msg(&self) -> Msg {
        self.with(&[])
    }

    /// The entry with its holes filled.
    pub fn with(&self, args: &[(&str, &dyn Arg)]) -> Msg {
        Msg {
            code: self.code.to_string(),
            zh: fill(self.zh, args, Lang::Zh),
            en: fill(self.en, args, Lang::En),
        }
    }
}

/// The template cut at its holes: text, then `Some(name)` for each `{name}`. Only a
/// lower-case name is a hole, so an example such as `contact: {name, phone}` is text.
fn pieces(template: &str) -> Vec<(&str, Option<&str>)> {
    let mut out = Vec::new();
    let mut rest = template;
    let mut text_from = 0;
    let mut at = 0;
    while let Some(open) = rest[at..].find('{').map(|i| i + at) {
        let after = &rest[open + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_lowercase() || c == '_'))
            .unwrap_or(after.len());
        if name_len > 0 && after[name_len..].starts_with('}') {
            out.push((&rest[text_from..open], Some(&after[..name_len])));
            rest = &after[name_len + 1..];
            text_from = 0;
            at = 0;
        } else {
            at = open + 1;
        }
    }
    out.push((&rest[text_from..], None));
    out
}

/// `{name}` holes replaced by their values; a hole without a value stays as written
/// (the catalogue's test makes sure every hole is given one).
fn fill(template: &str, args: &[(&str, &dyn Arg)], lang: Lang) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    for (text, hole) in pieces(template) {
        out.push_str(text);
        if let Some(name) = hole {
            match args.iter().find(|(n, _)| *n == name) {
                Some((_, value)) => out.push_str(&value.in_lang(lang)),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            }
        }
    }
    out
}

/// The names of an entry's holes, sorted (for the catalogue's own test).
pub fn holes(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = pieces(template)
        .into_iter()
        .filter_map(|(_, h)| h)
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// A filled message: its code and both texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Msg {
    pub code: String,
    pub zh: String,
    pub en: String,
}

/// Marks a message carried through serde as text (see [`Msg::carried`]).
const CARRIED: char = '\u{1f}';

impl Msg {
    /// No message: what [`Msg::then`] adds nothing with.
    pub fn empty() -> Msg {
        Msg {
            code: String::new(),
            zh: String::new(),
            en: String::new(),
        }
    }

    /// The message as one text that serde's `Error::custom` can carry out of a value
    /// type's `Deserialize` to the decoder, which turns it back with [`Msg::from_carried`].
    pub fn carried(&self) -> String {
        [CARRIED.to_string().as_str(), &self.code, &self.zh, &self.en].join(&CARRIED.to_string())
    }

    /// A message written by [`Msg::carried`]; `None` for any other text.
    pub fn from_carried(text: &str) -> Option<Msg> {
        let mut parts = text.strip_prefix(CARRIED)?.split(CARRIED);
        let (_, code, zh, en) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
        Some(Msg {
            code: code.to_string(),
            zh: zh.to_string(),
            en: en.to_string(),
        })
    }

    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// This message followed by another (a hint): the code stays this one's.
    pub fn then(mut self, more: Msg) -> Msg {
        self.zh.push_str(&more.zh);
        self.en.push_str(&more.en);
        self
    }

    /// This message followed by `more` when there is one.
    pub fn then_maybe(self, more: Option<Msg>) -> Msg {
        match more {
            Some(m) => self.then(m),
            None => self,
        }
    }

    /// Messages joined into one (a list of names): `、` between them in Chinese, `, ` in
    /// English; the code is the first one's.
    pub fn join(parts: impl IntoIterator<Item = Msg>) -> Msg {
        let mut out = Msg::empty();
        for (i, part) in parts.into_iter().enumerate() {
            if i == 0 {
                out.code = part.code;
            } else {
                out.zh.push('、');
                out.en.push_str(", ");
            }
            out.zh.push_str(&part.zh);
            out.en.push_str(&part.en);
        }
        out
    }

    /// Either text contains `needle` (for tests and for mapping messages back).
    pub fn contains(&self, needle: &str) -> bool {
        self.zh.contains(needle) || self.en.contains(needle)
    }
}

/// `msg!(ENTRY)` or `msg!(ENTRY, hole = value, …)`: a catalogue entry, filled.
#[macro_export]
macro_rules! msg {
    ($entry:expr) => {
        $entry.msg()
    };
    ($entry:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $entry.with(&[$((stringify!($name), &$value as &dyn $crate::diag::Arg)),+])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    const E: Entry = Entry {
        code: "t",
        zh: "第 {n} 条：{hint}",
        en: "item {n}: {hint}",
    };
    const HINT: Entry = Entry {
        code: "h",
        zh: "请改",
        en: "fix it",
    };

    #[test]
    fn holes_take_plain_values_and_messages_in_each_language() {
        let m = msg!(E, n = 3, hint = msg!(HINT));
        assert_eq!(m.zh, "第 3 条：请改");
        assert_eq!(m.en, "item 3: fix it");
        assert_eq!(m.code, "t");
        assert_eq!(holes(E.zh), ["hint", "n"]);
        assert_eq!(holes("add `contact: {name, phone}` for {who}"), ["who"]);
        let example = Entry {
            code: "x",
            zh: "{a} 和 {b, c}",
            en: "",
        };
        assert_eq!(msg!(example, a = 1).zh, "1 和 {b, c}");
        assert_eq!(Msg::from_carried(&m.carried()), Some(m));
        assert_eq!(Msg::from_carried("plain words"), None);
    }

    #[test]
    fn the_language_comes_from_the_flag_then_the_site() {
        assert_eq!(Lang::parse("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::choose(Some("en"), Some("zh-CN")), Lang::En);
    }
}
