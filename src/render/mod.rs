//! Render: the checked model → HTML pages and theme files, in memory.
//!
//! Tera templates come from the theme (built-in under the site's). Each page family
//! has its own module; they share the [`Renderer`], which knows how to turn a typed
//! view into one output file (relative links, minifying).

pub mod cache;
mod directory;
mod events;
mod families;
mod help;
pub mod i18n;
mod icons;
mod kiosk;
mod market_detail;
mod places;
pub mod print;
mod status;
pub mod svgmap;
pub mod theme;
mod training;
pub mod views;

use crate::model::Site;
use crate::write::OutFile;
use i18n::Strings;
use serde::Serialize;
use theme::Theme;
use views::{HotlineView, PostingView};

/// A template that failed to parse or render, or a theme file that cannot be read.
#[derive(Debug)]
pub struct RenderError(pub String);

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
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
    RenderError(format!("template error: {msg}"))
}

#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    pub minify: bool,
    /// Pages rendered by the previous build (`serve` keeps one between rebuilds).
    pub cache: Option<std::sync::Arc<cache::PageCache>>,
}

/// What every page knows about the site (Tera's global context).
#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: Option<&'a str>,
    language: &'a str,
    today: String,
    today_iso: String,
    base_url: Option<&'a str>,
    hotlines: Vec<HotlineView<'a>>,
    footer: &'a crate::load::records::Footer,
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
}

/// Which copy of the site a renderer writes: the site's own language at the root, or
/// an extra language (`languages:` in site.yaml) under `/<code>/`.
struct Tree<'a> {
    /// `""` or `en/`.
    prefix: String,
    language: &'a i18n::Language,
    /// Every language of the site, the site's own first.
    all: &'a [i18n::Language],
}

/// Shared by every page family.
pub struct Renderer<'a> {
    tera: tera::Tera,
    pub site: &'a Site,
    pub t: &'a Strings,
    pub postings: Vec<PostingView<'a>>,
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
    /// CPU time spent minifying, summed over threads (for `--timings`).
    minify_nanos: std::sync::atomic::AtomicU64,
    /// What every page of this build shares (templates, strings, site settings): part
    /// of each page's cache key.
    shared_key: u64,
}

