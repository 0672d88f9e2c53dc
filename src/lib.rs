//! gigboard: a static-site generator for public gig-job boards and gig-market maps.
//!
//! The build is a pipeline of plain stages: **load** (files → raw records, located)
//! → **validate** (every problem at once → the checked model) → **render** (model →
//! pages in memory) → **write** (staged, swapped in whole). `check` stops after
//! validate; `build` runs them all.

pub mod archive;
pub mod cli;
pub mod compact;
pub mod crs;
pub mod diag;
pub mod export;
pub mod fix;
pub mod icons;
pub mod import;
pub mod load;
pub mod markdown;
pub mod model;
pub mod outputs;
pub mod render;
pub mod scaffold;
#[cfg(feature = "serve")]
pub mod serve;
pub mod sheets;
pub mod sink;
#[cfg(test)]
mod test_rng;
pub mod theme_files;
pub mod translate;
pub mod validate;
pub mod views;
pub mod words;
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
    /// The output folder is not one a build may replace; nothing was touched.
    Output(write::OutputRefused),
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
            BuildError::Output(e) => write!(f, "{e}"),
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

/// `gigboard check`: the same problems as [`check`], reading only the feeds that changed
/// since the last check of this site (see `validate::check_store`). The summary is
/// returned only when there is no error.
pub fn check_remembering(
    root: &Path,
    overrides: &Overrides,
) -> (Option<validate::CheckSummary>, Diagnostics) {
    validate::check_remembering(
        &SiteRoot {
            root: root.to_path_buf(),
        },
        overrides,
    )
}

/// The site's "today" for commands that write dates (`init`, `new`): `date` if given,
/// else the `date:` pinned in `content/site.yaml`, else today in its time zone
/// (Asia/Shanghai when there is no readable site.yaml yet).
pub fn site_today(root: &Path, date: Option<words::scalars::Day>) -> words::scalars::Day {
    let site = SiteRoot {
        root: root.to_path_buf(),
    };
    let config = site
        .content()
        .join("site.yaml")
        .is_file()
        .then(|| load::site_config(&site, &mut Diagnostics::default()))
        .flatten();
    match config {
        Some(config) => validate::today_of(&config.value, date),
        None => date.unwrap_or_else(|| validate::today_in(load::records::DEFAULT_TIMEZONE)),
    }
}

