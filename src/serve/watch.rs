//! What a changed file means for the served site: a pure function of its path, so it
//! is tested with a table and the watcher itself stays trivial.

use std::path::{Component, Path};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChangeKind {
    /// Editor swap files, hidden files, anything outside content/ and themes/.
    Ignored,
    /// A file under content/static/: copied as-is.
    ContentStatic,
    /// A file under themes/<name>/static/.
    ThemeStatic,
    /// A markdown page.
    Page,
    /// A job feed.
    Feed,
    /// A market file.
    Market,
    /// A job fair, caravan or training programme (`content/events/`, `content/training/`).
    Event,
    /// A template of a theme.
    Template,
    /// UI strings of a theme.
    Strings,
    /// regions.yaml.
    Regions,
    /// site.yaml: everything may change.
    Config,
}

impl ChangeKind {
    /// Whether feeds checked before this change may now be wrong (they are checked
    /// against the settings, regions and markets).
    pub fn invalidates_feeds(self) -> bool {
        matches!(
            self,
            ChangeKind::Config | ChangeKind::Regions | ChangeKind::Market
        )
    }
}

fn is_noise(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.starts_with("#")
        || name == "4913" // vim's write test file
}

/// Classifies `path` (absolute or relative to `root`).
pub fn classify(root: &Path, path: &Path) -> ChangeKind {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    let Some(name) = parts.last() else {
        return ChangeKind::Ignored;
    };
    if parts.iter().any(|p| is_noise(p)) {
        return ChangeKind::Ignored;
    }
    let ext = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("");
    let yaml = matches!(ext, "yaml" | "yml");
    let strs: Vec<&str> = parts.iter().map(String::as_str).collect();
    match strs.as_slice() {
        ["content", "site.yaml"] => ChangeKind::Config,
        ["content", "regions.yaml"] => ChangeKind::Regions,
        ["content", "static", ..] => ChangeKind::ContentStatic,
        ["content", "markets", .., _] if yaml => ChangeKind::Market,
        ["content", "jobs", .., _] if yaml => ChangeKind::Feed,
        ["content", "events" | "training", .., _] if yaml => ChangeKind::Event,
        ["content", "pages", .., _] if ext == "md" => ChangeKind::Page,
        ["themes", _, "templates", ..] => ChangeKind::Template,
        ["themes", _, "static", ..] => ChangeKind::ThemeStatic,
        ["themes", _, "i18n", ..] if yaml => ChangeKind::Strings,
        _ => ChangeKind::Ignored,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ChangeKind::*;

    #[test]
    fn classifies_paths() {
        let root = Path::new("/site");
        let table = [
            ("/site/content/site.yaml", Config),
            ("/site/content/regions.yaml", Regions),
            ("/site/content/markets/hohhot-xincheng.yaml", Market),
            ("/site/content/markets/league/a.yml", Market),
            ("/site/content/jobs/hohhot-xincheng/2026-11-27.yaml", Feed),
            ("/site/content/jobs/a.yaml", Feed),
            ("/site/content/jobs/notes.txt", Ignored),
            ("/site/content/pages/rights.md", Page),
            ("/site/content/events/hohhot-caravan.yaml", Event),
            ("/site/content/training/a/b.yml", Event),
            ("/site/content/static/data/outline.geojson", ContentStatic),
            ("/site/themes/mine/templates/base.html", Template),
            ("/site/themes/mine/templates/partials/card.html", Template),
            ("/site/themes/mine/static/css/site.css", ThemeStatic),
            ("/site/themes/mine/i18n/zh-CN.yaml", Strings),
            ("/site/content/jobs/.a.yaml.swp", Ignored),
            ("/site/content/jobs/a.yaml~", Ignored),
            ("/site/content/jobs/4913", Ignored),
            ("/site/output/index.html", Ignored),
            ("/site/.git/index", Ignored),
            ("content/jobs/x/2026-11-27.yaml", Feed),
        ];
        for (path, kind) in table {
            assert_eq!(classify(root, Path::new(path)), kind, "{path}");
        }
    }

    #[test]
    fn only_settings_regions_and_markets_invalidate_checked_feeds() {
        for kind in [Config, Regions, Market] {
            assert!(kind.invalidates_feeds(), "{kind:?}");
        }
        for kind in [
            Feed,
            Page,
            Template,
            Strings,
            ContentStatic,
            ThemeStatic,
            Ignored,
        ] {
            assert!(!kind.invalidates_feeds(), "{kind:?}");
        }
    }
}
