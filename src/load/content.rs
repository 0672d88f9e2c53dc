//! A site's content but its feeds, read: what `validate` checks before the feeds
//! (settings, regions, markets, events, training, the map outline, filed reports,
//! pages, what the theme offers) and the list of every content file.
//!
//! Feeds are not read here: whoever checks them reads one at a time ([`super::feed`])
//! on all cores, so that a feed's trees are dropped as soon as it is checked (a
//! league-wide board has tens of thousands of them).

use super::events::{RawEvent, RawTraining, records};
use super::records::{MarketFile, RegionsFile, SiteConfig};
use super::{ContentFiles, LoadedPage, Located, SiteRoot};
use crate::diag::Diagnostics;
use std::path::{Component, Path, PathBuf};

/// Everything of the site but its feeds, as read. Problems reading it (a file that is
/// not YAML, a field of the wrong type) are in the diagnostics given to [`content`];
/// whether it makes sense is `validate`'s question.
pub struct Content {
    pub root: SiteRoot,
    pub files: ContentFiles,
    /// `content/site.yaml`; without it nothing else is read.
    pub config: Option<Located<SiteConfig>>,
    pub regions: Option<Located<RegionsFile>>,
    pub markets: Vec<Located<MarketFile>>,
    pub events: Vec<Located<RawEvent>>,
    pub training: Vec<Located<RawTraining>>,
    /// The region outline `map.outline` names.
    pub outline: Outline,
    /// The files of `content/reports/`, by name.
    pub reports: Vec<Report>,
    pub pages: Vec<LoadedPage>,
    /// The interface languages the site's theme has (`i18n/<lang>.yaml`).
    pub theme_languages: Vec<String>,
    /// The files of `content/static/` (with `/` separators) that the theme has too.
    pub theme_statics: Vec<String>,
}

/// What became of the outline file `map.outline` names.
pub enum Outline {
    /// No outline is named.
    NotNamed,
    /// The name is not a plain path inside `content/static/` (nothing was read).
    NotInside(String),
    /// The file could not be read.
    Unreadable {
        file: PathBuf,
        error: std::io::Error,
    },
    /// Its text, with the path an editor sees.
    Read { file: PathBuf, text: String },
}

/// A file of `content/reports/`: its bytes are read when it is named like a report
/// (`status-….csv`), and `None` otherwise.
pub struct Report {
    pub name: String,
    pub bytes: Option<std::io::Result<Vec<u8>>>,
}

/// Reads the site's content but its feeds (see [`Content`]).
pub fn content(root: &SiteRoot, diags: &mut Diagnostics) -> Content {
    let files = root.discover();
    let config = super::site_config(root, diags);
    let regions = super::regions(root, diags);
    let mut content = Content {
        root: root.clone(),
        files,
        config,
        regions,
        markets: Vec::new(),
        events: Vec::new(),
        training: Vec::new(),
        outline: Outline::NotNamed,
        reports: Vec::new(),
        pages: Vec::new(),
        theme_languages: Vec::new(),
        theme_statics: Vec::new(),
    };
    let Some(config) = &content.config else {
        return content;
    };
    let theme_dir = config
        .value
        .theme
        .as_ref()
        .map(|name| root.root.join("themes").join(name));
    content.theme_languages = crate::theme_files::languages(theme_dir.as_deref());
    content.theme_statics = content
        .files
        .statics
        .iter()
        .map(|rel| rel.to_string_lossy().replace('\\', "/"))
        .filter(|slashed| crate::theme_files::has_static(theme_dir.as_deref(), slashed))
        .collect();
    content.outline = outline(root, config.value.map.outline.as_deref());
    content.markets = super::markets(root, &content.files.markets, diags);
    content.events = records::<RawEvent>(root, &content.files.events, diags);
    content.training = records::<RawTraining>(root, &content.files.training, diags);
    content.reports = reports(root);
    content.pages = content
        .files
        .pages
        .iter()
        .filter_map(|abs| super::page(root, abs, diags))
        .collect();
    content
}

/// The outline file: read only when its name is a plain path, so that a site's
/// settings cannot make a build read a file outside `content/static/`.
fn outline(root: &SiteRoot, named: Option<&str>) -> Outline {
    let Some(rel) = named else {
        return Outline::NotNamed;
    };
    let rel_path = Path::new(rel);
    if rel.trim().is_empty()
        || rel_path
            .components()
            .any(|c| !matches!(c, Component::Normal(_)))
    {
        return Outline::NotInside(rel.to_string());
    }
    let file = Path::new("content").join("static").join(rel_path);
    match std::fs::read_to_string(root.root.join(&file)) {
        Ok(text) => Outline::Read { file, text },
        Err(error) => Outline::Unreadable { file, error },
    }
}

/// Every ordinary, not hidden file of `content/reports/`, sorted by name.
fn reports(root: &SiteRoot) -> Vec<Report> {
    let dir = root.content().join("reports");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| Report {
            bytes: (name.starts_with("status-") && name.ends_with(".csv"))
                .then(|| std::fs::read(dir.join(&name))),
            name,
        })
        .collect()
}
