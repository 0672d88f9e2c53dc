//! Non-HTML outputs (feeds, data files, sitemap, robots.txt) and the structured data
//! embedded in pages. Each module builds its format with a real serializer.

pub mod directory;
pub mod event_ld;
pub mod feeds;
pub mod ics;
pub mod jobs_json;
pub mod jsonld;
pub mod market_ld;
pub mod qr;
pub mod search;
pub mod sitemap;
pub mod status;

use crate::model::Site;
pub use crate::sink::OutFile;
use crate::views::Views;
use crate::words::i18n::Strings;
use rayon::prelude::*;

/// What the output builders share: the model, the formatted postings, the UI strings.
pub struct Outputs<'r, 'a> {
    pub site: &'a Site,
    pub views: &'r Views<'a>,
    pub t: &'a Strings,
}

/// Makes a file from a writer: straight to disk when building (the files that hold
/// every posting are never whole in memory), into memory otherwise.
pub type Stream<'s> =
    &'s (dyn Fn(String, &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>) -> OutFile + Sync);

/// Writes a JSON array of `count` items, made and serialised on all cores a block at
/// a time and written in order: the array is never whole in memory (`jobs.json` is two
/// gigabytes at a million postings) and one core does not serialise it alone.
pub fn json_array<T: serde::Serialize>(
    w: &mut dyn std::io::Write,
    count: usize,
    item: impl Fn(usize) -> T + Sync,
) -> std::io::Result<()> {
    const BLOCK: usize = 4096;
    w.write_all(b"[")?;
    for start in (0..count).step_by(BLOCK) {
        let parts = (start..(start + BLOCK).min(count))
            .into_par_iter()
            .map(|i| serde_json::to_vec(&item(i)))
            .collect::<Result<Vec<_>, _>>()?;
        for (k, part) in parts.iter().enumerate() {
            if start + k > 0 {
                w.write_all(b",")?;
            }
            w.write_all(part)?;
        }
    }
    w.write_all(b"]")
}

/// Every feed and data file that does not depend on the list of pages; those for
/// which `wants` says no are only planned (`serve` makes a file when it is asked for).
/// `just`: the one file `serve` asks for, when it asks for one only (the search index is
/// then neither made nor planned unless the file is one of its own: planning it means
/// building its lists, which would slow every page `serve` shows after an edit).
pub fn all(
    o: &Outputs<'_, '_>,
    wants: &(dyn Fn(&str) -> bool + Sync),
    just: Option<&str>,
    stream: Stream<'_>,
) -> Vec<OutFile> {
    let site = o.site;
    let everything: Vec<usize> = (0..site.postings.len()).collect();
    let mut specs = vec![feeds::FeedSpec {
        dir: String::new(),
        title: site.title.clone(),
        postings: &everything,
    }];
    for m in &site.markets {
        specs.push(feeds::FeedSpec {
            dir: format!("markets/{}/", m.id),
            title: format!("{} · {}", m.name, site.title),
            postings: &m.postings,
        });
    }
    for c in &site.categories {
        specs.push(feeds::FeedSpec {
            dir: format!("categories/{}/", c.slug),
            title: format!("{} · {}", c.label, site.title),
            postings: &c.postings,
        });
    }
    for c in &site.counties {
        let league = &site.leagues[c.league];
        specs.push(feeds::FeedSpec {
            dir: format!("regions/{}/{}/", league.code, c.code),
            title: format!("{} {} · {}", league.name, c.name, site.title),
            postings: &c.postings,
        });
    }
    // Each wanted feed's postings, then the text of each of them once.
    let wanted =
        |s: &feeds::FeedSpec<'_>| (format!("{}feed.xml", s.dir), format!("{}feed.json", s.dir));
    let orders: Vec<Option<Vec<usize>>> = specs
        .par_iter()
        .map(|s| {
            let (xml, json) = wanted(s);
            (wants(&xml) || wants(&json)).then(|| feeds::newest(o, s.postings))
        })
        .collect();
    let mut carried: Vec<usize> = specs
        .iter()
        .zip(&orders)
        .filter(|(s, _)| wants(&wanted(s).1))
        .flat_map(|(_, order)| order.iter().flatten().copied())
        .collect();
    carried.sort_unstable();
    carried.dedup();
    let texts = feeds::Texts::new(o, &carried);
    let mut out: Vec<OutFile> = specs
        .par_iter()
        .zip(&orders)
        .flat_map_iter(|(s, order)| {
            let (xml, json) = wanted(s);
            let order = order.as_deref().unwrap_or_default();
            [
                make(wants, xml, || feeds::atom(o, s, order)),
                make(wants, json, || feeds::json(o, s, order, &texts)),
            ]
        })
        .collect();
    // After the feeds, while their texts are still here: most postings of a county or
    // league board are in some feed, and jobs.json carries every text again.
    out.push(make(wants, "jobs.json".into(), || {
        stream("jobs.json".into(), &|w| jobs_json::write(o, &texts, w))
    }));
    drop(texts);
    if just.is_none_or(|path| path.starts_with("search/")) {
        out.extend(search::files(o, wants, stream));
    }
    out.push(sitemap::robots(site));
    out.push(as_of(site));
    out.extend(ics::all(o));
    out
}

/// `js/as-of.js`: the day the site was built, for the pages that do not print it
/// themselves (a posting's page, so that it stays the same file from one day to the
/// next and a rebuild leaves it as it was).
fn as_of(site: &crate::model::Site) -> OutFile {
    OutFile::new(
        "js/as-of.js",
        format!("window.GIGBOARD_AS_OF=\"{}\";\n", site.today).into_bytes(),
    )
}

/// `build()` when `path` is wanted now, else the planned file.
fn make(
    wants: &(dyn Fn(&str) -> bool + Sync),
    path: String,
    build: impl FnOnce() -> OutFile,
) -> OutFile {
    if wants(&path) {
        let file = build();
        debug_assert_eq!(file.path, path);
        file
    } else {
        OutFile::planned(path)
    }
}
