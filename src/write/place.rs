//! Where a build may write: the output folder is checked before anything in it or
//! beside it is renamed, rewritten or deleted.
//!
//! A build replaces its output folder whole, and keeps the replaced one as the spare
//! (see the module above), so a wrong `--output` would move a user's own folder aside
//! and delete it on the next build. The rule: gigboard writes, replaces or removes only
//! a folder that is missing, empty, or marked as its own by [`MARKER`] (written into
//! every output it makes, before anything else). An output that is inside the site's
//! `content/` or `themes/`, or that holds the site, is refused whatever it holds.
//!
//! An output that is a mount point (a USB stick, a mounted share) cannot be renamed;
//! it is written in place instead ([`OutputPlace::in_place`]).

use crate::diag::Msg;
use crate::diag::catalogue::start as says;
use crate::msg;
use std::fmt;
use std::path::{Path, PathBuf};

/// The file that marks a folder as a gigboard output, at the output's top.
pub const MARKER: &str = ".gigboard-output";

/// What the marker says to whoever opens it.
pub const MARKER_TEXT: &str = "\
这个文件夹由 gigboard build 生成，每次构建都会整个替换：不要在里面存放别的文件。
This folder is made by `gigboard build` and replaced whole by every build: keep nothing else in it.
";

/// A checked output folder: only [`check_output`] makes one.
#[derive(Debug, Clone)]
pub struct OutputPlace {
    /// The folder, absolute, with symbolic links resolved.
    pub path: PathBuf,
    /// A mount point: written into in place (staged inside it), never renamed.
    pub in_place: bool,
}

/// Why a build will not write into a folder. Nothing has been touched.
#[derive(Debug)]
pub enum OutputRefused {
    /// The folder holds the site (or is it): replacing it would take the sources.
    HoldsSite { output: PathBuf, root: PathBuf },
    /// Inside the sources (`content/` or `themes/`): it would be read as content.
    InsideSources { output: PathBuf, sources: PathBuf },
    /// There is a file (not a folder) at that path.
    NotAFolder { output: PathBuf },
    /// A folder with files gigboard did not make.
    NotOurs { output: PathBuf, found: Vec<String> },
    /// The folder or a parent could not be looked at.
    Unreadable {
        output: PathBuf,
        source: std::io::Error,
    },
}

impl OutputRefused {
    /// Why the folder was refused and what to do, in both languages.
    pub fn message(&self) -> Msg {
        match self {
            OutputRefused::HoldsSite { output, root } => msg!(
                says::OUTPUT_HOLDS_SITE,
                output = output.display(),
                root = root.display()
            ),
            OutputRefused::InsideSources { output, sources } => msg!(
                says::OUTPUT_INSIDE_SOURCES,
                output = output.display(),
                sources = sources.display()
            ),
            OutputRefused::NotAFolder { output } => {
                msg!(says::OUTPUT_NOT_A_FOLDER, output = output.display())
            }
            OutputRefused::NotOurs { output, found } => msg!(
                says::OUTPUT_NOT_OURS,
                output = output.display(),
                found = found.join("、"),
                marker = MARKER
            ),
            OutputRefused::Unreadable { output, source } => msg!(
                says::OUTPUT_UNREADABLE,
                output = output.display(),
                reason = source
            ),
        }
    }
}

impl fmt::Display for OutputRefused {
    /// In Chinese, the default; [`OutputRefused::message`] has both.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().zh)
    }
}

impl std::error::Error for OutputRefused {}

/// Checks that a build of the site in `root` may write `output` (see the module doc).
pub fn check_output(root: &Path, output: &Path) -> Result<OutputPlace, OutputRefused> {
    let unreadable = |source| OutputRefused::Unreadable {
        output: output.to_path_buf(),
        source,
    };
    let path = resolve(output).map_err(unreadable)?;
    let root = std::fs::canonicalize(root).map_err(unreadable)?;
    if root.starts_with(&path) {
        return Err(OutputRefused::HoldsSite { output: path, root });
    }
    for sources in ["content", "themes"].map(|d| root.join(d)) {
        if path.starts_with(&sources) {
            return Err(OutputRefused::InsideSources {
                output: path,
                sources,
            });
        }
    }
    let meta = match std::fs::metadata(&path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(OutputPlace {
                path,
                in_place: false,
            });
        }
        Err(e) => return Err(unreadable(e)),
    };
    if !meta.is_dir() {
        return Err(OutputRefused::NotAFolder { output: path });
    }
    if !may_replace(&path).map_err(unreadable)? {
        let found = std::fs::read_dir(&path)
            .map_err(unreadable)?
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .take(3)
            .collect();
        return Err(OutputRefused::NotOurs {
            output: path,
            found,
        });
    }
    let in_place = is_mount_point(&path);
    Ok(OutputPlace { path, in_place })
}

/// Whether the existing folder `dir` may be replaced and its files removed: it is
/// empty, marked, or an output of a gigboard from before the mark.
pub(super) fn may_replace(dir: &Path) -> std::io::Result<bool> {
    if std::fs::symlink_metadata(dir.join(MARKER)).is_ok_and(|m| m.is_file()) {
        return Ok(true);
    }
    if std::fs::read_dir(dir)?.next().is_none() {
        return Ok(true);
    }
    Ok(is_unmarked_output(dir))
}

