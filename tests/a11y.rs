//! Issue "Accessible, age-friendly and bilingual: every page tested in a real browser".
//!
//! The sample site is built once, as `gigboard build` writes it (minified), and looked at
//! the way a reader's browser does:
//!
//! - axe-core in Chromium (driven by `tests/browser/a11y.mjs` with playwright-core) on one
//!   page of every family, in Chinese and, for a market page, English and Mongolian: no
//!   serious or critical violation, no JavaScript error, nothing that fails to load;
//! - no sideways scrolling at 360 and 320 px, with 大字 (large text) off and on;
//! - every HTML file through the Nu Html Checker (`vnu.jar --errors-only`);
//! - no request to another site, one web font (the Mongolian subset, by unicode-range),
//!   and the CSS + JS budget of every page family (README: "Fast on a cheap phone").
//!
//! The browser tools are node + playwright-core + axe-core, Chromium and Java + vnu.jar
//! (`.ci/run` installs them). Without them a test is skipped with a loud message, unless
//! `CI` is set: then it fails, so CI can never pass without having looked.

mod common;

use common::browser::{browser_tools, module_dirs, require, run_script, runs};
use common::files_under;
use scraper::{Html, Selector};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// CSS + JS a page may load, uncompressed, excluding the search index (README).
const BUDGET: u64 = 30 * 1024;

/// The sample site, built once for this file, minified as `gigboard build` writes it.
/// The pages' clock in the browser: a morning of the sample's pinned `date:`.
const SAMPLE_NOW: &str = "2026-11-27T09:30:00+08:00";

fn sample() -> &'static Path {
    static OUT: OnceLock<tempfile::TempDir> = OnceLock::new();
    OUT.get_or_init(|| common::build_sample(&[]))
        .path()
        .join("output")
        .leak()
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(sample().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css:?}: {e}"))
}

/// One page of every family (name, path in the output).
fn family_pages() -> &'static [(String, String)] {
    static PAGES: OnceLock<Vec<(String, String)>> = OnceLock::new();
    PAGES.get_or_init(|| {
        let markets: serde_json::Value =
            serde_json::from_str(&read("markets.json")).expect("markets.json");
        // The busiest market: its page, sheet and screen show the most.
        let market = markets["markets"]
            .as_array()
            .expect("markets")
            .iter()
            .max_by_key(|m| m["postings_today"].as_u64().unwrap_or(0))
            .expect("a market");
        let id = market["id"].as_str().expect("id");
        let league = market["league"]["code"].as_str().expect("league code");
        let county = market["county"]["code"].as_str().expect("county code");
        let jobs: serde_json::Value = serde_json::from_str(&read("jobs.json")).expect("jobs.json");
        let posting = jobs["postings"][0]["path"].as_str().expect("a posting");
        let category = jobs["postings"][0]["category"]["id"]
            .as_str()
            .expect("category");
        let page = first_markdown_page();
        let mut pages = vec![
            ("board", "index.html".to_string()),
            ("jobs list", "jobs/index.html".to_string()),
            ("posting", posting.to_string()),
            ("category", format!("categories/{category}/index.html")),
            ("league", format!("regions/{league}/index.html")),
            ("county", format!("regions/{league}/{county}/index.html")),
            ("regions", "regions/index.html".to_string()),
            ("markets list", "markets/index.html".to_string()),
            ("market", format!("markets/{id}/index.html")),
            ("map", "map/index.html".to_string()),
            ("print index", "print/index.html".to_string()),
            ("print sheet", format!("print/{id}/index.html")),
            ("kiosk", format!("kiosk/{id}/index.html")),
            ("markdown page", format!("{page}/index.html")),
            ("search", "search/index.html".to_string()),
            ("404", "404.html".to_string()),
            ("status report", "reports/status/index.html".to_string()),
            ("market (English)", format!("en/markets/{id}/index.html")),
            ("market (Mongolian)", format!("mn/markets/{id}/index.html")),
            ("board (English)", "en/index.html".to_string()),
        ];
        // Families other issues add, when they are there.
        for (name, rel) in [
            ("events", "events/index.html"),
            ("training", "training/index.html"),
            ("help", "help/index.html"),
        ] {
            if sample().join(rel).is_file() {
                pages.push((name, rel.to_string()));
            }
        }
        for (name, rel) in &pages {
            assert!(
                sample().join(rel).is_file(),
                "{name}: no {rel} in the sample"
            );
        }
        pages.into_iter().map(|(n, r)| (n.to_string(), r)).collect()
    })
}

