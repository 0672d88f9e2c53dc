//! Load: files → raw typed records with their positions.
//!
//! Nothing here judges the content beyond "is it readable and shaped like the spec";
//! every problem becomes a located [`Diagnostic`] and loading goes on with the next
//! record or file.

pub mod content;
pub mod decode;
pub mod events;
pub mod records;
pub mod slips;
pub mod yaml;
mod yaml_build;
mod yaml_fast;
#[cfg(test)]
mod yaml_reference;
mod yaml_scalar;

use crate::diag::catalogue::reading as says;
use crate::diag::{Diagnostic, Diagnostics, Msg, Pos};
use crate::msg;
use decode::{FieldPath, decode};
use records::{FeedHeader, MarketFile, PageMeta, RawPosting, RegionsFile, SiteConfig};
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;
use yaml::{Node, Value};

/// A record with the file it came from and its tree (for locating later checks).
#[derive(Debug, Clone)]
pub struct Located<T> {
    /// Path relative to the site root, as editors see it (`content/markets/a.yaml`).
    pub file: PathBuf,
    pub node: Node,
    pub value: T,
}

/// The content files of a site, sorted so every build visits them in the same order.
#[derive(Debug, Default, Clone)]
pub struct ContentFiles {
    pub markets: Vec<PathBuf>,
    pub feeds: Vec<PathBuf>,
    pub pages: Vec<PathBuf>,
    /// Job fairs and caravans (`content/events/`), training programmes (`content/training/`).
    pub events: Vec<PathBuf>,
    pub training: Vec<PathBuf>,
    /// Files under `content/static/`, relative to that folder.
    pub statics: Vec<PathBuf>,
}

/// The site's root folder and its parts.
#[derive(Debug, Clone)]
pub struct SiteRoot {
    pub root: PathBuf,
}

impl SiteRoot {
    pub fn content(&self) -> PathBuf {
        self.root.join("content")
    }

    /// The path an editor recognises, relative to the site root.
    pub fn display(&self, abs: &Path) -> PathBuf {
        abs.strip_prefix(&self.root)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| abs.to_path_buf())
    }

    /// Lists content files by kind. A missing folder is simply empty.
    pub fn discover(&self) -> ContentFiles {
        let content = self.content();
        let is_yaml =
            |p: &Path| matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"));
        let is_md = |p: &Path| p.extension().and_then(|e| e.to_str()) == Some("md");
        let statics_dir = content.join("static");
        ContentFiles {
            markets: walk(&content.join("markets"), is_yaml),
            feeds: walk(&content.join("jobs"), is_yaml),
            pages: walk(&content.join("pages"), is_md),
            events: walk(&content.join("events"), is_yaml),
            training: walk(&content.join("training"), is_yaml),
            statics: walk(&statics_dir, |_| true)
                .into_iter()
                .filter_map(|p| p.strip_prefix(&statics_dir).ok().map(Path::to_path_buf))
                .collect(),
        }
    }
}

/// Regular files under `dir` accepted by `keep`, sorted; hidden and backup files skipped.
///
/// Each folder's entries are sorted by name as it is read, which yields the paths in
/// `Path` order, where sorting the whole list after would compare every path
/// component by component. The folders directly under `dir` (one per market in
/// `content/jobs/`) are walked on all cores: nothing else can start before tens of
/// thousands of feed files are listed.
fn walk(dir: &Path, keep: impl Fn(&Path) -> bool + Sync) -> Vec<PathBuf> {
    use rayon::prelude::*;
    let top: Vec<walkdir::DirEntry> = sorted(WalkDir::new(dir).max_depth(1)).collect();
    top.par_iter()
        .flat_map_iter(|entry| {
            if entry.depth() == 1 && entry.file_type().is_dir() {
                sorted(WalkDir::new(entry.path()).min_depth(1)).collect()
            } else {
                vec![entry.clone()]
            }
        })
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| !p.to_string_lossy().ends_with('~') && keep(p))
        .collect()
}

