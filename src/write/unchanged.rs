//! A file this build writes with the same bytes as the output it replaces is not
//! written again: its staged name becomes a hard link to the output's file, so it keeps
//! its inode and its modification time, and an upload that compares size and time
//! (rsync, an object-store sync, an FTP mirror) skips it. What is staged still holds
//! exactly this build's bytes: a file is linked only after its bytes were compared.
//! A file unchanged in the build before is already such a link in the spare (the two
//! outputs share it): it is left as it is, with no link made again.
//!
//! The live output is never written through such a link: a reused spare's file with
//! more than one name is replaced, not rewritten ([`super::spare`]).

use std::cell::RefCell;
use std::fs;
use std::io::{self, Read};
use std::path::Path;

/// The output's file at `current`, when it is an ordinary file of `len` bytes.
fn file_of_len(current: &Path, len: u64) -> Option<fs::Metadata> {
    fs::symlink_metadata(current)
        .ok()
        .filter(|m| m.is_file() && m.len() == len)
}

thread_local! {
    /// The old bytes of the last file compared on this thread: one buffer a thread for
    /// the whole build, not one allocation a page.
    static OLD_BYTES: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// The output's file at `current` when it is an ordinary file holding exactly `bytes`.
pub(super) fn holds(current: &Path, bytes: &[u8]) -> Option<fs::Metadata> {
    let meta = file_of_len(current, bytes.len() as u64)?;
    let same = OLD_BYTES.with_borrow_mut(|old| {
        old.clear();
        fs::File::open(current)
            .and_then(|file| file.take(bytes.len() as u64 + 1).read_to_end(old))
            .is_ok_and(|_| old.as_slice() == bytes)
    });
    same.then_some(meta)
}

/// Whether `staged` is already another name of the output's file `current` (of which
/// `meta` was read): a spare whose file this build would link again.
pub(super) fn is_same_file(meta: &fs::Metadata, staged: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        fs::symlink_metadata(staged)
            .is_ok_and(|s| s.is_file() && s.dev() == meta.dev() && s.ino() == meta.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = (meta, staged);
        false
    }
}

/// A streamed file (`jobs.json`, the biggest of the site) compared with the output's
/// while it is made: nothing is written while the two agree. At the first difference
/// the staged file is opened, the agreeing start copied into it from the output's file
/// and the rest written as it comes; a file that agrees to its end is never written
/// (the caller links it). Give it large writes (a `BufWriter` in front): each one is
/// compared with a read of the output's file.
pub(super) struct Comparing<'a> {
    /// The output's file, read alongside, while nothing differs.
    current: Option<(fs::File, fs::Metadata)>,
    current_path: &'a Path,
    /// Opens the staged file: called once, at the first difference.
    open: &'a dyn Fn() -> io::Result<fs::File>,
    staged: Option<io::BufWriter<fs::File>>,
    /// Bytes given so far.
    count: u64,
    old: Vec<u8>,
}

/// How a compared file ended.
pub(super) enum Compared {
    /// Byte for byte the output's file (of which this is the metadata): nothing written.
    Same(fs::Metadata, u64),
    /// Written whole into the staged file, flushed (not cut to its length: the caller
    /// does that in a reused spare), and its length.
    Written(fs::File, u64),
}

impl<'a> Comparing<'a> {
    pub(super) fn new(current_path: &'a Path, open: &'a dyn Fn() -> io::Result<fs::File>) -> Self {
        let current = fs::symlink_metadata(current_path)
            .ok()
            .filter(fs::Metadata::is_file)
            .and_then(|meta| Some((fs::File::open(current_path).ok()?, meta)));
        Comparing {
            current,
            current_path,
            open,
            staged: None,
            count: 0,
            old: Vec::new(),
        }
    }

    /// The staged file, opened at the first difference with the `count` bytes that
    /// agreed copied in from the output's file.
    fn staged(&mut self) -> io::Result<&mut io::BufWriter<fs::File>> {
        if self.staged.is_none() {
            let mut out = io::BufWriter::with_capacity(256 * 1024, (self.open)()?);
            if self.count > 0 {
                let mut start = fs::File::open(self.current_path)?.take(self.count);
                if io::copy(&mut start, &mut out)? != self.count {
                    return Err(io::Error::other(
                        "the output's file changed while this build read it",
                    ));
                }
            }
            self.current = None;
            self.staged = Some(out);
        }
        self.staged
            .as_mut()
            .ok_or_else(|| io::Error::other("no staged file"))
    }

    /// Ends the file: the same as the output's only when that ends here too.
    pub(super) fn finish(mut self) -> io::Result<Compared> {
        if self.staged.is_none()
            && let Some((current, meta)) = &mut self.current
            && matches!(current.read(&mut [0u8; 1]), Ok(0))
        {
            return Ok(Compared::Same(meta.clone(), self.count));
        }
        let count = self.count;
        self.staged()?;
        let out = self
            .staged
            .take()
            .ok_or_else(|| io::Error::other("no staged file"))?;
        let file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
        Ok(Compared::Written(file, count))
    }
}