/// The `..` prefix that leads from a page back to the site root.
pub fn root_prefix(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

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
    fn new(
        site: &'a Site,
        theme: &Theme,
        t: &'a Strings,
        options: RenderOptions,
        tree: &Tree<'a>,
    ) -> Result<Self, RenderError> {
        let mut tera = tera::Tera::new();
        tera.autoescape_on(vec![".html"]);
        tera.add_raw_templates(
            theme
                .templates
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str())),
        )
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
            base_url: site.base_url.as_deref(),
            hotlines: views::hotlines(&site.hotlines, t),
            footer: &site.footer,
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
                    })
                    .collect()
            } else {
                Vec::new()
            },
        };
        tera.global_context().insert("site", &site_view);
        tera.global_context().insert("t", t);
        // Content (titles, names, addresses…) is Chinese: on a page in another language
        // templates mark it with `{{ zh | safe }}` so screen readers switch voice.
        let content_lang =
            (tree.language.page_tag != i18n::FALLBACK_TAG).then_some(i18n::FALLBACK_TAG);
        let zh = content_lang.map_or(String::new(), |l| format!(" lang=\"{l}\""));
        tera.global_context().insert("zh", &zh);
        let postings = site
            .postings
            .iter()
            .map(|p| PostingView::new(site, p, t))
            .collect();
        let markets = site
            .markets
            .iter()
            .map(|m| views::MarketView::new(site, m, t))
            .collect();
        let shared_key = if options.cache.is_some() {
            cache::key_of(&(
                &theme.templates,
                &site_view,
                t,
                &zh,
                options.minify,
                &tree.prefix,
            ))
        } else {
            0
        };
        Ok(Renderer {
            tera,
            site,
            t,
            postings,
            markets,
            options,
            prefix: tree.prefix.clone(),
            content_lang,
            page_lang: tree.language.page_tag.clone(),
            minify_nanos: Default::default(),
            shared_key,
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
        // In `serve`, a page whose inputs did not change is not rendered again.
        let key =
            self.options.cache.as_ref().map(|_| {
                cache::key_of(&(self.shared_key, template, path, title, description, data))
            });
        if let (Some(cache), Some(key)) = (&self.options.cache, key)
            && let Some(bytes) = cache.get(&full, key)
        {
            return Ok(OutFile { path: full, bytes });
        }
        let mut ctx = tera::Context::from_serialize(data).map_err(tera_error)?;
        // `root` leads to the top of this language's pages, `assets` to the site root,
        // where the CSS, scripts, fonts, feeds and data files are (written only once).
        ctx.insert("root", &root_prefix(path));
        ctx.insert("assets", &root_prefix(&full));
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
        let html = self.tera.render(template, &ctx).map_err(tera_error)?;
        let bytes = self.finish(html);
        if let (Some(cache), Some(key)) = (&self.options.cache, key) {
            cache.put(&full, key, &bytes);
        }
        Ok(OutFile { path: full, bytes })
    }

    fn finish(&self, html: String) -> Vec<u8> {
        #[cfg(feature = "minify")]
        if self.options.minify {
            let mut cfg = minify_html::Cfg::new();
            cfg.keep_closing_tags = true;
            cfg.keep_html_and_head_opening_tags = true;
            cfg.minify_css = false;
            cfg.minify_js = false;
            cfg.minify_doctype = false;
            let started = std::time::Instant::now();
            let out = minify_html::minify(html.as_bytes(), &cfg);
            let nanos = u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX);
            self.minify_nanos
                .fetch_add(nanos, std::sync::atomic::Ordering::Relaxed);
            return out;
        }
        let _ = self.options;
        html.into_bytes()
    }

    /// A QR code drawn by an earlier build of `serve` (an address always gives the same code).
    pub fn cached_qr(&self, url: &str) -> Option<String> {
        self.options.cache.as_ref().and_then(|c| c.qr(url))
    }

    pub fn keep_qr(&self, url: &str, svg: &str) {
        if let Some(c) = &self.options.cache {
            c.put_qr(url, svg);
        }
    }

    /// Views of the postings at these model indices, in order.
    pub fn postings_at(&self, indices: &[usize]) -> Vec<&PostingView<'a>> {
        indices.iter().map(|&i| &self.postings[i]).collect()
    }
}

/// The rendered files and the CPU time minifying took.
pub struct RenderedFiles {
    pub files: Vec<OutFile>,
    pub minify_cpu: std::time::Duration,
}

/// Renders every page of the site and returns them with the theme's and site's static files.
pub fn site(
    site: &Site,
    theme: &Theme,
    options: RenderOptions,
) -> Result<RenderedFiles, RenderError> {
    let mut strings = Vec::new();
    let mut all = Vec::new();
    for code in std::iter::once(&site.language).chain(&site.languages) {
        let (t, language) = Strings::load_language(&theme.i18n, code).map_err(RenderError)?;
        strings.push(t);
        all.push(language);
    }
    let t = &strings[0];
    let tree = Tree {
        prefix: String::new(),
        language: &all[0],
        all: &all,
    };
    let r = Renderer::new(site, theme, t, options.clone(), &tree)?;
    let mut files = families::all(&r)?;
    files.extend(crate::outputs::all(&crate::outputs::Outputs {
        site,
        views: &r.postings,
        t,
    }));
    for (path, bytes) in &theme.statics {
        files.push(OutFile {
            path: path.clone(),
            bytes: bytes.clone(),
        });
    }
    let mut minify_nanos = r.minify_nanos.load(std::sync::atomic::Ordering::Relaxed);
    drop(r);
    // Every extra language: the HTML pages again under `/<code>/`; the data files,
    // feeds and static files stay once at the root.
    for (t, language) in strings.iter().zip(&all).skip(1) {
        let tree = Tree {
            prefix: format!("{}/", language.code),
            language,
            all: &all,
        };
        let r = Renderer::new(site, theme, t, options.clone(), &tree)?;
        files.extend(
            families::all(&r)?
                .into_iter()
                .filter(|f| f.path.starts_with(&tree.prefix) && f.path.ends_with(".html")),
        );
        minify_nanos += r.minify_nanos.load(std::sync::atomic::Ordering::Relaxed);
    }
    let minify_cpu = std::time::Duration::from_nanos(minify_nanos);
    Ok(RenderedFiles { files, minify_cpu })
}
