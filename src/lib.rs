//! gigboard: a static-site generator for public gig-job boards and gig-market maps.
//!
//! The build is a pipeline of plain stages: **load** (files → raw records, located)
//! → **validate** (every problem at once → the checked model) → **render** (model →
//! pages in memory) → **write** (staged, swapped in whole). `check` stops after
//! validate; `build` runs them all.

pub mod archive;
pub mod check_store;
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
    /// A file that could not be written.
    Io(write::WriteError),
    /// A file of the site (a theme file, a static file) that could not be read.
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
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
            BuildError::Read { path, source } => write!(f, "{}: {source}", path.display()),
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

/// Loads and validates: the content but its feeds read, checked, then every feed read
/// and checked on all cores (each dropped once checked), then what spans them all.
/// The model when there is no error, and every diagnostic.
pub fn check(root: &Path, overrides: &Overrides) -> (Option<model::Site>, Diagnostics) {
    use rayon::prelude::*;
    let root = SiteRoot {
        root: root.to_path_buf(),
    };
    let mut diags = Diagnostics::default();
    let content = load::content::content(&root, &mut diags);
    let (site, base_diags) = validate::base(&content, overrides);
    diags.extend(base_diags);
    let Some(site) = site else {
        return (None, diags);
    };
    let refs = validate::Refs::new(&site);
    let feeds: Vec<_> = content
        .files
        .feeds
        .par_iter()
        .map(|abs| {
            let mut d = Diagnostics::default();
            let result = load::feed(&root, abs, &mut d)
                .map(|f| validate::check_feed(&site, &refs, &f, &mut d))
                .unwrap_or_default();
            (result, d)
        })
        .collect();
    drop(refs);
    validate::finish(&content, site, feeds, diags)
}

/// `gigboard check`: the same problems as [`check`], reading only the feeds that changed
/// since the last check of this site (see `check_store`). The summary is returned only
/// when there is no error.
pub fn check_remembering(
    root: &Path,
    overrides: &Overrides,
) -> (Option<check_store::CheckSummary>, Diagnostics) {
    check_store::check_remembering(
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
    pub theme: theme_files::Theme,
    pub warnings: Vec<Diagnostic>,
    pub load_validate: std::time::Duration,
}

/// Load → validate → model, and the theme.
pub fn prepare(root: &Path, overrides: &Overrides) -> Result<Prepared, BuildError> {
    let started = std::time::Instant::now();
    let (site, diags) = check(root, overrides);
    prepared(root, site, diags, started)
}

/// A checked site with its theme, ready to render (`serve` checks with its cache of
/// feeds); the content problems when there is no site. `started`: when checking began.
pub fn prepared(
    root: &Path,
    site: Option<model::Site>,
    diags: Diagnostics,
    started: std::time::Instant,
) -> Result<Prepared, BuildError> {
    let Some(site) = site else {
        return Err(BuildError::Content(diags.sorted()));
    };
    let theme_dir = site
        .theme
        .as_ref()
        .map(|name| root.join("themes").join(name));
    let theme =
        theme_files::Theme::load(theme_dir.as_deref()).map_err(|source| BuildError::Read {
            path: theme_dir.clone().unwrap_or_default(),
            source,
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
    let prepared = prepare(root, overrides)?;
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
    let rendered = make_files(prepared, render::RenderOptions { minify, emit })?;
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

/// Every page, data file and feed of a prepared site and the theme's static files, as
/// `options` asks: the root language's pages, the data files and feeds from the same
/// posting views, then the other languages' pages. (Not the site's own static files
/// nor the sitemap, which lists all of these: see [`render_prepared`].)
pub fn make_files(
    prepared: &Prepared,
    options: render::RenderOptions,
) -> Result<render::RenderedFiles, BuildError> {
    let site = &prepared.site;
    let failed = |e: render::Failure| match e {
        render::Failure::Render(e) => BuildError::Render(e),
        render::Failure::Write(e) => BuildError::Io(e),
    };
    let emit = &options.emit;
    let trees =
        render::Trees::new(site, &prepared.theme, options.clone()).map_err(BuildError::Render)?;
    let mut made = render::RenderedFiles::default();
    if trees.makes("") {
        let views = views::Views::new(site, trees.root_strings());
        let (root, views) = trees.root(views).map_err(failed)?;
        made = root;
        if matches!(emit, render::Emit::Keep | render::Emit::Write(_)) {
            views.all().for_each(drop);
        }
        let started = std::time::Instant::now();
        let write_error = std::sync::Mutex::new(None);
        let stream =
            |path: String, fill: &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>| {
                emit.file_with(path.clone(), fill).unwrap_or_else(|e| {
                    if let Ok(mut first) = write_error.lock() {
                        first.get_or_insert(e);
                    }
                    OutFile::planned(path)
                })
            };
        let data = outputs::all(
            &outputs::Outputs {
                site,
                views: &views,
                t: trees.root_strings(),
            },
            &|path| emit.wants(path),
            emit.just(),
            &stream,
        );
        if let Some(e) = write_error.into_inner().ok().flatten() {
            return Err(BuildError::Io(e));
        }
        made.files.extend(data);
        made.spent.push(("feeds and data files", started.elapsed()));
    }
    let others = trees.others().map_err(failed)?;
    made.files.extend(others.files);
    made.minify += others.minify;
    made.spent.extend(others.spent);
    Ok(made)
}

/// The whole pipeline. On any error the output folder is left exactly as it was.
///
/// Pages are written into the staged output by the render workers as they are
/// rendered; the rest (data files, feeds, static files, the sitemap) after them.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildError> {
    let place = write::check_output(&opts.root, &opts.output).map_err(BuildError::Output)?;
    let prepared = prepare(&opts.root, &opts.overrides)?;
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
            let bytes = std::fs::read(&abs).map_err(|source| BuildError::Read {
                path: abs.clone(),
                source,
            })?;
            Ok(OutFile::new(
                rel.to_string_lossy().replace('\\', "/"),
                bytes,
            ))
        })
        .collect()
}