/// The first markdown page of the footer menu.
fn first_markdown_page() -> String {
    let html = Html::parse_document(&read("index.html"));
    let href = html
        .select(&sel("footer nav a"))
        .filter_map(|a| a.value().attr("href"))
        .find(|h| {
            !["events/", "training/", "help/"]
                .iter()
                .any(|p| h.starts_with(p))
        })
        .expect("a markdown page in the footer menu");
    href.trim_end_matches("/index.html").to_string()
}

// ---- tools ---------------------------------------------------------------------------

/// vnu.jar (`$VNU_JAR`, or the vnu-jar npm package), when Java runs.
fn vnu() -> Option<PathBuf> {
    if !runs("java", "-version") {
        return None;
    }
    std::env::var_os("VNU_JAR")
        .map(PathBuf::from)
        .into_iter()
        .chain(
            module_dirs()
                .into_iter()
                .map(|d| d.join("vnu-jar/build/dist/vnu.jar")),
        )
        .find(|p| p.is_file())
}

// ---- the browser ---------------------------------------------------------------------

/// The report of `tests/browser/a11y.mjs` over every family page, run once.
fn browser_report(modules: &Path) -> &'static serde_json::Value {
    static REPORT: OnceLock<serde_json::Value> = OnceLock::new();
    REPORT.get_or_init(|| {
        let pages: Vec<&str> = family_pages().iter().map(|(_, rel)| rel.as_str()).collect();
        let mut args: Vec<&std::ffi::OsStr> = vec!["--now".as_ref(), SAMPLE_NOW.as_ref()];
        args.push(sample().as_os_str());
        args.extend(pages.iter().map(|p| std::ffi::OsStr::new(*p)));
        run_script("a11y.mjs", modules, &args)
    })
}

fn family_of(rel: &str) -> &str {
    family_pages()
        .iter()
        .find(|(_, r)| r == rel)
        .map(|(n, _)| n.as_str())
        .unwrap_or(rel)
}

