//! What `gigboard check` remembers between runs, so that checking a league-wide board
//! after editing one feed reads that feed only.
//!
//! Parsing is most of a check (tens of thousands of feed files). For each feed the
//! last check keeps what it found — the posting ids (the duplicate check spans all
//! files), the counts and the problems — under the file's stamp (size, modification
//! and change times, inode). The next check reuses a feed whose stamp is unchanged and
//! reads the others. The store is kept in the user's cache folder
//! (`$XDG_CACHE_HOME/gigboard/`, else `~/.cache/gigboard/`, `%LOCALAPPDATA%\gigboard\` on
//! Windows), one file per site folder: `check` writes nothing into the site.
//!
//! A feed is checked against the settings, regions, markets and "today", so the store
//! is kept only while all of those are the same: its key hashes the site as checked
//! before its feeds, with the program's own identity (a new gigboard may check more).
//! Anything else that changes starts from nothing. Losing the store is harmless: it is
//! written whole to a temporary file and renamed into place, and a store that cannot
//! be read or written only makes the check read every feed.

use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::load::{self, SiteRoot};
use crate::model::{Site, Stats};
use crate::validate::{self, FeedResult, IdRef, Overrides, Refs};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Bumped when what a stored feed holds changes shape.
const FORMAT: u32 = 3;

/// A file changed this recently is not stored: a second save within the file system's
/// clock tick would leave its stamp as it was.
const SETTLED: Duration = Duration::from_secs(1);

/// What `gigboard check` reports besides the problems.
#[derive(Debug, Clone, Default)]
pub struct CheckSummary {
    pub markets: usize,
    pub stats: Stats,
    /// Postings that would be published today.
    pub live: usize,
    pub feeds: usize,
    /// Feeds reused from the last check (unchanged since).
    pub feeds_unchanged: usize,
}

/// Where the store of the site in `root` lives: a file named after the site's folder in
/// the user's cache folder; None when there is no cache folder (then nothing is kept).
fn store_path(root: &Path) -> Option<PathBuf> {
    let cache = cache_folder()?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    canonical(root).hash(&mut h);
    Some(
        cache
            .join("gigboard")
            .join(format!("check-{:016x}.json", h.finish())),
    )
}

/// The user's cache folder, when the environment names an absolute one.
fn cache_folder() -> Option<PathBuf> {
    let from = |var: &str, under: &str| {
        std::env::var_os(var)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .map(|p| p.join(under))
    };
    if cfg!(windows) {
        return from("LOCALAPPDATA", "");
    }
    from("XDG_CACHE_HOME", "").or_else(|| from("HOME", ".cache"))
}

/// The site's folder however `--root` spells it.
fn canonical(root: &Path) -> PathBuf {
    std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf())
}

