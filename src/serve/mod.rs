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

mod feeds;
mod guard;
mod http;
pub mod watch;

use crate::diag::Lang;
use crate::diag::catalogue::run as says;
use crate::msg;
use crate::write::FileState;
use crate::{BuildError, Overrides, Prepared, make_files, prepared, render, render_prepared};
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
    /// A connection with nothing read or written this long is closed.
    pub idle: Duration,
    /// The language of the notices in the terminal and over the page.
    pub lang: Lang,
}

/// The site being served: the last good version and the current error, if any.
#[derive(Default)]
pub struct Snapshot {
    pub site: Option<Arc<Generation>>,
    pub error: Option<String>,
    pub generation: u64,
}

/// One good version of the site: its model, and its files as far as they were asked for.
pub struct Generation {
    prepared: Prepared,
    minify: bool,
    /// Files made so far (pages on their first request, data and static files on the way).
    made: std::sync::Mutex<HashMap<String, Arc<[u8]>>>,
    /// Every output path, listed only when a request is for something that is not a
    /// page (a static file, the sitemap) or for nothing at all (404, a folder's redirect).
    paths: std::sync::OnceLock<Result<std::collections::HashSet<String>, String>>,
}

/// What a request path leads to.
pub enum Found {
    File {
        path: String,
        bytes: Arc<[u8]>,
    },
    /// A folder asked for without its `/`.
    Redirect,
    NotFound(Option<Arc<[u8]>>),
    Failed(String),
}

impl Generation {
    fn new(prepared: Prepared, minify: bool) -> Self {
        Generation {
            prepared,
            minify,
            made: Default::default(),
            paths: Default::default(),
        }
    }

    /// The file a request for `rel` (no leading `/`, `""` for the root) gets.
    pub fn resolve(&self, rel: &str) -> Found {
        let key = if rel.is_empty() || rel.ends_with('/') {
            format!("{rel}index.html")
        } else {
            rel.to_string()
        };
        match self.file(&key) {
            Ok(Some(bytes)) => return Found::File { path: key, bytes },
            Ok(None) => {}
            Err(e) => return Found::Failed(e),
        }
        if !rel.is_empty() && !rel.ends_with('/') {
            match self.file(&format!("{rel}/index.html")) {
                Ok(Some(_)) => return Found::Redirect,
                Ok(None) => {}
                Err(e) => return Found::Failed(e),
            }
        }
        match self.file("404.html") {
            Ok(bytes) => Found::NotFound(bytes),
            Err(e) => Found::Failed(e),
        }
    }

    fn made(&self, path: &str) -> Option<Arc<[u8]>> {
        self.made.lock().ok()?.get(path).cloned()
    }

    /// Keeps the files of a pass that were made (not only planned).
    fn keep(&self, files: Vec<crate::write::OutFile>) {
        if let Ok(mut made) = self.made.lock() {
            for f in files.into_iter().filter(|f| f.state == FileState::Kept) {
                made.entry(f.path).or_insert_with(|| Arc::from(f.bytes));
            }
        }
    }

    /// The bytes of `path`, rendering it now if no one asked for it since the last
    /// change; None when the site has no such file.
    fn file(&self, path: &str) -> Result<Option<Arc<[u8]>>, String> {
        if let Some(bytes) = self.made(path) {
            return Ok(Some(bytes));
        }
        if let Some(Ok(paths)) = self.paths.get()
            && !paths.contains(path)
        {
            return Ok(None);
        }
        // Most requests are for a page: render just that one.
        let only = render::Emit::Listing(Arc::from(path));
        let options = render::RenderOptions {
            minify: self.minify,
            emit: render::Emit::Just(Arc::from(path)),
        };
        let pass = make_files(&self.prepared, options).map_err(|e| e.to_string())?;
        self.keep(pass.files);
        if let Some(bytes) = self.made(path) {
            return Ok(Some(bytes));
        }
        // Not a page: list every path (and make the site's static files and sitemap).
        let whole = |only: render::Emit| -> Result<std::collections::HashSet<String>, String> {
            let all = render_prepared(&self.prepared.root, &self.prepared, self.minify, only)
                .map_err(|e| e.to_string())?;
            let paths = all.files.iter().map(|f| f.path.clone()).collect();
            self.keep(all.files);
            Ok(paths)
        };
        let paths = self.paths.get_or_init(|| whole(only.clone()));
        if let Some(bytes) = self.made(path) {
            return Ok(Some(bytes));
        }
        match paths {
            Err(e) => Err(e.clone()),
            // Listed earlier for another request, not made then (the sitemap).
            Ok(paths) if paths.contains(path) => {
                whole(only)?;
                Ok(self.made(path))
            }
            Ok(_) => Ok(None),
        }
    }
}

