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
//!
//! Nothing here renames or deletes a folder that [`place::check_output`] did not
//! accept or that does not carry gigboard's mark: the output, the spare, and the
//! staging folders of killed builds alike.

pub mod place;
mod spare;
mod swap;
mod unchanged;

pub use crate::sink::{FileState, OutFile, Sink, WriteError};
pub use place::{MARKER, OutputPlace, OutputRefused, check_output};
pub use swap::Cleanup;
use swap::{delete, remove_leftovers, swap, swap_in_place};

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
    /// The output is a mount point: staged inside it, swapped in entry by entry.
    in_place: bool,
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
    /// Stages a new output for the checked `place`, in the spare when there is one and
    /// `keep_spare` (the site is small enough for it to pay: [`keeps_spare`]). The
    /// staging folders that killed builds left are removed first.
    pub fn begin(place: &OutputPlace, keep_spare: bool) -> Result<Staging, WriteError> {
        let output = place.path.as_path();
        let pid = std::process::id();
        if place.in_place {
            // A mount point cannot be renamed: stage inside it.
            remove_leftovers(output, ".gigboard-")?;
            let staged = output.join(format!(".gigboard-staging-{pid}"));
            std::fs::create_dir(&staged).map_err(at(&staged))?;
            return Staging::started(
                place,
                staged,
                output.join(format!(".gigboard-old-{pid}")),
                PathBuf::new(),
                false,
                false,
            );
        }
        let parent = match output.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent).map_err(at(&parent))?;
        let name = output
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "output".into());
        remove_leftovers(&parent, &format!(".{name}."))?;
        let staged = parent.join(format!(".{name}.staging-{pid}"));
        let old = parent.join(format!(".{name}.old-{pid}"));
        let spare = parent.join(format!(".{name}.spare"));
        // Only a spare that is gigboard's own is reused (its files are rewritten and the
        // rest removed). Another build may take it at the same moment: the loser starts empty.
        let reused = keep_spare
            && std::fs::symlink_metadata(&spare).is_ok_and(|m| m.is_dir())
            && place::may_replace(&spare).unwrap_or(false)
            && std::fs::rename(&spare, &staged).is_ok();
        if !reused {
            std::fs::create_dir(&staged).map_err(at(&staged))?;
        }
        Staging::started(place, staged, old, spare, reused, keep_spare)
    }

    /// A staging folder made (or taken over) and marked as gigboard's, first of all.
    fn started(
        place: &OutputPlace,
        staged: PathBuf,
        old: PathBuf,
        spare: PathBuf,
        reused: bool,
        keep_spare: bool,
    ) -> Result<Staging, WriteError> {
        let staging = Staging {
            output: place.path.clone(),
            in_place: place.in_place,
            staged,
            old,
            spare,
            reused,
            keep_spare,
            made: Mutex::new(HashSet::new()),
            written: Mutex::new(HashSet::new()),
            finished: false,
        };
        staging.write(MARKER, place::MARKER_TEXT.as_bytes())?;
        Ok(staging)
    }

    /// Opens a file of the staged output for writing, its folders made on first use.
    /// In a reused folder the file is opened where it is and not truncated: the caller
    /// sets its length once written ([`std::fs::File::set_len`]).
    fn open(&self, path: &str) -> Result<std::fs::File, WriteError> {
        let p = self.staged.join(path);
        if self.reused {
            // Claimed before it is opened: making way for one file never removes another
            // this build wrote or is writing.
            self.claim(path)?;
            return spare::open_in_place(&self.staged, path, &self.written).map_err(at(&p));
        }
        if let Some((dir, _)) = path.rsplit_once('/') {
            self.make_dirs(dir)?;
        }
        std::fs::File::create(&p).map_err(at(&p))
    }

    /// Writes one file (its folders made on first use); callable from many threads.
    /// A file with the bytes the output already has is linked, not written.
    pub fn write(&self, path: &str, bytes: &[u8]) -> Result<(), WriteError> {
        if self.compares()
            && let Some(current) = unchanged::holds(&self.output.join(path), bytes)
            && (self.already_linked(path, &current)? || self.link(path)?)
        {
            return Ok(());
        }
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
        let p = self.staged.join(path);
        if self.compares() {
            return self.write_compared(path, fill);
        }
        let file = self.open(path)?;
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

    /// [`Staging::write_with`] for a file compared with the output's as it is made
    /// ([`unchanged::Comparing`]): written from its first difference on, or linked.
    fn write_compared(
        &self,
        path: &str,
        fill: &dyn Fn(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<u64, WriteError> {
        let p = self.staged.join(path);
        let current = self.output.join(path);
        let open = || self.open(path).map_err(|e| e.source);
        let mut out =
            io::BufWriter::with_capacity(256 * 1024, unchanged::Comparing::new(&current, &open));
        fill(&mut out).map_err(at(&p))?;
        let compared = out
            .into_inner()
            .map_err(|e| at(&p)(e.into_error()))?
            .finish()
            .map_err(at(&p))?;
        let (file, n) = match compared {
            unchanged::Compared::Same(meta, n) => {
                if self.already_linked(path, &meta)? || self.link(path)? {
                    return Ok(n);
                }
                // The file system cannot link: the same bytes are copied.
                let mut file = self.open(path)?;
                let copied = std::fs::File::open(&current)
                    .and_then(|mut old| io::copy(&mut old, &mut file))
                    .map_err(at(&p))?;
                (file, copied)
            }
            unchanged::Compared::Written(file, n) => (file, n),
        };
        if self.reused {
            file.set_len(n).map_err(at(&p))?;
        }
        Ok(n)
    }

    /// Marks `path` as written by this build, so that pruning the reused spare keeps it.
    fn claim(&self, path: &str) -> Result<(), WriteError> {
        self.written
            .lock()
            .map_err(|_| at(&self.staged.join(path))(io::Error::other("a writer thread panicked")))?
            .insert(path.to_string());
        Ok(())
    }

    /// Whether files are compared with the output's (see [`unchanged`]): not in a mount
    /// point (staged inside the output itself), and only for a site small enough to keep
    /// its spare, whose output is likely still in memory; a bigger one would read its
    /// whole old output back from disk to compare.
    fn compares(&self) -> bool {
        !self.in_place && self.keep_spare
    }

    /// Whether the reused spare's file at `path` is already a second name of the
    /// output's (`current`, whose bytes were compared): a file unchanged for two builds
    /// is kept as it is, without linking it again. It is claimed, so pruning keeps it.
    fn already_linked(&self, path: &str, current: &std::fs::Metadata) -> Result<bool, WriteError> {
        if !self.reused || !unchanged::is_same_file(current, &self.staged.join(path)) {
            return Ok(false);
        }
        self.claim(path)?;
        Ok(true)
    }

    /// Stages `path` as a second name of the output's own file (see [`unchanged`]);
    /// false when the file system cannot link, and the bytes are to be written.
    fn link(&self, path: &str) -> Result<bool, WriteError> {
        let p = self.staged.join(path);
        if self.reused {
            self.claim(path)?;
            spare::make_way(&self.staged, path, &self.written).map_err(at(&p))?;
        } else if let Some((dir, _)) = path.rsplit_once('/') {
            self.make_dirs(dir)?;
        }
        Ok(unchanged::link(&self.output.join(path), &p))
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
        if self.in_place {
            let result = swap_in_place(&self.output, &self.staged, &self.old);
            if result.is_err() {
                self.set_aside();
            }
            result?;
            return delete(&self.old, cleanup);
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

    /// A staged folder that will not be swapped in is removed: no half-written spare
    /// (after a full disk, say) is left behind.
    fn set_aside(&self) {
        let _ = std::fs::remove_dir_all(&self.staged);
    }
}

impl Sink for Staging {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), WriteError> {
        Staging::write(self, path, bytes)
    }

    fn write_with(
        &self,
        path: &str,
        fill: &dyn Fn(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<u64, WriteError> {
        Staging::write_with(self, path, fill)
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
    let place = OutputPlace {
        path: output.to_path_buf(),
        in_place: false,
    };
    let staging = Staging::begin(&place, true)?;
    files
        .par_iter()
        .filter(|f| f.state == FileState::Kept)
        .try_for_each(|f| staging.write(&f.path, &f.bytes))?;
    staging.finish()
}

#[cfg(test)]
mod tests;