/// Checks the whole site as [`crate::check`] does and reports the same problems, reading
/// only the feeds that changed since the last check of this site. The summary is
/// returned only when there is no error.
pub fn check_remembering(
    root: &SiteRoot,
    overrides: &Overrides,
) -> (Option<CheckSummary>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let content = load::content::content(root, &mut diags);
    let (site, base_diags) = validate::base(&content, overrides);
    diags.extend(base_diags);
    let Some(site) = site else {
        return (None, diags);
    };
    let files = &content.files;
    let key = key_of(root, &site);
    let path = store_path(&root.root);
    let last_feeds = path
        .as_deref()
        .and_then(Store::read)
        .filter(|s| s.format == FORMAT && s.key == key)
        .map(|s| s.feeds);
    let refs = Refs::new(&site);
    let check = |abs: &PathBuf, stamp: Option<Stamp>, read| {
        let mut d = Diagnostics::default();
        let result = load::feed_of(root, abs, read, &mut d)
            .map(|f| validate::check_feed(&site, &refs, &f, &mut d))
            .unwrap_or_default();
        (StoredFeed::new(root.display(abs), stamp, result, d), false)
    };
    let checked: Vec<(StoredFeed, bool)> = files
        .feeds
        .par_iter()
        .map(|abs| {
            let Some(last_feeds) = &last_feeds else {
                // Nothing to reuse: the file's stamp comes with reading it.
                let (stamp, read) = read_stamped(abs);
                return check(abs, stamp, read);
            };
            let stamp = Stamp::of(abs);
            let hit = last_feeds
                .get(&root.display(abs))
                .filter(|f| stamp.is_some() && f.stamp == stamp);
            match hit {
                Some(hit) => (hit.clone(), true),
                None => check(abs, stamp, load::read_limited(abs)),
            }
        })
        .collect();
    drop(refs);
    // Nothing to write when every feed came from the store and the store held no others.
    let unchanged = checked.iter().all(|(_, reused)| *reused)
        && last_feeds
            .as_ref()
            .is_some_and(|f| f.len() == checked.len());
    drop(last_feeds);

    let mut summary = CheckSummary {
        markets: site.markets.len(),
        feeds: checked.len(),
        ..CheckSummary::default()
    };
    let mut count = 0;
    for (feed, reused) in &checked {
        summary.feeds_unchanged += usize::from(*reused);
        summary.stats.postings_total += feed.total;
        summary.stats.expired += feed.expired;
        summary.stats.unverified += feed.unverified;
        summary.stats.scheduled += feed.scheduled;
        summary.stats.filled += feed.filled;
        summary.live += feed.live;
        count += feed.ids.len();
        for d in &feed.diags {
            diags.push(d.clone());
        }
    }
    let ids = checked.iter().flat_map(|(feed, _)| {
        feed.ids.iter().map(|i| IdRef {
            id: &i.id,
            copy_key: &i.copy_key,
            file: &feed.file,
            pos: Pos {
                line: i.line,
                column: i.column,
            },
            path: &i.path,
        })
    });
    // The store is written while the ids are compared: both only read the feeds.
    let store = path.as_deref().filter(|_| !unchanged);
    rayon::join(
        || validate::check_duplicates(ids, count, &mut diags),
        || {
            if let Some(path) = store {
                let settled = SystemTime::now()
                    .checked_sub(SETTLED)
                    .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                    .map_or(0, nanos_of);
                let feeds: Vec<&StoredFeed> = checked
                    .iter()
                    .map(|(feed, _)| feed)
                    .filter(|feed| feed.stamp.is_some_and(|s| s.is_settled(settled)))
                    .collect();
                write_store(path, &key, &feeds);
            }
        },
    );

    validate::archivable(
        checked.iter().map(|(feed, _)| (feed.total, feed.expired)),
        &mut diags,
    );
    let mut site = site;
    validate::pages_and_statics(&content, &mut site, &mut diags);
    let feed_links = checked.iter().flat_map(|(feed, _)| &feed.links);
    let known = || {
        checked
            .iter()
            .flat_map(|(feed, _)| feed.ids.iter().map(|i| i.id.as_str()))
            .collect()
    };
    validate::check_links(&site, feed_links, known, &mut diags);
    if diags.has_errors() {
        return (None, diags);
    }
    (Some(summary), diags)
}

/// The store's key: this program, the site's folder and the site as checked before its
/// feeds (settings, regions, markets, categories, wage floors, "today").
fn key_of(root: &SiteRoot, site: &Site) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    env!("CARGO_PKG_VERSION").hash(&mut h);
    let exe = std::env::current_exe().and_then(std::fs::metadata).ok();
    exe.map(|m| (m.len(), m.modified().ok())).hash(&mut h);
    canonical(&root.root).hash(&mut h);
    // Every field a feed is checked against is in the site's Debug form; hashed as it
    // is written, without building the string.
    let mut w = HashWriter(&mut h);
    let _ = std::fmt::Write::write_fmt(&mut w, format_args!("{site:?}"));
    format!("{:016x}", h.finish())
}

struct HashWriter<'a, H: Hasher>(&'a mut H);

impl<H: Hasher> std::fmt::Write for HashWriter<'_, H> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.write(s.as_bytes());
        Ok(())
    }
}

