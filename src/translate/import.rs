//! `gigboard i18n import`: a filled-in sheet read back, every row checked, and the
//! language's file written into the site's theme only when every row is right.

use super::rules::text_problem;
use super::{KEY_HEADER, LOCAL_THEME, META, SOURCE, Texts};
use crate::sheets::{self, Sheet};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

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
    fn headers_name_their_language_in_brackets() {
        assert_eq!(bracketed("ᠮᠣᠩᠭᠣᠯ（mn）").as_deref(), Some("mn"));
        assert_eq!(bracketed("English (en)").as_deref(), Some("en"));
        assert_eq!(bracketed("键"), None);
        assert_eq!(unformula("'=1+1"), "=1+1");
        assert_eq!(unformula("'quoted'"), "'quoted'");
    }
}
