//! The client-side search index, in small files a phone fetches only as a query
//! needs them:
//! - `search/index.js`, the entry: how many postings, the block size, the number of
//!   buckets, the keys with a file of their own;
//! - `search/k/<bucket>.js` and `search/w/<key>.js`: which postings hold a key (see
//!   [`lists`]);
//! - `search/r/<block>.js`: the postings themselves (address, title, text, pay),
//!   [`BLOCK`] at a time in board order, loaded for the results shown.
//!
//! Every file calls `GIGBOARD_SEARCH_PART(name, data)` and is loaded by a `<script>`
//! element. Why not Pagefind or `fetch()`: browsers refuse `fetch()` from `file://`,
//! and this site must work from a USB stick. Why no word segmentation: posting titles
//! are short Chinese phrases; substring matching finds any word in them (segmenters
//! miss trade words such as 羊绒分梳 that are not in their dictionary).

pub mod lists;

use super::{OutFile, Outputs, Stream};
use lists::Lists;
use rayon::prelude::*;
use serde::Serialize;

/// Postings a record file holds. Results are shown a page at a time, and a rare word's
/// hits lie far apart: small blocks keep the bytes before the first result low.
pub const BLOCK: usize = 32;

/// What a result shows and a longer term is checked against.
#[derive(Serialize)]
struct Record<'a>(
    /// Page path relative to the site root.
    &'a str,
    /// Title.
    &'a str,
    /// Text searched besides the title: employer, market, county, league, category,
    /// requirements, place (the result line shows the market and county).
    String,
    /// Pay as shown.
    &'a str,
);

#[derive(Serialize)]
struct Entry<'a> {
    /// Postings.
    n: usize,
    /// Postings a record file holds.
    b: usize,
    /// Buckets.
    s: usize,
    /// Keys with a file of their own.
    w: Vec<&'a str>,
}

fn record<'o>(o: &'o Outputs<'_, '_>, i: usize) -> Record<'o> {
    let (p, v) = (&o.site.postings[i], o.views.get(i));
    let text = [
        p.employer.as_str(),
        v.market,
        v.county,
        v.league,
        v.category,
        p.requirements.as_deref().unwrap_or(""),
        v.place,
    ]
    .join(" ");
    Record(&v.path, &p.title, text, &v.pay)
}

/// The filters of the search form, as lists of postings in board order.
fn filters(o: &Outputs<'_, '_>) -> Vec<(String, Vec<usize>)> {
    let site = o.site;
    let mut out: Vec<(String, Vec<usize>)> = Vec::new();
    out.extend(
        site.categories
            .iter()
            .map(|c| (format!("c={}", c.slug), c.postings.clone())),
    );
    out.extend(
        site.counties
            .iter()
            .filter(|c| !c.postings.is_empty())
            .map(|c| (format!("r={}", c.code), c.postings.clone())),
    );
    let mut units: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, p) in site.postings.iter().enumerate() {
        let key = format!("k={}", p.pay.unit.key());
        match units.iter_mut().find(|(k, _)| *k == key) {
            Some((_, ids)) => ids.push(i),
            None => units.push((key, vec![i])),
        }
    }
    out.extend(units);
    out
}

/// Every file of the index; those `wants` says no to are only planned.
pub fn files(
    o: &Outputs<'_, '_>,
    wants: &(dyn Fn(&str) -> bool + Sync),
    stream: Stream<'_>,
) -> Vec<OutFile> {
    let count = o.site.postings.len();
    let lists = Lists::build(
        count,
        |i| {
            let r = record(o, i);
            format!("{} {}", r.1, r.2)
        },
        filters(o),
    );
    let shelves = lists.shelve();
    let blocks: Vec<usize> = (0..count.div_ceil(BLOCK)).collect();
    // `serve` asks for one file at a time: a query asks for several at once, so the
    // first of them makes them all (kept until the next change).
    let wanted = wants("search/index.js")
        || shelves
            .own
            .iter()
            .any(|(k, _)| wants(&format!("search/w/{}.js", lists::own_name(k))))
        || (0..shelves.buckets.len()).any(|i| wants(&format!("search/k/{i}.js")))
        || blocks.iter().any(|b| wants(&format!("search/r/{b}.js")));
    let wants = |_: &str| wanted;
    let part = |path: String, name: &str, data: &(dyn erased::Data + Sync)| -> OutFile {
        if !wants(&path) {
            return OutFile::planned(path);
        }
        stream(path, &|w| {
            std::io::Write::write_fmt(w, format_args!("window.GIGBOARD_SEARCH_PART({name:?},"))?;
            script_json(w, data)?;
            w.write_all(b");\n")
        })
    };
    let mut out = vec![{
        let path = "search/index.js".to_string();
        let entry = Entry {
            n: count,
            b: BLOCK,
            s: shelves.buckets.len(),
            w: shelves.own.iter().map(|(k, _)| k.as_str()).collect(),
        };
        if wants(&path) {
            stream(path, &|w| {
                w.write_all(b"window.GIGBOARD_SEARCH=")?;
                script_json(w, &entry)?;
                w.write_all(b";\n")
            })
        } else {
            OutFile::planned(path)
        }
    }];
    out.par_extend(shelves.own.par_iter().map(|(key, list)| {
        let name = format!("w/{}", lists::own_name(key));
        part(format!("search/{name}.js"), &name, list)
    }));
    out.par_extend(shelves.buckets.par_iter().enumerate().map(|(i, keys)| {
        let name = format!("k/{i}");
        let map: serde_json::Map<String, serde_json::Value> = keys
            .iter()
            .map(|(k, l)| (k.clone(), serde_json::Value::String(l.clone())))
            .collect();
        part(format!("search/{name}.js"), &name, &map)
    }));
    out.par_extend(blocks.par_iter().map(|&b| {
        let name = format!("r/{b}");
        let records: Vec<Record<'_>> = (b * BLOCK..((b + 1) * BLOCK).min(count))
            .map(|i| record(o, i))
            .collect();
        part(format!("search/{name}.js"), &name, &records)
    }));
    out
}

/// JSON is valid JavaScript; `<` is escaped so the file is safe in any context.
fn script_json(w: &mut dyn std::io::Write, data: &dyn erased::Data) -> std::io::Result<()> {
    let mut safe = super::jsonld::ScriptSafe::new(&mut *w);
    data.write_json(&mut safe)?;
    std::io::Write::flush(&mut safe)
}

/// Serialisable data behind a `dyn`, so that one closure writes every kind of part.
mod erased {
    pub trait Data {
        fn write_json(&self, w: &mut dyn std::io::Write) -> std::io::Result<()>;
    }

    impl<T: serde::Serialize> Data for T {
        fn write_json(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
            serde_json::to_writer(w, self).map_err(std::io::Error::other)
        }
    }
}
