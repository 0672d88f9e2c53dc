//! What the stages that make files hand to the one that writes them: files, how each
//! went, and the [`Sink`] a page is written to as soon as it is rendered.
//!
//! `render` and `outputs` name no file system: `build` gives them the staged output
//! (`write::Staging`) as a sink, `serve` keeps the bytes in memory, `check` makes none.

use std::io;
use std::path::PathBuf;

/// Where files go as they are made; callable from many threads.
pub trait Sink: Send + Sync {
    /// Writes one file.
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), WriteError>;

    /// Writes one file through `fill`, without holding it in memory; returns its size.
    fn write_with(
        &self,
        path: &str,
        fill: &dyn Fn(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<u64, WriteError>;
}

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
