//! The theme's files as shipped: the built-in default theme embedded by `build.rs`, and
//! what a site's theme folder adds. Checking (which languages a site may name, which
//! static files a site may not replace) and rendering both need to know them, so they
//! live on this shared floor rather than in either stage.

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