#[test]
fn axe_finds_no_serious_or_critical_violation_on_any_page_family() {
    let test = "axe_finds_no_serious_or_critical_violation_on_any_page_family";
    let Some(modules) = require(
        test,
        browser_tools(),
        "node, Chromium, playwright-core or axe-core",
    ) else {
        return;
    };
    let report = browser_report(&modules);
    let mut problems = Vec::new();
    for page in report["pages"].as_array().expect("pages") {
        let rel = page["page"].as_str().expect("page");
        for v in page["violations"].as_array().expect("violations") {
            let impact = v["impact"].as_str().unwrap_or("");
            let line = format!(
                "{} ({rel}): {impact} {} — {} at {}",
                family_of(rel),
                v["id"].as_str().unwrap_or(""),
                v["help"].as_str().unwrap_or(""),
                v["nodes"][0]["target"].as_str().unwrap_or("")
            );
            if impact == "serious" || impact == "critical" {
                problems.push(line);
            } else {
                eprintln!("note: {line}");
            }
        }
        for e in page["errors"].as_array().expect("errors") {
            problems.push(format!("{} ({rel}): JavaScript error: {e}", family_of(rel)));
        }
        for f in page["failed"].as_array().expect("failed") {
            problems.push(format!("{} ({rel}): failed to load {f}", family_of(rel)));
        }
    }
    eprintln!(
        "axe-core {} in Chromium {}: {} pages",
        report["axe"],
        report["browser"],
        report["pages"].as_array().map_or(0, Vec::len)
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_page_scrolls_sideways_on_a_phone_with_or_without_large_text() {
    let test = "no_page_scrolls_sideways_on_a_phone_with_or_without_large_text";
    let Some(modules) = require(
        test,
        browser_tools(),
        "node, Chromium, playwright-core or axe-core",
    ) else {
        return;
    };
    let report = browser_report(&modules);
    let mut problems = Vec::new();
    for page in report["pages"].as_array().expect("pages") {
        let rel = page["page"].as_str().expect("page");
        let overflow = page["overflow"].as_object().expect("overflow");
        assert!(overflow.contains_key("360") && overflow.contains_key("320"));
        for (at, sizes) in overflow {
            let scroll = sizes[0].as_u64().expect("scrollWidth");
            let client = sizes[1].as_u64().expect("clientWidth");
            if scroll > client {
                problems.push(format!(
                    "{} ({rel}) at {at} px: scrollWidth {scroll} > clientWidth {client}",
                    family_of(rel)
                ));
            }
        }
        // Every page with the site's header has the 大字 switch, and it works.
        if !rel.starts_with("kiosk/") && !rel.starts_with("print/") || rel == "print/index.html" {
            let large = &page["large"];
            assert_eq!(large["checked"], true, "{rel}: the 大字 checkbox");
            assert_eq!(
                large["fontSize"], "24px",
                "{rel}: 大字 makes the root type 24 px"
            );
            assert_eq!(large["stored"], "1", "{rel}: 大字 is remembered");
            assert!(overflow.contains_key("360-large"), "{rel}");
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

// ---- the Nu Html Checker -------------------------------------------------------------

#[test]
fn every_html_file_passes_the_nu_html_checker() {
    let test = "every_html_file_passes_the_nu_html_checker";
    let Some(jar) = require(test, vnu(), "Java or vnu.jar") else {
        return;
    };
    let out = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--skip-non-html"])
        .arg(sample())
        .output()
        .expect("java runs");
    let errors = String::from_utf8_lossy(&out.stderr);
    let count = files_under(sample())
        .iter()
        .filter(|f| f.ends_with(".html"))
        .count();
    eprintln!("vnu checked {count} HTML files");
    let first: Vec<&str> = errors.lines().take(40).collect();
    assert!(
        out.status.success() && errors.trim().is_empty(),
        "the Nu Html Checker found {} error(s):\n{}",
        errors.lines().count(),
        first.join("\n")
    );
}

// ---- no third party, one font, the budget --------------------------------------------

/// An address on another site: absolute (or protocol-relative) and not under base_url.
fn foreign(url: &str, base: &str) -> bool {
    let url = url.trim();
    let absolute =
        url.starts_with("http://") || url.starts_with("https://") || url.starts_with("//");
    absolute && !url.starts_with(base)
}

fn base_url() -> String {
    let site =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("content/site.yaml"))
            .expect("site.yaml");
    site.lines()
        .find_map(|l| l.strip_prefix("base_url:"))
        .map(|u| u.trim().to_string())
        .expect("the sample has a base_url")
}

/// `url(...)` and `@import` targets in CSS text.
fn css_urls(css: &str) -> Vec<String> {
    let mut urls = Vec::new();
    for part in css.split("url(").skip(1) {
        if let Some(end) = part.find(')') {
            urls.push(
                part[..end]
                    .trim_matches(|c| c == '"' || c == '\'' || c == ' ')
                    .to_string(),
            );
        }
    }
    for part in css.split("@import").skip(1) {
        let t = part.trim_start();
        if let Some(q) = t.chars().next().filter(|c| *c == '"' || *c == '\'')
            && let Some(end) = t[1..].find(q)
        {
            urls.push(t[1..=end].to_string());
        }
    }
    urls
}

#[test]
fn nothing_is_loaded_from_another_site() {
    let base = base_url();
    let mut problems = Vec::new();
    let loads =
        sel("[src], [srcset], [poster], object[data], link[href], image[href], use[href], [style]");
    for rel in files_under(sample()) {
        let path = sample().join(&rel);
        if rel.ends_with(".css") {
            let css = std::fs::read_to_string(&path).expect("css");
            problems.extend(
                css_urls(&css)
                    .into_iter()
                    .filter(|u| foreign(u, &base))
                    .map(|u| format!("{rel}: {u}")),
            );
        }
        if !rel.ends_with(".html") {
            continue;
        }
        let html = Html::parse_document(&std::fs::read_to_string(&path).expect("html"));
        for el in html.select(&loads) {
            let e = el.value();
            // Links to this page's other addresses (canonical, other languages, feeds)
            // load nothing; an <a href> may go anywhere.
            let rel_attr = e.attr("rel").unwrap_or("");
            let passive = e.name() == "link"
                && rel_attr
                    .split_whitespace()
                    .all(|r| matches!(r, "canonical" | "alternate"));
            for attr in ["src", "srcset", "poster", "data", "href"] {
                if attr == "href" && passive {
                    continue;
                }
                if let Some(v) = e.attr(attr)
                    && v.split(',')
                        .any(|u| foreign(u.split_whitespace().next().unwrap_or(""), &base))
                {
                    problems.push(format!("{rel}: <{} {attr}=\"{v}\">", e.name()));
                }
            }
            if let Some(style) = e.attr("style") {
                problems.extend(
                    css_urls(style)
                        .into_iter()
                        .filter(|u| foreign(u, &base))
                        .map(|u| format!("{rel}: style url({u})")),
                );
            }
        }
        for style in html.select(&sel("style")) {
            let css: String = style.text().collect();
            problems.extend(
                css_urls(&css)
                    .into_iter()
                    .filter(|u| foreign(u, &base))
                    .map(|u| format!("{rel}: <style> url({u})")),
            );
        }
    }
    problems.truncate(20);
    assert!(
        problems.is_empty(),
        "third-party requests:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_only_web_font_is_the_mongolian_subset_by_unicode_range() {
    let mut faces = 0;
    for rel in files_under(sample())
        .into_iter()
        .filter(|f| f.ends_with(".css"))
    {
        let css = read(&rel);
        for face in css.split("@font-face").skip(1) {
            let block = &face[..face.find('}').unwrap_or(face.len())];
            faces += 1;
            assert!(
                block.contains("fonts/NotoSansMongolian-gigboard.woff2"),
                "{rel}: a web font other than the Mongolian subset: {block}"
            );
            assert!(
                block.contains("unicode-range: U+1800-18AF, U+202F"),
                "{rel}: the Mongolian font must be limited to the Mongolian block: {block}"
            );
        }
    }
    assert!(faces > 0, "the Mongolian font is declared");
    let font = sample().join("fonts/NotoSansMongolian-gigboard.woff2");
    let bytes = std::fs::read(&font).expect("the font is published");
    assert_eq!(&bytes[..4], b"wOF2", "a WOFF2 file");
    assert!(
        bytes.len() < 40 * 1024,
        "the subset is small: {} bytes",
        bytes.len()
    );
    assert!(
        read("fonts/OFL.txt").contains("SIL Open Font License"),
        "the OFL travels with the font"
    );
}

/// The CSS and JS a page loads: linked stylesheets (print-only ones too), scripts, inline
/// `<style>` and `<script>` (not JSON-LD); the search index is data and left out.
fn page_weight(rel: &str) -> (u64, Vec<(String, u64)>) {
    let html = Html::parse_document(&read(rel));
    let dir = Path::new(rel).parent().unwrap_or(Path::new(""));
    let mut parts = Vec::new();
    let resolve = |href: &str| -> (String, u64) {
        let path = sample().join(dir).join(href);
        let size = std::fs::metadata(&path)
            .unwrap_or_else(|e| panic!("{rel} links {href}: {e}"))
            .len();
        let name = path
            .canonicalize()
            .ok()
            .and_then(|p| {
                p.strip_prefix(sample().canonicalize().ok()?)
                    .ok()
                    .map(Path::to_path_buf)
            })
            .map_or(href.to_string(), |p| p.to_string_lossy().into_owned());
        (name, size)
    };
    for link in html.select(&sel("link[rel~=stylesheet][href]")) {
        parts.push(resolve(link.value().attr("href").unwrap_or_default()));
    }
    for script in html.select(&sel("script[src]")) {
        let src = script.value().attr("src").unwrap_or_default();
        if !src.ends_with("search/index.js") {
            parts.push(resolve(src));
        }
    }
    for script in html.select(&sel("script:not([src]):not([type='application/ld+json'])")) {
        parts.push((
            "inline <script>".into(),
            script.text().map(str::len).sum::<usize>() as u64,
        ));
    }
    for style in html.select(&sel("style")) {
        parts.push((
            "inline <style>".into(),
            style.text().map(str::len).sum::<usize>() as u64,
        ));
    }
    (parts.iter().map(|(_, n)| n).sum(), parts)
}

#[test]
fn every_page_family_keeps_to_the_css_and_js_budget() {
    let mut over = Vec::new();
    eprintln!("CSS + JS per page (bytes, uncompressed; budget {BUDGET}):");
    for (name, rel) in family_pages() {
        let (total, parts) = page_weight(rel);
        let list: Vec<String> = parts.iter().map(|(n, b)| format!("{n} {b}")).collect();
        eprintln!("  {total:>6}  {name:<20} {}", list.join(", "));
        if total > BUDGET {
            over.push(format!(
                "{name} ({rel}): {total} bytes: {}",
                list.join(", ")
            ));
        }
    }
    assert!(
        over.is_empty(),
        "over the {BUDGET}-byte budget:\n{}",
        over.join("\n")
    );
}

#[test]
fn every_page_says_its_language_and_phone_numbers_are_big_tel_buttons() {
    for (name, rel) in family_pages() {
        let html = Html::parse_document(&read(rel));
        let root = html.root_element();
        let lang = root.value().attr("lang").unwrap_or("");
        assert!(!lang.is_empty(), "{name} ({rel}): <html> has no lang");
        let expected = if rel.starts_with("en/") {
            "en"
        } else {
            "zh-CN"
        };
        assert_eq!(lang, expected, "{name} ({rel})");
        assert!(
            html.select(&sel("meta[name=viewport]")).next().is_some(),
            "{name} ({rel}): no viewport"
        );
        // Skip link and landmarks on every page with the site's header.
        if html.select(&sel("header.site-header")).next().is_some() {
            let skip = html.select(&sel("a.skip")).next().expect("skip link");
            assert_eq!(skip.value().attr("href"), Some("#main"), "{rel}");
            assert_eq!(
                html.select(&sel("main#main")).count(),
                1,
                "{rel}: one <main>"
            );
            assert_eq!(html.select(&sel("h1")).count(), 1, "{rel}: one <h1>");
            assert!(
                html.select(&sel("nav[aria-label]")).next().is_some(),
                "{rel}"
            );
        }
    }
    // A market page: every phone number is a tel: link styled as a button.
    let market = &family_pages()
        .iter()
        .find(|(n, _)| n == "market")
        .expect("market")
        .1;
    let html = Html::parse_document(&read(market));
    let tels: Vec<_> = html.select(&sel("a[href^='tel:']")).collect();
    assert!(tels.len() >= 3, "{market}: {} tel: links", tels.len());
    for a in tels {
        let class = a.value().attr("class").unwrap_or("");
        assert!(
            class.split(' ').any(|c| c == "tel"),
            "{market}: {}",
            a.html()
        );
    }
}

// ---- languages ---------------------------------------------------------------------

/// Every HTML file under `prefix` (`""` for the site's own language), without the prefix.
fn html_pages(prefix: &str) -> Vec<String> {
    files_under(sample())
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        .filter_map(|f| {
            if prefix.is_empty() {
                (!f.starts_with("en/") && !f.starts_with("mn/")).then_some(f)
            } else {
                f.strip_prefix(prefix).map(str::to_string)
            }
        })
        .collect()
}

#[test]
fn each_extra_language_is_the_whole_html_site_again_with_the_data_only_once() {
    let zh = html_pages("");
    assert!(zh.len() > 500, "{} pages", zh.len());
    for lang in ["en/", "mn/"] {
        assert_eq!(
            html_pages(lang),
            zh,
            "{lang} holds the same pages as the root"
        );
        // A county's cards for the home page (`regions/…/cards.js`) are part of the pages.
        let other: Vec<String> = files_under(&sample().join(lang))
            .into_iter()
            .filter(|f| !f.ends_with(".html") && !f.ends_with("/cards.js"))
            .collect();
        assert!(
            other.is_empty(),
            "data, feeds and assets are written once: {lang}{other:?}"
        );
    }
    // Every page of each copy links its versions (hreflang) and switches between them.
    for (rel, tag) in [
        ("markets/index.html", "zh-CN"),
        ("en/markets/index.html", "en"),
        ("mn/markets/index.html", "mn-Mong"),
    ] {
        let html = Html::parse_document(&read(rel));
        let alternates: Vec<(String, String)> = html
            .select(&sel("link[rel=alternate][hreflang]"))
            .map(|l| {
                let v = l.value();
                (
                    v.attr("hreflang").unwrap_or("").to_string(),
                    v.attr("href").unwrap_or("").to_string(),
                )
            })
            .collect();
        let base = base_url();
        assert_eq!(
            alternates,
            vec![
                ("zh-CN".to_string(), format!("{base}markets/")),
                ("en".to_string(), format!("{base}en/markets/")),
                ("mn-Mong".to_string(), format!("{base}mn/markets/")),
            ],
            "{rel}"
        );
        // The language's name is marked with its own tag (a "partial" mark beside it
        // is in the page's language).
        let current: Vec<String> = html
            .select(&sel(".lang-switch .lang-current > span[lang]"))
            .map(|e| e.value().attr("lang").unwrap_or("").to_string())
            .collect();
        assert_eq!(
            current,
            vec![tag.to_string()],
            "{rel}: the current language"
        );
        for a in html.select(&sel(".lang-switch a")) {
            let href = a.value().attr("href").expect("href");
            let target = sample()
                .join(Path::new(rel).parent().expect("dir"))
                .join(href);
            assert!(target.is_file(), "{rel}: the switcher's {href} exists");
            assert!(
                a.value().attr("hreflang").is_some()
                    && a.select(&sel("span[lang]")).next().is_some()
            );
        }
        // Styles, scripts and feeds come from the one copy at the root.
        for link in html.select(&sel("link[rel~=stylesheet], script[src]")) {
            let href = link
                .value()
                .attr("href")
                .or(link.value().attr("src"))
                .expect("url");
            let target = sample()
                .join(Path::new(rel).parent().expect("dir"))
                .join(href);
            assert!(target.is_file(), "{rel}: {href}");
        }
    }
}

#[test]
fn english_pages_are_in_english_with_the_chinese_content_marked() {
    let market = &family_pages()
        .iter()
        .find(|(n, _)| n == "market (English)")
        .expect("English market")
        .1;
    let html = Html::parse_document(&read(market));
    assert_eq!(html.root_element().value().attr("lang"), Some("en"));
    let h1 = html
        .select(&sel("h1 [lang='zh-CN']"))
        .next()
        .expect("the name is marked");
    assert!(h1.text().collect::<String>().contains("零工市场"));
    // The interface is English; every Chinese character is inside an element marked zh-CN.
    let unmarked = chinese_outside(&html, "zh");
    assert!(
        unmarked.is_empty(),
        "{market}: Chinese text not marked lang=\"zh-CN\": {:?}",
        &unmarked[..unmarked.len().min(10)]
    );
    for rel in ["en/index.html", "en/jobs/index.html", "en/map/index.html"] {
        let html = Html::parse_document(&read(rel));
        let unmarked = chinese_outside(&html, "zh");
        assert!(
            unmarked.is_empty(),
            "{rel}: {:?}",
            &unmarked[..unmarked.len().min(10)]
        );
    }
    let board: String = Html::parse_document(&read("en/index.html"))
        .root_element()
        .text()
        .collect();
    assert!(board.contains("Today's gig jobs") && board.contains("Friday 27 November 2026"));
}

#[test]
fn mongolian_text_is_marked_mn_mong_and_drawn_with_the_bundled_font() {
    // Chinese and English pages: every Mongolian letter is inside lang="mn-Mong".
    for rel in [
        "regions/index.html",
        "map/index.html",
        "en/regions/index.html",
    ] {
        let html = Html::parse_document(&read(rel));
        let text: String = html.root_element().text().collect();
        assert!(
            text.chars().any(is_mongolian),
            "{rel} shows Mongolian names"
        );
        let unmarked = mongolian_outside(&html);
        assert!(
            unmarked.is_empty(),
            "{rel}: unmarked Mongolian {unmarked:?}"
        );
    }
    // The league's name is a vertical sign beside its heading.
    let html = Html::parse_document(&read("regions/index.html"));
    assert!(
        html.select(&sel(".has-mn > .mn-sign[lang='mn-Mong']"))
            .next()
            .is_some()
    );
    let css = read("css/site.css");
    assert!(css.contains(".mn-sign { writing-mode: vertical-lr;"));
    // The Mongolian copy: translated strings where we have them, Chinese elsewhere, and
    // (mostly Chinese) it says so.
    let mn = read("mn/index.html");
    let root = Html::parse_document(&mn);
    assert_eq!(root.root_element().value().attr("lang"), Some("zh-CN"));
    assert_eq!(root.root_element().value().attr("class"), Some("ui-mn"));
    assert!(mn.contains("ᠭᠠᠷᠠᠭ\u{202f}ᠤᠨ ᠲᠠᠪᠤᠨ"), "Friday, in Mongolian");
    assert!(
        mn.contains("跳到正文"),
        "untranslated strings fall back to Chinese"
    );
}

fn is_mongolian(c: char) -> bool {
    ('\u{1800}'..='\u{18AF}').contains(&c)
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Text with Mongolian letters not inside an element whose lang starts with `mn`.
fn mongolian_outside(html: &Html) -> Vec<String> {
    text_outside(html, "mn", is_mongolian)
}

/// Text with Han characters not inside an element whose lang starts with `prefix`.
fn chinese_outside(html: &Html, prefix: &str) -> Vec<String> {
    text_outside(html, prefix, is_han)
}

fn text_outside(html: &Html, prefix: &str, script: fn(char) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    let body = html.select(&sel("body")).next().expect("body");
    for node in body.descendants() {
        let Some(text) = node.value().as_text() else {
            continue;
        };
        if !text.chars().any(script) {
            continue;
        }
        let lang = node
            .ancestors()
            .filter_map(scraper::ElementRef::wrap)
            .find_map(|e| e.value().attr("lang"))
            .unwrap_or("");
        let inside_script = node
            .ancestors()
            .filter_map(scraper::ElementRef::wrap)
            .any(|e| matches!(e.value().name(), "script" | "style"));
        if !lang.starts_with(prefix) && !inside_script {
            out.push(text.trim().chars().take(30).collect());
        }
    }
    out
}

#[test]
fn an_unknown_language_is_a_located_error_and_a_theme_can_add_one() {
    let site = common::TestSite::fixture("mini");
    site.edit(
        "content/site.yaml",
        "language: zh-CN\n",
        "language: zh-CN\nlanguages: [en, fr, zh-CN]\n",
    );
    let run = site.run(&["check"]);
    run.expect_code(1);
    let text = site.read("content/site.yaml");
    let at_fr = common::location("content/site.yaml", &text, "fr, zh-CN]");
    run.expect_line_with(&[
        &format!("{at_fr}: error: languages 2:"),
        "no interface strings for `fr`",
        "en, mn",
    ]);
    run.expect_line_with(&["error: languages 3:", "already the site's `language`"]);
    // A theme of the site's own brings the strings: then `fr` is a language.
    site.edit(
        "content/site.yaml",
        "languages: [en, fr, zh-CN]",
        "languages: [fr]\ntheme: local",
    );
    site.write(
        "themes/local/i18n/fr.yaml",
        "lang_tag: fr\nlang_name: Français\nskip_to_content: Aller au contenu\n",
    );
    site.run(&["build"]).expect_code(0);
    let fr = site.output_text("fr/index.html");
    assert!(fr.contains("Aller au contenu"), "French strings are used");
    let root = Html::parse_document(&fr);
    assert_eq!(
        root.root_element().value().attr("lang"),
        Some("zh-CN"),
        "mostly Chinese, so the page says so"
    );
    assert!(site.output().join("fr/markets/index.html").is_file());
    assert!(!site.output().join("fr/feed.xml").exists());
}