/// The entries of a walk, each folder's sorted by name, without hidden files and
/// folders. The walked folder itself may be hidden (a site kept under `~/.sites/`): only
/// what is inside it is judged by its name. Links are not followed.
///
/// Entries of one folder share its path up to their names, so their whole paths sort
/// as their names do: compared as bytes, without taking each name out of its path on
/// every comparison.
fn sorted(walk: WalkDir) -> impl Iterator<Item = walkdir::DirEntry> {
    walk.follow_links(false)
        .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()))
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok)
}

/// Reads a UTF-8 text file, as a located diagnostic when it cannot.
pub fn read_text(abs: &Path, shown: &Path) -> Result<String, Diagnostic> {
    let bytes = read_bytes(abs, shown)?;
    let text =
        String::from_utf8(bytes).map_err(|e| not_utf8(shown, e.as_bytes(), e.utf8_error()))?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text))
}

/// A content file's bytes, within the size limit.
fn read_bytes(abs: &Path, shown: &Path) -> Result<Vec<u8>, Diagnostic> {
    checked_bytes(read_limited(abs), shown)
}

/// Reads a content file only when it is a regular file (a pipe would block the check,
/// a link to a device would never end) within the size limit, which is checked before
/// it is read: a file a few bytes over the limit is read no further than that.
pub fn read_limited(abs: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let meta = std::fs::metadata(abs)?;
    if !meta.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            NotOrdinary,
        ));
    }
    let limit = yaml::MAX_FILE_BYTES as u64;
    if meta.len() > limit {
        return Err(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            TooBig(meta.len()),
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(abs)?
        .take(limit + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// A content file over the size limit, with its size (an `io::Error`'s payload).
#[derive(Debug)]
struct TooBig(u64);

/// A device, a pipe or a socket where a content file was expected.
#[derive(Debug)]
struct NotOrdinary;

impl std::fmt::Display for TooBig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&too_big(self.0).en)
    }
}

impl std::error::Error for TooBig {}

impl std::fmt::Display for NotOrdinary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(says::NOT_A_FILE.en)
    }
}

impl std::error::Error for NotOrdinary {}

/// Why reading a content file failed, in the editor's words.
fn read_failure(e: &std::io::Error) -> Msg {
    let inner = e.get_ref();
    if let Some(TooBig(len)) = inner.and_then(|i| i.downcast_ref::<TooBig>()) {
        too_big(*len)
    } else if inner.is_some_and(|i| i.is::<NotOrdinary>()) {
        msg!(says::NOT_A_FILE)
    } else {
        msg!(says::CANNOT_READ, reason = e)
    }
}

/// The bytes read from a content file, or why they cannot be used.
fn checked_bytes(read: std::io::Result<Vec<u8>>, shown: &Path) -> Result<Vec<u8>, Diagnostic> {
    let bytes = read.map_err(|e| Diagnostic::error(shown, Pos::FILE, "", read_failure(&e)))?;
    if bytes.len() > yaml::MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            shown,
            Pos::FILE,
            "",
            too_big(bytes.len() as u64),
        ));
    }
    Ok(bytes)
}

fn too_big(len: u64) -> Msg {
    msg!(
        says::TOO_BIG,
        size = len / (1024 * 1024),
        limit = yaml::MAX_FILE_BYTES / (1024 * 1024)
    )
}

fn not_utf8(shown: &Path, bytes: &[u8], e: std::str::Utf8Error) -> Diagnostic {
    let line = bytes[..e.valid_up_to()]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1;
    Diagnostic::error(
        shown,
        Pos::new(line as u64, 1),
        "",
        slips::not_utf8(bytes, e.valid_up_to()),
    )
}