/// A file as the file system last saw it: any save changes at least one of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    len: u64,
    /// Modification and status-change times, in nanoseconds since 1970.
    modified: u64,
    changed: u64,
    inode: u64,
}

/// A file's stamp and its bytes, through one open file: one path lookup where a stamp
/// and then a read made two (a first check looks at every feed).
fn read_stamped(path: &Path) -> (Option<Stamp>, std::io::Result<Vec<u8>>) {
    // Not opened unless it is an ordinary file: opening a pipe waits for a writer.
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return (None, load::read_limited(path));
    }
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return (None, Err(e)),
    };
    use std::io::Read;
    let metadata = file.metadata();
    let stamp = metadata.as_ref().ok().and_then(Stamp::of_metadata);
    let mut bytes = Vec::new();
    let read = match metadata {
        // The bytes the stamp describes: no last read to find the end.
        Ok(m) => {
            if m.len() > load::yaml::MAX_FILE_BYTES as u64 {
                return (stamp, load::read_limited(path));
            }
            bytes.reserve_exact(usize::try_from(m.len()).unwrap_or(0));
            file.take(m.len()).read_to_end(&mut bytes)
        }
        Err(_) => file.read_to_end(&mut bytes),
    };
    (stamp, read.map(|_| bytes))
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        Stamp::of_metadata(&std::fs::metadata(path).ok()?)
    }

    fn of_metadata(m: &std::fs::Metadata) -> Option<Stamp> {
        let modified = nanos_of(m.modified().ok()?.duration_since(UNIX_EPOCH).ok()?);
        #[cfg(unix)]
        let (changed, inode) = {
            use std::os::unix::fs::MetadataExt;
            let secs = u64::try_from(m.ctime()).ok()?;
            let nsec = u64::try_from(m.ctime_nsec()).ok()?;
            (
                secs.saturating_mul(1_000_000_000).saturating_add(nsec),
                m.ino(),
            )
        };
        #[cfg(not(unix))]
        let (changed, inode) = (modified, 0);
        Some(Stamp {
            len: m.len(),
            modified,
            changed,
            inode,
        })
    }

    /// Whether the file was last touched before `settled` (nanoseconds since 1970).
    fn is_settled(self, settled: u64) -> bool {
        self.modified < settled && self.changed < settled
    }
}

/// Nanoseconds since 1970 (as a u64: enough until the year 2554).
fn nanos_of(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

/// What one feed's check found, without its postings.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct StoredFeed {
    /// None when the file could not be looked at (such a feed is never reused).
    stamp: Option<Stamp>,
    /// The file as diagnostics name it.
    file: PathBuf,
    ids: Vec<StoredId>,
    total: usize,
    expired: usize,
    unverified: usize,
    scheduled: usize,
    #[serde(default)]
    filled: usize,
    live: usize,
    diags: Vec<Diagnostic>,
    /// Root-relative links in the bodies, checked against the whole site each time.
    links: Vec<crate::model::RootLink>,
}

/// A posting id and where it is written (see [`postings::IdSite`]).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct StoredId {
    id: String,
    copy_key: String,
    line: u32,
    column: u32,
    path: String,
}

impl StoredFeed {
    fn new(file: PathBuf, stamp: Option<Stamp>, result: FeedResult, diags: Diagnostics) -> Self {
        StoredFeed {
            stamp,
            file,
            ids: result
                .ids
                .into_iter()
                .map(|i| StoredId {
                    id: i.id,
                    copy_key: i.copy_key,
                    line: i.pos.line,
                    column: i.pos.column,
                    path: i.path,
                })
                .collect(),
            total: result.total,
            expired: result.expired,
            unverified: result.unverified,
            scheduled: result.scheduled,
            filled: result.filled,
            live: result.live.len(),
            diags: diags.into_vec(),
            links: result.links,
        }
    }
}

#[derive(Serialize, Deserialize)]
struct Store {
    format: u32,
    key: String,
    /// By the feed's path as diagnostics name it (relative to the site's folder).
    feeds: HashMap<PathBuf, StoredFeed>,
}

