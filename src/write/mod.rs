//! Write: the whole output staged in a sibling folder, swapped in only when complete.
//!
//! A failed build (a content error, a template error, a full disk) leaves the previous
//! `output/` byte for byte as it was: nothing is written into it directly. The staged
//! folder sits next to the output, on the same file system, so the swap is a rename.
//!
//! The output replaced by a build is not deleted but kept as the spare
//! (`.output.spare`), and the next build is staged in it: its files are rewritten in
//! place and the files this build does not write are removed ([`spare`]). Making a
//! file and its folder costs several times more than rewriting one on the disks this
//! was measured on, and deleting ten thousand pages costs seconds more. That holds
//! while the spare stays in memory between builds: a site too big for that (see
//! [`keeps_spare`]) is staged in an empty folder and the old output deleted.

mod spare;

/// Postings up to which the replaced output is kept as the spare, at most. The spare
/// pays only while its files stay in memory between builds; otherwise rewriting a file
/// first reads its old last block back from disk: the million-posting build took 414 s
/// written into its spare against 323 s into an empty folder, and with the page cache
/// dropped a 50,000-posting rebuild took 23–33 s into its spare against 20 s.
pub const KEEP_SPARE_UP_TO: usize = 250_000;

/// About what one posting adds to the output (its page, and its share of lists, feeds
/// and data files): 15.6 GB for a million postings.
const OUTPUT_BYTES_PER_POSTING: u64 = 16 * 1024;

/// Whether a site of `postings` keeps its spare: up to [`KEEP_SPARE_UP_TO`] postings,
/// and while its output is at most an eighth of this machine's memory (where that can
/// be read), so that the spare is likely still in memory at the next build.
pub fn keeps_spare(postings: usize) -> bool {
    let output = (postings as u64).saturating_mul(OUTPUT_BYTES_PER_POSTING);
    postings <= KEEP_SPARE_UP_TO && memory_bytes().is_none_or(|memory| output <= memory / 8)
}