/// Reads and parses a YAML file into a tree.
///
/// The text is checked as UTF-8 by simdutf8 (already in the tree under serde-saphyr):
/// Chinese text is all multi-byte characters, which the standard library checks a byte
/// at a time. The standard library still names the first bad byte.
pub fn read_yaml(abs: &Path, shown: &Path) -> Result<Node, Diagnostic> {
    yaml_of(&read_bytes(abs, shown)?, shown)
}

/// Parses the bytes of a YAML file into a tree.
fn yaml_of(bytes: &[u8], shown: &Path) -> Result<Node, Diagnostic> {
    let text = simdutf8::basic::from_utf8(bytes)
        .or_else(|_| std::str::from_utf8(bytes))
        .map_err(|e| not_utf8(shown, bytes, e))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    yaml::parse(text).map_err(|e| match slips::explain(text, e.pos) {
        Some((pos, message)) => Diagnostic::error(shown, pos, "", message),
        None => Diagnostic::error(shown, e.pos, "", msg!(says::SYNTAX, detail = e.message)),
    })
}

/// Decodes a tree into `T`, pushing every problem into `diags`.
pub fn decode_into<T: DeserializeOwned>(
    node: &Node,
    root_path: &str,
    file: &Path,
    diags: &mut Diagnostics,
) -> Option<T> {
    let (value, errors) = decode::<T>(node, FieldPath::Root(root_path));
    for e in errors {
        diags.push(Diagnostic::error(file, e.pos, e.field, e.message));
    }
    value
}

