//! Job feeds: each posting checked against the site, the market's wage floor and the
//! publishing rules; live ones become model postings.

use super::ids::check_slug;
use super::posting_rules::{check_pay, check_texts, digits};
use super::record::At;
use crate::diag::Msg;
use crate::diag::catalogue::records as says;
use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::load::LoadedFeed;
use crate::load::records::RawPosting;
use crate::markdown;
use crate::model::{Posting, Site};
use crate::msg;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Lookups built once per build and shared by all feed workers.
pub struct Refs<'a> {
    pub markets: HashMap<&'a str, usize>,
    pub categories: HashMap<&'a str, usize>,
    /// Market files with an error of their own (`Site::unchecked_markets`).
    pub unchecked_markets: std::collections::HashSet<&'a str>,
    /// Each market's id by its name, each category's slug by its label: an editor who
    /// writes the name is told the id.
    market_names: HashMap<&'a str, &'a str>,
    category_labels: HashMap<&'a str, &'a str>,
}

impl<'a> Refs<'a> {
    pub fn new(site: &'a Site) -> Self {
        Refs {
            markets: site
                .markets
                .iter()
                .enumerate()
                .map(|(i, m)| (m.id.as_str(), i))
                .collect(),
            categories: site
                .categories
                .iter()
                .enumerate()
                .map(|(i, c)| (c.slug.as_str(), i))
                .collect(),
            unchecked_markets: site.unchecked_markets.iter().map(String::as_str).collect(),
            market_names: site
                .markets
                .iter()
                .map(|m| (m.name.as_str(), m.id.as_str()))
                .collect(),
            category_labels: site
                .categories
                .iter()
                .map(|c| (c.label.as_str(), c.slug.as_str()))
                .collect(),
        }
    }

    /// What to write instead of a market's name, or the nearest id.
    pub fn market_hint(&self, name: &str) -> Msg {
        match self.market_names.get(name.trim()) {
            Some(id) => msg!(says::MARKET_NAME_HINT, name = name, id = id),
            None => suggest(name, self.markets.keys()),
        }
    }

    /// What to write instead of a category's label, or the nearest slug.
    pub fn category_hint(&self, name: &str) -> Msg {
        match self.category_labels.get(name.trim()) {
            Some(slug) => msg!(says::CATEGORY_NAME_HINT, name = name, slug = slug),
            None => suggest(name, self.categories.keys()),
        }
    }
}

/// Where a posting id was written (for the duplicate check, which spans all files).
#[derive(Clone)]
pub struct IdSite {
    pub id: String,
    /// Employer, title, posting day and phone: the same posting copied into another feed.
    pub copy_key: String,
    pub file: PathBuf,
    pub pos: Pos,
    pub path: String,
}

impl IdSite {
    pub fn borrowed(&self) -> IdRef<'_> {
        IdRef {
            id: &self.id,
            copy_key: &self.copy_key,
            file: &self.file,
            pos: self.pos,
            path: &self.path,
        }
    }
}

/// An [`IdSite`] borrowed from wherever it is kept (the feeds just checked, or the
/// store of the last check): the duplicate check copies nothing.
#[derive(Clone, Copy)]
pub struct IdRef<'a> {
    pub id: &'a str,
    pub copy_key: &'a str,
    pub file: &'a Path,
    pub pos: Pos,
    pub path: &'a str,
}

#[derive(Default, Clone)]
pub struct FeedResult {
    pub live: Vec<std::sync::Arc<Posting>>,
    pub ids: Vec<IdSite>,
    pub total: usize,
    pub expired: usize,
    pub unverified: usize,
    pub scheduled: usize,
    pub filled: usize,
    /// Pages that stay, saying the posting is no longer open (see `Site::closed`).
    pub closed: Vec<crate::model::ClosedPosting>,
    /// Root-relative links in the postings' bodies, checked when every id is known.
    pub links: Vec<crate::model::RootLink>,
}

