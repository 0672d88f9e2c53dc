//! UI strings: `themes/<theme>/i18n/<lang>.yaml`, a flat `key: text` map. A key
//! missing from the site's language falls back to Chinese, which is always complete.
//!
//! Each file also says who it is: `lang_tag` (the BCP 47 tag its pages carry, e.g.
//! `mn-Mong` for Mongolian in the traditional script) and `lang_name` (the language's
//! own name, shown in the language switcher). These two are read from the file itself,
//! never from the Chinese fallback.

use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct Strings(BTreeMap<String, String>);

/// The tag of the language every file falls back to.
pub const FALLBACK_TAG: &str = "zh-CN";

/// One interface language of a site, as its i18n file describes it.
#[derive(Debug, Clone, Serialize)]
pub struct Language {
    /// The i18n file's name: `zh-CN`, `en`, `mn`.
    pub code: String,
    /// The BCP 47 tag of text in this language: `mn-Mong`.
    pub tag: String,
    /// The language's name for itself: `ᠮᠣᠩᠭᠣᠯ`.
    pub name: String,
    /// The tag of the language a page in this language is mostly written in: `tag` when
    /// the file translates at least half of the strings, else Chinese (the fallback
    /// fills most of the page, so `<html lang>` says Chinese).
    pub page_tag: String,
    /// Strings the file itself translates, of all the Chinese ones.
    pub translated: usize,
    pub total: usize,
}

fn parse(
    sources: &BTreeMap<String, String>,
    name: &str,
) -> Result<BTreeMap<String, String>, String> {
    match sources.get(name) {
        Some(src) => serde_saphyr::from_str(src).map_err(|e| format!("i18n/{name}.yaml: {e}")),
        None => Ok(BTreeMap::new()),
    }
}

impl Strings {
    /// Parses the language's strings over the Chinese ones.
    pub fn load(sources: &BTreeMap<String, String>, lang: &str) -> Result<Strings, String> {
        Ok(Self::load_language(sources, lang)?.0)
    }

    /// The language's strings over the Chinese ones, and what the file says about itself.
    pub fn load_language(
        sources: &BTreeMap<String, String>,
        lang: &str,
    ) -> Result<(Strings, Language), String> {
        let mut strings = parse(sources, "zh-CN")?;
        let own = if lang == "zh-CN" {
            strings.clone()
        } else {
            parse(sources, lang)?
        };
        let total = strings.len();
        let translated = own.keys().filter(|k| strings.contains_key(*k)).count();
        let tag = own
            .get("lang_tag")
            .cloned()
            .unwrap_or_else(|| lang.to_string());
        let name = own.get("lang_name").cloned().unwrap_or_else(|| tag.clone());
        let page_tag = if translated * 2 >= total {
            tag.clone()
        } else {
            FALLBACK_TAG.to_string()
        };
        if lang != "zh-CN" {
            strings.extend(own);
        }
        let language = Language {
            code: lang.to_string(),
            tag,
            name,
            page_tag,
            translated,
            total,
        };
        Ok((Strings(strings), language))
    }

    /// The text for `key`; an empty string when no language has it.
    pub fn get(&self, key: &str) -> &str {
        self.0.get(key).map(String::as_str).unwrap_or("")
    }

    /// The text for `key`, None when no language has it (`t.key` is then an error in a
    /// template, as Tera says).
    pub fn find(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    /// The built-in i18n files by language.
    fn builtin() -> BTreeMap<String, String> {
        crate::theme_files::BUILTIN
            .iter()
            .filter_map(|(path, bytes)| {
                let lang = path.strip_prefix("i18n/")?.strip_suffix(".yaml")?;
                Some((
                    lang.to_string(),
                    String::from_utf8_lossy(bytes).into_owned(),
                ))
            })
            .collect()
    }

    fn keys(src: &str) -> Vec<String> {
        let map: BTreeMap<String, String> = serde_saphyr::from_str(src).expect("i18n YAML");
        map.into_keys().collect()
    }

    #[test]
    fn english_translates_every_chinese_string() {
        let i18n = builtin();
        let en = keys(&i18n["en"]);
        let missing: Vec<String> = keys(&i18n["zh-CN"])
            .into_iter()
            .filter(|k| !en.contains(k))
            .collect();
        assert!(missing.is_empty(), "en.yaml lacks {missing:?}");
        let extra: Vec<&String> = en
            .iter()
            .filter(|k| !keys(&i18n["zh-CN"]).contains(k))
            .collect();
        assert!(
            extra.is_empty(),
            "en.yaml has keys Chinese lacks: {extra:?}"
        );
    }

    #[test]
    fn mongolian_strings_are_in_the_traditional_script_and_fall_back_to_chinese() {
        let i18n = builtin();
        let zh = keys(&i18n["zh-CN"]);
        let own: BTreeMap<String, String> = serde_saphyr::from_str(&i18n["mn"]).expect("mn.yaml");
        for (k, v) in own.iter().filter(|(k, _)| *k != "lang_tag") {
            assert!(zh.contains(k), "mn.yaml has `{k}`, which Chinese lacks");
            // Every letter is Mongolian; digits, spaces and {placeholders} may mix in.
            let foreign: String = v
                .chars()
                .filter(|c| c.is_alphabetic() && !('\u{1800}'..='\u{18AF}').contains(c))
                .collect();
            let placeholders: String = v
                .split('{')
                .skip(1)
                .filter_map(|s| s.split('}').next())
                .collect();
            let foreign: String = foreign
                .chars()
                .filter(|c| !placeholders.contains(*c))
                .collect();
            assert!(
                foreign.is_empty(),
                "mn.yaml `{k}` has non-Mongolian letters: {foreign}"
            );
        }
        let (t, lang) = Strings::load_language(&i18n, "mn").expect("mn");
        assert_eq!(lang.tag, "mn-Mong");
        assert_eq!(
            t.get("skip_to_content"),
            "跳到正文",
            "untranslated keys fall back"
        );
        assert!(lang.translated < lang.total);
    }

    #[test]
    fn a_page_says_the_language_most_of_its_text_is_in() {
        let i18n = builtin();
        let (_, en) = Strings::load_language(&i18n, "en").expect("en");
        assert_eq!((en.tag.as_str(), en.page_tag.as_str()), ("en", "en"));
        assert_eq!(en.name, "English");
        let (_, zh) = Strings::load_language(&i18n, "zh-CN").expect("zh");
        assert_eq!((zh.tag.as_str(), zh.page_tag.as_str()), ("zh-CN", "zh-CN"));
        // Mongolian is only partly translated: its pages are mostly Chinese.
        let (_, mn) = Strings::load_language(&i18n, "mn").expect("mn");
        assert_eq!(mn.page_tag, "zh-CN");
        let mut half = i18n.clone();
        let zh_keys = keys(&i18n["zh-CN"]);
        let most: String = zh_keys
            .iter()
            .filter(|k| *k != "lang_tag")
            .map(|k| format!("{k}: ᠠ\n"))
            .collect::<String>()
            + "lang_tag: mn-Mong\n";
        half.insert("mn".into(), most);
        let (_, mn) = Strings::load_language(&half, "mn").expect("mn");
        assert_eq!(mn.page_tag, "mn-Mong");
    }
}