/// An output written before outputs were marked: its `index.html`, `404.html` and a
/// `jobs.json` that begins as gigboard writes it (`{"version":1,"site":`).
fn is_unmarked_output(dir: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 20];
    let jobs = std::fs::File::open(dir.join("jobs.json"))
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok();
    jobs && &head == br#"{"version":1,"site":"#
        && dir.join("index.html").is_file()
        && dir.join("404.html").is_file()
}

/// `path` made absolute with its symbolic links resolved as far as it exists; the
/// missing rest is appended with its `.` and `..` worked out.
fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    use std::path::Component;
    let abs = std::path::absolute(path)?;
    let parts: Vec<Component> = abs.components().collect();
    for known in (1..=parts.len()).rev() {
        let prefix: PathBuf = parts[..known].iter().collect();
        match std::fs::canonicalize(&prefix) {
            Ok(mut real) => {
                for part in &parts[known..] {
                    match part {
                        Component::ParentDir => {
                            real.pop();
                        }
                        Component::Normal(name) => real.push(name),
                        _ => {}
                    }
                }
                return Ok(real);
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(abs)
}

/// Whether `dir` is a mount point: on another device than its parent folder.
pub fn is_mount_point(dir: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let Some(parent) = dir.parent() else {
            return true;
        };
        match (std::fs::metadata(dir), std::fs::metadata(parent)) {
            (Ok(d), Ok(p)) => d.dev() != p.dev() || d.ino() == p.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("tempdir");
        for d in ["site/content/static", "site/themes/mine"] {
            std::fs::create_dir_all(dir.path().join(d)).expect("mkdir");
        }
        dir
    }

    #[test]
    fn a_missing_an_empty_and_a_marked_folder_may_be_written() {
        let dir = site();
        let root = dir.path().join("site");
        assert!(check_output(&root, &root.join("output")).is_ok());
        assert!(check_output(&root, &dir.path().join("a/b/c")).is_ok());
        let empty = dir.path().join("empty");
        std::fs::create_dir(&empty).expect("mkdir");
        assert!(check_output(&root, &empty).is_ok());
        std::fs::write(empty.join(MARKER), MARKER_TEXT).expect("mark");
        std::fs::write(empty.join("index.html"), "site").expect("page");
        let place = check_output(&root, &empty).expect("marked");
        assert!(!place.in_place);
        assert!(place.path.is_absolute());
    }

    #[test]
    fn a_folder_with_files_gigboard_did_not_make_is_refused() {
        let dir = site();
        let root = dir.path().join("site");
        let docs = dir.path().join("documents");
        std::fs::create_dir(&docs).expect("mkdir");
        std::fs::write(docs.join("报告.docx"), "mine").expect("write");
        let err = check_output(&root, &docs).expect_err("refused");
        assert!(matches!(err, OutputRefused::NotOurs { .. }), "{err}");
        let text = err.to_string();
        assert!(
            text.contains("报告.docx") && text.contains("不是 gigboard 生成"),
            "{text}"
        );
        // A file is not a folder.
        let err = check_output(&root, &docs.join("报告.docx")).expect_err("a file");
        assert!(matches!(err, OutputRefused::NotAFolder { .. }), "{err}");
    }

    #[test]
    fn the_sources_and_the_folders_that_hold_the_site_are_refused() {
        let dir = site();
        let root = dir.path().join("site");
        for inside in [
            "content",
            "content/jobs",
            "content/static/out",
            "themes/mine",
        ] {
            let err = check_output(&root, &root.join(inside)).expect_err(inside);
            assert!(
                matches!(err, OutputRefused::InsideSources { .. }),
                "{inside}: {err}"
            );
        }
        for holder in [root.clone(), dir.path().to_path_buf(), PathBuf::from("/")] {
            let err = check_output(&root, &holder).expect_err("holds the site");
            assert!(matches!(err, OutputRefused::HoldsSite { .. }), "{err}");
        }
        // Through `..` and a symbolic link alike.
        let err = check_output(&root, &root.join("output/../content")).expect_err("..");
        assert!(matches!(err, OutputRefused::InsideSources { .. }), "{err}");
        #[cfg(unix)]
        {
            let link = dir.path().join("link");
            std::os::unix::fs::symlink(root.join("content"), &link).expect("symlink");
            let err = check_output(&root, &link.join("out")).expect_err("link");
            assert!(matches!(err, OutputRefused::InsideSources { .. }), "{err}");
        }
    }

    #[test]
    fn an_output_of_a_gigboard_from_before_the_mark_is_recognised() {
        let dir = site();
        let root = dir.path().join("site");
        let out = dir.path().join("out");
        std::fs::create_dir(&out).expect("mkdir");
        std::fs::write(out.join("index.html"), "<!doctype html>").expect("write");
        std::fs::write(out.join("404.html"), "<!doctype html>").expect("write");
        std::fs::write(out.join("jobs.json"), r#"{"version":2,"site":"x"}"#).expect("write");
        assert!(check_output(&root, &out).is_err(), "another jobs.json");
        std::fs::write(out.join("jobs.json"), r#"{"version":1,"site":"x"}"#).expect("write");
        assert!(check_output(&root, &out).is_ok());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn mount_points_are_told_apart_from_folders() {
        assert!(is_mount_point(Path::new("/proc")));
        assert!(is_mount_point(Path::new("/")));
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
        assert!(!is_mount_point(&dir.path().join("sub")));
    }
}