/// The language of the messages for the site at `root` (none before `init`): `--lang`,
/// else `GIGBOARD_LANG`, else the site's `language`, else Chinese.
pub fn message_lang(root: Option<&Path>, flag: Option<&str>) -> diag::Lang {
    let chosen = flag
        .map(str::to_string)
        .or_else(|| std::env::var(diag::LANG_VAR).ok())
        .and_then(|l| diag::Lang::parse(&l));
    if let Some(lang) = chosen {
        return lang;
    }
    let language = root.and_then(|root| {
        let site = SiteRoot {
            root: root.to_path_buf(),
        };
        site.content()
            .join("site.yaml")
            .is_file()
            .then(|| load::site_config(&site, &mut Diagnostics::default()))
            .flatten()
            .map(|c| c.value.language)
    });
    diag::Lang::choose(None, language.as_deref())
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
#[derive(Debug, Clone, Default)]
pub struct Timings {
    /// Reading, parsing and validating every file, and building the model.
    pub load_validate: std::time::Duration,
    /// Rendering every page and data file (minifying included).
    pub render: std::time::Duration,
    /// Time spent minifying (compacting the templates, part of `render`).
    pub minify: std::time::Duration,
    /// Part of `render`: each page family and the feeds and data files, in order.
    pub families: Vec<(&'static str, std::time::Duration)>,
    /// Writing what the render workers did not (data files, feeds, static files) and
    /// swapping the staged output in; the pages are written while rendering.
    pub write: std::time::Duration,
}

/// The checked model and the theme: everything rendering needs.
pub struct Prepared {
    /// The site's folder (content/, themes/).
    pub root: PathBuf,
    pub site: model::Site,
    pub theme: render::theme::Theme,
    pub warnings: Vec<Diagnostic>,
    pub load_validate: std::time::Duration,
}

/// Load → validate → model, and the theme. `feeds` (kept by `serve`) spares reading
/// the feed files that did not change.
pub fn prepare(
    root: &Path,
    overrides: &Overrides,
    feeds: Option<&mut validate::FeedCache>,
) -> Result<Prepared, BuildError> {
    let started = std::time::Instant::now();
    let (site, diags) = validate::site_cached(
        &SiteRoot {
            root: root.to_path_buf(),
        },
        overrides,
        feeds,
    );
    let Some(site) = site else {
        return Err(BuildError::Content(diags.sorted()));
    };
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
    Ok(Prepared {
        root: root.to_path_buf(),
        site,
        theme,
        warnings: diags.sorted(),
        load_validate: started.elapsed(),
    })
}

/// Load → validate → model → render, without touching the output folder.
pub fn render_site(
    root: &Path,
    overrides: &Overrides,
    minify: bool,
) -> Result<Rendered, BuildError> {
    let prepared = prepare(root, overrides, None)?;
    render_prepared(root, &prepared, minify, render::Emit::Keep)
}

/// Renders a prepared site. With `Emit::Write` the pages are already on disk when this
/// returns and the other files (data, feeds, static files) still have their bytes.
pub fn render_prepared(
    root: &Path,
    prepared: &Prepared,
    minify: bool,
    emit: render::Emit,
) -> Result<Rendered, BuildError> {
    let site = &prepared.site;
    let started = std::time::Instant::now();
    let sitemap_wanted = emit.wants("sitemap.xml");
    let rendered = render::site(
        site,
        &prepared.theme,
        render::RenderOptions { minify, emit },
    )
    .map_err(|e| match e {
        render::Failure::Render(e) => BuildError::Render(e),
        render::Failure::Write(e) => BuildError::Io(e),
    })?;
    let mut files = rendered.files;
    let pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
    files.extend(content_statics(root, &site.statics)?);
    // Later entries win: the site's own static files over the theme's.
    let mut seen = std::collections::HashSet::new();
    files.reverse();
    files.retain(|f| seen.insert(f.path.clone()));
    if sitemap_wanted {
        files.extend(outputs::sitemap::build(site, &files));
    } else if site.base_url.is_some() {
        files.push(write::OutFile::planned("sitemap.xml".into()));
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let timings = Timings {
        load_validate: prepared.load_validate,
        render: started.elapsed(),
        minify: rendered.minify,
        families: rendered.spent,
        write: Default::default(),
    };
    Ok(Rendered {
        files,
        warnings: prepared.warnings.clone(),
        pages,
        live: site.postings.len(),
        stats: site.stats,
        timings,
    })
}

/// The whole pipeline. On any error the output folder is left exactly as it was.
///
/// Pages are written into the staged output by the render workers as they are
/// rendered; the rest (data files, feeds, static files, the sitemap) after them.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildError> {
    let place = write::check_output(&opts.root, &opts.output).map_err(BuildError::Output)?;
    let prepared = prepare(&opts.root, &opts.overrides, None)?;
    let keep_spare = write::keeps_spare(prepared.site.postings.len());
    let staging =
        std::sync::Arc::new(write::Staging::begin(&place, keep_spare).map_err(BuildError::Io)?);
    let mut rendered = render_prepared(
        &opts.root,
        &prepared,
        opts.minify,
        render::Emit::Write(staging.clone()),
    )?;
    drop(prepared);
    let started = std::time::Instant::now();
    {
        use rayon::prelude::*;
        rendered
            .files
            .par_iter_mut()
            .filter(|f| f.state == write::FileState::Kept)
            .try_for_each(|f| {
                staging.write(&f.path, &f.bytes)?;
                f.state = write::FileState::Written(f.bytes.len() as u64);
                f.bytes = Vec::new();
                Ok(())
            })
            .map_err(BuildError::Io)?;
    }
    let staging = std::sync::Arc::into_inner(staging).ok_or_else(|| {
        BuildError::Io(write::WriteError {
            path: opts.output.clone(),
            source: std::io::Error::other("the staged output is still in use"),
        })
    })?;
    staging
        .finish_with(write::Cleanup::Background)
        .map_err(BuildError::Io)?;
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
        bytes: rendered.files.iter().map(OutFile::len).sum(),
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
            Ok(OutFile::new(
                rel.to_string_lossy().replace('\\', "/"),
                bytes,
            ))
        })
        .collect()
}
