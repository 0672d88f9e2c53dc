//! Render: the checked model → HTML pages and theme files, in memory.
//!
//! Tera templates come from the theme (built-in under the site's). Each page family
//! has its own module; they share the [`Renderer`], which knows how to turn a typed
//! view into one output file (relative links, minifying).

mod chrome;
mod closed;
mod county_board;
pub use crate::compact;
mod directory;
mod events;
mod families;
mod fold;
mod help;
mod kiosk;
mod lists;
mod map_band;
mod map_layout;
mod market_detail;
mod places;
mod poster;
pub mod print;
mod region_map;
mod status;
mod status_charts;
pub mod svgmap;
mod training;
mod trees;

pub use trees::{Failure, RenderedFiles, Trees, check_templates};

use crate::model::Site;
use crate::sink::OutFile;
use crate::theme_files::Theme;
use crate::views;
use crate::views::HotlineView;
use crate::words::i18n::{self, Strings};
use serde::Serialize;

/// Why a page could not be made.
#[derive(Debug)]
pub enum RenderError {
    /// A template that does not parse or render: Tera's message with its causes, which
    /// name the template and the line.
    Template(String),
    /// A language's interface strings that cannot be read (`i18n/<lang>.yaml`).
    Strings(String),
    /// A posting's address that does not fit in a QR code.
    QrCode(String),
    /// A page part rendered to bytes that are not UTF-8 text.
    NotText(std::string::FromUtf8Error),
    /// A page that could not be written; the build reports the write error itself.
    Write(String),
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::Template(msg) => write!(f, "template error: {msg}"),
            RenderError::NotText(e) => write!(f, "{e}"),
            RenderError::Strings(msg) | RenderError::QrCode(msg) | RenderError::Write(msg) => {
                f.write_str(msg)
            }
        }
    }
}

impl std::error::Error for RenderError {}

fn tera_error(e: tera::Error) -> RenderError {
    // Tera's Display is terse; its source chain names the template and the line.
    let mut msg = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        msg.push_str(&format!(": {s}"));
        source = s.source();
    }
    RenderError::Template(msg)
}

#[derive(Clone, Default)]
pub struct RenderOptions {
    pub minify: bool,
    pub emit: Emit,
}

/// What [`Renderer::page`] does with a page.
#[derive(Clone, Default)]
pub enum Emit {
    /// Keep its bytes in the returned file.
    #[default]
    Keep,
    /// Write it to the staged output as soon as it is rendered (`build`): the site
    /// never has to fit in memory, and writing overlaps rendering.
    Write(std::sync::Arc<dyn crate::sink::Sink>),
    /// Make only the file at this path and list every other one as planned (`serve`,
    /// for a file that is not a page, and to learn every path of the site).
    Listing(std::sync::Arc<str>),
    /// Make only the file at this path and list nothing else: the families that
    /// cannot make it do not run (`serve`, for a page).
    Just(std::sync::Arc<str>),
}

impl Emit {
    /// Whether the file at `path` (from the output root) is to be made now.
    pub fn wants(&self, path: &str) -> bool {
        match self {
            Emit::Listing(only) | Emit::Just(only) => &**only == path,
            _ => true,
        }
    }

    /// With `Emit::Just`, the one file asked for.
    pub fn just(&self) -> Option<&str> {
        match self {
            Emit::Just(path) => Some(path),
            _ => None,
        }
    }

