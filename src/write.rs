//! Write: the whole output staged in a sibling folder, swapped in only when complete.
//!
//! A failed build (a content error, a template error, a full disk) leaves the previous
//! `output/` byte for byte as it was: nothing is written into it directly. The staged
//! folder sits next to the output, on the same file system, so the swap is a rename.

use rayon::prelude::*;
use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// One file of the site, its path relative to the output root with `/` separators.
///
/// A page written to disk as soon as it was rendered (`build`), or only planned and
/// not rendered (`serve` renders a page when it is asked for), has no bytes here.
#[derive(Debug, Clone)]
pub struct OutFile {
    pub path: String,
    pub bytes: Vec<u8>,
    /// How the bytes went: kept here, already written, or not rendered.
    pub state: FileState,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileState {
    /// `bytes` holds the file.
    Kept,
    /// Written to the staged output; this many bytes.
    Written(u64),
    /// Not rendered (a page `serve` has not been asked for yet).
    Planned,
}

impl OutFile {
    pub fn new(path: impl Into<String>, bytes: Vec<u8>) -> Self {
        OutFile {
            path: path.into(),
            bytes,
            state: FileState::Kept,
        }
    }

    pub fn planned(path: String) -> Self {
        OutFile {
            path,
            bytes: Vec::new(),
            state: FileState::Planned,
        }
    }

    /// The file's size, wherever its bytes are.
    pub fn len(&self) -> u64 {
        match self.state {
            FileState::Written(n) => n,
            _ => self.bytes.len() as u64,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
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

/// A writer that counts what went through it.
struct Counted<W> {
    inner: W,
    count: u64,
}

impl<W: io::Write> io::Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.count += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// The new output being written next to the old one, swapped in by [`Staging::finish`].
///
/// Pages are written from the render workers as soon as each is rendered, so the
/// site never has to fit in memory. Dropped without `finish` (an error anywhere), the
/// staged folder is removed and the old output is untouched.
pub struct Staging {
    output: PathBuf,
    staged: PathBuf,
    old: PathBuf,
    /// Folders made so far: one `create_dir` per folder, no `stat`s.
    made: Mutex<HashSet<String>>,
    finished: bool,
}

impl Staging {
    pub fn begin(output: &Path) -> Result<Staging, WriteError> {
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
        std::fs::create_dir(&staged).map_err(at(&staged))?;
        Ok(Staging {
            output: output.to_path_buf(),
            staged,
            old,
            made: Mutex::new(HashSet::new()),
            finished: false,
        })
    }

    /// Writes one file (its folders made on first use); callable from many threads.
    pub fn write(&self, path: &str, bytes: &[u8]) -> Result<(), WriteError> {
        if let Some((dir, _)) = path.rsplit_once('/') {
            self.make_dirs(dir)?;
        }
        let p = self.staged.join(path);
        std::fs::write(&p, bytes).map_err(at(&p))
    }

    /// Writes one file through `fill`, buffered, without holding it in memory (the
    /// big data files grow with the postings: `jobs.json` is a gigabyte at 400,000).
    /// Returns the number of bytes written.
    pub fn write_with(
        &self,
        path: &str,
        fill: &dyn Fn(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<u64, WriteError> {
        if let Some((dir, _)) = path.rsplit_once('/') {
            self.make_dirs(dir)?;
        }
        let p = self.staged.join(path);
        let file = std::fs::File::create(&p).map_err(at(&p))?;
        let mut out = Counted {
            inner: io::BufWriter::with_capacity(256 * 1024, file),
            count: 0,
        };
        fill(&mut out).map_err(at(&p))?;
        io::Write::flush(&mut out).map_err(at(&p))?;
        Ok(out.count)
    }

    fn make_dirs(&self, dir: &str) -> Result<(), WriteError> {
        let poisoned = |_| WriteError {
            path: self.staged.join(dir),
            source: io::Error::other("a writer thread panicked"),
        };
        if self.made.lock().map_err(poisoned)?.contains(dir) {
            return Ok(());
        }
        // Parents first. Two threads may race to make the same folder: the loser's
        // AlreadyExists is fine.
        let mut prefix = String::new();
        for part in dir.split('/') {
            if !prefix.is_empty() {
                prefix.push('/');
            }
            prefix.push_str(part);
            if self
                .made
                .lock()
                .map_err(poisoned)?
                .contains(prefix.as_str())
            {
                continue;
            }
            let p = self.staged.join(&prefix);
            match std::fs::create_dir(&p) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && p.is_dir() => {}
                Err(e) => return Err(at(&p)(e)),
            }
            self.made.lock().map_err(poisoned)?.insert(prefix.clone());
        }
        Ok(())
    }

    /// Swaps the staged folder in for the output and deletes the old one.
    pub fn finish(self) -> Result<(), WriteError> {
        self.finish_with(Cleanup::Wait)
    }

    /// Swaps the staged folder in for the output; the old one is deleted as `cleanup` says.
    pub fn finish_with(mut self, cleanup: Cleanup) -> Result<(), WriteError> {
        self.finished = true;
        let result = swap(&self.output, &self.staged, &self.old);
        if result.is_err() {
            let _ = std::fs::remove_dir_all(&self.staged);
        }
        let had_old = result? && self.old.exists();
        if had_old && !(cleanup == Cleanup::Background && delete_in_background(&self.old)) {
            std::fs::remove_dir_all(&self.old).map_err(at(&self.old))?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.finished {
            let _ = std::fs::remove_dir_all(&self.staged);
        }
    }
}

/// Writes `files` as the new content of `output`, atomically as far as the file system allows.
pub fn replace_output(output: &Path, files: &[OutFile]) -> Result<(), WriteError> {
    let staging = Staging::begin(output)?;
    files
        .par_iter()
        .filter(|f| f.state == FileState::Kept)
        .try_for_each(|f| staging.write(&f.path, &f.bytes))?;
    staging.finish()
}

/// How the previous output is deleted once the new one is in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cleanup {
    /// Before returning.
    Wait,
    /// By a separate `rm -rf` that outlives the build. Deleting ten thousand pages
    /// takes seconds of kernel time on some file systems, and nothing waits for it: the
    /// new site is already in place. Falls back to waiting where there is no `rm`.
    Background,
}

/// Starts `rm -rf -- dir` without waiting for it; false when it cannot be started.
fn delete_in_background(dir: &Path) -> bool {
    if !cfg!(unix) {
        return false;
    }
    std::process::Command::new("rm")
        .arg("-rf")
        .arg("--")
        .arg(dir)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .is_ok()
}

/// Renames `output` to `old` (when there is one) and `staged` to `output`; true when
/// there was an old output.
fn swap(output: &Path, staged: &Path, old: &Path) -> Result<bool, WriteError> {
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
    Ok(had_output)
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
            OutFile::new("index.html", b"new".to_vec()),
            OutFile::new("jobs", b"x".to_vec()),
            OutFile::new("jobs/a/index.html", b"a".to_vec()),
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
            OutFile::new("index.html", b"home".to_vec()),
            OutFile::new("jobs/a/index.html", b"a".to_vec()),
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
