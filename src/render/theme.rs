//! The theme: the built-in default compiled into the binary, under the site's own.
//!
//! Every file of `themes/default/` is embedded by `build.rs` into [`BUILTIN`]. A site with `theme: NAME` in
//! site.yaml may override any of them file by file from `themes/NAME/` (templates,
//! static files, i18n strings); files it does not override come from the binary.

use std::collections::BTreeMap;
use std::path::Path;

use crate::theme_files::BUILTIN;
pub use crate::theme_files::{has_static, languages};

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