    /// Makes a file from a writer: when building it goes straight to the sink and is
    /// never whole in memory (`jobs.json` is gigabytes at a million postings);
    /// otherwise its bytes are kept.
    pub fn file_with(
        &self,
        path: String,
        fill: &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<OutFile, crate::sink::WriteError> {
        let Emit::Write(sink) = self else {
            let mut bytes = Vec::new();
            // Writing into memory cannot fail; a serializer error leaves what it wrote.
            let _ = fill(&mut bytes);
            return Ok(OutFile::new(path, bytes));
        };
        let n = sink.write_with(&path, fill)?;
        Ok(OutFile {
            path,
            bytes: Vec::new(),
            state: crate::sink::FileState::Written(n),
        })
    }
}

/// What every page knows about the site (Tera's global context).
#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: Option<&'a str>,
    language: &'a str,
    today: String,
    today_iso: String,
    /// The site's UTC offset in minutes on that day: scripts that compare the build's
    /// day with the reader's (stale pages, expired cards) count days in the site's zone.
    utc_offset: i32,
    base_url: Option<&'a str>,
    hotlines: Vec<HotlineView<'a>>,
    footer: &'a crate::load::records::Footer,
    /// The organiser's logo (a path from the site root) and brand colour, when set.
    logo: Option<&'a str>,
    brand_color: Option<&'a str>,
    menu: Vec<views::LinkView<'a>>,
    /// `<html lang>`: the language most of a page's text is in.
    lang: &'a str,
    /// The interface language's code (`zh-CN`, `en`, `mn`), for `<html class="ui-…">`.
    ui: &'a str,
    /// Every language version of the site, for the switcher and `hreflang` links;
    /// empty when the site has only one.
    languages: Vec<LanguageLink<'a>>,
}

/// One language version of the site (`prefix` is `""` or `en/`).
#[derive(Serialize)]
struct LanguageLink<'a> {
    tag: &'a str,
    name: &'a str,
    prefix: String,
    current: bool,
    /// Under half of the interface is in this language (the rest shows in Chinese):
    /// the switcher says so, so that nobody expects a whole page in it.
    partial: bool,
}

/// Which copy of the site a renderer writes: the site's own language at the root, or
/// an extra language (`languages:` in site.yaml) under `/<code>/`.
struct Tree<'a> {
    /// `""` or `en/`.
    prefix: String,
    language: &'a i18n::Language,
    /// Every language of the site, the site's own first.
    all: &'a [i18n::Language],
    /// Shared by the trees: a posting's QR code is drawn once per build.
    qr_codes: &'a print::QrCodes,
}

/// Shared by every page family.
pub struct Renderer<'a> {
    tera: tera::Tera,
    pub qr_codes: &'a print::QrCodes,
    pub site: &'a Site,
    pub t: &'a Strings,
    pub postings: views::Views<'a>,
    /// Every market's view, by model index, built once.
    pub markets: Vec<views::MarketView<'a>>,
    options: RenderOptions,
    /// Prepended to every page's path: `""`, or `en/` for an extra language.
    prefix: String,
    /// `Some("zh-CN")` when pages are in another language, so the (Chinese) content
    /// that Rust code writes into markup can say what it is.
    pub content_lang: Option<&'static str>,
    /// The pages' `<html lang>`.
    pub page_lang: String,
    /// Time spent minifying the templates (for `--timings`).
    minify_time: std::time::Duration,
    /// The first failure to write a page (`Emit::Write`), reported as an I/O error.
    write_error: std::sync::Mutex<Option<crate::sink::WriteError>>,
    /// Time per page family and data file group (for `--timings`).
    spent: std::sync::Mutex<Vec<(&'static str, std::time::Duration)>>,
    /// The page chrome (see [`chrome::Chrome`]) of pages this many folders deep, made once.
    chrome: [std::sync::OnceLock<tera::Value>; chrome::DEPTHS],
}

/// The buffer a page is rendered into starts this big: a posting page (the most
/// numerous) is 8–12 kB.
const PAGE_CAPACITY: usize = 16 * 1024;

pub use crate::views::root_prefix;

/// Front matter of every page: title, where it lives, how it is linked.
#[derive(Serialize)]
pub struct PageMeta<'a> {
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub path: &'a str,
    /// Absolute address when the site has a base_url.
    pub canonical: Option<String>,
}

impl<'a> Renderer<'a> {
    /// Whether this is the site's own language, at the root: the tree whose pages carry
    /// the structured data (the others name it as canonical).
    pub fn is_root_tree(&self) -> bool {
        self.prefix.is_empty()
    }

