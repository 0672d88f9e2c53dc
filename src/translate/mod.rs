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

use crate::sheets::{self, NewSheet, Sheet};
use crate::theme_files::BUILTIN;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Keys that say what a language file is, not interface texts.
const META: [&str; 2] = ["lang_tag", "lang_name"];
/// The language every other one translates.
const SOURCE: &str = "zh-CN";
/// The theme folder `import` writes into when site.yaml names none.
const LOCAL_THEME: &str = "local";

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
struct Texts {
    /// The site theme's folder (`themes/<name>/`), and whether site.yaml names it.
    theme_dir: PathBuf,
    theme_named: bool,
    /// Language → its file's text.
    files: BTreeMap<String, String>,
    /// Language → the record of the Chinese its texts were made from.
    sources: BTreeMap<String, String>,
    /// Template name → source, for "where it appears".
    templates: BTreeMap<String, String>,
}

impl Texts {
    fn load(root: &Path) -> Result<Texts, String> {
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

    fn strings(&self, lang: &str) -> Result<BTreeMap<String, String>, String> {
        parse(self.files.get(lang), &format!("i18n/{lang}.yaml"))
    }

    fn recorded(&self, lang: &str) -> Result<BTreeMap<String, String>, String> {
        parse(self.sources.get(lang), &format!("i18n-source/{lang}.yaml"))
    }

    /// The Chinese texts' keys in the order of the Chinese file (as a translator reads
    /// them: grouped by page), without the meta keys.
    fn keys(&self) -> Vec<String> {
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
const KEY_HEADER: &str = "键（key）";
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

/// What an import changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    pub lang: String,
    pub added: usize,
    pub changed: usize,
    pub unchanged: usize,
    /// The language file written.
    pub written: PathBuf,
    /// site.yaml got `theme: local` (it named no theme folder to write into).
    pub theme_added: bool,
}

/// Reads a filled-in sheet and, when every row is right, writes the language's file.
/// Every problem comes back at once, as `FILE:工作表 NAME:第 N 行:key: …`.
pub fn import(root: &Path, file: &Path, lang: Option<&str>) -> Result<ImportReport, Vec<String>> {
    let one = |e: String| vec![e];
    let texts = Texts::load(root).map_err(one)?;
    let zh = texts.strings(SOURCE).map_err(one)?;
    let all = sheets::read(file).map_err(|e| vec![e.to_string()])?;
    let Some(sheet) = all.iter().find(|s| {
        s.rows
            .first()
            .is_some_and(|h| h.iter().any(|c| c == KEY_HEADER))
    }) else {
        return Err(one(format!(
            "{}: 没有找到“{KEY_HEADER}”这一列：请用 gigboard i18n export 导出的表格（no sheet with a `{KEY_HEADER}` column）",
            file.display()
        )));
    };
    let (key_col, lang_col, code) = columns(sheet, lang).map_err(|e| {
        vec![format!(
            "{}:工作表 {}:第 1 行: {e}",
            file.display(),
            sheet.name
        )]
    })?;
    let mut problems = Vec::new();
    let mut given: Vec<(String, String)> = Vec::new();
    for (i, row) in sheet.rows.iter().enumerate().skip(1) {
        let key = row.get(key_col).map_or("", |k| k.trim());
        if key.is_empty() {
            continue;
        }
        let at = format!(
            "{}:工作表 {}:第 {} 行:{key}",
            file.display(),
            sheet.name,
            i + 1
        );
        let text = unformula(row.get(lang_col).map_or("", |t| t.trim()));
        let Some(chinese) = zh.get(key).filter(|_| !META.contains(&key)) else {
            problems.push(format!(
                "{at}: 没有这个键，请不要改第一列（unknown key: keep the first column as exported）"
            ));
            continue;
        };
        if text.is_empty() {
            continue;
        }
        if let Some(problem) = text_problem(chinese, text, &code) {
            problems.push(format!("{at}: {problem}"));
            continue;
        }
        given.push((key.to_string(), text.to_string()));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    write_language(root, &texts, &zh, &code, given).map_err(one)
}

/// The key column, the language's column and the language's code (from `lang`, or
/// from the one header that names a language other than Chinese and English).
fn columns(sheet: &Sheet, lang: Option<&str>) -> Result<(usize, usize, String), String> {
    let header = &sheet.rows[0];
    let key_col = header
        .iter()
        .position(|c| c == KEY_HEADER)
        .ok_or_else(|| format!("没有“{KEY_HEADER}”列"))?;
    let codes: Vec<(usize, String)> = header
        .iter()
        .enumerate()
        .filter_map(|(i, c)| Some((i, bracketed(c)?)))
        .filter(|(_, code)| code != "key" && code != "where" && code != SOURCE)
        .collect();
    let pick = match lang {
        Some(l) => codes.iter().find(|(_, c)| c == l).cloned(),
        None => match codes.iter().filter(|(_, c)| c != "en").count() {
            0 => codes.iter().find(|(_, c)| c == "en").cloned(),
            1 => codes.iter().find(|(_, c)| c != "en").cloned(),
            _ => {
                return Err("表格里有几种语言，请用 --lang 说明导入哪一种（several languages: say which with --lang）".into());
            }
        },
    };
    let (col, code) = pick.ok_or_else(|| {
        format!(
            "没有{}这一列（no column for {}）",
            lang.unwrap_or("译文"),
            lang.unwrap_or("the language")
        )
    })?;
    Ok((key_col, col, code))
}

/// `mn` from `ᠮᠣᠩᠭᠣᠯ（mn）` or `Mongolian (mn)`.
fn bracketed(header: &str) -> Option<String> {
    let open = header.rfind(['（', '('])?;
    let inner = &header[open..];
    let inner = inner.trim_start_matches(['（', '(']);
    let close = inner.find(['）', ')'])?;
    Some(inner[..close].trim().to_string())
}

/// A cell the CSV export wrote with a leading `'` (so that no spreadsheet runs it as a
/// formula), as it was.
fn unformula(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => text,
    }
}

/// `{n}`, `{name}`: the parts a program fills in.
fn placeholders(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        out.push(&rest[open..open + close + 1]);
        rest = &rest[open + close + 1..];
    }
    out.sort_unstable();
    out
}

/// The text without its `{placeholders}`.
fn without_placeholders(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        match rest[open..].find('}') {
            Some(close) => rest = &rest[open + close + 1..],
            None => {
                rest = &rest[open..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

fn is_mongolian(c: char) -> bool {
    matches!(c, '\u{1800}'..='\u{18AF}')
}

/// What is wrong with `text` as the translation of `chinese` into `code`.
fn text_problem(chinese: &str, text: &str, code: &str) -> Option<String> {
    if let Some(c) = text.chars().find(|c| c.is_control()) {
        return Some(format!(
            "有看不见的控制字符 U+{:04X}，请删掉（a control character）",
            u32::from(c)
        ));
    }
    let (want, got) = (placeholders(chinese), placeholders(text));
    if want != got {
        return Some(format!(
            "大括号部分要和中文一样：中文有 {}，译文有 {}（keep the placeholders）",
            shown(&want),
            shown(&got)
        ));
    }
    let han_source = chinese.chars().any(is_han);
    if code.starts_with("mn") && han_source {
        if let Some(c) = text.chars().find(|c| is_han(*c)) {
            return Some(format!(
                "译文里有汉字“{c}”：请全部用蒙古文（Chinese characters in a Mongolian text）"
            ));
        }
        // Words, not only numbers and signs (`{y}.{m}.{d}` is a whole translation),
        // must be in Mongolian script; a Latin name beside them (QR, Excel) may stay.
        let words = without_placeholders(text);
        if words.chars().any(char::is_alphabetic) && !words.chars().any(is_mongolian) {
            return Some(
                "译文里没有蒙古文字母：请用传统蒙古文 Unicode 输入（no Mongolian script letters）"
                    .into(),
            );
        }
    }
    if code == "en"
        && let Some(c) = text.chars().find(|c| is_han(*c))
    {
        return Some(format!(
            "英文译文里有汉字“{c}”（Chinese characters in an English text）"
        ));
    }
    None
}

fn shown(list: &[&str]) -> String {
    if list.is_empty() {
        "（无）".to_string()
    } else {
        list.join(" ")
    }
}

/// Merges `given` into the language's texts and writes them, with the record of the
/// Chinese they were made from, into the site's theme folder.
fn write_language(
    root: &Path,
    texts: &Texts,
    zh: &BTreeMap<String, String>,
    code: &str,
    given: Vec<(String, String)>,
) -> Result<ImportReport, String> {
    let mut own = texts.strings(code)?;
    let mut recorded = texts.recorded(code)?;
    let (mut added, mut changed, mut unchanged) = (0, 0, 0);
    for (key, text) in given {
        match own.get(&key) {
            None => added += 1,
            Some(old) if *old != text => changed += 1,
            Some(_) => unchanged += 1,
        }
        if let Some(source) = zh.get(&key) {
            recorded.insert(key.clone(), source.clone());
        }
        own.insert(key, text);
    }
    let order = texts.keys();
    let mut file = format!(
        "# Interface texts in `{code}`, written by `gigboard i18n import`. Keys this file\n\
         # does not have show in Chinese. i18n-source/{code}.yaml records the Chinese each\n\
         # text was translated from, so that `gigboard i18n status` can tell what is stale.\n"
    );
    for meta in META {
        let value = own.get(meta).cloned().unwrap_or_else(|| code.to_string());
        file.push_str(&format!("{meta}: {}\n", quoted(&value)));
    }
    let mut source =
        format!("# The Chinese each `{code}` text was translated from (gigboard i18n import).\n");
    for key in &order {
        if let Some(text) = own.get(key) {
            file.push_str(&format!("{key}: {}\n", quoted(text)));
        }
        if let Some(was) = recorded.get(key).filter(|_| own.contains_key(key)) {
            source.push_str(&format!("{key}: {}\n", quoted(was)));
        }
    }
    let theme_added = !texts.theme_named;
    if theme_added {
        name_local_theme(root)?;
    }
    let written = texts.theme_dir.join("i18n").join(format!("{code}.yaml"));
    write_file(&written, &file)?;
    write_file(
        &texts
            .theme_dir
            .join("i18n-source")
            .join(format!("{code}.yaml")),
        &source,
    )?;
    Ok(ImportReport {
        lang: code.to_string(),
        added,
        changed,
        unchanged,
        written,
        theme_added,
    })
}

/// A YAML double-quoted scalar (JSON's string syntax is a part of YAML's).
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
}

fn write_file(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Appends `theme: local` to site.yaml (which names no theme), so that the translations
/// written into `themes/local/` are used.
fn name_local_theme(root: &Path) -> Result<(), String> {
    let path = root.join("content").join("site.yaml");
    let mut text =
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    if text.lines().any(|l| l.starts_with("theme:")) {
        return Err(format!(
            "{} 里已经有 theme:，但读不出来：请先用 gigboard check 改好这个文件（site.yaml has a theme: line that cannot be read）",
            path.display()
        ));
    }
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&format!(
        "# 界面翻译放在 themes/{LOCAL_THEME}/（gigboard i18n import 写入）。\ntheme: {LOCAL_THEME}\n"
    ));
    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_and_scripts_are_checked() {
        assert_eq!(text_problem("共 {n} 人", "{n} ᠬᠦᠮᠦᠨ", "mn"), None);
        assert!(text_problem("共 {n} 人", "ᠬᠦᠮᠦᠨ", "mn").is_some_and(|p| p.contains("{n}")));
        assert!(text_problem("地图", "地图", "mn").is_some_and(|p| p.contains("汉字")));
        assert!(text_problem("地图", "gazar", "mn").is_some_and(|p| p.contains("蒙古文字母")));
        assert_eq!(text_problem("{y}年{m}月{d}日", "{y}.{m}.{d}", "mn"), None);
        assert_eq!(text_problem("二维码", "QR ᠺᠣᠳ", "mn"), None);
        assert!(text_problem("地图", "地图 map", "en").is_some());
        assert_eq!(text_problem("地图", "Map", "en"), None);
        assert!(text_problem("地图", "Ma\u{7}p", "en").is_some());
    }

    #[test]
    fn headers_name_their_language_in_brackets() {
        assert_eq!(bracketed("ᠮᠣᠩᠭᠣᠯ（mn）").as_deref(), Some("mn"));
        assert_eq!(bracketed("English (en)").as_deref(), Some("en"));
        assert_eq!(bracketed("键"), None);
        assert_eq!(unformula("'=1+1"), "=1+1");
        assert_eq!(unformula("'quoted'"), "'quoted'");
    }
}
