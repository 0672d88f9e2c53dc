//! Issue "Feeds, structured data, search and the sitemap": every feed and data file
//! parsed with a real parser, every URL resolved against the output, no expired
//! posting anywhere, and a Chinese search run in Chromium.

mod common;

use common::{files_under, gigboard};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const BASE: &str = "https://gig.example.org.cn/";

/// The sample site, built once for this file (with its base_url).
fn sample() -> &'static Path {
    static OUT: OnceLock<tempfile::TempDir> = OnceLock::new();
    OUT.get_or_init(|| common::build_sample(&["--no-minify"]))
        .path()
        .join("output")
        .leak()
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(sample().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The page an absolute URL of the site points to, as a file in the output.
fn file_of(url: &str) -> PathBuf {
    let rel = url
        .strip_prefix(BASE)
        .unwrap_or_else(|| panic!("{url} is not under {BASE}"));
    let rel = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    };
    sample().join(rel)
}

fn live_ids() -> BTreeSet<String> {
    std::fs::read_dir(sample().join("jobs"))
        .expect("jobs/")
        .filter_map(Result::ok)
        .filter(|e| {
            // The page of a posting no longer open says so (该岗位已过期).
            std::fs::read_to_string(e.path().join("index.html"))
                .is_ok_and(|t| !t.contains("class=\"closed-state\""))
        })
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "page")
        .collect()
}

/// Ids of postings in the sample content that must not be published (expired or unverified).
fn unpublished_ids() -> Vec<String> {
    let run = gigboard(&[
        "check",
        "--root",
        env!("CARGO_MANIFEST_DIR"),
        "--format",
        "json",
    ]);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("check --format json");
    let mut ids = Vec::new();
    for d in report["diagnostics"].as_array().expect("list") {
        let msg = d["message"].as_str().unwrap_or("");
        if !(msg.contains("not published") || msg.contains("not verified")) {
            continue;
        }
        let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(d["file"].as_str().expect("file"));
        let text = std::fs::read_to_string(&file).expect("feed");
        let line = d["line"].as_u64().expect("line") as usize;
        // The id is the first `id:` at or above the reported line.
        let id = text
            .lines()
            .take(line)
            .filter_map(|l| {
                l.trim()
                    .strip_prefix("- id:")
                    .or(l.trim().strip_prefix("id:"))
            })
            .last();
        ids.push(
            id.expect("an id above")
                .trim()
                .trim_matches('"')
                .to_string(),
        );
    }
    // Expired postings are counted, not listed: read their `expires:` in the feeds.
    for entry in walkdir::WalkDir::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("content/jobs")) {
        let entry = entry.expect("readable");
        if !entry.file_type().is_file() {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).expect("feed");
        let mut id = None;
        for line in text.lines() {
            let line = line.trim();
            if let Some(v) = line.strip_prefix("- id:") {
                id = Some(v.trim().trim_matches('"').to_string());
            } else if let Some(day) = line.strip_prefix("expires: ")
                && day < "2026-11-27"
            {
                ids.extend(id.take());
            }
        }
    }
    assert!(
        ids.len() >= 300,
        "the sample has expired and unverified postings: {}",
        ids.len()
    );
    ids
}