pub fn check_feed(
    site: &Site,
    refs: &Refs<'_>,
    feed: &LoadedFeed,
    diags: &mut Diagnostics,
) -> FeedResult {
    let mut result = FeedResult::default();
    let feed_market = feed.header.market.as_deref();
    let feed_market_ok = feed_market.is_none_or(|m| refs.markets.contains_key(m));
    if let Some(name) = feed_market
        .filter(|_| !feed_market_ok)
        .filter(|m| !refs.unchecked_markets.contains(m))
    {
        diags.push(Diagnostic::error(
            &feed.file,
            feed.market_pos,
            "market",
            msg!(
                says::MARKET_MISSING,
                name = name,
                hint = refs.market_hint(name)
            ),
        ));
    }
    for (i, node, raw) in &feed.postings {
        result.total += 1;
        super::texts::every_posting_text(&feed.file, node, *i, diags);
        let ctx = At {
            file: &feed.file,
            node,
            path: format!("postings[{i}]"),
        };
        result.ids.push(IdSite {
            id: raw.id.clone(),
            copy_key: format!(
                "{}|{}|{}|{}",
                raw.employer.name.trim(),
                raw.title.trim(),
                raw.posted,
                raw.contact
                    .as_ref()
                    .map(|c| digits(&c.phone))
                    .unwrap_or_default()
            ),
            file: feed.file.clone(),
            pos: node.pos_of(&["id"]),
            path: format!("{}.id", ctx.path),
        });
        if let Some(body) = &raw.body {
            let field = ctx.field(&["body"]);
            super::links::collect(
                &mut result.links,
                &feed.file,
                node.pos_of(&["body"]),
                field,
                body,
            );
        }
        let market_name = raw.market.as_deref().or(feed.header.market.as_deref());
        if let Some(p) = check_posting(site, refs, &ctx, raw, market_name, feed_market_ok, diags) {
            let filled = raw.status == crate::words::PostingStatus::Filled;
            match liveness(site, &ctx, raw, diags) {
                Live::Yes | Live::Scheduled if filled => {
                    result.filled += 1;
                    result.closed.push(crate::model::ClosedPosting {
                        posting: p.into(),
                        filled: true,
                    });
                }
                Live::Yes => result.live.push(p.into()),
                Live::Expired => {
                    result.expired += 1;
                    if super::closed::recently_closed(site, raw) {
                        result.closed.push(crate::model::ClosedPosting {
                            posting: p.into(),
                            filled,
                        });
                    }
                }
                Live::Unverified => result.unverified += 1,
                Live::Scheduled => result.scheduled += 1,
            }
        }
    }
    result
}

enum Live {
    Yes,
    Expired,
    Unverified,
    Scheduled,
}

fn liveness(site: &Site, ctx: &At<'_>, raw: &RawPosting, diags: &mut Diagnostics) -> Live {
    let today = site.today;
    // Expired postings are counted, not warned about one by one: they grow every day,
    // and `gigboard archive` is the answer to them (see `archivable`).
    if raw.expires < today {
        return Live::Expired;
    }
    match &raw.verified {
        None => {
            ctx.warning(diags, &[], msg!(says::NOT_VERIFIED));
            return Live::Unverified;
        }
        Some(v) if v.on > raw.expires => {
            ctx.warning(
                diags,
                &["verified", "on"],
                msg!(
                    says::VERIFIED_AFTER_EXPIRY,
                    on = v.on,
                    expires = raw.expires
                ),
            );
            return Live::Unverified;
        }
        Some(_) => {}
    }
    if raw.posted > today {
        return Live::Scheduled;
    }
    Live::Yes
}

fn check_posting(
    site: &Site,
    refs: &Refs<'_>,
    ctx: &At<'_>,
    raw: &RawPosting,
    market_name: Option<&str>,
    feed_market_ok: bool,
    diags: &mut Diagnostics,
) -> Option<Posting> {
    let errors_before = diags.error_count();
    if let Err(msg) = check_slug(&raw.id) {
        ctx.error(diags, &["id"], msg);
    }
    let market = match market_name {
        None => {
            ctx.error(diags, &[], msg!(says::NO_MARKET));
            None
        }
        Some(name) => {
            let found = refs.markets.get(name).copied();
            if found.is_none()
                && (raw.market.is_some() || feed_market_ok)
                && !refs.unchecked_markets.contains(name)
            {
                let field: &[&str] = if raw.market.is_some() {
                    &["market"]
                } else {
                    &[]
                };
                ctx.error(
                    diags,
                    field,
                    msg!(
                        says::MARKET_MISSING,
                        name = name,
                        hint = refs.market_hint(name)
                    ),
                );
            }
            found
        }
    };
    let category = refs.categories.get(raw.category.as_str()).copied();
    if category.is_none() {
        ctx.error(
            diags,
            &["category"],
            msg!(
                says::CATEGORY_MISSING,
                name = raw.category,
                hint = refs.category_hint(&raw.category)
            ),
        );
    }
    if raw.expires < raw.posted {
        ctx.error(
            diags,
            &["expires"],
            msg!(
                says::EXPIRES_BEFORE_POSTED,
                expires = raw.expires,
                posted = raw.posted
            ),
        );
    }
    if let (Some(s), Some(e)) = (raw.start, raw.end)
        && e < s
    {
        ctx.error(diags, &["end"], msg!(says::ENDS_BEFORE_STARTS));
    }
    if let Some(v) = &raw.verified {
        if v.on > site.today {
            ctx.error(
                diags,
                &["verified", "on"],
                msg!(says::VERIFIED_IN_FUTURE, on = v.on, today = site.today),
            );
        }
        if v.by.trim().is_empty() {
            ctx.error(diags, &["verified", "by"], msg!(says::VERIFIED_BY_EMPTY));
        }
    }
    if raw.headcount == 0 {
        ctx.error(diags, &["headcount"], msg!(says::HEADCOUNT));
    }
    if raw.title.trim().is_empty() {
        ctx.error(diags, &["title"], msg!(says::TITLE_EMPTY));
    }
    let pay = check_pay(site, ctx, raw, market, diags);
    check_texts(ctx, raw, diags);
    if raw.contact.is_none() {
        ctx.warning(diags, &[], msg!(says::NO_CONTACT));
    }
    // Raw HTML needs a `<`; only then is the body rendered here, to see whether
    // sanitising changes it. Pages render bodies when they are written.
    if raw
        .body
        .as_deref()
        .is_some_and(|b| b.contains('<') && markdown::to_html(b).html_removed)
    {
        ctx.warning(diags, &["body"], msg!(says::RAW_HTML_BODY));
    }
    if diags.error_count() > errors_before {
        return None;
    }
    let (market, category, pay) = (market?, category?, pay?);
    let place_location = raw
        .location
        .as_ref()
        .and_then(crate::load::records::WorkPlace::point);
    let verified = raw.verified.as_ref();
    Some(Posting {
        id: raw.id.clone(),
        title: raw.title.trim().to_string(),
        category,
        employer: raw.employer.name.clone(),
        employer_kind: raw.employer.kind,
        employer_credit_code: raw
            .employer
            .credit_code
            .as_ref()
            .map(|c| c.trim().to_string()),
        employer_licence: raw.employer.licence.as_ref().map(|l| l.trim().to_string()),
        pay,
        headcount: raw.headcount,
        place: raw.location.as_ref().and_then(|l| l.address.clone()),
        place_location,
        start: raw.start,
        end: raw.end,
        posted: raw.posted,
        expires: raw.expires,
        quick_hire: raw.quick_hire,
        contact_name: raw.contact.as_ref().and_then(|c| c.name.clone()),
        contact_phone: raw.contact.as_ref().map(|c| c.phone.clone()),
        requirements: raw.requirements.clone(),
        body: raw.body.clone().map(crate::model::Body::new),
        welcomes: raw.welcomes.clone(),
        conditions: raw.conditions.clone().filter(|c| *c != Default::default()),
        verified_by: verified.map(|v| v.by.clone()).unwrap_or_default(),
        verified_on: verified.map(|v| v.on).unwrap_or(raw.posted),
        kind: raw.kind,
        source: raw.source.clone(),
        market,
    })
}