    fn new(
        site: &'a Site,
        theme: &Theme,
        t: &'a Strings,
        postings: views::Views<'a>,
        options: RenderOptions,
        tree: &Tree<'a>,
    ) -> Result<Self, RenderError> {
        let mut tera = tera::Tera::new();
        tera.autoescape_on(vec![".html"]);
        // Content (titles, names, addresses…) is Chinese: on a page in another language
        // templates mark it with `{{ zh | safe }}` so screen readers switch voice.
        let content_lang =
            (tree.language.page_tag != i18n::FALLBACK_TAG).then_some(i18n::FALLBACK_TAG);
        let zh = content_lang.map_or(String::new(), |l| format!(" lang=\"{l}\""));
        // Minifying is done here, once per template (see `compact`), and this language's
        // texts written in (see `fold`).
        let started = std::time::Instant::now();
        let folds = fold::Folds::new(theme.templates.values().map(String::as_str), t, &zh);
        let sources: Vec<(&str, String)> = theme
            .templates
            .iter()
            .map(|(k, v)| {
                let src = if options.minify {
                    compact::compact(v).into()
                } else {
                    std::borrow::Cow::Borrowed(v.as_str())
                };
                (k.as_str(), folds.fold(k, &src).into_owned())
            })
            .collect();
        let minify_time = started.elapsed();
        tera.add_raw_templates(sources.iter().map(|(k, v)| (*k, v.as_str())))
            .map_err(tera_error)?;
        let menu = site
            .pages
            .iter()
            .map(|p| views::LinkView {
                label: &p.title,
                path: format!("{}/index.html", p.slug),
                count: 0,
            })
            .collect();
        let site_view = SiteView {
            title: &site.title,
            description: site.description.as_deref(),
            language: &site.language,
            today: views::day_text(site.today, t),
            today_iso: site.today.to_string(),
            utc_offset: site.utc_offset_minutes(),
            base_url: site.base_url.as_deref(),
            hotlines: views::hotlines(&site.hotlines, t),
            footer: &site.footer,
            logo: site.logo.as_deref(),
            brand_color: site.brand_color.as_deref(),
            menu,
            lang: &tree.language.page_tag,
            ui: &tree.language.code,
            languages: if tree.all.len() > 1 {
                tree.all
                    .iter()
                    .enumerate()
                    .map(|(i, l)| LanguageLink {
                        tag: &l.tag,
                        name: &l.name,
                        prefix: if i == 0 {
                            String::new()
                        } else {
                            format!("{}/", l.code)
                        },
                        current: l.code == tree.language.code,
                        partial: l.translated * 2 < l.total,
                    })
                    .collect()
            } else {
                Vec::new()
            },
        };
        tera.global_context().insert("site", &site_view);
        tera.global_context().insert("t", t);
        tera.global_context().insert("zh", &zh);
        let markets = site
            .markets
            .iter()
            .map(|m| views::MarketView::new(site, m, t))
            .collect();
        Ok(Renderer {
            tera,
            qr_codes: tree.qr_codes,
            site,
            t,
            postings,
            markets,
            options,
            prefix: tree.prefix.clone(),
            content_lang,
            page_lang: tree.language.page_tag.clone(),
            minify_time,
            write_error: Default::default(),
            spent: Default::default(),
            chrome: Default::default(),
        })
    }

    /// Renders `template` with `data` (its fields become top-level names) into `path`.
    pub fn page<T: Serialize>(
        &self,
        template: &str,
        path: &str,
        title: &str,
        description: Option<&str>,
        data: &T,
    ) -> Result<OutFile, RenderError> {
        let full = format!("{}{path}", self.prefix);
        if !self.options.emit.wants(&full) {
            return Ok(OutFile::planned(full));
        }
        let mut ctx = tera::Context::from_serialize(data).map_err(tera_error)?;
        // `root` leads to the top of this language's pages, `assets` to the site root,
        // where the CSS, scripts, fonts, feeds and data files are (written only once).
        let (root, assets) = (root_prefix(path), root_prefix(&full));
        ctx.insert_value(
            "chrome",
            self.chrome(path.matches('/').count(), &root, &assets)?,
        );
        ctx.insert("root", &root);
        ctx.insert("assets", &assets);
        let canonical = self
            .site
            .base_url
            .as_ref()
            .map(|b| format!("{b}{}", full.trim_end_matches("index.html")));
        ctx.insert(
            "page",
            &PageMeta {
                title,
                description,
                path,
                canonical,
            },
        );
        // Rendered into bytes: `Tera::render` would check the whole page is UTF-8
        // again to make a String, and the page goes to disk as bytes.
        // Sized for a posting page; list pages grow it once or twice.
        let mut bytes = Vec::with_capacity(PAGE_CAPACITY);
        self.tera
            .render_to(template, &ctx, &mut bytes)
            .map_err(tera_error)?;
        self.emit(full, bytes)
    }

