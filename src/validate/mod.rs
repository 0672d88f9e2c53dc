//! Validate: raw records → every problem at once → the checked model.
//!
//! The order matters only for cross-references: site settings and regions first,
//! then markets (they need counties), then feeds (they need markets and categories),
//! each feed checked in parallel and dropped as soon as its postings are in the model.
//! Nothing stops at the first problem; the caller decides from the diagnostics.

mod check_store;
mod closed;
mod config;
mod credit_code;
mod events;
mod ids;
mod links;
mod look;
mod map;
mod markets;
mod pages;
mod personal_data;
mod posting_rules;
mod postings;
mod record;
mod reports;
mod rules;
mod texts;
mod training;

use crate::diag::Diagnostics;
use crate::load::{self, SiteRoot};
use crate::model::{Site, Stats};
use crate::words::scalars::Day;
use rayon::prelude::*;
use std::path::Path;

pub use check_store::{CheckSummary, check_remembering};
pub use config::{today_in, today_of};
pub use ids::check_slug;

/// What the command line can override.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub date: Option<Day>,
    pub base_url: Option<String>,
}

/// Checked feeds kept between rebuilds by `serve`: a feed file whose size and
/// modification time are unchanged is not read again. Anything else that changes
/// (settings, regions, markets) must `clear()` it, since feeds are checked against them.
///
/// When the file watcher says that only the contents of some feed files changed
/// ([`FeedCache::only_feeds_changed`]), the next run does not even look at the rest:
/// the file list, settings, regions, markets and events of the last run are reused,
/// and only those feeds are read again.
#[derive(Default)]
pub struct FeedCache {
    feeds: std::collections::HashMap<std::path::PathBuf, CachedFeed>,
    base: Option<Base>,
    changed: Option<std::collections::HashSet<std::path::PathBuf>>,
}

/// The site as checked before its feeds: what a run that only saw feeds change reuses.
struct Base {
    files: load::ContentFiles,
    site: Site,
    diags: Diagnostics,
    /// The site's calendar day when it was made: "today" (expiry, opening hours) moves
    /// at the site's midnight.
    made_on: Day,
}

struct CachedFeed {
    stamp: (u64, Option<std::time::SystemTime>),
    result: std::sync::Arc<postings::FeedResult>,
    diags: std::sync::Arc<Diagnostics>,
}

impl FeedCache {
    pub fn clear(&mut self) {
        self.feeds.clear();
        self.base = None;
        self.changed = None;
    }

    /// Tells the next run that only the contents of these feed files changed since the
    /// last one. False (and nothing trusted) when a path is not a feed the last run read.
    pub fn only_feeds_changed(
        &mut self,
        paths: std::collections::HashSet<std::path::PathBuf>,
    ) -> bool {
        let known = self
            .base
            .as_ref()
            .is_some_and(|b| paths.iter().all(|p| b.files.feeds.binary_search(p).is_ok()));
        self.changed = known.then_some(paths);
        known
    }

    /// Something the watcher cannot vouch for changed: the next run looks at every file.
    pub fn anything_changed(&mut self) {
        self.changed = None;
    }
}

fn stamp(path: &Path) -> (u64, Option<std::time::SystemTime>) {
    std::fs::metadata(path)
        .map(|m| (m.len(), m.modified().ok()))
        .unwrap_or((u64::MAX, None))
}

/// Loads and checks the whole site. The model is returned only when there is no error.
pub fn site(root: &SiteRoot, overrides: &Overrides) -> (Option<Site>, Diagnostics) {
    site_cached(root, overrides, None)
}