impl Store {
    /// The store, when `path` is an ordinary file of a size a store can have (the
    /// cache folder is the user's: a pipe or a link to a device there is not read).
    fn read(path: &Path) -> Option<Store> {
        use std::io::Read;
        const MAX_STORE_BYTES: u64 = 1 << 30;
        let meta = std::fs::metadata(path).ok()?;
        if !meta.is_file() || meta.len() > MAX_STORE_BYTES {
            return None;
        }
        let mut bytes = Vec::new();
        std::fs::File::open(path)
            .ok()?
            .take(MAX_STORE_BYTES)
            .read_to_end(&mut bytes)
            .ok()?;
        serde_json::from_slice(&bytes).ok()
    }
}

/// Writes the store as [`Store`] reads it. Each feed is serialised on the worker threads:
/// serialising 50,000 postings' ids one after another kept one core busy while the
/// other waited, at the end of every first check. Written beside and renamed into place: a check that stops half-way, or two at
/// once, never leave half a store. A store that cannot be written is no loss.
fn write_store(path: &Path, key: &str, feeds: &[&StoredFeed]) {
    let Some(dir) = path.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let Ok(parts) = feeds
        .par_iter()
        .map(|feed| {
            let mut part = serde_json::to_vec(&feed.file)?;
            part.push(b':');
            serde_json::to_writer(&mut part, feed)?;
            Ok(part)
        })
        .collect::<Result<Vec<Vec<u8>>, serde_json::Error>>()
    else {
        return;
    };
    let Ok(head) = serde_json::to_string(key) else {
        return;
    };
    let tmp = dir.join(format!(".check.{}.tmp", std::process::id()));
    let written = std::fs::File::create(&tmp).and_then(|f| {
        let mut w = std::io::BufWriter::new(f);
        write!(w, "{{\"format\":{FORMAT},\"key\":{head},\"feeds\":{{")?;
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                w.write_all(b",")?;
            }
            w.write_all(part)?;
        }
        w.write_all(b"}}")?;
        w.flush()
    });
    if written.is_err() || std::fs::rename(&tmp, path).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The store written a feed at a time reads back as the feeds that went in.
    #[test]
    fn a_written_store_reads_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("store.json");
        let feed = |name: &str, ids: &[&str]| StoredFeed {
            stamp: Some(Stamp {
                len: 10,
                modified: 1,
                changed: 2,
                inode: 3,
            }),
            file: PathBuf::from(format!("content/jobs/{name}.yaml")),
            ids: ids
                .iter()
                .map(|id| StoredId {
                    id: id.to_string(),
                    copy_key: format!("k \"{id}\""),
                    line: 4,
                    column: 5,
                    path: "postings[0]".into(),
                })
                .collect(),
            total: ids.len(),
            expired: 1,
            unverified: 0,
            scheduled: 0,
            filled: 0,
            live: 1,
            diags: vec![Diagnostic::warning(
                Path::new("content/jobs/a.yaml"),
                Pos { line: 1, column: 2 },
                "title",
                crate::diag::Msg {
                    code: "t.t".into(),
                    zh: "标题\n太长".into(),
                    en: "title\ntoo long".into(),
                },
            )],
            links: vec![crate::model::RootLink {
                file: PathBuf::from("content/jobs/a.yaml"),
                pos: Pos { line: 7, column: 7 },
                field: "postings[0].body".into(),
                target: "/markets/没有/".into(),
            }],
        };
        let feeds = [feed("a", &["x", "y"]), feed("b/天", &[]), feed("c", &["z"])];
        write_store(&path, "key\"1", &feeds.iter().collect::<Vec<_>>());
        let store = Store::read(&path).expect("the store reads back");
        assert_eq!((store.format, store.key.as_str()), (FORMAT, "key\"1"));
        assert_eq!(store.feeds.len(), feeds.len());
        for f in &feeds {
            let back = &store.feeds[&f.file];
            assert_eq!(format!("{back:?}"), format!("{f:?}"));
        }
        write_store(&path, "empty", &[]);
        assert!(Store::read(&path).expect("reads").feeds.is_empty());
    }
}