    /// Markdown HTML as the page at `path` (in this language's tree) shows it: its
    /// root-relative links made relative to the page (see `markdown::rebase`).
    pub fn content_html<'h>(&self, html: &'h str, path: &str) -> std::borrow::Cow<'h, str> {
        let full = format!("{}{path}", self.prefix);
        crate::markdown::rebase(html, &root_prefix(path), &root_prefix(&full), |first| {
            self.site.statics.iter().any(|s| {
                s.components()
                    .next()
                    .is_some_and(|c| c.as_os_str() == first)
            })
        })
    }

    /// Whether the page at `path` (in this language's tree) is to be rendered now:
    /// families check it before costly work for one page (QR codes, maps).
    pub fn wants(&self, path: &str) -> bool {
        match &self.options.emit {
            // `build` wants every page: no path to put together for each.
            Emit::Keep | Emit::Write(_) => true,
            emit => emit.wants(&format!("{}{path}", self.prefix)),
        }
    }

    /// With `Emit::Just`, the page asked for, as a path in this language's tree.
    pub fn just(&self) -> Option<&str> {
        let path = self.options.emit.just()?;
        Some(path.strip_prefix(self.prefix.as_str()).unwrap_or(path))
    }

    /// The file of a page that is not rendered now (see [`Renderer::wants`]).
    pub fn planned(&self, path: &str) -> OutFile {
        OutFile::planned(format!("{}{path}", self.prefix))
    }

    /// A data file at the site root (`markets.json`): made by the site's own language
    /// only, and only when wanted now; its bytes are kept for the caller to write.
    pub fn data_file(&self, path: &str, build: impl FnOnce() -> Vec<u8>) -> OutFile {
        if self.prefix.is_empty() && self.options.emit.wants(path) {
            OutFile::new(path, build())
        } else {
            OutFile::planned(path.to_string())
        }
    }

    /// Hands a finished file (its path from the output root) to where it goes.
    pub fn emit(&self, path: String, bytes: Vec<u8>) -> Result<OutFile, RenderError> {
        let Emit::Write(staging) = &self.options.emit else {
            return Ok(OutFile::new(path, bytes));
        };
        if let Err(e) = staging.write(&path, &bytes) {
            let message = e.to_string();
            self.keep_write_error(e);
            return Err(RenderError::Write(message));
        }
        Ok(OutFile {
            path,
            bytes: Vec::new(),
            state: crate::sink::FileState::Written(bytes.len() as u64),
        })
    }

    /// Keeps the first write failure; the build reports it once rendering stops.
    fn keep_write_error(&self, e: crate::sink::WriteError) {
        if let Ok(mut first) = self.write_error.lock() {
            first.get_or_insert(e);
        }
    }

    /// Adds `time` to what `what` took (`--timings`).
    pub fn spent(&self, what: &'static str, time: std::time::Duration) {
        if let Ok(mut spent) = self.spent.lock() {
            match spent.iter_mut().find(|(name, _)| *name == what) {
                Some((_, total)) => *total += time,
                None => spent.push((what, time)),
            }
        }
    }

    pub fn take_spent(&self) -> Vec<(&'static str, std::time::Duration)> {
        self.spent
            .lock()
            .map(|mut s| std::mem::take(&mut *s))
            .unwrap_or_default()
    }

    fn take_write_error(&self) -> Option<crate::sink::WriteError> {
        self.write_error.lock().ok().and_then(|mut e| e.take())
    }

    /// Views of the postings at these model indices, in order.
    pub fn postings_at(&self, indices: &[usize]) -> Vec<views::Shown<'_>> {
        indices.iter().map(|&i| self.postings.shown(i)).collect()
    }
}