fn load_record<T: DeserializeOwned>(
    site: &SiteRoot,
    abs: &Path,
    diags: &mut Diagnostics,
) -> Option<Located<T>> {
    let file = site.display(abs);
    let node = match read_yaml(abs, &file) {
        Ok(n) => n,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    if node.value == Value::Null {
        diags.push(Diagnostic::error(&file, node.pos, "", msg!(says::EMPTY)));
        return None;
    }
    let value = decode_into::<T>(&node, "", &file, diags)?;
    Some(Located { file, node, value })
}

/// `content/site.yaml`; a site cannot be built without it.
pub fn site_config(site: &SiteRoot, diags: &mut Diagnostics) -> Option<Located<SiteConfig>> {
    let abs = site.content().join("site.yaml");
    if !abs.exists() {
        diags.push(Diagnostic::error(
            &site.display(&abs),
            Pos::FILE,
            "",
            msg!(says::NO_SITE_YAML),
        ));
        return None;
    }
    load_record(site, &abs, diags)
}

/// `content/regions.yaml`.
pub fn regions(site: &SiteRoot, diags: &mut Diagnostics) -> Option<Located<RegionsFile>> {
    let abs = site.content().join("regions.yaml");
    if !abs.exists() {
        diags.push(Diagnostic::error(
            &site.display(&abs),
            Pos::FILE,
            "",
            msg!(says::NO_REGIONS_YAML),
        ));
        return None;
    }
    load_record(site, &abs, diags)
}

/// Every market file.
pub fn markets(
    site: &SiteRoot,
    files: &[PathBuf],
    diags: &mut Diagnostics,
) -> Vec<Located<MarketFile>> {
    files
        .iter()
        .filter_map(|abs| load_record::<MarketFile>(site, abs, diags))
        .collect()
}

/// One feed file: its header and each posting that decoded, with its subtree.
pub struct LoadedFeed {
    pub file: PathBuf,
    pub header: FeedHeader,
    /// Where the feed's own `market:` is written.
    pub market_pos: Pos,
    pub postings: Vec<(usize, Node, RawPosting)>,
}

pub fn feed(site: &SiteRoot, abs: &Path, diags: &mut Diagnostics) -> Option<LoadedFeed> {
    feed_of(site, abs, read_limited(abs), diags)
}

/// One feed file from what reading it gave (`check` reads it itself, to take the file's
/// times from the same open file).
pub fn feed_of(
    site: &SiteRoot,
    abs: &Path,
    read: std::io::Result<Vec<u8>>,
    diags: &mut Diagnostics,
) -> Option<LoadedFeed> {
    let file = site.display(abs);
    let node = match checked_bytes(read, &file).and_then(|bytes| yaml_of(&bytes, &file)) {
        Ok(n) => n,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    if node.value == Value::Null {
        diags.push(Diagnostic::warning(
            &file,
            node.pos,
            "",
            msg!(says::FEED_EMPTY),
        ));
        return None;
    }
    let header = decode_into::<FeedHeader>(&node, "", &file, diags)?;
    let market_pos = node.pos_of(&["market"]);
    let mut node = node;
    // The postings move out of the tree: a feed's subtrees are most of its memory.
    let items = match node.take("postings").map(|n| (n.pos, n.value)) {
        Some((_, Value::Seq(items))) => items,
        Some((_, Value::Null)) | None => Vec::new(),
        Some((pos, other)) => {
            diags.push(Diagnostic::error(
                &file,
                pos,
                "postings",
                msg!(says::POSTINGS_NOT_A_LIST, found = other.describe()),
            ));
            Vec::new()
        }
    };
    let mut postings = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let path = format!("postings[{i}]");
        if let Some(raw) = decode_into::<RawPosting>(&item, &path, &file, diags) {
            postings.push((i, item, raw));
        }
    }
    Some(LoadedFeed {
        file,
        header,
        market_pos,
        postings,
    })
}

/// A markdown page: front matter and body.
#[derive(Debug, Clone)]
pub struct LoadedPage {
    pub file: PathBuf,
    pub node: Node,
    pub meta: PageMeta,
    pub body: String,
    /// The file name without extension, the default slug.
    pub stem: String,
}

pub fn page(site: &SiteRoot, abs: &Path, diags: &mut Diagnostics) -> Option<LoadedPage> {
    let file = site.display(abs);
    let text = match read_text(abs, &file) {
        Ok(t) => t,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let Some((front, body)) = split_front_matter(&text) else {
        diags.push(Diagnostic::error(
            &file,
            Pos { line: 1, column: 1 },
            "",
            msg!(says::NO_FRONT_MATTER),
        ));
        return None;
    };
    // A blank first line stands in for the opening `---`, so line numbers match the file.
    let node = match yaml::parse(&format!("\n{front}")) {
        Ok(n) => n,
        Err(e) => {
            diags.push(Diagnostic::error(
                &file,
                e.pos,
                "",
                msg!(says::SYNTAX, detail = e.message),
            ));
            return None;
        }
    };
    let meta = decode_into::<PageMeta>(&node, "", &file, diags)?;
    let stem = abs
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Some(LoadedPage {
        file,
        node,
        meta,
        body: body.to_string(),
        stem,
    })
}

fn split_front_matter(text: &str) -> Option<(&str, &str)> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Some((&rest[..offset], &rest[offset + line.len()..]));
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_split() {
        let (f, b) = split_front_matter("---\ntitle: a\n---\nbody\n").expect("split");
        assert_eq!(f, "title: a\n");
        assert_eq!(b, "body\n");
        assert!(split_front_matter("title: a\n").is_none());
    }

    #[test]
    fn files_come_in_path_order_without_hidden_or_backup_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        // Names whose byte order differs from path order: `-` and `.` sort before `/`.
        let files = [
            "a/x.yaml",
            "a-b/y.yaml",
            "a.b.yaml",
            "a/b/z.yaml",
            "b.yaml",
            "A.yaml",
            "a/.hidden.yaml",
            ".git/c.yaml",
            "b.yaml~",
        ];
        for f in files {
            let path = dir.path().join(f);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(&path, "").expect("write");
        }
        let found = walk(dir.path(), |_| true);
        let mut expected: Vec<PathBuf> = files[..6].iter().map(|f| dir.path().join(f)).collect();
        expected.sort();
        assert_eq!(found, expected);
    }
}