#[test]
fn atom_feed_parses_and_links_to_live_postings() {
    let xml = read("feed.xml");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let feed = doc.root_element();
    assert_eq!(feed.tag_name().name(), "feed");
    assert_eq!(
        feed.tag_name().namespace(),
        Some("http://www.w3.org/2005/Atom")
    );
    let entries: Vec<_> = feed
        .children()
        .filter(|n| n.has_tag_name("entry"))
        .collect();
    // Each feed carries the newest 50 (README).
    assert_eq!(entries.len(), live_ids().len().min(50));
    for e in &entries {
        for required in ["id", "title", "updated"] {
            assert!(
                e.children().any(|n| n.has_tag_name(required)),
                "entry without {required}"
            );
        }
        let href = e
            .children()
            .find(|n| n.has_tag_name("link"))
            .and_then(|l| l.attribute("href"))
            .expect("link");
        assert!(file_of(href).exists(), "{href}");
        let summary = e
            .children()
            .find(|n| n.has_tag_name("summary"))
            .and_then(|s| s.text())
            .expect("summary");
        assert!(
            summary.contains('元') && summary.contains("有效期至"),
            "pay and expiry in the summary: {summary}"
        );
    }
    // The Atom crate reads it back as Atom (not only as XML), with every entry.
    let parsed: atom_syndication::Feed = xml.parse().expect("valid Atom");
    assert_eq!(parsed.entries().len(), entries.len());
    assert!(parsed.entries().iter().all(|e| !e.title().value.is_empty()));
}

#[test]
fn json_feed_has_the_required_fields() {
    let feed: serde_json::Value = serde_json::from_str(&read("feed.json")).expect("JSON");
    assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
    assert!(feed["title"].is_string());
    let items = feed["items"].as_array().expect("items");
    assert!(!items.is_empty());
    let mut seen = BTreeSet::new();
    for item in items {
        let id = item["id"].as_str().expect("item id is a string");
        assert!(seen.insert(id.to_string()), "duplicate id {id}");
        assert!(item["content_text"].is_string() || item["content_html"].is_string());
        assert!(file_of(item["url"].as_str().expect("url")).exists());
    }
}

#[test]
fn every_market_category_and_county_with_postings_has_feeds() {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/markets");
    for entry in std::fs::read_dir(content).expect("markets") {
        let id = entry
            .expect("entry")
            .path()
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        for f in ["feed.xml", "feed.json"] {
            let path = sample().join("markets").join(&id).join(f);
            assert!(path.exists(), "{}", path.display());
        }
        roxmltree::Document::parse(&read(&format!("markets/{id}/feed.xml")))
            .expect("market feed parses");
    }
    assert!(sample().join("categories/construction/feed.json").exists());
    assert!(sample().join("regions/150100/150102/feed.xml").exists());
}

#[test]
fn jobs_json_lists_every_live_posting() {
    let data: serde_json::Value = serde_json::from_str(&read("jobs.json")).expect("JSON");
    assert_eq!(data["version"], 1);
    let ids: BTreeSet<String> = data["postings"]
        .as_array()
        .expect("postings")
        .iter()
        .map(|p| {
            for field in [
                "title",
                "pay",
                "headcount",
                "posted",
                "expires",
                "market",
                "county",
                "category",
                "path",
            ] {
                assert!(!p[field].is_null(), "{field} in {p}");
            }
            assert!(sample().join(p["path"].as_str().expect("path")).exists());
            p["id"].as_str().expect("id").to_string()
        })
        .collect();
    assert_eq!(ids, live_ids());
    assert_eq!(data["count"], ids.len());
}

#[test]
fn sitemap_urls_all_exist_and_robots_names_it() {
    let xml = read("sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed");
    assert_eq!(
        doc.root_element().tag_name().namespace(),
        Some("http://www.sitemaps.org/schemas/sitemap/0.9")
    );
    let urls: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("url"))
        .collect();
    assert!(
        urls.len() < 50_000,
        "one sitemap file holds at most 50,000 URLs"
    );
    let mut locs = BTreeSet::new();
    for u in &urls {
        let loc = u
            .children()
            .find(|n| n.has_tag_name("loc"))
            .and_then(|n| n.text())
            .expect("loc");
        let lastmod = u
            .children()
            .find(|n| n.has_tag_name("lastmod"))
            .and_then(|n| n.text())
            .expect("lastmod");
        assert_eq!(lastmod.len(), 10, "W3C date: {lastmod}");
        assert!(file_of(loc).exists(), "{loc}");
        assert!(locs.insert(loc.to_string()), "listed twice: {loc}");
    }
    for id in live_ids() {
        assert!(
            locs.contains(&format!("{BASE}jobs/{id}/")),
            "{id} missing from the sitemap"
        );
    }
    assert!(read("robots.txt").contains(&format!("Sitemap: {BASE}sitemap.xml")));
}

