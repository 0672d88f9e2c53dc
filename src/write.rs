//! Write: the whole output staged in a sibling folder, swapped in only when complete.
//!
//! A failed build (a content error, a template error, a full disk) leaves the previous
//! `output/` byte for byte as it was: nothing is written into it directly. The staged
//! folder sits next to the output, on the same file system, so the swap is a rename.

use rayon::prelude::*;
use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

/// One file of the site, its path relative to the output root with `/` separators.
#[derive(Debug, Clone)]
pub struct OutFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// An I/O failure, always naming the path.
#[derive(Debug)]
pub struct WriteError {
    pub path: PathBuf,
    pub source: io::Error,
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.source)
    }
}

impl std::error::Error for WriteError {}

fn at(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes `files` as the new content of `output`, atomically as far as the file system allows.
pub fn replace_output(output: &Path, files: &[OutFile]) -> Result<(), WriteError> {
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(at(&parent))?;
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    let staged = parent.join(format!(".{name}.staging-{}", std::process::id()));
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    if staged.exists() {
        std::fs::remove_dir_all(&staged).map_err(at(&staged))?;
    }
    let result = write_tree(&staged, files).and_then(|()| swap(output, &staged, &old));
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staged);
    }
    result
}

fn write_tree(root: &Path, files: &[OutFile]) -> Result<(), WriteError> {
    std::fs::create_dir(root).map_err(at(root))?;
    let dirs: BTreeSet<&str> = files
        .iter()
        .filter_map(|f| f.path.rsplit_once('/').map(|(d, _)| d))
        .collect();
    // BTreeSet order puts every parent before its children: one create_dir per folder.
    let mut made: BTreeSet<String> = BTreeSet::new();
    for dir in dirs {
        let mut prefix = String::new();
        for part in dir.split('/') {
            if !prefix.is_empty() {
                prefix.push('/');
            }
            prefix.push_str(part);
            if made.insert(prefix.clone()) {
                let p = root.join(&prefix);
                std::fs::create_dir(&p).map_err(at(&p))?;
            }
        }
    }
    files.par_iter().try_for_each(|f| {
        let p = root.join(&f.path);
        std::fs::write(&p, &f.bytes).map_err(at(&p))
    })
}

fn swap(output: &Path, staged: &Path, old: &Path) -> Result<(), WriteError> {
    let had_output = output.exists();
    if had_output {
        std::fs::rename(output, old).map_err(at(output))?;
    }
    if let Err(e) = std::fs::rename(staged, output) {
        if had_output {
            let _ = std::fs::rename(old, output);
        }
        return Err(WriteError {
            path: output.to_path_buf(),
            source: e,
        });
    }
    if had_output {
        std::fs::remove_dir_all(old).map_err(at(old))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_while_writing_leaves_the_old_output_and_no_staging_folder() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("output");
        std::fs::create_dir(&out).expect("mkdir");
        std::fs::write(out.join("index.html"), "old site").expect("write");
        // `jobs` is both a file and a folder: the second write fails half-way, as a full
        // disk or a vanished folder would.
        let files = vec![
            OutFile {
                path: "index.html".into(),
                bytes: b"new".to_vec(),
            },
            OutFile {
                path: "jobs".into(),
                bytes: b"x".to_vec(),
            },
            OutFile {
                path: "jobs/a/index.html".into(),
                bytes: b"a".to_vec(),
            },
        ];
        let err = replace_output(&out, &files).expect_err("cannot write");
        assert!(
            err.path.to_string_lossy().contains("staging"),
            "names the path: {err}"
        );
        assert_eq!(
            std::fs::read(out.join("index.html")).expect("kept"),
            b"old site"
        );
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).expect("ls").collect();
        assert_eq!(leftovers.len(), 1, "only output/ remains");
    }

    #[test]
    fn replaces_and_cleans_up() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("output");
        std::fs::create_dir(&out).expect("mkdir");
        std::fs::write(out.join("stale.html"), "old").expect("write");
        let files = vec![
            OutFile {
                path: "index.html".into(),
                bytes: b"home".to_vec(),
            },
            OutFile {
                path: "jobs/a/index.html".into(),
                bytes: b"a".to_vec(),
            },
        ];
        replace_output(&out, &files).expect("written");
        assert_eq!(
            std::fs::read(out.join("jobs/a/index.html")).expect("read"),
            b"a"
        );
        assert!(!out.join("stale.html").exists());
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).expect("ls").collect();
        assert_eq!(leftovers.len(), 1, "only output/ remains");
    }
}
