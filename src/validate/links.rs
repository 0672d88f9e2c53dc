//! Root-relative links written in content (`[地图](/map/)`, `[表格](/files/form.pdf)`).
//!
//! The pages make them relative (`markdown::rebase`), so they work from a folder and on a
//! host that serves the site under a sub-path; here each one is checked against the
//! site's own addresses, so that a link to a page that does not exist is found by
//! `check`, not by a worker. The addresses are the ones the site's URL scheme gives
//! (README, "What a build writes"): the folders gigboard writes, the ids under them,
//! the markdown pages, the static files and each language's copy of the pages. A
//! posting's page is found by its id among every feed's postings (a posting that has
//! expired still has an id: the link is right, the page comes and goes with the date).

use super::ids::RESERVED;
use crate::diag::catalogue::site as says;
use crate::diag::{Diagnostic, Diagnostics, Entry, Msg, Pos};
use crate::model::{RootLink, Site};
use crate::msg;
use std::path::Path;

/// Files and folders at the top of the output that the theme or the data outputs
/// write, besides the folders in [`RESERVED`].
const OTHER_TOP: &[&str] = &[
    "css",
    "js",
    "fonts",
    "img",
    "employers",
    "jobs.json",
    "markets.json",
    "markets.csv",
    "markets.geojson",
];

/// The root-relative addresses a markdown text links to, as written: the destination
/// of each inline link or image (`](/map/)`, `](</map/> "title")`) and of each reference
/// definition (`[地图]: /map/`). Read by a scan, not a markdown parse: a check of
/// 10,000 postings whose bodies all link somewhere spent a third of its time parsing
/// them. The scan may also find an address inside a code span, which then gets a
/// warning it did not need; it misses none the pages make relative.
pub fn in_markdown(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = src;
    while let Some(at) = memchr::memmem::find(rest.as_bytes(), b"](") {
        rest = &rest[at + 2..];
        push_root(
            &mut out,
            destination(rest, |c| c == ')' || c.is_whitespace()),
        );
    }
    // Reference definitions: only texts with `]:` can have one.
    if memchr::memmem::find(src.as_bytes(), b"]:").is_none() {
        return out;
    }
    for line in src.lines() {
        let line = line.trim_start();
        if let Some(close) = line.strip_prefix('[').and_then(|l| l.find("]:")) {
            push_root(
                &mut out,
                destination(&line[close + 3..], char::is_whitespace),
            );
        }
    }
    out
}

/// The link destination at the start of `text`: `<…>` whole, else up to `ends`.
fn destination(text: &str, ends: impl Fn(char) -> bool) -> &str {
    let text = text.trim_start_matches([' ', '\t']);
    match text.strip_prefix('<') {
        Some(inner) => &inner[..inner.find('>').unwrap_or(inner.len())],
        None => &text[..text.find(ends).unwrap_or(text.len())],
    }
}

fn push_root(out: &mut Vec<String>, dest: &str) {
    if dest.starts_with('/') && !dest.starts_with("//") {
        out.push(dest.to_string());
    }
}

/// Records the root-relative links of `src`, a markdown text at `field` of `file`.
pub fn collect(
    out: &mut Vec<RootLink>,
    file: &Path,
    pos: Pos,
    field: impl Into<String>,
    src: &str,
) {
    let targets = in_markdown(src);
    if targets.is_empty() {
        return;
    }
    let field = field.into();
    out.extend(targets.into_iter().map(|target| RootLink {
        file: file.to_path_buf(),
        pos,
        field: field.clone(),
        target,
    }));
}

/// A warning for every link that points nowhere in the site.
pub fn check<'a>(
    site: &Site,
    links: impl IntoIterator<Item = &'a RootLink>,
    posting_ids: &rustc_hash::FxHashSet<&str>,
    diags: &mut Diagnostics,
) {
    for link in links {
        let path = link.target.split(['#', '?']).next().unwrap_or("");
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        if let Some(problem) = nowhere(site, &segments, posting_ids, true) {
            diags.push(Diagnostic::warning(
                &link.file,
                link.pos,
                link.field.clone(),
                msg!(says::LINK_NOWHERE, target = link.target, problem = problem),
            ));
        }
    }
}

/// What is missing at `segments` (the address split at `/`), or None when the site has it.
fn nowhere(
    site: &Site,
    segments: &[&str],
    posting_ids: &rustc_hash::FxHashSet<&str>,
    top: bool,
) -> Option<Msg> {
    let [first, rest @ ..] = segments else {
        return None;
    };
    let missing = |what: Entry, id: &str| Some(msg!(says::NO_SUCH, what = what.msg(), id = id));
    // The first folder under it: an id, or a file of the folder itself.
    let id = rest.first().copied().filter(|s| *s != "index.html");
    match *first {
        "index.html" if rest.is_empty() => None,
        lang if top && site.languages.iter().any(|l| l == lang) => {
            nowhere(site, rest, posting_ids, false)
        }
        "jobs" => id
            .filter(|i| *i != "page" && !posting_ids.contains(i))
            .and_then(|i| missing(says::WHAT_POSTING, i)),
        "markets" => id
            .filter(|i| *i != "page" && !site.markets.iter().any(|m| m.id == *i))
            .and_then(|i| missing(says::WHAT_MARKET, i)),
        "categories" => id
            .filter(|i| !site.categories.iter().any(|c| c.slug == *i))
            .and_then(|i| missing(says::WHAT_CATEGORY, i)),
        "regions" => {
            let league = id.filter(|i| !site.leagues.iter().any(|l| l.code == *i));
            let county = rest
                .get(1)
                .copied()
                .filter(|c| *c != "index.html" && *c != "page")
                .filter(|c| !site.counties.iter().any(|k| k.code == *c));
            league
                .and_then(|l| missing(says::WHAT_LEAGUE, l))
                .or_else(|| county.and_then(|c| missing(says::WHAT_COUNTY, c)))
        }
        "events" => id
            .filter(|i| *i != "page" && !site.events.iter().any(|e| e.id == *i))
            .and_then(|i| missing(says::WHAT_EVENT, i)),
        "training" => id
            .filter(|i| *i != "page" && !site.training.iter().any(|t| t.id == *i))
            .and_then(|i| missing(says::WHAT_TRAINING, i)),
        name if RESERVED.contains(&name) || OTHER_TOP.contains(&name) => None,
        slug if site.pages.iter().any(|p| p.slug == slug) => None,
        _ if top && is_static(site, segments) => None,
        other => Some(msg!(says::NOTHING_CALLED, name = other)),
    }
}

/// Whether `segments` name a file under `content/static/` or a folder holding some.
fn is_static(site: &Site, segments: &[&str]) -> bool {
    site.statics.iter().any(|file| {
        let parts: Vec<String> = file
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        parts.len() >= segments.len() && parts.iter().zip(segments).all(|(a, b)| a == b)
    })
}

#[cfg(test)]
mod tests {
    use super::in_markdown;

    #[test]
    fn addresses_are_found_as_markdown_writes_them() {
        let text = "见[地图](/map/)和[表](</files/a b.pdf> \"标题\")，[外](https://x.cn/a)、[协议](//x.cn)、![图](/img/a.png)\n\n[参考]: /markets/xincheng/\n  [二]: </regions/150100/>\n";
        assert_eq!(
            in_markdown(text),
            [
                "/map/",
                "/files/a b.pdf",
                "/img/a.png",
                "/markets/xincheng/",
                "/regions/150100/"
            ]
        );
        assert!(in_markdown("没有链接，只有括号（如此）](不是").is_empty());
    }
}
