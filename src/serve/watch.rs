//! What a changed file means for the served site: a pure function of its path, so it
//! is tested with a table and the watcher itself stays trivial.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

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

/// What one batch of watcher events means for the next check.
#[derive(Debug, Default, PartialEq)]
pub struct Batch {
    /// What changed (nothing ignored); empty: nothing to do.
    pub kinds: Vec<ChangeKind>,
    /// When every change was a save into an existing feed file, those files (as
    /// `site_root` joined with their path under the site): the next check may read
    /// only them. None when anything else happened, or the watcher lost events.
    pub feed_saves: Option<HashSet<PathBuf>>,
}

impl Batch {
    /// Whether templates must be parsed again (a template, or the settings that name
    /// the theme, changed).
    pub fn templates_changed(&self) -> bool {
        self.kinds
            .iter()
            .any(|k| matches!(k, ChangeKind::Template | ChangeKind::Config))
    }
}

/// Sorts a batch of watcher events. `root` is the canonical site folder the event
/// paths start with; `site_root` the folder as the check names it. `Err` is an event
/// the watcher could not deliver.
pub fn analyse<E>(
    root: &Path,
    site_root: &Path,
    events: impl IntoIterator<Item = Result<notify::Event, E>>,
) -> Batch {
    let mut batch = Batch::default();
    let mut saves = HashSet::new();
    let mut only_saves = true;
    for event in events {
        let Ok(e) = event else {
            // Lost events: anything may have changed.
            only_saves = false;
            batch.kinds.push(ChangeKind::Config);
            continue;
        };
        if e.need_rescan() {
            only_saves = false;
            batch.kinds.push(ChangeKind::Config);
        }
        // Reading files (our own check does) is not a change.
        if matches!(e.kind, notify::EventKind::Access(_)) {
            continue;
        }
        let save = matches!(e.kind, notify::EventKind::Modify(m)
            if !matches!(m, notify::event::ModifyKind::Name(_)));
        for path in &e.paths {
            let kind = classify(root, path);
            if kind == ChangeKind::Ignored {
                continue;
            }
            match path.strip_prefix(root) {
                Ok(rel) if save && kind == ChangeKind::Feed => {
                    saves.insert(site_root.join(rel));
                }
                _ => only_saves = false,
            }
            batch.kinds.push(kind);
        }
    }
    batch.feed_saves = (only_saves && !batch.kinds.is_empty()).then_some(saves);
    batch
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

    fn event(kind: notify::EventKind, path: &str) -> Result<notify::Event, ()> {
        Ok(notify::Event::new(kind).add_path(PathBuf::from(path)))
    }

    #[test]
    fn only_saves_into_feeds_let_the_next_check_read_just_those() {
        use notify::EventKind as K;
        use notify::event::{AccessKind, CreateKind, DataChange, ModifyKind, RenameMode};
        let root = Path::new("/site");
        let site = Path::new("./");
        let save = K::Modify(ModifyKind::Data(DataChange::Any));
        let feed = "/site/content/jobs/a/2026-11-27.yaml";
        let batch = analyse(
            root,
            site,
            [
                event(save, feed),
                event(K::Access(AccessKind::Any), "/site/content/site.yaml"),
                event(save, "/site/content/jobs/.a.yaml.swp"),
            ],
        );
        assert_eq!(batch.kinds, vec![Feed]);
        assert!(!batch.templates_changed());
        let saves = batch.feed_saves.expect("only feed saves");
        assert!(saves.contains(&PathBuf::from("./content/jobs/a/2026-11-27.yaml")));

        let not_only_saves: [Vec<Result<notify::Event, ()>>; 5] = [
            vec![
                event(save, feed),
                event(save, "/site/content/markets/a.yaml"),
            ],
            vec![event(K::Create(CreateKind::File), feed)],
            vec![event(K::Modify(ModifyKind::Name(RenameMode::To)), feed)],
            vec![event(save, feed), Err(())],
            vec![Ok(
                notify::Event::new(K::Other).set_flag(notify::event::Flag::Rescan)
            )],
        ];
        for events in not_only_saves {
            let batch = analyse(root, site, events);
            assert!(!batch.kinds.is_empty());
            assert_eq!(batch.feed_saves, None, "{:?}", batch.kinds);
        }
        assert!(analyse::<()>(root, site, []).kinds.is_empty());
        let template = analyse(root, site, [event(save, "/site/themes/t/templates/a.html")]);
        assert!(template.templates_changed());
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
