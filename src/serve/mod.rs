//! `gigboard serve`: build in memory, serve over HTTP on loopback, watch `content/`
//! and `themes/`, rebuild on change and reload the open pages.
//!
//! The served files are exactly what `build` would write (the same render), held in
//! memory; only HTML responses get the live-reload script. A content error is shown
//! in the terminal and as an overlay on the page, and the last good site keeps being
//! served until the error is fixed.

mod http;
pub mod watch;

use crate::{BuildCache, BuildError, Overrides, render_site_cached};
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

/// The site being served: the last good files and the current error, if any.
#[derive(Default)]
pub struct Snapshot {
    pub files: HashMap<String, Arc<[u8]>>,
    pub error: Option<String>,
    pub generation: u64,
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

/// Renders the site and swaps it into the snapshot; on error keeps the old files.
fn rebuild(opts: &ServeOptions, shared: &Shared, cache: &mut BuildCache) -> Duration {
    let started = Instant::now();
    let result = render_site_cached(&opts.root, &opts.overrides, opts.minify, Some(cache));
    let elapsed = started.elapsed();
    let event = match result {
        Ok(rendered) => {
            let files = rendered
                .files
                .into_iter()
                .map(|f| (f.path, Arc::from(f.bytes)))
                .collect();
            if let Ok(mut snap) = shared.snapshot.write() {
                snap.files = files;
                snap.error = None;
                snap.generation += 1;
            }
            let t = rendered.timings;
            eprintln!(
                "rebuilt in {} ms (load + validate {} ms, render {} ms): {} pages, {} live postings, {} warning(s)",
                elapsed.as_millis(),
                t.load_validate.as_millis(),
                t.render.as_millis(),
                rendered.pages,
                rendered.live,
                rendered.warnings.len()
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
    let mut cache = BuildCache::default();
    rebuild(&opts, &shared, &mut cache);
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
    let mut debouncer = notify_debouncer_full::new_debouncer(Duration::from_millis(50), None, tx)
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
                cache.feeds.clear();
            }
            if !kinds.is_empty() {
                rebuild(&opts, &watcher_shared, &mut cache);
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
