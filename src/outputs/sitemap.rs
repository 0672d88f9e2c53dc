//! `/sitemap.xml` and `/robots.txt`. The sitemap lists every published page that was
//! actually written (built from the output file list, so every URL exists) and needs
//! absolute addresses: without a base_url it is not written, and robots.txt says nothing of it.

use super::OutFile;
use crate::model::Site;
use std::collections::HashMap;
use std::fmt::Write as _;

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// The sitemap for the pages among `files`, or None without a base_url.
pub fn build(site: &Site, files: &[OutFile]) -> Option<OutFile> {
    let base = site.base_url.as_ref()?;
    let posted: HashMap<String, String> = site
        .postings
        .iter()
        .map(|p| (format!("jobs/{}/index.html", p.id), p.posted.to_string()))
        .collect();
    let today = site.today.to_string();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    // The kiosk screens, the entrance posters (`print/<market>/poster/…`) and the pages of
    // postings no longer open (of every language tree) are `noindex`: a sitemap lists no
    // page that asks not to be indexed.
    let closed: std::collections::HashSet<&str> =
        site.closed.iter().map(|c| c.posting.id.as_str()).collect();
    let is_closed = |p: &str| {
        let mut parts = p.rsplit('/').skip(1);
        let id = parts.next();
        parts.next() == Some("jobs") && id.is_some_and(|id| closed.contains(id))
    };
    let is_poster = |p: &str| {
        let parts: Vec<&str> = p.split('/').collect();
        parts
            .iter()
            .position(|part| *part == "print")
            .is_some_and(|i| parts.get(i + 2) == Some(&"poster"))
    };
    let mut pages: Vec<&str> = files
        .iter()
        .map(|f| f.path.as_str())
        .filter(|p| {
            p.ends_with("index.html")
                && !p.split('/').any(|part| part == "kiosk")
                && !is_poster(p)
                && !is_closed(p)
        })
        .collect();
    pages.sort_unstable();
    for path in pages {
        let loc = format!("{base}{}", path.trim_end_matches("index.html"));
        let lastmod = posted.get(path).unwrap_or(&today);
        let _ = writeln!(
            xml,
            "  <url><loc>{}</loc><lastmod>{lastmod}</lastmod></url>",
            xml_escape(&loc)
        );
    }
    xml.push_str("</urlset>\n");
    Some(OutFile::new("sitemap.xml", xml.into_bytes()))
}

pub fn robots(site: &Site) -> OutFile {
    let mut text = String::from("User-agent: *\nAllow: /\n");
    if let Some(base) = &site.base_url {
        let _ = writeln!(text, "Sitemap: {base}sitemap.xml");
    }
    OutFile::new("robots.txt", text.into_bytes())
}