impl io::Write for Comparing<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.staged.is_none()
            && let Some((current, _)) = &mut self.current
        {
            self.old.resize(buf.len(), 0);
            if matches!(read_full(current, &mut self.old), Ok(n) if n == buf.len())
                && self.old == buf
            {
                self.count += buf.len() as u64;
                return Ok(buf.len());
            }
        }
        let n = self.staged()?.write(buf)?;
        self.count += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.staged.as_mut().map_or(Ok(()), io::Write::flush)
    }
}

/// Reads until `buf` is full or the file ends.
fn read_full(file: &mut fs::File, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

/// Puts a second name for `current` at `staged`, replacing whatever file is there
/// only once the link is made (made under a neighbouring name, then renamed over it).
/// False when the file system cannot link: `staged` is then as it was.
pub(super) fn link(current: &Path, staged: &Path) -> bool {
    let mut beside = staged.as_os_str().to_owned();
    beside.push(".gigboard-link");
    let beside = std::path::PathBuf::from(beside);
    let _ = fs::remove_file(&beside);
    if fs::hard_link(current, &beside).is_err() {
        return false;
    }
    if fs::rename(&beside, staged).is_err() {
        let _ = fs::remove_file(&beside);
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// Streams `new` in pieces of `piece` bytes through [`Comparing`] against the file
    /// holding `old` (none when None): whether it came out the same, and what the staged
    /// file then holds.
    fn stream(old: Option<&[u8]>, new: &[u8], piece: usize) -> (bool, Vec<u8>) {
        let dir = tempfile::tempdir().expect("temp dir");
        let current = dir.path().join("jobs.json");
        if let Some(old) = old {
            fs::write(&current, old).expect("write");
        }
        let staged = dir.path().join("staged.json");
        let open = || fs::File::create(&staged);
        let mut w = Comparing::new(&current, &open);
        for part in new.chunks(piece.max(1)) {
            w.write_all(part).expect("write");
        }
        w.flush().expect("flush");
        match w.finish().expect("finish") {
            Compared::Same(meta, n) => {
                assert_eq!((n, meta.len()), (new.len() as u64, new.len() as u64));
                assert!(!staged.exists(), "nothing written");
                (true, Vec::new())
            }
            Compared::Written(file, n) => {
                assert_eq!(n, new.len() as u64);
                drop(file);
                (false, fs::read(&staged).expect("staged"))
            }
        }
    }

    #[test]
    fn a_streamed_file_is_written_only_from_where_it_differs() {
        let old = "{\"jobs\":[一,二,三]}".as_bytes();
        for piece in [1, 3, 7, 1 << 16] {
            assert_eq!(stream(Some(old), old, piece), (true, Vec::new()), "{piece}");
            for new in [
                "{\"jobs\":[一,二,四]}",
                "{\"jobs\":[一,二,三]}\n",
                "{\"jobs\":[一,二",
                "",
                "x",
            ] {
                let got = stream(Some(old), new.as_bytes(), piece);
                assert_eq!(got, (false, new.as_bytes().to_vec()), "{new} by {piece}");
                let got = stream(None, new.as_bytes(), piece);
                assert_eq!(got, (false, new.as_bytes().to_vec()), "{new}, no old file");
            }
        }
    }

    #[test]
    fn only_the_same_bytes_in_an_ordinary_file_count_as_unchanged() {
        let dir = tempfile::tempdir().expect("temp dir");
        let a = dir.path().join("a.html");
        fs::write(&a, "<p>一</p>").expect("write");
        assert!(holds(&a, "<p>一</p>".as_bytes()).is_some());
        assert!(
            holds(&a, "<p>二</p>".as_bytes()).is_none(),
            "same length, other bytes"
        );
        assert!(holds(&a, "<p>一</p>!".as_bytes()).is_none(), "longer");
        assert!(holds(&dir.path().join("none"), b"").is_none());
        #[cfg(unix)]
        {
            let l = dir.path().join("l.html");
            std::os::unix::fs::symlink(&a, &l).expect("symlink");
            assert!(
                holds(&l, "<p>一</p>".as_bytes()).is_none(),
                "a link is never linked"
            );
        }
        let staged = dir.path().join("s.html");
        fs::write(&staged, "old").expect("write");
        let meta = holds(&a, "<p>一</p>".as_bytes()).expect("holds");
        assert!(!is_same_file(&meta, &staged), "another file");
        assert!(link(&a, &staged));
        assert_eq!(
            fs::read(&staged).expect("read"),
            fs::read(&a).expect("read")
        );
        #[cfg(unix)]
        assert!(is_same_file(&meta, &staged), "a second name");
    }
}