/// Settings, regions, markets, the map and events: the site before its feeds, and the
/// list of content files. None when there are no settings to go on.
fn site_base(
    root: &SiteRoot,
    overrides: &Overrides,
) -> (Option<(load::ContentFiles, Site)>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let files = root.discover();
    let config = load::site_config(root, &mut diags);
    let regions = load::regions(root, &mut diags);
    let Some(config) = config else {
        return (None, diags);
    };
    texts::personal(&config.file, &config.node, &mut diags);
    texts::every_text(&config.file, &config.node, &mut diags);
    if let Some(regions) = &regions {
        texts::personal(&regions.file, &regions.node, &mut diags);
        texts::every_text(&regions.file, &regions.node, &mut diags);
    }
    let mut site = config::site(&config, overrides, &mut diags);
    site.logo = look::logo(&config, &files.statics, &mut diags);
    let theme_dir = config
        .value
        .theme
        .as_ref()
        .map(|name| root.root.join("themes").join(name));
    let available = crate::theme_files::languages(theme_dir.as_deref());
    site.languages = config::languages(&config, &available, &mut diags);
    if let Some(regions) = &regions {
        config::regions(&mut site, regions, &config.value, &mut diags);
    }
    let raw_markets = load::markets(root, &files.markets, &mut diags);
    for market in &raw_markets {
        texts::personal(&market.file, &market.node, &mut diags);
        texts::every_text(&market.file, &market.node, &mut diags);
    }
    markets::check(&mut site, &raw_markets, &mut diags);
    site.unchecked_markets = unchecked_markets(&site, &files.markets, &raw_markets);
    site.outline = map::outline(root, &config, &mut diags);
    site.filed_reports = reports::load(root, &mut diags);
    map::check(
        &site,
        &raw_markets,
        regions.as_ref(),
        config.value.map.outline.as_deref(),
        &mut diags,
    );

    events::check_all(root, &files.events, &files.training, &mut site, &mut diags);
    (Some((files, site)), diags)
}

/// The ids and file names of market files that did not become markets (see
/// `Site::unchecked_markets`).
fn unchecked_markets(
    site: &Site,
    files: &[std::path::PathBuf],
    raw: &[load::Located<load::records::MarketFile>],
) -> Vec<String> {
    let checked: std::collections::HashSet<&str> =
        site.markets.iter().map(|m| m.id.as_str()).collect();
    let stems = files
        .iter()
        .filter_map(|f| f.file_stem())
        .map(|s| s.to_string_lossy().into_owned());
    let ids = raw.iter().filter_map(|m| m.value.id.clone());
    let mut out: Vec<String> = stems
        .chain(ids)
        .filter(|id| !checked.contains(id.as_str()))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The markdown pages, and the static files that must not replace a page.
fn pages_and_statics(
    root: &SiteRoot,
    files: load::ContentFiles,
    site: &mut Site,
    diags: &mut Diagnostics,
) {
    for abs in &files.pages {
        if let Some(page) = load::page(root, abs, diags) {
            texts::personal(&page.file, &page.node, diags);
            texts::every_text(&page.file, &page.node, diags);
            if page.body.contains(texts::FILL_IN) {
                diags.push(crate::diag::Diagnostic::error(
                    &page.file,
                    crate::diag::Pos::FILE,
                    "body",
                    crate::msg!(
                        crate::diag::catalogue::site::PAGE_FILL_IN,
                        mark = texts::FILL_IN
                    ),
                ));
            }
            for finding in personal_data::personal_data(&page.body, false) {
                diags.push(crate::diag::Diagnostic::error(
                    &page.file,
                    crate::diag::Pos::FILE,
                    "body",
                    finding.message,
                ));
            }
            links::collect(
                &mut site.root_links,
                &page.file,
                crate::diag::Pos::FILE,
                "body",
                &page.body,
            );
            pages::check(site, &page, diags);
        }
    }
    let theme_dir = site
        .theme
        .as_ref()
        .map(|name| root.root.join("themes").join(name));
    for rel in &files.statics {
        let slashed = rel.to_string_lossy().replace('\\', "/");
        if crate::theme_files::has_static(theme_dir.as_deref(), &slashed) {
            diags.push(crate::diag::Diagnostic::error(
                &Path::new("content/static").join(rel),
                crate::diag::Pos::FILE,
                "",
                crate::msg!(
                    crate::diag::catalogue::site::STATIC_REPLACES_THEME,
                    name = slashed
                ),
            ));
            continue;
        }
        let top = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().to_ascii_lowercase());
        if top.as_deref().is_some_and(|t| ids::RESERVED.contains(&t)) {
            diags.push(crate::diag::Diagnostic::error(
                &Path::new("content/static").join(rel),
                crate::diag::Pos::FILE,
                "",
                crate::msg!(crate::diag::catalogue::site::STATIC_REPLACES_PAGE),
            ));
        }
    }
    site.statics = files.statics;
}