/// State shared by the HTTP handlers and the rebuild loop (no statics).
#[derive(Clone)]
pub struct Shared {
    pub snapshot: Arc<RwLock<Snapshot>>,
    pub events: broadcast::Sender<Event>,
    /// How often an open page's reload socket is pinged: well within the idle time
    /// after which a connection is closed.
    pub keepalive: Duration,
    pub lang: Lang,
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

/// Checks the site and swaps the new model into the snapshot; on error keeps the old
/// version. Pages are rendered later, when asked for.
fn rebuild(
    opts: &ServeOptions,
    shared: &Shared,
    feeds: &mut feeds::FeedCache,
    templates_changed: bool,
) -> Duration {
    let started = Instant::now();
    let root = crate::load::SiteRoot {
        root: opts.root.clone(),
    };
    let (site, diags) = feeds::check(&root, &opts.overrides, feeds);
    let result = prepared(&opts.root, site, diags, started).and_then(|prepared| {
        // A template that does not parse keeps the last good site, like a content error.
        if templates_changed {
            render::check_templates(&prepared.theme, opts.minify).map_err(BuildError::Render)?;
        }
        Ok(prepared)
    });
    let elapsed = started.elapsed();
    let event = match result {
        Ok(prepared) => {
            let note = msg!(
                says::SERVE_REBUILT,
                ms = elapsed.as_millis(),
                live = prepared.site.postings.len(),
                warnings = prepared.warnings.len()
            );
            eprintln!("{}", note.text(opts.lang));
            let generation = Generation::new(prepared, opts.minify);
            if let Ok(mut snap) = shared.snapshot.write() {
                snap.site = Some(Arc::new(generation));
                snap.error = None;
                snap.generation += 1;
            }
            Event::Reload
        }
        Err(e) => {
            let text = match &e {
                BuildError::Content(diags) => diags
                    .iter()
                    .filter(|d| d.severity == crate::diag::Severity::Error)
                    .map(|d| d.display(opts.lang))
                    .collect::<Vec<_>>()
                    .join("\n"),
                other => other.to_string(),
            };
            let kept = msg!(says::SERVE_KEPT, problems = text);
            eprintln!("{}", kept.text(opts.lang));
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
        keepalive: (opts.idle / 3).max(Duration::from_millis(300)),
        lang: opts.lang,
    };
    let mut feeds = feeds::FeedCache::default();
    rebuild(&opts, &shared, &mut feeds, true);
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
    let serving = msg!(says::SERVING, dir = opts.root.display(), url = url);
    eprintln!("{}", serving.text(opts.lang));
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
    let opts_idle = opts.idle;
    std::thread::spawn(move || {
        // Events carry absolute paths: classify them against the absolute root.
        let root = std::fs::canonicalize(&opts.root).unwrap_or_else(|_| opts.root.clone());
        while let Ok(first) = rx.recv() {
            // Saves that arrived while the last rebuild ran are handled by one rebuild.
            let events = std::iter::once(first)
                .chain(rx.try_iter())
                .flat_map(|r| match r {
                    Ok(events) => events.into_iter().map(|e| Ok(e.event)).collect::<Vec<_>>(),
                    Err(errors) => errors.into_iter().map(Err).collect(),
                });
            let batch = watch::analyse(&root, &opts.root, events);
            // Feeds are checked against settings, regions and markets: when one of
            // those changes, every feed is read again.
            if batch.kinds.iter().any(|k| k.invalidates_feeds()) {
                feeds.clear();
            }
            if batch.kinds.is_empty() {
                continue;
            }
            let templates = batch.templates_changed();
            let trusted = batch
                .feed_saves
                .is_some_and(|saves| feeds.only_feeds_changed(saves));
            if !trusted {
                feeds.anything_changed();
            }
            rebuild(&opts, &watcher_shared, &mut feeds, templates);
        }
        drop(debouncer);
    });
    runtime
        .block_on(http::serve(
            guard::Guarded::new(listener, opts_idle),
            shared,
        ))
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
