//! `gigboard serve`: build in memory, serve over HTTP on loopback, watch `content/`
//! and `themes/`, rebuild on change and reload the open pages.
//!
//! A change re-reads only the files that changed and rebuilds the model; then no page
//! is rendered until it is asked for. A page is rendered on its first request from
//! the current model, by the same renderer as `build` (the same bytes, but for the
//! live-reload script every HTML response gets), and kept until the next change. So
//! a save is served as fast as one page renders, whatever the size of the site.
//! A content error is shown in the terminal and as an overlay on the page, and the
//! last good site keeps being served until the error is fixed.

mod http;
pub mod watch;

use crate::write::FileState;
use crate::{BuildError, Overrides, Prepared, prepare, render, render_prepared};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};
use tokio::sync::broadcast;

pub struct ServeOptions {
    pub root: PathBuf,
    pub overrides: Overrides,
    pub bind: std::net::IpAddr,
    pub port: u16,
    pub minify: bool,
    pub open: bool,
}

/// The site being served: the last good version and the current error, if any.
#[derive(Default)]
pub struct Snapshot {
    pub site: Option<Arc<Generation>>,
    pub error: Option<String>,
    pub generation: u64,
}

/// One good version of the site: its model, and every file it has, made or not yet.
pub struct Generation {
    prepared: Prepared,
    minify: bool,
    /// Every output path; the bytes once made (data and static files at once, pages
    /// on their first request).
    files: HashMap<String, std::sync::Mutex<Option<Arc<[u8]>>>>,
}

impl Generation {
    pub fn has(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }

    /// The bytes of `path`, rendering it now if no one asked for it since the last
    /// change. None when the site has no such file.
    pub fn file(&self, path: &str) -> Option<Result<Arc<[u8]>, String>> {
        let slot = self.files.get(path)?;
        if let Some(bytes) = slot.lock().ok().and_then(|b| b.clone()) {
            return Some(Ok(bytes));
        }
        let emit = render::Emit::Only(Some(Arc::from(path)));
        let options = render::RenderOptions {
            minify: self.minify,
            emit,
        };
        let made = render::site(&self.prepared.site, &self.prepared.theme, options)
            .map_err(|e| match e {
                render::Failure::Render(e) => e.to_string(),
                render::Failure::Write(e) => e.to_string(),
            })
            .and_then(|r| {
                r.files
                    .into_iter()
                    .find(|f| f.path == path && f.state == FileState::Kept)
                    .map(|f| Arc::<[u8]>::from(f.bytes))
                    .ok_or_else(|| format!("{path} was not rendered"))
            });
        if let (Ok(bytes), Ok(mut slot)) = (&made, slot.lock()) {
            *slot = Some(bytes.clone());
        }
        Some(made)
    }
}

/// State shared by the HTTP handlers and the rebuild loop (no statics).
#[derive(Clone)]
pub struct Shared {
    pub snapshot: Arc<RwLock<Snapshot>>,
    pub events: broadcast::Sender<Event>,
}

/// What open pages are told over the live-reload socket.
#[derive(Debug, Clone)]
pub enum Event {
    Reload,
    Error(String),
}

#[derive(Debug)]
pub struct ServeError(pub String);

impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ServeError {}

/// Checks the site and plans its files, and swaps that into the snapshot; on error
/// keeps the old version. Pages are rendered later, when asked for.
fn rebuild(
    opts: &ServeOptions,
    shared: &Shared,
    feeds: &mut crate::validate::FeedCache,
) -> Duration {
    let started = Instant::now();
    let result = prepare(&opts.root, &opts.overrides, Some(feeds)).and_then(|prepared| {
        let planned = render_prepared(
            &opts.root,
            &prepared,
            opts.minify,
            render::Emit::Only(None),
        )?;
        Ok((prepared, planned))
    });
    let elapsed = started.elapsed();
    let event = match result {
        Ok((prepared, planned)) => {
            let files = planned
                .files
                .into_iter()
                .map(|f| {
                    let bytes = (f.state == FileState::Kept).then(|| Arc::from(f.bytes));
                    (f.path, std::sync::Mutex::new(bytes))
                })
                .collect();
            let generation = Generation {
                prepared,
                minify: opts.minify,
                files,
            };
            if let Ok(mut snap) = shared.snapshot.write() {
                snap.site = Some(Arc::new(generation));
                snap.error = None;
                snap.generation += 1;
            }
            eprintln!(
                "rebuilt in {} ms (load + validate {} ms): {} pages, {} live postings, {} warning(s)",
                elapsed.as_millis(),
                planned.timings.load_validate.as_millis(),
                planned.pages,
                planned.live,
                planned.warnings.len()
            );
            Event::Reload
        }
        Err(e) => {
            let text = match &e {
                BuildError::Content(diags) => diags
                    .iter()
                    .filter(|d| d.severity == crate::diag::Severity::Error)
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n"),
                other => other.to_string(),
            };
            eprintln!(
                "{text}\nthe last good site is still being served; fix the problem and save again"
            );
            if let Ok(mut snap) = shared.snapshot.write() {
                snap.error = Some(text.clone());
            }
            Event::Error(text)
        }
    };
    let _ = shared.events.send(event);
    elapsed
}