/// ` — did you mean `x`?` when a known name is close.
fn suggest<'a>(name: &str, known: impl Iterator<Item = &'a &'a str>) -> Msg {
    known
        .map(|k| (strsim::damerau_levenshtein(name, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .min()
        .map(|(_, k)| msg!(says::DID_YOU_MEAN, value = k))
        .unwrap_or_else(Msg::empty)
}

/// A posting id must be unique across the whole site (it is the page's address).
/// `count` is about how many ids come (to size the tables).
pub fn check_duplicates<'a>(
    all: impl IntoIterator<Item = IdRef<'a>>,
    count: usize,
    diags: &mut Diagnostics,
) {
    let mut first: FxHashMap<Cow<'a, str>, IdRef<'a>> =
        FxHashMap::with_capacity_and_hasher(count, Default::default());
    let mut copies: FxHashMap<&'a str, IdRef<'a>> =
        FxHashMap::with_capacity_and_hasher(count, Default::default());
    for c in all {
        if let Some(f) = copies.get(c.copy_key) {
            if f.file != c.file {
                diags.push(Diagnostic::warning(
                    c.file,
                    c.pos,
                    c.path,
                    msg!(
                        says::LIKELY_COPY,
                        id = f.id,
                        file = f.file.display(),
                        line = f.pos.line
                    ),
                ));
            }
        } else {
            copies.insert(c.copy_key, c);
        }
        // Ids differ in case only when someone typed capitals: most need no copy.
        let key = if c.id.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(c.id.to_ascii_lowercase())
        } else {
            Cow::Borrowed(c.id)
        };
        match first.get(&key) {
            Some(f) => diags.push(Diagnostic::error(
                c.file,
                c.pos,
                c.path,
                msg!(
                    says::ID_TAKEN_AT,
                    id = c.id,
                    file = f.file.display(),
                    line = f.pos.line
                ),
            )),
            None => {
                first.insert(key, c);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ids are compared without case (they become addresses); a posting copied into
    /// another feed is a warning, twice in one feed it is not.
    #[test]
    fn duplicate_ids_and_copies() {
        let site = |id: &'static str, key: &'static str, file: &'static str, line| IdRef {
            id,
            copy_key: key,
            file: Path::new(file),
            pos: Pos { line, column: 9 },
            path: "postings[0].id",
        };
        let all = [
            site("j001", "A|title|day|1", "a.yaml", 3),
            site("J001", "B|title|day|2", "b.yaml", 4),
            site("j002", "A|title|day|1", "c.yaml", 5),
            site("j003", "C|title|day|3", "a.yaml", 6),
            site("j004", "C|title|day|3", "a.yaml", 7),
        ];
        let mut diags = Diagnostics::default();
        check_duplicates(all, all.len(), &mut diags);
        let found: Vec<(String, u32, bool, bool)> = diags
            .iter()
            .map(|d| {
                (
                    d.file.display().to_string(),
                    d.line,
                    d.message.contains("`J001` is already used at a.yaml:3"),
                    d.message.contains("copy of `j001` at a.yaml:3"),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("b.yaml".to_string(), 4, true, false),
                ("c.yaml".to_string(), 5, false, true)
            ]
        );
    }
}
