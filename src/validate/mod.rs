//! Validate: the content as read → every problem at once → the checked model.
//!
//! Nothing here reads a file. `load` reads the content ([`Content`]) and each feed, and
//! the caller (`lib.rs`, `serve`, `check`'s store) hands them in, in this order:
//! [`base`] checks the site before its feeds (settings and regions first, then markets,
//! which need counties, then the map and events), [`check_feed`] each feed against it
//! (on all cores, each feed dropped as soon as its postings are in the model), and
//! [`finish`] what spans every feed (duplicate ids, links) and the pages, and builds the
//! model's indices. Nothing stops at the first problem; the caller decides from the
//! diagnostics.

mod closed;
mod config;
mod credit_code;
mod events;
mod ids;
mod links;
mod look;
mod map;
mod markets;
mod pages;
mod personal_data;
mod posting_rules;
mod postings;
mod record;
mod reports;
mod rules;
mod texts;
mod training;

use crate::diag::Diagnostics;
use crate::load::content::Content;
use crate::model::{RootLink, Site, Stats};
use crate::words::scalars::Day;
use std::path::Path;

pub use closed::archivable;
pub use config::{today_in, today_of};
pub use ids::check_slug;
pub use postings::{FeedResult, IdRef, IdSite, Refs, check_duplicates, check_feed};

/// What the command line can override.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub date: Option<Day>,
    pub base_url: Option<String>,
}

/// Settings, regions, markets, the map and events: the site before its feeds. None
/// when there are no settings to go on.
pub fn base(content: &Content, overrides: &Overrides) -> (Option<Site>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let Some(config) = &content.config else {
        return (None, diags);
    };
    let regions = &content.regions;
    texts::personal(&config.file, &config.node, &mut diags);
    texts::every_text(&config.file, &config.node, &mut diags);
    if let Some(regions) = regions {
        texts::personal(&regions.file, &regions.node, &mut diags);
        texts::every_text(&regions.file, &regions.node, &mut diags);
    }
    let mut site = config::site(config, overrides, &mut diags);
    site.logo = look::logo(config, &content.files.statics, &mut diags);
    site.languages = config::languages(config, &content.theme_languages, &mut diags);
    if let Some(regions) = regions {
        config::regions(&mut site, regions, &config.value, &mut diags);
    }
    let raw_markets = &content.markets;
    for market in raw_markets {
        texts::personal(&market.file, &market.node, &mut diags);
        texts::every_text(&market.file, &market.node, &mut diags);
    }
    markets::check(&mut site, raw_markets, &mut diags);
    site.unchecked_markets = unchecked_markets(&site, &content.files.markets, raw_markets);
    site.outline = map::outline(&content.outline, config, &mut diags);
    site.filed_reports = reports::check(&content.reports, &mut diags);
    map::check(
        &site,
        raw_markets,
        regions.as_ref(),
        config.value.map.outline.as_deref(),
        &mut diags,
    );
    events::check_all(&content.events, &content.training, &mut site, &mut diags);
    (Some(site), diags)
}