/// Builds, serves and watches until interrupted.
pub fn run(opts: ServeOptions) -> Result<(), ServeError> {
    let (events, _) = broadcast::channel(16);
    let shared = Shared {
        snapshot: Arc::new(RwLock::new(Snapshot::default())),
        events,
    };
    let mut feeds = crate::validate::FeedCache::default();
    rebuild(&opts, &shared, &mut feeds);
    let addr = SocketAddr::new(opts.bind, opts.port);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| ServeError(format!("cannot start the server: {e}")))?;
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind(addr))
        .map_err(|e| {
            ServeError(format!(
                "cannot listen on {addr}: {e} (is another server using the port? try --port)"
            ))
        })?;
    let url = format!(
        "http://{}/",
        listener
            .local_addr()
            .map(|a| a.to_string())
            .unwrap_or(addr.to_string())
    );
    eprintln!(
        "serving {} at {url} — press Ctrl+C to stop",
        opts.root.display()
    );
    if opts.open {
        open_browser(&url);
    }
    let (tx, rx) = std::sync::mpsc::channel();
    // An editor's save is a burst of events within a few milliseconds: 20 ms of quiet
    // ends it, checked every 5 ms.
    let mut debouncer = notify_debouncer_full::new_debouncer(
        Duration::from_millis(20),
        Some(Duration::from_millis(5)),
        tx,
    )
        .map_err(|e| ServeError(format!("cannot watch files: {e}")))?;
    for dir in ["content", "themes"] {
        let path = opts.root.join(dir);
        if path.is_dir() {
            debouncer
                .watch(&path, notify::RecursiveMode::Recursive)
                .map_err(|e| ServeError(format!("cannot watch {}: {e}", path.display())))?;
        }
    }
    let watcher_shared = shared.clone();
    std::thread::spawn(move || {
        // Events carry absolute paths: classify them against the absolute root.
        let root = std::fs::canonicalize(&opts.root).unwrap_or_else(|_| opts.root.clone());
        while let Ok(first) = rx.recv() {
            // Saves that arrived while the last rebuild ran are handled by one rebuild.
            let batch = std::iter::once(first).chain(rx.try_iter());
            let kinds: Vec<watch::ChangeKind> = batch
                .filter_map(Result::ok)
                .flatten()
                // Reading files (our own rebuild does) is not a change.
                .filter(|e| !matches!(e.event.kind, notify::EventKind::Access(_)))
                .flat_map(|e| e.event.paths)
                .map(|p| watch::classify(&root, &p))
                .filter(|k| *k != watch::ChangeKind::Ignored)
                .collect();
            // Feeds are checked against settings, regions and markets: when one of
            // those changes, every feed is read again.
            if kinds.iter().any(|k| k.invalidates_feeds()) {
                feeds.clear();
            }
            if !kinds.is_empty() {
                rebuild(&opts, &watcher_shared, &mut feeds);
            }
        }
        drop(debouncer);
    });
    runtime
        .block_on(http::serve(listener, shared))
        .map_err(|e| ServeError(format!("server stopped: {e}")))
}

fn open_browser(url: &str) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(e) = std::process::Command::new(program).arg(url).spawn() {
        eprintln!("could not open a browser ({e}); open {url} yourself");
    }
}
