//! The site's language trees: its own language's pages at the root with the theme's
//! static files, and each extra language's pages again under `/<code>/`, rendered by
//! one [`Renderer`] each. The data files and feeds are `outputs`', made once at the
//! root by the caller (`lib.rs`) from the root tree's posting views.

use super::{Emit, RenderError, RenderOptions, Renderer, Tree, compact, families, tera_error};
use crate::model::Site;
use crate::sink::OutFile;
use crate::theme_files::Theme;
use crate::views;
use crate::words::i18n;
use crate::words::i18n::Strings;

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
#[derive(Default)]
pub struct RenderedFiles {
    pub files: Vec<OutFile>,
    pub minify: std::time::Duration,
    pub spent: Vec<(&'static str, std::time::Duration)>,
}

/// The site's language trees, ready to render: the site's own language at the root
/// ([`Trees::root`]), then every extra one under `/<code>/` ([`Trees::others`]).
///
/// The root tree's posting views are made by the caller and handed back with its
/// pages, so that the data files (`outputs`) are made from the same views without
/// `render` running them.
pub struct Trees<'a> {
    site: &'a Site,
    theme: &'a Theme,
    options: RenderOptions,
    strings: Vec<Strings>,
    all: Vec<i18n::Language>,
    /// Shared by the trees: a posting's QR code is drawn once per build.
    qr_codes: super::print::QrCodes,
}

impl<'a> Trees<'a> {
    /// Every language's interface strings, loaded from the theme.
    pub fn new(
        site: &'a Site,
        theme: &'a Theme,
        options: RenderOptions,
    ) -> Result<Self, RenderError> {
        let mut strings = Vec::new();
        let mut all = Vec::new();
        for code in std::iter::once(&site.language).chain(&site.languages) {
            let (t, language) =
                Strings::load_language(&theme.i18n, code).map_err(RenderError::Strings)?;
            strings.push(t);
            all.push(language);
        }
        Ok(Trees {
            site,
            theme,
            options,
            strings,
            all,
            qr_codes: super::print::QrCodes::new(site.postings.len()),
        })
    }

    /// The interface strings of the site's own language: the root tree's and the data
    /// files'.
    pub fn root_strings(&self) -> &Strings {
        &self.strings[0]
    }

    /// Whether the tree under `prefix` (`""` for the root) has anything to make: asked
    /// for just one page (`serve`), only the language tree that has it runs; a listing
    /// of every path needs them all.
    pub fn makes(&self, prefix: &str) -> bool {
        let Emit::Just(only) = &self.options.emit else {
            return true;
        };
        let extra = self
            .all
            .iter()
            .skip(1)
            .find(|l| only.starts_with(&format!("{}/", l.code)) && in_every_language(only));
        match extra {
            Some(l) => prefix == format!("{}/", l.code),
            None => prefix.is_empty(),
        }
    }

    /// The root tree's pages and the theme's static files, rendered with `views` (made
    /// by the caller from [`Trees::root_strings`]), which come back for the data files.
    pub fn root<'t>(
        &'t self,
        views: views::Views<'t>,
    ) -> Result<(RenderedFiles, views::Views<'t>), Failure> {
        let tree = Tree {
            prefix: String::new(),
            language: &self.all[0],
            all: &self.all,
            qr_codes: &self.qr_codes,
        };
        let r = Renderer::new(
            self.site,
            self.theme,
            &self.strings[0],
            views,
            self.options.clone(),
            &tree,
        )
        .map_err(Failure::Render)?;
        let pages = families::all(&r);
        if let Some(e) = r.take_write_error() {
            return Err(Failure::Write(e));
        }
        let mut files = pages.map_err(Failure::Render)?;
        for (path, bytes) in &self.theme.statics {
            files.push(OutFile::new(path.clone(), bytes.clone()));
        }
        let rendered = RenderedFiles {
            files,
            minify: r.minify_time,
            spent: r.take_spent(),
        };
        Ok((rendered, r.postings))
    }

    /// Every extra language: the HTML pages again under `/<code>/`; the data files,
    /// feeds and static files stay once at the root.
    pub fn others(&self) -> Result<RenderedFiles, Failure> {
        let mut rendered = RenderedFiles::default();
        let mut spent = std::time::Duration::ZERO;
        for (t, language) in self.strings.iter().zip(&self.all).skip(1) {
            let tree = Tree {
                prefix: format!("{}/", language.code),
                language,
                all: &self.all,
                qr_codes: &self.qr_codes,
            };
            if !self.makes(&tree.prefix) {
                continue;
            }
            let views = views::Views::new(self.site, t);
            let r = Renderer::new(self.site, self.theme, t, views, self.options.clone(), &tree)
                .map_err(Failure::Render)?;
            let tree_files = families::all(&r);
            if let Some(e) = r.take_write_error() {
                return Err(Failure::Write(e));
            }
            rendered.files.extend(
                tree_files
                    .map_err(Failure::Render)?
                    .into_iter()
                    .filter(|f| f.path.starts_with(&tree.prefix) && in_every_language(&f.path)),
            );
            rendered.minify += r.minify_time;
            spent += r.take_spent().into_iter().map(|(_, t)| t).sum();
        }
        if self.all.len() > 1 {
            rendered.spent.push(("other languages", spent));
        }
        Ok(rendered)
    }
}

/// Whether a file is made again for each language: the pages, and the parts of pages
/// their scripts put in (the home page's county cards); data, feeds and static files
/// are made once, at the root.
fn in_every_language(path: &str) -> bool {
    path.ends_with(".html") || super::county_board::is_cards(path)
}