/// The ids and file names of market files that did not become markets (see
/// `Site::unchecked_markets`).
fn unchecked_markets(
    site: &Site,
    files: &[std::path::PathBuf],
    raw: &[crate::load::Located<crate::load::records::MarketFile>],
) -> Vec<String> {
    let checked: std::collections::HashSet<&str> =
        site.markets.iter().map(|m| m.id.as_str()).collect();
    let stems = files
        .iter()
        .filter_map(|f| f.file_stem())
        .map(|s| s.to_string_lossy().into_owned());
    let ids = raw.iter().filter_map(|m| m.value.id.clone());
    let mut out: Vec<String> = stems
        .chain(ids)
        .filter(|id| !checked.contains(id.as_str()))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The markdown pages, and the static files that must not replace a page.
pub fn pages_and_statics(content: &Content, site: &mut Site, diags: &mut Diagnostics) {
    for page in &content.pages {
        texts::personal(&page.file, &page.node, diags);
        texts::every_text(&page.file, &page.node, diags);
        if page.body.contains(texts::FILL_IN) {
            diags.push(crate::diag::Diagnostic::error(
                &page.file,
                crate::diag::Pos::FILE,
                "body",
                crate::msg!(
                    crate::diag::catalogue::site::PAGE_FILL_IN,
                    mark = texts::FILL_IN
                ),
            ));
        }
        for finding in personal_data::personal_data(&page.body, false) {
            diags.push(crate::diag::Diagnostic::error(
                &page.file,
                crate::diag::Pos::FILE,
                "body",
                finding.message,
            ));
        }
        links::collect(
            &mut site.root_links,
            &page.file,
            crate::diag::Pos::FILE,
            "body",
            &page.body,
        );
        pages::check(site, page, diags);
    }
    for rel in &content.files.statics {
        let slashed = rel.to_string_lossy().replace('\\', "/");
        if content.theme_statics.contains(&slashed) {
            diags.push(crate::diag::Diagnostic::error(
                &Path::new("content/static").join(rel),
                crate::diag::Pos::FILE,
                "",
                crate::msg!(
                    crate::diag::catalogue::site::STATIC_REPLACES_THEME,
                    name = slashed
                ),
            ));
            continue;
        }
        let top = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().to_ascii_lowercase());
        if top.as_deref().is_some_and(|t| ids::RESERVED.contains(&t)) {
            diags.push(crate::diag::Diagnostic::error(
                &Path::new("content/static").join(rel),
                crate::diag::Pos::FILE,
                "",
                crate::msg!(crate::diag::catalogue::site::STATIC_REPLACES_PAGE),
            ));
        }
    }
    site.statics = content.files.statics.clone();
}

/// The checked feeds (each with its problems, in the order of `content.files.feeds`)
/// gathered into the site, with what spans them all: ids given twice, feeds ready to
/// archive, the pages, links that point nowhere. The model when there is no error.
pub fn finish(
    content: &Content,
    mut site: Site,
    feeds: impl IntoIterator<Item = (FeedResult, Diagnostics)>,
    mut diags: Diagnostics,
) -> (Option<Site>, Diagnostics) {
    let mut stats = Stats::default();
    let mut all = Vec::new();
    let mut ids = Vec::new();
    let mut feed_links = Vec::new();
    let mut feed_counts = Vec::new();
    let mut closed = Vec::new();
    for (result, d) in feeds {
        diags.extend(d);
        feed_counts.push((result.total, result.expired));
        stats.postings_total += result.total;
        stats.filled += result.filled;
        closed.extend(result.closed);
        stats.expired += result.expired;
        stats.unverified += result.unverified;
        stats.scheduled += result.scheduled;
        all.extend(result.live);
        ids.extend(result.ids);
        feed_links.extend(result.links);
    }
    check_duplicates(ids.iter().map(IdSite::borrowed), ids.len(), &mut diags);
    archivable(feed_counts.into_iter(), &mut diags);
    site.stats = stats;
    site.postings = all;
    closed.sort_by(|a: &crate::model::ClosedPosting, b| a.posting.id.cmp(&b.posting.id));
    site.closed = closed;

    pages_and_statics(content, &mut site, &mut diags);
    check_links(
        &site,
        &feed_links,
        || ids.iter().map(|i| i.id.as_str()).collect(),
        &mut diags,
    );
    if diags.has_errors() {
        return (None, diags);
    }
    crate::model::index::build(&mut site);
    (Some(site), diags)
}

/// A warning for each root-relative link, in the pages and events (`site.root_links`)
/// or in postings (`feed_links`), that points nowhere in the site; `known` gives every
/// posting id, asked for only when there is a link to check.
pub fn check_links<'a>(
    site: &'a Site,
    feed_links: impl IntoIterator<Item = &'a RootLink> + Clone,
    known: impl FnOnce() -> rustc_hash::FxHashSet<&'a str>,
    diags: &mut Diagnostics,
) {
    if feed_links.clone().into_iter().next().is_none() && site.root_links.is_empty() {
        return;
    }
    links::check(
        site,
        site.root_links.iter().chain(feed_links),
        &known(),
        diags,
    );
}
