//! `gigboard i18n`: the interface in the region's other languages, made by the bureau's
//! own translator rather than by programmers. Nobody writing gigboard can write
//! Mongolian a reader would trust, so the tool gives the translator a sheet and takes
//! it back checked:
//!
//! - `status`: for each language, how many interface texts it translates, how many are
//!   missing (those pages show Chinese) and how many are stale (the Chinese text changed
//!   since the translation was made);
//! - `export --lang mn FILE.xlsx|csv`: one row a text — key, Chinese, English, the
//!   language's current text, and the pages where it appears;
//! - `import FILE`: every row checked (a known key, the `{placeholders}` of the Chinese
//!   kept, the language's own script), every problem reported at once by sheet, row and
//!   key, and nothing written while there is one; then the site's theme gets the
//!   language's file (`themes/<theme>/i18n/<lang>.yaml`) and a record of the Chinese each
//!   text was translated from (`themes/<theme>/i18n-source/<lang>.yaml`), which is what
//!   makes "stale" known.

mod import;
mod rules;

pub use import::{ImportReport, import};

use crate::sheets::{self, NewSheet};
use crate::theme_files::BUILTIN;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Keys that say what a language file is, not interface texts.
pub(super) const META: [&str; 2] = ["lang_tag", "lang_name"];
/// The language every other one translates.
pub(super) const SOURCE: &str = "zh-CN";
/// The theme folder `import` writes into when site.yaml names none.
pub(super) const LOCAL_THEME: &str = "local";

/// One language's state, as `status` prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LangStatus {
    pub code: String,
    pub name: String,
    pub total: usize,
    pub translated: usize,
    pub missing: usize,
    /// Translated, but the Chinese has changed since.
    pub stale: usize,
}

/// The interface texts of one site: the built-in theme's files under the site theme's.
pub(super) struct Texts {
    /// The site theme's folder (`themes/<name>/`), and whether site.yaml names it.
    pub(super) theme_dir: PathBuf,
    pub(super) theme_named: bool,
    /// Language → its file's text.
    files: BTreeMap<String, String>,
    /// Language → the record of the Chinese its texts were made from.
    sources: BTreeMap<String, String>,
    /// Template name → source, for "where it appears".
    templates: BTreeMap<String, String>,
}

impl Texts {
    pub(super) fn load(root: &Path) -> Result<Texts, String> {
        let name = theme_name(root);
        let theme_named = name.is_some();
        let theme_dir = root
            .join("themes")
            .join(name.as_deref().unwrap_or(LOCAL_THEME));
        let mut texts = Texts {
            theme_dir,
            theme_named,
            files: BTreeMap::new(),
            sources: BTreeMap::new(),
            templates: BTreeMap::new(),
        };
        for (path, bytes) in BUILTIN.iter().copied() {
            texts.add(path, String::from_utf8_lossy(bytes).into_owned());
        }
        if theme_named && texts.theme_dir.is_dir() {
            for entry in walkdir::WalkDir::new(&texts.theme_dir)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
            {
                let Ok(rel) = entry.path().strip_prefix(&texts.theme_dir) else {
                    continue;
                };
                let rel = rel.to_string_lossy().replace('\\', "/");
                // Only texts: a theme's pictures and fonts are not read.
                if !["i18n/", "i18n-source/", "templates/"]
                    .iter()
                    .any(|folder| rel.starts_with(folder))
                {
                    continue;
                }
                let text = std::fs::read_to_string(entry.path())
                    .map_err(|e| format!("{}: {e}", entry.path().display()))?;
                texts.add(&rel, text);
            }
        }
        Ok(texts)
    }

    fn add(&mut self, path: &str, text: String) {
        let lang = |name: &str| name.strip_suffix(".yaml").map(str::to_string);
        if let Some(l) = path.strip_prefix("i18n/").and_then(lang) {
            self.files.insert(l, text);
        } else if let Some(l) = path.strip_prefix("i18n-source/").and_then(lang) {
            self.sources.insert(l, text);
        } else if let Some(t) = path.strip_prefix("templates/") {
            self.templates.insert(t.to_string(), text);
        }
    }

    pub(super) fn strings(&self, lang: &str) -> Result<BTreeMap<String, String>, String> {
        parse(self.files.get(lang), &format!("i18n/{lang}.yaml"))
    }

    pub(super) fn recorded(&self, lang: &str) -> Result<BTreeMap<String, String>, String> {
        parse(self.sources.get(lang), &format!("i18n-source/{lang}.yaml"))
    }

    /// The Chinese texts' keys in the order of the Chinese file (as a translator reads
    /// them: grouped by page), without the meta keys.
    pub(super) fn keys(&self) -> Vec<String> {
        let Some(zh) = self.files.get(SOURCE) else {
            return Vec::new();
        };
        zh.lines()
            .filter_map(|l| l.split_once(':').map(|(k, _)| k))
            .filter(|k| {
                !k.is_empty()
                    && k.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            })
            .filter(|k| !META.contains(k))
            .map(str::to_string)
            .collect()
    }

