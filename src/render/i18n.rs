//! UI strings: `themes/<theme>/i18n/<lang>.yaml`, a flat `key: text` map. A key
//! missing from the site's language falls back to Chinese, which is always complete.

use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct Strings(BTreeMap<String, String>);

impl Strings {
    /// Parses the language's strings over the Chinese ones.
    pub fn load(sources: &BTreeMap<String, String>, lang: &str) -> Result<Strings, String> {
        let parse = |name: &str| -> Result<BTreeMap<String, String>, String> {
            match sources.get(name) {
                Some(src) => {
                    serde_saphyr::from_str(src).map_err(|e| format!("i18n/{name}.yaml: {e}"))
                }
                None => Ok(BTreeMap::new()),
            }
        };
        let mut strings = parse("zh-CN")?;
        if lang != "zh-CN" {
            strings.extend(parse(lang)?);
        }
        Ok(Strings(strings))
    }

    /// The text for `key`; an empty string when no language has it.
    pub fn get(&self, key: &str) -> &str {
        self.0.get(key).map(String::as_str).unwrap_or("")
    }
}
