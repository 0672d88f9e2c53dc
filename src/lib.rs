//! gigboard: a static-site generator for public gig-job boards and gig-market maps.
//!
//! The build is a pipeline of plain stages: **load** (files → raw records, located)
//! → **validate** (every problem at once → the checked model) → **render** (model →
//! pages in memory) → **write** (staged, swapped in whole). `check` stops after
//! validate; `build` runs them all.

pub mod cli;
pub mod diag;
pub mod load;
pub mod markdown;
pub mod model;
pub mod outputs;
pub mod render;
pub mod scaffold;
#[cfg(feature = "serve")]
pub mod serve;
pub mod validate;
pub mod write;

use diag::{Diagnostic, Diagnostics};
use load::SiteRoot;
use std::path::{Path, PathBuf};
use write::OutFile;

pub use validate::Overrides;

/// Why a build did not produce a site.
#[derive(Debug)]
pub enum BuildError {
    /// Content problems (at least one error); the list holds warnings too.
    Content(Vec<Diagnostic>),
    /// A template or theme problem.
    Render(render::RenderError),
    /// A file that could not be read or written.
    Io(write::WriteError),
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Content(d) => {
                write!(
                    f,
                    "{} content error(s)",
                    d.iter()
                        .filter(|d| d.severity == diag::Severity::Error)
                        .count()
                )
            }
            BuildError::Render(e) => write!(f, "{e}"),
            BuildError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for BuildError {}

/// What a successful build did, for the summary line.
#[derive(Debug)]
pub struct BuildReport {
    pub warnings: Vec<Diagnostic>,
    pub files: usize,
    pub pages: usize,
    pub live: usize,
    pub stats: model::Stats,
    pub output: PathBuf,
    pub timings: Timings,
    pub bytes: u64,
}

/// Loads and validates; the model when there is no error, and every diagnostic.
pub fn check(root: &Path, overrides: &Overrides) -> (Option<model::Site>, Diagnostics) {
    validate::site(
        &SiteRoot {
            root: root.to_path_buf(),
        },
        overrides,
    )
}

pub struct BuildOptions {
    pub root: PathBuf,
    pub output: PathBuf,
    pub overrides: Overrides,
    pub minify: bool,
}

/// A site rendered in memory: what `build` writes and `serve` serves.
pub struct Rendered {
    pub files: Vec<OutFile>,
    pub warnings: Vec<Diagnostic>,
    pub pages: usize,
    pub live: usize,
    pub stats: model::Stats,
    pub timings: Timings,
}

/// Where a build spends its time (`gigboard build --timings`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Timings {
    /// Reading, parsing and validating every file, and building the model.
    pub load_validate: std::time::Duration,
    /// Rendering every page and data file (minifying included).
    pub render: std::time::Duration,
    /// CPU time of minifying, summed over threads (part of `render`).
    pub minify_cpu: std::time::Duration,
    /// Writing the staged output and swapping it in.
    pub write: std::time::Duration,
}

/// Load → validate → model → render, without touching the output folder.
pub fn render_site(
    root: &Path,
    overrides: &Overrides,
    minify: bool,
) -> Result<Rendered, BuildError> {
    render_site_cached(root, overrides, minify, None)
}

/// What `serve` keeps between rebuilds: checked feeds and rendered pages.
#[derive(Default)]
pub struct BuildCache {
    pub feeds: validate::FeedCache,
    pub pages: std::sync::Arc<render::cache::PageCache>,
}

/// [`render_site`] reusing unchanged feeds and pages from `cache`.
pub fn render_site_cached(
    root: &Path,
    overrides: &Overrides,
    minify: bool,
    cache: Option<&mut BuildCache>,
) -> Result<Rendered, BuildError> {
    let started = std::time::Instant::now();
    let page_cache = cache.as_ref().map(|c| c.pages.clone());
    let (site, diags) = validate::site_cached(
        &SiteRoot {
            root: root.to_path_buf(),
        },
        overrides,
        cache.map(|c| &mut c.feeds),
    );
    let Some(site) = site else {
        return Err(BuildError::Content(diags.sorted()));
    };
    let load_validate = started.elapsed();
    let started = std::time::Instant::now();
    let theme_dir = site
        .theme
        .as_ref()
        .map(|name| root.join("themes").join(name));
    let theme = render::theme::Theme::load(theme_dir.as_deref()).map_err(|e| {
        BuildError::Io(write::WriteError {
            path: theme_dir.clone().unwrap_or_default(),
            source: e,
        })
    })?;
    let rendered = render::site(
        &site,
        &theme,
        render::RenderOptions {
            minify,
            cache: page_cache,
        },
    )
    .map_err(BuildError::Render)?;
    let mut files = rendered.files;
    let pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
    files.extend(content_statics(root, &site.statics)?);
    // Later entries win: the site's own static files over the theme's.
    let mut seen = std::collections::HashSet::new();
    files.reverse();
    files.retain(|f| seen.insert(f.path.clone()));
    files.extend(outputs::sitemap::build(&site, &files));
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let timings = Timings {
        load_validate,
        render: started.elapsed(),
        minify_cpu: rendered.minify_cpu,
        write: Default::default(),
    };
    Ok(Rendered {
        files,
        warnings: diags.sorted(),
        pages,
        live: site.postings.len(),
        stats: site.stats,
        timings,
    })
}

/// The whole pipeline. On any error the output folder is left exactly as it was.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildError> {
    let rendered = render_site(&opts.root, &opts.overrides, opts.minify)?;
    let started = std::time::Instant::now();
    write::replace_output(&opts.output, &rendered.files).map_err(BuildError::Io)?;
    let timings = Timings {
        write: started.elapsed(),
        ..rendered.timings
    };
    Ok(BuildReport {
        warnings: rendered.warnings,
        files: rendered.files.len(),
        pages: rendered.pages,
        live: rendered.live,
        stats: rendered.stats,
        output: opts.output.clone(),
        timings,
        bytes: rendered.files.iter().map(|f| f.bytes.len() as u64).sum(),
    })
}

fn content_statics(root: &Path, statics: &[PathBuf]) -> Result<Vec<OutFile>, BuildError> {
    let dir = root.join("content").join("static");
    statics
        .iter()
        .map(|rel| {
            let abs = dir.join(rel);
            let bytes = std::fs::read(&abs).map_err(|e| {
                BuildError::Io(write::WriteError {
                    path: abs.clone(),
                    source: e,
                })
            })?;
            Ok(OutFile {
                path: rel.to_string_lossy().replace('\\', "/"),
                bytes,
            })
        })
        .collect()
}
