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

/// Whether the ordinary file `current` holds the same `len` bytes as `staged`, read a
/// block at a time (the streamed data files are the biggest of the site).
pub(super) fn same_as(current: &Path, staged: &Path, len: u64) -> bool {
    if file_of_len(current, len).is_none() {
        return false;
    }
    let (Ok(mut a), Ok(mut b)) = (fs::File::open(current), fs::File::open(staged)) else {
        return false;
    };
    let (mut x, mut y) = (vec![0u8; 1 << 16], vec![0u8; 1 << 16]);
    loop {
        let n = match read_full(&mut a, &mut x) {
            Ok(n) => n,
            Err(_) => return false,
        };
        match read_full(&mut b, &mut y) {
            Ok(m) if m == n => {}
            _ => return false,
        }
        if x[..n] != y[..n] {
            return false;
        }
        if n == 0 {
            return true;
        }
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
        let b = dir.path().join("b.html");
        fs::write(&b, "<p>一</p>").expect("write");
        assert!(same_as(&a, &b, 10));
        fs::write(&b, "<p>二</p>").expect("write");
        assert!(!same_as(&a, &b, 10));
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
