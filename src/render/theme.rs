//! The theme: the built-in default compiled into the binary, under the site's own.
//!
//! Every built-in file is listed once, in [`BUILTIN`]. A site with `theme: NAME` in
//! site.yaml may override any of them file by file from `themes/NAME/` (templates,
//! static files, i18n strings); files it does not override come from the binary.

use std::collections::BTreeMap;
use std::path::Path;

/// (path inside the theme folder, contents).
const BUILTIN: &[(&str, &str)] = &[
    (
        "templates/base.html",
        include_str!("../../themes/default/templates/base.html"),
    ),
    (
        "templates/index.html",
        include_str!("../../themes/default/templates/index.html"),
    ),
    (
        "templates/jobs.html",
        include_str!("../../themes/default/templates/jobs.html"),
    ),
    (
        "templates/posting.html",
        include_str!("../../themes/default/templates/posting.html"),
    ),
    (
        "templates/categories.html",
        include_str!("../../themes/default/templates/categories.html"),
    ),
    (
        "templates/regions.html",
        include_str!("../../themes/default/templates/regions.html"),
    ),
    (
        "templates/league.html",
        include_str!("../../themes/default/templates/league.html"),
    ),
    (
        "templates/county.html",
        include_str!("../../themes/default/templates/county.html"),
    ),
    (
        "templates/markets.html",
        include_str!("../../themes/default/templates/markets.html"),
    ),
    (
        "templates/market.html",
        include_str!("../../themes/default/templates/market.html"),
    ),
    (
        "templates/page.html",
        include_str!("../../themes/default/templates/page.html"),
    ),
    (
        "templates/404.html",
        include_str!("../../themes/default/templates/404.html"),
    ),
    (
        "templates/partials/posting_card.html",
        include_str!("../../themes/default/templates/partials/posting_card.html"),
    ),
    (
        "templates/partials/pager.html",
        include_str!("../../themes/default/templates/partials/pager.html"),
    ),
    (
        "templates/partials/hotlines.html",
        include_str!("../../themes/default/templates/partials/hotlines.html"),
    ),
    (
        "static/css/site.css",
        include_str!("../../themes/default/static/css/site.css"),
    ),
    (
        "static/js/site.js",
        include_str!("../../themes/default/static/js/site.js"),
    ),
    (
        "i18n/zh-CN.yaml",
        include_str!("../../themes/default/i18n/zh-CN.yaml"),
    ),
];

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
        for (path, text) in BUILTIN {
            theme.add(path, text.as_bytes().to_vec());
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
