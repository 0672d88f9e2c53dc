//! The page chrome: the parts of every page that depend only on the site and on how
//! deep the page is, rendered once per depth (see [`Chrome`]).

use super::{RenderError, Renderer, tera_error};
use serde::Serialize;

/// The parts of every page that depend only on the site and on how deep the page is
/// (the `../` of its links): the main menu (`partials/site_nav.html`) and the help
/// strip and footer (`partials/site_footer.html`). Rendered once per depth and handed
/// to `base.html` as `chrome.nav` and `chrome.footer`: rendering them on every page was
/// about a tenth of Tera's work in a build. A theme's own `base.html` may use them or not.
#[derive(Serialize)]
struct Chrome {
    nav: String,
    /// The menu of a page that stays the same from day to day (a posting's): its date
    /// line is filled in from `js/as-of.js`.
    nav_dateless: String,
    footer: String,
}

/// Pages are at most this many folders deep (`regions/<league>/<county>/page/<n>/`
/// under a language's folder); deeper ones would get their chrome made each time.
pub(super) const DEPTHS: usize = 8;

impl Renderer<'_> {
    /// The chrome of a page whose links need `root` and `assets` to climb to this
    /// tree's top and the site root (see [`Chrome`]).
    pub(super) fn chrome(
        &self,
        depth: usize,
        root: &str,
        assets: &str,
    ) -> Result<tera::Value, RenderError> {
        let make = || -> Result<tera::Value, RenderError> {
            let mut ctx = tera::Context::new();
            ctx.insert("root", root);
            ctx.insert("assets", assets);
            let part = |template: &str, ctx: &tera::Context| -> Result<String, RenderError> {
                let mut bytes = Vec::with_capacity(4096);
                self.tera
                    .render_to(template, ctx, &mut bytes)
                    .map_err(tera_error)?;
                String::from_utf8(bytes).map_err(RenderError::NotText)
            };
            let mut dateless = ctx.clone();
            dateless.insert("dateless", &true);
            let chrome = Chrome {
                nav: part("partials/site_nav.html", &ctx)?,
                nav_dateless: part("partials/site_nav.html", &dateless)?,
                footer: part("partials/site_footer.html", &ctx)?,
            };
            tera::Value::try_from_serializable(&chrome).map_err(tera_error)
        };
        let Some(slot) = self.chrome.get(depth) else {
            return make();
        };
        if let Some(value) = slot.get() {
            return Ok(value.clone());
        }
        let value = make()?;
        Ok(slot.get_or_init(|| value).clone())
    }
}

impl Renderer<'_> {
    /// A template rendered on its own (no `base.html`), with links as the page at
    /// `page_path` (in this language's tree) needs them: a part that a page's script
    /// puts in later (the home page's county cards).
    pub(super) fn fragment<T: Serialize>(
        &self,
        template: &str,
        page_path: &str,
        data: &T,
    ) -> Result<String, RenderError> {
        let mut ctx = tera::Context::from_serialize(data).map_err(tera_error)?;
        ctx.insert("root", &super::root_prefix(page_path));
        ctx.insert(
            "assets",
            &super::root_prefix(&format!("{}{page_path}", self.prefix)),
        );
        let mut bytes = Vec::with_capacity(4096);
        self.tera
            .render_to(template, &ctx, &mut bytes)
            .map_err(tera_error)?;
        String::from_utf8(bytes).map_err(RenderError::NotText)
    }

    /// A file that is not a page, at `path` in this language's tree.
    pub(super) fn tree_file(
        &self,
        path: &str,
        bytes: Vec<u8>,
    ) -> Result<crate::sink::OutFile, RenderError> {
        self.emit(format!("{}{path}", self.prefix), bytes)
    }
}