#[test]
fn no_expired_or_unverified_posting_in_any_feed_or_data_file() {
    let ids = unpublished_ids();
    for rel in files_under(sample()) {
        if !(rel.ends_with(".xml") || rel.ends_with(".json") || rel.ends_with(".js")) {
            continue;
        }
        let text = read(&rel);
        for id in &ids {
            assert!(
                !text.contains(&format!("{id}/")) && !text.contains(&format!("posting:{id}<")),
                "{id} in {rel}"
            );
        }
    }
}

#[test]
fn without_base_url_no_absolute_addresses_are_invented() {
    let site = tempfile::tempdir().expect("tempdir");
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    copy_dir(&content, &site.path().join("content"));
    let config = site.path().join("content/site.yaml");
    let text = std::fs::read_to_string(&config).expect("site.yaml");
    let text: String = text
        .lines()
        .filter(|l| !l.starts_with("base_url:"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&config, text).expect("write");
    let out = site.path().join("output");
    gigboard(&[
        "build",
        "--root",
        site.path().to_str().expect("utf8"),
        "--no-minify",
    ])
    .expect_code(0);
    assert!(
        !out.join("sitemap.xml").exists(),
        "a sitemap needs absolute URLs"
    );
    for rel in files_under(&out) {
        let bytes = std::fs::read(out.join(&rel)).expect("read");
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("localhost") && !text.contains("gig.example.org.cn"),
            "{rel}"
        );
    }
    let feed = std::fs::read_to_string(out.join("feed.xml")).expect("feed");
    let doc = roxmltree::Document::parse(&feed).expect("parses");
    let href = doc
        .descendants()
        .find(|n| n.has_tag_name("link"))
        .and_then(|l| l.attribute("href"))
        .expect("link");
    assert!(
        out.join(href).exists(),
        "relative entry link resolves next to the feed: {href}"
    );
}

fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = e.path().strip_prefix(from).expect("under");
        let target = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(e.path(), &target).expect("copy");
        }
    }
}

/// Chromium is installed by .ci/run; locally the test is skipped only outside CI.
fn chromium() -> Option<&'static str> {
    let found = Path::new("/usr/bin/chromium").exists();
    match (found, std::env::var_os("CI").is_some()) {
        (true, _) => Some("/usr/bin/chromium"),
        (false, true) => panic!("chromium is required in CI (apt-get install chromium)"),
        (false, false) => {
            eprintln!("SKIPPED: chromium is not installed");
            None
        }
    }
}

#[test]
fn a_chinese_search_in_the_browser_finds_the_posting() {
    let Some(chromium) = chromium() else { return };
    // A live posting and a word of its title.
    let data: serde_json::Value = serde_json::from_str(&read("jobs.json")).expect("JSON");
    let first = &data["postings"][0];
    let title = first["title"].as_str().expect("title");
    let word: String = title.chars().take(4).collect();
    let page = sample().join("search/index.html");
    let url = format!("file://{}?q={}", page.display(), percent(&word));
    let profile = tempfile::tempdir().expect("profile");
    let out = common::headless_chromium(chromium, profile.path())
        .arg("--virtual-time-budget=5000")
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&out.stdout);
    let html = scraper::Html::parse_document(&dom);
    let sel = scraper::Selector::parse("#search-results a").expect("selector");
    let hits: Vec<String> = html
        .select(&sel)
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    let expected = format!("../{}", first["path"].as_str().expect("path"));
    assert!(hits.contains(&expected), "searching {word} found {hits:?}");
    for h in &hits {
        let text: String = html
            .select(&sel)
            .filter(|a| a.value().attr("href") == Some(h))
            .flat_map(|a| a.text())
            .collect();
        assert!(text.contains(&word) || !text.is_empty());
    }
}

fn percent(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
