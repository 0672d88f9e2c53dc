//! The site's language trees: its own language at the root with the data files, feeds
//! and static files, and each extra language's pages again under `/<code>/`, rendered
//! by one [`Renderer`] each.

use super::theme::Theme;
use super::{Emit, RenderError, RenderOptions, Renderer, Tree, compact, families, tera_error};
use crate::model::Site;
use crate::sink::OutFile;
use crate::views::i18n::Strings;

/// Parses every template of `theme` (as `build` would, minified or not): `serve`
/// renders pages only when asked for, so it checks the templates when they change.
pub fn check_templates(theme: &Theme, minify: bool) -> Result<(), RenderError> {
    let mut tera = tera::Tera::new();
    tera.autoescape_on(vec![".html"]);
    let sources: Vec<(&str, String)> = theme
        .templates
        .iter()
        .map(|(k, v)| {
            (
                k.as_str(),
                if minify {
                    compact::compact(v)
                } else {
                    v.clone()
                },
            )
        })
        .collect();
    tera.add_raw_templates(sources.iter().map(|(k, v)| (*k, v.as_str())))
        .map_err(tera_error)
}

/// Why rendering stopped.
#[derive(Debug)]
pub enum Failure {
    Render(RenderError),
    /// A page could not be written (`Emit::Write`).
    Write(crate::sink::WriteError),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Render(e) => write!(f, "{e}"),
            Failure::Write(e) => write!(f, "{e}"),
        }
    }
}

/// The rendered files, the time minifying (the templates) took and the time of each
/// page family and data file group.
pub struct RenderedFiles {
    pub files: Vec<OutFile>,
    pub minify: std::time::Duration,
    pub spent: Vec<(&'static str, std::time::Duration)>,
}

/// Renders every page of the site and returns them with the theme's and site's static files.
pub fn site(site: &Site, theme: &Theme, options: RenderOptions) -> Result<RenderedFiles, Failure> {
    let mut write_error = None;
    let result = site_trees(site, theme, options, &mut write_error);
    match (result, write_error) {
        (_, Some(e)) => Err(Failure::Write(e)),
        (Ok(files), None) => Ok(files),
        (Err(e), None) => Err(Failure::Render(e)),
    }
}

fn site_trees(
    site: &Site,
    theme: &Theme,
    options: RenderOptions,
    write_error: &mut Option<crate::sink::WriteError>,
) -> Result<RenderedFiles, RenderError> {
    let mut strings = Vec::new();
    let mut all = Vec::new();
    for code in std::iter::once(&site.language).chain(&site.languages) {
        let (t, language) = Strings::load_language(&theme.i18n, code).map_err(RenderError)?;
        strings.push(t);
        all.push(language);
    }
    let t = &strings[0];
    let qr_codes = super::print::QrCodes::new(site.postings.len());
    let tree = Tree {
        prefix: String::new(),
        language: &all[0],
        all: &all,
        qr_codes: &qr_codes,
    };
    // Asked for just one page (`serve`), only the language tree that has it runs;
    // a listing of every path needs them all.
    let only = match &options.emit {
        Emit::Just(path) => Some(path.clone()),
        _ => None,
    };
    let in_tree = |prefix: &str| -> bool {
        only.as_deref().is_none_or(|p| {
            let extra = all
                .iter()
                .skip(1)
                .find(|l| p.starts_with(&format!("{}/", l.code)) && in_every_language(p));
            match extra {
                Some(l) => prefix == format!("{}/", l.code),
                None => prefix.is_empty(),
            }
        })
    };
    let mut files = Vec::new();
    let mut minify = std::time::Duration::ZERO;
    let mut spent = Vec::new();
    let mut other_languages = std::time::Duration::ZERO;
    if in_tree("") {
        let r = Renderer::new(site, theme, t, options.clone(), &tree)?;
        root_tree(&r, theme, &options, &mut files, write_error)?;
        minify += r.minify_time;
        spent = r.take_spent();
    }
    // Every extra language: the HTML pages again under `/<code>/`; the data files,
    // feeds and static files stay once at the root.
    for (t, language) in strings.iter().zip(&all).skip(1) {
        let tree = Tree {
            prefix: format!("{}/", language.code),
            language,
            all: &all,
            qr_codes: &qr_codes,
        };
        if !in_tree(&tree.prefix) {
            continue;
        }
        let r = Renderer::new(site, theme, t, options.clone(), &tree)?;
        let tree_files = families::all(&r);
        if let Some(e) = r.take_write_error() {
            write_error.get_or_insert(e);
        }
        files.extend(
            tree_files?
                .into_iter()
                .filter(|f| f.path.starts_with(&tree.prefix) && in_every_language(&f.path)),
        );
        minify += r.minify_time;
        other_languages += r.take_spent().into_iter().map(|(_, t)| t).sum();
    }
    if all.len() > 1 {
        spent.push(("other languages", other_languages));
    }
    Ok(RenderedFiles {
        files,
        minify,
        spent,
    })
}

/// Whether a file is made again for each language: the pages, and the parts of pages
/// their scripts put in (the home page's county cards); data, feeds and static files
/// are made once, at the root.
fn in_every_language(path: &str) -> bool {
    path.ends_with(".html") || super::county_board::is_cards(path)
}

/// The site's own language at the root, with the data files, feeds and static files.
fn root_tree(
    r: &Renderer<'_>,
    theme: &Theme,
    options: &RenderOptions,
    files: &mut Vec<OutFile>,
    write_error: &mut Option<crate::sink::WriteError>,
) -> Result<(), RenderError> {
    let site = r.site;
    let pages = families::all(r);
    if let Some(e) = r.take_write_error() {
        write_error.get_or_insert(e);
    }
    files.extend(pages?);
    let emit = &options.emit;
    if matches!(emit, Emit::Keep | Emit::Write(_)) {
        r.postings.all().for_each(drop);
    }
    let started = std::time::Instant::now();
    files.extend(crate::outputs::all(
        &crate::outputs::Outputs {
            site,
            views: &r.postings,
            t: r.t,
        },
        &|path| emit.wants(path),
        r.just(),
        &|path, fill| r.emit_with(path, fill),
    ));
    r.spent("feeds and data files", started.elapsed());
    if let Some(e) = r.take_write_error() {
        write_error.get_or_insert(e);
    }
    for (path, bytes) in &theme.statics {
        files.push(OutFile::new(path.clone(), bytes.clone()));
    }
    Ok(())
}
