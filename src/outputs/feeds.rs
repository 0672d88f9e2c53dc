//! Atom 1.0 and JSON Feed 1.1 of live postings: the site-wide feed and one per market,
//! category and county, so WeChat accounts, apps and screens can syndicate the board.
//!
//! Atom is written by `atom_syndication` and JSON Feed by serde (never string
//! templates, which break on `&` and `<`). Ids are stable tag URIs that need no
//! base_url; links are absolute when base_url is set and relative to the feed otherwise.

use super::{OutFile, Outputs};
use crate::model::{Posting, Site};
use atom_syndication::{Entry, Feed, FixedDateTime, Link, Person, Text};
use serde::Serialize;

/// Feeds carry the newest postings only (a reader polls for what is new; a smaller feed
/// is rewritten by fewer edits); `/jobs.json` carries every live one.
pub const MAX_ENTRIES: usize = 50;

/// One feed: where it is written, its title, and which postings (model indices).
pub struct FeedSpec<'a> {
    /// Folder of the feed, relative to the site root, `""` or ending with `/`.
    pub dir: String,
    pub title: String,
    pub postings: &'a [usize],
}

/// The plain texts of postings' bodies, each made once: a posting is in up to four
/// feeds (the site's, its market's, category's and county's) and in jobs.json, and
/// making a text means parsing its markdown. Its posting page keeps it when it can
/// (see `Views::keep_text`); the others are made here.
pub struct Texts<'v, 'a> {
    views: &'v crate::views::Views<'a>,
    site: &'a crate::model::Site,
    made: std::collections::HashMap<usize, String>,
}

impl<'v, 'a> Texts<'v, 'a> {
    /// The texts of the postings `indices`, made on all cores where no page kept them.
    pub fn new(o: &Outputs<'v, 'a>, indices: &[usize]) -> Self {
        use rayon::prelude::*;
        let made = indices
            .par_iter()
            .filter(|&&i| o.views.kept_text(i).is_none())
            .map(|&i| (i, o.site.postings[i].body_text()))
            .collect();
        Texts {
            views: o.views,
            site: o.site,
            made,
        }
    }

    /// The text of posting `i`'s body (made now if it was not made before).
    pub fn get(&self, i: usize) -> std::borrow::Cow<'_, str> {
        match self
            .views
            .kept_text(i)
            .or(self.made.get(&i).map(String::as_str))
        {
            Some(text) => std::borrow::Cow::Borrowed(text),
            None => std::borrow::Cow::Owned(self.site.postings[i].body_text()),
        }
    }
}

/// Midnight of `day` in the site's zone (its offset that day, written out: readers
/// need no zone database).
fn midnight(site: &Site, day: crate::words::scalars::Day) -> FixedDateTime {
    site.midnight_rfc3339(day).parse().unwrap_or_default()
}

/// The posting's address: absolute with a base_url, else relative to the feed's folder.
fn posting_url(o: &Outputs<'_, '_>, dir: &str, p: &Posting) -> String {
    match &o.site.base_url {
        Some(base) => format!("{base}jobs/{}/", p.id),
        None => format!(
            "{}jobs/{}/index.html",
            crate::views::root_prefix(&format!("{dir}x")),
            p.id
        ),
    }
}

/// The postings a feed carries, newest first: the order readers expect.
pub fn newest(o: &Outputs<'_, '_>, indices: &[usize]) -> Vec<usize> {
    let mut v: Vec<usize> = indices.to_vec();
    v.sort_by(|&a, &b| {
        let (pa, pb) = (&o.site.postings[a], &o.site.postings[b]);
        (pb.posted, &pa.id).cmp(&(pa.posted, &pb.id))
    });
    v.truncate(MAX_ENTRIES);
    v
}

pub fn summary(o: &Outputs<'_, '_>, i: usize) -> String {
    let (p, v) = (&o.site.postings[i], o.views.get(i));
    let mut s = format!(
        "{} · {} {} · {} · {}{}",
        v.pay,
        p.headcount,
        o.t.get("people"),
        v.market,
        o.t.get("expires"),
        v.expires
    );
    if let Some(phone) = &p.contact_phone {
        s.push_str(&format!(" · {} {phone}", o.t.get("contact")));
    }
    s
}

