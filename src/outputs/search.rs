//! The client-side search index: `/search/index.js`, one compact record per live
//! posting, loaded by the search page with a plain `<script src>`.
//!
//! Why not Pagefind: its index is fetched with `fetch()`, which browsers refuse from
//! `file://` — and this site must work from a USB stick. Why no word segmentation:
//! posting titles are short Chinese phrases; substring matching finds any word in them
//! (segmenters miss trade words such as 羊绒分梳 that are not in their dictionary).

use super::Outputs;
use crate::views::enum_key;
use serde::Serialize;

#[derive(Serialize)]
struct Record<'a> {
    /// Page path relative to the site root.
    u: &'a str,
    /// Title.
    t: &'a str,
    /// Text searched besides the title: employer, market, county, league, category, requirements.
    s: String,
    /// Pay as shown.
    p: &'a str,
    /// Category slug, county code, pay unit: the filters.
    c: &'a str,
    r: &'a str,
    k: String,
    q: bool,
}

/// Writes the index: `window.GIGBOARD_SEARCH=[…];`, record by record.
pub fn write(o: &Outputs<'_, '_>, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let site = o.site;
    let record = |i: usize| {
        let (p, v) = (&site.postings[i], o.views.get(i));
        {
            let market = &site.markets[p.market];
            let county = &site.counties[market.county];
            Record {
                u: &v.path,
                t: &p.title,
                s: [
                    p.employer.as_str(),
                    v.market,
                    v.county,
                    v.league,
                    v.category,
                    p.requirements.as_deref().unwrap_or(""),
                    v.place,
                ]
                .join(" "),
                p: &v.pay,
                c: &site.categories[p.category].slug,
                r: &county.code,
                k: enum_key(&p.pay.unit),
                q: p.quick_hire,
            }
        }
    };
    w.write_all(b"window.GIGBOARD_SEARCH=")?;
    // JSON is valid JavaScript; `<` is escaped so the file is safe in any context.
    let mut safe = super::jsonld::ScriptSafe::new(&mut *w);
    super::json_array(&mut safe, site.postings.len(), record)?;
    std::io::Write::flush(&mut safe)?;
    w.write_all(b";\n")
}
