//! Markdown pages: slug, front matter, sanitised body.

use super::ids::{RESERVED, check_slug};
use crate::diag::catalogue::site as says;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::LoadedPage;
use crate::markdown;
use crate::model::{Page, Site};
use crate::msg;

pub fn check(site: &mut Site, page: &LoadedPage, diags: &mut Diagnostics) {
    let slug = page.meta.slug.clone().unwrap_or_else(|| page.stem.clone());
    let pos = page.node.pos_of(&["slug"]);
    if let Err(msg) = check_slug(&slug) {
        diags.push(Diagnostic::error(&page.file, pos, "slug", msg));
        return;
    }
    if RESERVED.contains(&slug.to_ascii_lowercase().as_str()) {
        diags.push(Diagnostic::error(
            &page.file,
            pos,
            "slug",
            msg!(says::SLUG_RESERVED, slug = slug),
        ));
        return;
    }
    if site
        .pages
        .iter()
        .any(|p| p.slug.eq_ignore_ascii_case(&slug))
    {
        diags.push(Diagnostic::error(
            &page.file,
            pos,
            "slug",
            msg!(says::SLUG_TWICE, slug = slug),
        ));
        return;
    }
    let rendered = markdown::to_html(&page.body);
    if rendered.html_removed {
        diags.push(Diagnostic::warning(
            &page.file,
            page.node.pos,
            "",
            msg!(says::RAW_HTML_PAGE),
        ));
    }
    site.pages.push(Page {
        slug,
        title: page.meta.title.clone(),
        description: page.meta.description.clone(),
        weight: page.meta.weight.unwrap_or(100),
        html: rendered.html,
    });
}
