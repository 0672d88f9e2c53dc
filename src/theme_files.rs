//! The theme's files: the built-in default theme embedded by `build.rs` from
//! `themes/default/`, under which a site with `theme: NAME` in site.yaml may override
//! any file (templates, static files, i18n strings) from `themes/NAME/`; files it does
//! not override come from the binary. Reading the content (which languages a site may
//! name, which static files a site may not replace), rendering, and the commands that
//! write sheets in the interface's words all need them, so they live on this shared
//! floor rather than in any one stage.

use std::collections::BTreeMap;
use std::path::Path;

include!(concat!(env!("OUT_DIR"), "/theme_files.rs"));

/// The languages a theme has interface strings for: the built-in `i18n/*.yaml` files
/// and those of the site's theme folder (`overrides`), sorted.
pub fn languages(overrides: Option<&Path>) -> Vec<String> {
    let mut langs: Vec<String> = BUILTIN
        .iter()
        .filter_map(|(path, _)| path.strip_prefix("i18n/"))
        .filter_map(|name| name.strip_suffix(".yaml"))
        .map(str::to_string)
        .collect();
    if let Some(Ok(entries)) = overrides.map(|d| std::fs::read_dir(d.join("i18n"))) {
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(lang) = name.strip_suffix(".yaml") {
                langs.push(lang.to_string());
            }
        }
    }
    langs.sort();
    langs.dedup();
    langs
}

/// Whether `rel` (a path under `static/`, `/`-separated) is a static file of the
/// theme: built in, or in the site's theme folder (`overrides`).
pub fn has_static(overrides: Option<&Path>, rel: &str) -> bool {
    let builtin = BUILTIN
        .iter()
        .any(|(path, _)| path.strip_prefix("static/") == Some(rel));
    builtin || overrides.is_some_and(|d| d.join("static").join(rel).is_file())
}

/// The merged theme files of a site.
#[derive(Debug, Clone)]
pub struct Theme {
    /// Template name (path under `templates/`) → source.
    pub templates: BTreeMap<String, String>,
    /// Output path → bytes.
    pub statics: BTreeMap<String, Vec<u8>>,
    /// Language → i18n YAML source.
    pub i18n: BTreeMap<String, String>,
}

impl Theme {
    /// The built-in theme, with `overrides` (a `themes/NAME/` folder) layered on top.
    pub fn load(overrides: Option<&Path>) -> std::io::Result<Theme> {
        let mut theme = Theme {
            templates: BTreeMap::new(),
            statics: BTreeMap::new(),
            i18n: BTreeMap::new(),
        };
        for (path, text) in BUILTIN.iter().copied() {
            theme.add(path, text.to_vec());
        }
        if let Some(dir) = overrides.filter(|d| d.is_dir()) {
            for entry in walkdir::WalkDir::new(dir)
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
            {
                if !entry.file_type().is_file() {
                    continue;
                }
                let Ok(rel) = entry.path().strip_prefix(dir) else {
                    continue;
                };
                let rel = rel.to_string_lossy().replace('\\', "/");
                let bytes = std::fs::read(entry.path())?;
                theme.add(&rel, bytes);
            }
        }
        Ok(theme)
    }

    fn add(&mut self, path: &str, bytes: Vec<u8>) {
        if let Some(name) = path.strip_prefix("templates/") {
            self.templates.insert(
                name.to_string(),
                String::from_utf8_lossy(&bytes).into_owned(),
            );
        } else if let Some(name) = path.strip_prefix("static/") {
            self.statics.insert(name.to_string(), bytes);
        } else if let Some(name) = path.strip_prefix("i18n/") {
            let lang = name.trim_end_matches(".yaml").to_string();
            self.i18n
                .insert(lang, String::from_utf8_lossy(&bytes).into_owned());
        }
    }
}
