//! Checked feeds kept between rebuilds: a feed file whose size and modification time
//! are unchanged is not read again. Anything else that changes (settings, regions,
//! markets) must [`FeedCache::clear`] it, since feeds are checked against them.
//!
//! When the file watcher says that only the contents of some feed files changed
//! ([`FeedCache::only_feeds_changed`]), the next run does not even look at the rest:
//! the content (file list, settings, regions, markets, events, pages) and the site
//! checked before its feeds are those of the last run, and only those feeds are read
//! again.

use crate::diag::Diagnostics;
use crate::load::content::Content;
use crate::load::{self, SiteRoot};
use crate::model::Site;
use crate::validate::{self, FeedResult, Overrides, Refs};
use crate::words::scalars::Day;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

/// See the module's documentation.
#[derive(Default)]
pub struct FeedCache {
    feeds: HashMap<PathBuf, CachedFeed>,
    base: Option<Base>,
    changed: Option<HashSet<PathBuf>>,
}

/// The site as read and checked before its feeds: what a run that only saw feeds
/// change reuses.
struct Base {
    content: Arc<Content>,
    site: Site,
    diags: Diagnostics,
    /// The site's calendar day when it was made: "today" (expiry, opening hours) moves
    /// at the site's midnight.
    made_on: Day,
}

/// A file's size and modification time.
type Stamp = (u64, Option<SystemTime>);

struct CachedFeed {
    stamp: Stamp,
    result: Arc<FeedResult>,
    diags: Arc<Diagnostics>,
}

impl FeedCache {
    pub fn clear(&mut self) {
        self.feeds.clear();
        self.base = None;
        self.changed = None;
    }

    /// Tells the next run that only the contents of these feed files changed since the
    /// last one. False (and nothing trusted) when a path is not a feed the last run read.
    pub fn only_feeds_changed(&mut self, paths: HashSet<PathBuf>) -> bool {
        let known = self.base.as_ref().is_some_and(|b| {
            paths
                .iter()
                .all(|p| b.content.files.feeds.binary_search(p).is_ok())
        });
        self.changed = known.then_some(paths);
        known
    }

    /// Something the watcher cannot vouch for changed: the next run looks at every file.
    pub fn anything_changed(&mut self) {
        self.changed = None;
    }
}

fn stamp(path: &Path) -> Stamp {
    std::fs::metadata(path)
        .map(|m| (m.len(), m.modified().ok()))
        .unwrap_or((u64::MAX, None))
}

/// The site checked as [`crate::check`] checks it, reusing the feeds of `cache` that
/// did not change, and refreshing the cache.
pub fn check(
    root: &SiteRoot,
    overrides: &Overrides,
    cache: &mut FeedCache,
) -> (Option<Site>, Diagnostics) {
    let trusted = cache.changed.take().and_then(|changed| {
        let base = cache
            .base
            .as_ref()
            .filter(|b| b.made_on == validate::today_in(&b.site.timezone))?;
        Some((
            changed,
            base.content.clone(),
            base.site.clone(),
            base.diags.clone(),
        ))
    });
    let (changed, content, site, diags) = match trusted {
        Some((changed, content, site, diags)) => (Some(changed), content, site, diags),
        None => {
            let mut diags = Diagnostics::default();
            let content = Arc::new(load::content::content(root, &mut diags));
            let (site, base_diags) = validate::base(&content, overrides);
            diags.extend(base_diags);
            let Some(site) = site else {
                return (None, diags);
            };
            cache.base = Some(Base {
                content: content.clone(),
                site: site.clone(),
                diags: diags.clone(),
                made_on: validate::today_in(&site.timezone),
            });
            (None, content, site, diags)
        }
    };
    let refs = Refs::new(&site);
    let cached = &cache.feeds;
    let checked: Vec<(Stamp, Arc<FeedResult>, Arc<Diagnostics>)> = content
        .files
        .feeds
        .par_iter()
        .map(|abs| {
            let hit = cached.get(abs);
            // Trusted: the watcher said which feeds changed; the others are not looked at.
            if let (Some(changed), Some(hit)) = (&changed, hit)
                && !changed.contains(abs)
            {
                return (hit.stamp, hit.result.clone(), hit.diags.clone());
            }
            let stamp = stamp(abs);
            if let Some(hit) = hit.filter(|c| c.stamp == stamp) {
                return (stamp, hit.result.clone(), hit.diags.clone());
            }
            let mut d = Diagnostics::default();
            let result = load::feed(root, abs, &mut d)
                .map(|f| validate::check_feed(&site, &refs, &f, &mut d));
            (stamp, result.unwrap_or_default().into(), d.into())
        })
        .collect();
    drop(refs);
    cache.feeds = content
        .files
        .feeds
        .iter()
        .zip(&checked)
        .map(|(abs, (stamp, result, diags))| {
            let feed = CachedFeed {
                stamp: *stamp,
                result: result.clone(),
                diags: diags.clone(),
            };
            (abs.clone(), feed)
        })
        .collect();
    let feeds = checked
        .into_iter()
        .map(|(_, result, d)| (Arc::unwrap_or_clone(result), Arc::unwrap_or_clone(d)));
    validate::finish(&content, site, feeds, diags)
}
