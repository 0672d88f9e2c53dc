//! The spare: an earlier output reused as the staging folder of the next build.
//!
//! Its files are opened where they are and rewritten (the caller sets the new length),
//! its folders are made only where one is missing, and when the build is done every
//! file it did not write is removed, with the folders left empty. What is left is
//! exactly the new site, as if it had been written into an empty folder.

use super::{WriteError, at};
use rayon::prelude::*;
use std::collections::HashSet;
use std::fs::{self, File};
use std::io;
use std::path::Path;
use std::sync::Mutex;

/// Opens `root/path` for writing without truncating it, making way when an earlier
/// build left a file where a folder goes, or a folder where this file goes. `written`
/// holds every path this build claimed (this one included): those are never removed.
pub(super) fn open_in_place(
    root: &Path,
    path: &str,
    written: &Mutex<HashSet<String>>,
) -> io::Result<File> {
    let p = root.join(path);
    // A file that has another name too (a hard link from a deploy snapshot or a backup
    // of an earlier output) or a symbolic link is replaced, never written through.
    if let Ok(m) = fs::symlink_metadata(&p)
        && (m.file_type().is_symlink() || (m.is_file() && links(&m) > 1))
    {
        fs::remove_file(&p)?;
    }
    // Not truncated: the caller sets the length once the new bytes are in.
    let open = || {
        fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(&p)
    };
    match open() {
        Ok(file) => Ok(file),
        Err(_) => {
            make_way(root, path, written)?;
            open()
        }
    }
}

/// How many names a file has.
fn links(m: &fs::Metadata) -> u64 {
    #[cfg(unix)]
    {
        std::os::unix::fs::MetadataExt::nlink(m)
    }
    #[cfg(not(unix))]
    {
        let _ = m;
        1
    }
}

/// Makes the folders of `path` under `root` (removing a file of an earlier build that
/// stands in their way) and removes a folder of an earlier build where the file goes.
/// Something this build wrote in the way is an error, as in an empty folder.
///
/// The set of claimed paths stays locked throughout: a path claimed while this looks
/// at what is in the way would otherwise be removed with it.
pub(super) fn make_way(
    root: &Path,
    path: &str,
    written: &Mutex<HashSet<String>>,
) -> io::Result<()> {
    let set = written.lock().unwrap_or_else(|p| p.into_inner());
    let claimed = |rel: &str, as_folder: bool| {
        if as_folder {
            let inside = format!("{rel}/");
            set.iter().any(|w| w.starts_with(&inside))
        } else {
            set.contains(rel)
        }
    };
    let in_the_way = |rel: &str| {
        io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("`{rel}` is written by this build both as a file and as a folder"),
        )
    };
    let mut dir = root.to_path_buf();
    let mut rel = String::new();
    let mut parts = path.split('/').peekable();
    while let Some(part) = parts.next() {
        dir.push(part);
        if !rel.is_empty() {
            rel.push('/');
        }
        rel.push_str(part);
        let last = parts.peek().is_none();
        match fs::symlink_metadata(&dir) {
            Ok(m) if m.is_dir() && !last => continue,
            Ok(m) if m.is_dir() => {
                if claimed(&rel, true) {
                    return Err(in_the_way(&rel));
                }
                fs::remove_dir_all(&dir)?;
            }
            Ok(_) if last => {}
            Ok(_) => {
                if claimed(&rel, false) {
                    return Err(in_the_way(&rel));
                }
                fs::remove_file(&dir)?;
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        if last {
            break;
        }
        match fs::create_dir(&dir) {
            Ok(()) => {}
            // Another writer made it first.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Removes every file under `root` whose path (relative, `/`-separated) is not in
/// `keep`, and every folder left empty; folders are read in parallel.
pub(super) fn prune(root: &Path, keep: &HashSet<String>) -> Result<(), WriteError> {
    prune_dir(root, "", keep).map(|_| ())
}

/// Prunes one folder; true when nothing is left in it.
fn prune_dir(dir: &Path, rel: &str, keep: &HashSet<String>) -> Result<bool, WriteError> {
    let entries = fs::read_dir(dir)
        .and_then(|d| d.collect::<io::Result<Vec<_>>>())
        .map_err(at(dir))?;
    let kept = entries
        .par_iter()
        .map(|entry| -> Result<usize, WriteError> {
            let path = entry.path();
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let child = if rel.is_empty() {
                name.into_owned()
            } else {
                format!("{rel}/{name}")
            };
            let kind = entry.file_type().map_err(at(&path))?;
            if kind.is_dir() {
                if prune_dir(&path, &child, keep)? {
                    fs::remove_dir(&path).map_err(at(&path))?;
                    return Ok(0);
                }
                Ok(1)
            } else if kind.is_file() && keep.contains(child.as_str()) {
                Ok(1)
            } else if kind.is_symlink() && keep.iter().any(|k| k.starts_with(&format!("{child}/"))) {
                // A folder of the earlier output replaced by a link by hand: this build's
                // files went through it, and would be lost with it.
                Err(at(&path)(io::Error::other(
                    "a symbolic link in the kept earlier output (.output.spare) took this build's files; delete the spare folder and build again",
                )))
            } else {
                fs::remove_file(&path).map_err(at(&path))?;
                Ok(0)
            }
        })
        .try_reduce(|| 0, |a, b| Ok(a + b))?;
    Ok(kept == 0)
}