/// The machine's memory (Linux: `MemTotal` in /proc/meminfo); None where unknown.
fn memory_bytes() -> Option<u64> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = info.lines().find(|l| l.starts_with("MemTotal:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

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
    /// Where the replaced output is kept for the next build.
    spare: PathBuf,
    /// The staged folder is an earlier output (the spare): files are opened where they
    /// are, and folders made only when one is missing.
    reused: bool,
    /// Whether the replaced output becomes the spare (else it is deleted, and so is
    /// a spare left by earlier, smaller builds).
    keep_spare: bool,
    /// Folders made so far: one `create_dir` per folder, no `stat`s.
    made: Mutex<HashSet<String>>,
    /// Every file written into a reused folder: the rest of it is removed at the end.
    written: Mutex<HashSet<String>>,
    finished: bool,
}

impl Staging {
    /// Stages a new output for `output`, in the spare when there is one and
    /// `keep_spare` (the site is small enough for it to pay: [`keeps_spare`]).
    pub fn begin(output: &Path, keep_spare: bool) -> Result<Staging, WriteError> {
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
        let spare = parent.join(format!(".{name}.spare"));
        if staged.exists() {
            std::fs::remove_dir_all(&staged).map_err(at(&staged))?;
        }
        // Another build may take the spare at the same moment: the loser starts empty.
        let reused = keep_spare && std::fs::rename(&spare, &staged).is_ok();
        if !reused {
            std::fs::create_dir(&staged).map_err(at(&staged))?;
        }
        Ok(Staging {
            output: output.to_path_buf(),
            staged,
            old,
            spare,
            reused,
            keep_spare,
            made: Mutex::new(HashSet::new()),
            written: Mutex::new(HashSet::new()),
            finished: false,
        })
    }

    /// Opens a file of the staged output for writing, its folders made on first use.
    /// In a reused folder the file is opened where it is and not truncated: the caller
    /// sets its length once written ([`std::fs::File::set_len`]).
    fn open(&self, path: &str) -> Result<std::fs::File, WriteError> {
        let p = self.staged.join(path);
        if self.reused {
            // Claimed before it is opened: making way for one file never removes another
            // this build wrote or is writing.
            self.written
                .lock()
                .map_err(|_| at(&p)(io::Error::other("a writer thread panicked")))?
                .insert(path.to_string());
            return spare::open_in_place(&self.staged, path, &self.written).map_err(at(&p));
        }
        if let Some((dir, _)) = path.rsplit_once('/') {
            self.make_dirs(dir)?;
        }
        std::fs::File::create(&p).map_err(at(&p))
    }

    /// Writes one file (its folders made on first use); callable from many threads.
    pub fn write(&self, path: &str, bytes: &[u8]) -> Result<(), WriteError> {
        let mut file = self.open(path)?;
        let p = || self.staged.join(path);
        io::Write::write_all(&mut file, bytes).map_err(|e| at(&p())(e))?;
        if self.reused {
            file.set_len(bytes.len() as u64).map_err(|e| at(&p())(e))?;
        }
        Ok(())
    }

    /// Writes one file through `fill`, buffered, without holding it in memory (the
    /// big data files grow with the postings: `jobs.json` is a gigabyte at 400,000).
    /// Returns the number of bytes written.
    pub fn write_with(
        &self,
        path: &str,
        fill: &dyn Fn(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<u64, WriteError> {
        let file = self.open(path)?;
        let p = self.staged.join(path);
        let mut out = Counted {
            inner: io::BufWriter::with_capacity(256 * 1024, file),
            count: 0,
        };
        fill(&mut out).map_err(at(&p))?;
        io::Write::flush(&mut out).map_err(at(&p))?;
        if self.reused {
            out.inner.get_ref().set_len(out.count).map_err(at(&p))?;
        }
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

    /// Swaps the staged folder in for the output and keeps the old one as the spare.
    pub fn finish(self) -> Result<(), WriteError> {
        self.finish_with(Cleanup::Wait)
    }

    /// Swaps the staged folder in for the output, which then holds exactly the files
    /// this build wrote: a reused folder first loses the files of its earlier build that
    /// this one did not write. The old output becomes the spare when the spare is kept
    /// and its place is free; otherwise it is deleted as `cleanup` says (and so is a
    /// spare that is not kept).
    pub fn finish_with(mut self, cleanup: Cleanup) -> Result<(), WriteError> {
        self.finished = true;
        if self.reused {
            let written =
                std::mem::take(&mut *self.written.lock().unwrap_or_else(|p| p.into_inner()));
            if let Err(e) = spare::prune(&self.staged, &written) {
                self.set_aside();
                return Err(e);
            }
        }
        let result = swap(&self.output, &self.staged, &self.old);
        if result.is_err() {
            self.set_aside();
        }
        let had_old = result? && self.old.exists();
        if !self.keep_spare && self.spare.exists() {
            // Renamed first: a later build may make a new spare while it is deleted.
            let mut unused = self.old.clone().into_os_string();
            unused.push(".spare");
            let unused = PathBuf::from(unused);
            if std::fs::rename(&self.spare, &unused).is_ok() {
                delete(&unused, cleanup)?;
            }
        }
        if had_old && !(self.keep_spare && std::fs::rename(&self.old, &self.spare).is_ok()) {
            delete(&self.old, cleanup)?;
        }
        Ok(())
    }

    /// A staged folder that will not be swapped in becomes the spare (when there is
    /// none): it may hold half of this build, which the next build overwrites or removes.
    fn set_aside(&self) {
        if !self.keep_spare || std::fs::rename(&self.staged, &self.spare).is_err() {
            let _ = std::fs::remove_dir_all(&self.staged);
        }
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.finished {
            self.set_aside();
        }
    }
}

/// Writes `files` as the new content of `output`, atomically as far as the file system
/// allows, keeping the spare (the tests' way to drive [`Staging`] with a whole site).
#[cfg(test)]
fn replace_output(output: &Path, files: &[OutFile]) -> Result<(), WriteError> {
    use rayon::prelude::*;
    let staging = Staging::begin(output, true)?;
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

/// Deletes a folder as `cleanup` says.
fn delete(dir: &Path, cleanup: Cleanup) -> Result<(), WriteError> {
    if cleanup == Cleanup::Background && delete_in_background(dir) {
        return Ok(());
    }
    std::fs::remove_dir_all(dir).map_err(at(dir))
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
mod tests;