/// [`site`], reusing the feeds of `cache` that did not change (and refreshing it).
pub fn site_cached(
    root: &SiteRoot,
    overrides: &Overrides,
    mut cache: Option<&mut FeedCache>,
) -> (Option<Site>, Diagnostics) {
    let trusted = cache.as_deref_mut().and_then(|c| {
        let changed = c.changed.take()?;
        let base = c
            .base
            .as_ref()
            .filter(|b| b.made_on == config::today_in(&b.site.timezone))?;
        Some((
            changed,
            base.files.clone(),
            base.site.clone(),
            base.diags.clone(),
        ))
    });
    let (changed, files, mut site, mut diags) = match trusted {
        Some((changed, files, site, diags)) => (Some(changed), files, site, diags),
        None => match site_base(root, overrides) {
            (Some((files, site)), diags) => (None, files, site, diags),
            (None, diags) => return (None, diags),
        },
    };
    if let Some(cache) = cache.as_deref_mut()
        && changed.is_none()
    {
        cache.base = Some(Base {
            files: files.clone(),
            site: site.clone(),
            diags: diags.clone(),
            made_on: config::today_in(&site.timezone),
        });
    }
    let refs = postings::Refs::new(&site);
    let cached = cache.as_deref();
    type Checked = (
        (u64, Option<std::time::SystemTime>),
        std::sync::Arc<postings::FeedResult>,
        std::sync::Arc<Diagnostics>,
    );
    let checked: Vec<Checked> = files
        .feeds
        .par_iter()
        .map(|abs| {
            let hit = cached.and_then(|c| c.feeds.get(abs));
            // Trusted: the watcher said which feeds changed; the others are not looked at.
            if let (Some(changed), Some(hit)) = (&changed, hit)
                && !changed.contains(abs)
            {
                return (hit.stamp, hit.result.clone(), hit.diags.clone());
            }
            let stamp = if cached.is_some() {
                stamp(abs)
            } else {
                (0, None)
            };
            if let Some(hit) = hit.filter(|c| c.stamp == stamp) {
                return (stamp, hit.result.clone(), hit.diags.clone());
            }
            let mut d = Diagnostics::default();
            let result = load::feed(root, abs, &mut d)
                .map(|f| postings::check_feed(&site, &refs, &f, &mut d));
            (stamp, result.unwrap_or_default().into(), d.into())
        })
        .collect();
    if let Some(cache) = cache {
        cache.feeds = files
            .feeds
            .iter()
            .zip(&checked)
            .map(|(abs, (stamp, result, diags))| {
                (
                    abs.clone(),
                    CachedFeed {
                        stamp: *stamp,
                        result: result.clone(),
                        diags: diags.clone(),
                    },
                )
            })
            .collect();
    }
    drop(refs);
    let mut stats = Stats::default();
    let mut all = Vec::new();
    let mut ids = Vec::new();
    let mut feed_links = Vec::new();
    let mut feed_counts = Vec::new();
    let mut closed = Vec::new();
    for (_, result, d) in checked {
        // Without a cache nothing else holds the feed: its postings move, not copy.
        let (result, d) = (
            std::sync::Arc::unwrap_or_clone(result),
            std::sync::Arc::unwrap_or_clone(d),
        );
        diags.extend(d);
        feed_counts.push((result.total, result.expired));
        stats.postings_total += result.total;
        stats.filled += result.filled;
        closed.extend(result.closed);
        stats.expired += result.expired;
        stats.unverified += result.unverified;
        stats.scheduled += result.scheduled;
        all.extend(result.live);
        ids.extend(result.ids);
        feed_links.extend(result.links);
    }
    postings::check_duplicates(
        ids.iter().map(postings::IdSite::borrowed),
        ids.len(),
        &mut diags,
    );
    closed::archivable(feed_counts.into_iter(), &mut diags);
    site.stats = stats;
    site.postings = all;
    closed.sort_by(|a: &crate::model::ClosedPosting, b| a.posting.id.cmp(&b.posting.id));
    site.closed = closed;

    pages_and_statics(root, files, &mut site, &mut diags);
    if !feed_links.is_empty() || !site.root_links.is_empty() {
        let known = ids.iter().map(|i| i.id.as_str()).collect();
        links::check(
            &site,
            site.root_links.iter().chain(&feed_links),
            &known,
            &mut diags,
        );
    }

    if diags.has_errors() {
        return (None, diags);
    }
    crate::model::index::build(&mut site);
    (Some(site), diags)
}