    /// The templates that show each key (`t.key`), by key.
    fn where_used(&self) -> BTreeMap<String, Vec<String>> {
        let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (name, src) in &self.templates {
            let page = name.trim_end_matches(".html");
            let mut rest = src.as_str();
            while let Some(at) = rest.find("t.") {
                let before = rest[..at].chars().next_back();
                rest = &rest[at + 2..];
                if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.') {
                    continue;
                }
                let end = rest
                    .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
                    .unwrap_or(rest.len());
                let key = &rest[..end];
                let pages = out.entry(key.to_string()).or_default();
                if !key.is_empty() && !pages.iter().any(|p| p == page) {
                    pages.push(page.to_string());
                }
            }
        }
        out
    }
}

fn parse(text: Option<&String>, name: &str) -> Result<BTreeMap<String, String>, String> {
    match text {
        Some(t) => serde_saphyr::from_str(t).map_err(|e| format!("{name}: {e}")),
        None => Ok(BTreeMap::new()),
    }
}

/// `theme:` of the site's settings, when it names one.
fn theme_name(root: &Path) -> Option<String> {
    let site = crate::load::SiteRoot {
        root: root.to_path_buf(),
    };
    if !site.content().join("site.yaml").is_file() {
        return None;
    }
    let config = crate::load::site_config(&site, &mut crate::diag::Diagnostics::default())?;
    config.value.theme.clone()
}

/// Every language but Chinese, and how much of it there is.
pub fn status(root: &Path) -> Result<Vec<LangStatus>, String> {
    let texts = Texts::load(root)?;
    let zh = texts.strings(SOURCE)?;
    let keys = texts.keys();
    let mut out = Vec::new();
    for code in texts.files.keys().filter(|c| *c != SOURCE) {
        let own = texts.strings(code)?;
        let recorded = texts.recorded(code)?;
        let translated = keys.iter().filter(|k| own.contains_key(*k)).count();
        let stale = keys
            .iter()
            .filter(|k| own.contains_key(*k))
            .filter(|k| recorded.get(*k).is_some_and(|was| Some(was) != zh.get(*k)))
            .count();
        out.push(LangStatus {
            code: code.clone(),
            name: own
                .get("lang_name")
                .cloned()
                .unwrap_or_else(|| code.clone()),
            total: keys.len(),
            translated,
            missing: keys.len() - translated,
            stale,
        });
    }
    Ok(out)
}

/// Header of the key column, and of the column saying where a text appears.
pub(super) const KEY_HEADER: &str = "键（key）";
const WHERE_HEADER: &str = "出现在（where）";

/// Writes the sheet a translator fills in for `lang`; returns how many texts it has.
pub fn export(root: &Path, lang: &str, file: &Path) -> Result<usize, String> {
    if lang == SOURCE {
        return Err(format!(
            "{SOURCE} 是原文，不用翻译；请选另一种语言，例如 --lang mn（{SOURCE} is the source language）"
        ));
    }
    let texts = Texts::load(root)?;
    let zh = texts.strings(SOURCE)?;
    let en = texts.strings("en")?;
    let own = texts.strings(lang)?;
    let used = texts.where_used();
    let name = own
        .get("lang_name")
        .cloned()
        .unwrap_or_else(|| lang.to_string());
    let mut header = vec![KEY_HEADER.to_string(), format!("中文（{SOURCE}）")];
    if lang != "en" {
        header.push("English（en）".to_string());
    }
    header.push(format!("{name}（{lang}）"));
    header.push(WHERE_HEADER.to_string());
    let keys = texts.keys();
    let rows: Vec<Vec<String>> = keys
        .iter()
        .map(|k| {
            let mut row = vec![k.clone(), zh.get(k).cloned().unwrap_or_default()];
            if lang != "en" {
                row.push(en.get(k).cloned().unwrap_or_default());
            }
            row.push(own.get(k).cloned().unwrap_or_default());
            row.push(used.get(k).map_or_else(
                || "程序文字（program text）".to_string(),
                |pages| pages.join("、"),
            ));
            row
        })
        .collect();
    let mut widths = vec![26.0, 40.0];
    if lang != "en" {
        widths.push(40.0);
    }
    widths.extend([40.0, 28.0]);
    let guide = NewSheet {
        name: "说明".into(),
        header: vec!["怎样翻译（how to translate）".into()],
        rows: GUIDE.iter().map(|l| vec![l.to_string()]).collect(),
        widths: vec![100.0],
    };
    let sheet = NewSheet {
        name: "翻译".into(),
        header,
        rows,
        widths,
    };
    sheets::write(file, &[sheet, guide]).map_err(|e| e.to_string())?;
    Ok(keys.len())
}

const GUIDE: &[&str] = &[
    "只改语言那一列（倒数第二列）。第一列的键不要改，也不要删行、加行。",
    "留空的格子表示还没有翻译：页面上显示中文。",
    "{n}、{name} 这样带大括号的部分原样保留，程序会把它换成数字或名称。",
    "蒙古文请用传统蒙古文（胡都木文）Unicode 输入；词尾附加成分前用窄不换行空格（U+202F）。",
    "改完保存，然后运行：gigboard i18n import 文件名。有问题会逐行列出，全部改对后才会写入。",
    "Only change the language's column (second from the right); keep the keys and rows as they are.",
    "An empty cell means not translated yet: the page shows the Chinese.",
    "Keep {placeholders} exactly as they are.",
    "Then run: gigboard i18n import FILE. Every problem is listed by row; nothing is written until all are fixed.",
];