/// The Atom feed of `spec`, carrying the postings `order` (from [`newest`]).
pub fn atom(o: &Outputs<'_, '_>, spec: &FeedSpec<'_>, order: &[usize]) -> OutFile {
    let entries: Vec<Entry> = order
        .iter()
        .map(|&i| {
            let p = &o.site.postings[i];
            let mut e = Entry::default();
            e.set_id(format!("tag:gigboard,2026:posting:{}", p.id));
            e.set_title(Text::plain(p.title.clone()));
            e.set_updated(midnight(o.site, p.verified_on.max(p.posted)));
            e.set_published(Some(midnight(o.site, p.posted)));
            let mut link = Link::default();
            link.set_href(posting_url(o, &spec.dir, p));
            link.set_rel("alternate");
            link.set_mime_type(Some("text/html".to_string()));
            e.set_links(vec![link]);
            let mut author = Person::default();
            author.set_name(p.employer.clone());
            e.set_authors(vec![author]);
            e.set_summary(Some(Text::plain(summary(o, i))));
            e
        })
        .collect();
    let mut feed = Feed::default();
    feed.set_title(Text::plain(spec.title.clone()));
    feed.set_id(format!(
        "tag:gigboard,2026:feed:{}",
        if spec.dir.is_empty() {
            "site"
        } else {
            spec.dir.trim_end_matches('/')
        }
    ));
    let updated = order
        .iter()
        .map(|&i| o.site.postings[i].posted)
        .max()
        .unwrap_or(o.site.today);
    feed.set_updated(midnight(o.site, updated));
    let mut links = Vec::new();
    if let Some(base) = &o.site.base_url {
        let mut me = Link::default();
        me.set_href(format!("{base}{}feed.xml", spec.dir));
        me.set_rel("self");
        links.push(me);
        let mut alt = Link::default();
        alt.set_href(format!("{base}{}", spec.dir));
        alt.set_rel("alternate");
        links.push(alt);
    }
    feed.set_links(links);
    if let Some(publisher) = &o.site.footer.publisher {
        let mut author = Person::default();
        author.set_name(publisher.clone());
        feed.set_authors(vec![author]);
    }
    feed.set_entries(entries);
    OutFile::new(
        format!("{}feed.xml", spec.dir),
        feed.to_string().into_bytes(),
    )
}

/// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/).
#[derive(Serialize)]
struct JsonFeed<'a> {
    version: &'static str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    home_page_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    feed_url: Option<String>,
    language: &'a str,
    items: Vec<JsonItem<'a>>,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    id: String,
    url: String,
    title: &'a str,
    content_text: String,
    summary: String,
    date_published: String,
    tags: Vec<&'a str>,
    authors: Vec<JsonAuthor<'a>>,
}

#[derive(Serialize)]
struct JsonAuthor<'a> {
    name: &'a str,
}

/// The JSON Feed of `spec`, carrying the postings `order` (from [`newest`]) with their
/// texts from `texts` (made here when missing).
pub fn json(
    o: &Outputs<'_, '_>,
    spec: &FeedSpec<'_>,
    order: &[usize],
    texts: &Texts<'_, '_>,
) -> OutFile {
    let items = order
        .iter()
        .map(|&i| {
            let (p, v) = (&o.site.postings[i], o.views.get(i));
            let mut tags = vec![v.category, v.county];
            if p.quick_hire {
                tags.push(o.t.get("quick_hire"));
            }
            let summary = summary(o, i);
            let text = texts.get(i);
            JsonItem {
                id: format!("tag:gigboard,2026:posting:{}", p.id),
                url: posting_url(o, &spec.dir, p),
                title: &p.title,
                content_text: if text.is_empty() {
                    summary.clone()
                } else {
                    format!("{summary}\n{text}")
                },
                summary,
                date_published: o.site.midnight_rfc3339(p.posted),
                tags,
                authors: vec![JsonAuthor { name: &p.employer }],
            }
        })
        .collect();
    let feed = JsonFeed {
        version: "https://jsonfeed.org/version/1.1",
        title: &spec.title,
        home_page_url: o.site.base_url.as_ref().map(|b| format!("{b}{}", spec.dir)),
        feed_url: o
            .site
            .base_url
            .as_ref()
            .map(|b| format!("{b}{}feed.json", spec.dir)),
        language: &o.site.language,
        items,
    };
    // Compact: feeds are read by programs, and the site's feeds are most of its data.
    let bytes = serde_json::to_vec(&feed).unwrap_or_default();
    OutFile::new(format!("{}feed.json", spec.dir), bytes)
}
