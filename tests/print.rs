//! Issue: "Daily job sheets for notice boards, and a kiosk view for market screens".
//!
//! Market staff print today's sheet every morning and pin it on the notice board; a
//! screen in the waiting hall pages through the postings on its own. These tests build
//! the sample site (the repository's `content/`) with the real binary, check the HTML of
//! the sheets and screens, then print the busiest market's sheet to PDF with headless
//! Chromium and read it back with poppler (`pdfinfo`, `pdftotext`, `pdftoppm`) and zbar
//! (`zbarimg`): A4, dense (a market pins up one or two pages a day: at least eight
//! postings on every page but the last, five under the market's block on the first),
//! the header row on every page, no posting split across pages, the print button left
//! off the paper, and every QR code opening a live posting's page.
//!
//! The browser tests need chromium, poppler-utils and zbar-tools. Without them they skip
//! with a loud message, except when `CI` is set (`.ci/run` sets it and installs them):
//! then a missing tool fails the test, so CI can never pass by skipping.

mod common;

use common::{REPO, TestSite, gigboard, sel};
use scraper::{ElementRef, Html};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The market with the most postings in the sample (39 on 2026-11-27).
const BUSIEST: &str = "hohhot-xincheng";
/// A sample market with no live posting.
const EMPTY: &str = "tongliao-kailu";
/// The sample's base_url.
const BASE: &str = "https://gig.example.org.cn/";
/// The print button's label (`print_sheet`): on screen only.
const PRINT_BUTTON: &str = "打印今日岗位单";

// ---------------------------------------------------------------------------------
// The sample site, built once for this test binary.

/// The sample site built with `--no-minify` into a folder of its own under cargo's
/// per-target temporary folder (it is shared by every test here, so it cannot be a
/// `TempDir` that one test drops; folders of earlier runs are removed first).
fn sample() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
        if let Ok(entries) = std::fs::read_dir(tmp) {
            for e in entries.flatten() {
                if e.file_name().to_string_lossy().starts_with("print-sample-") {
                    let _ = std::fs::remove_dir_all(e.path());
                }
            }
        }
        let out = tmp.join(format!("print-sample-{}", std::process::id()));
        gigboard(&[
            "build".as_ref(),
            "--root".as_ref(),
            REPO.as_ref(),
            "--output".as_ref(),
            out.as_os_str(),
            "--no-minify".as_ref(),
        ])
        .expect_code(0);
        out
    })
}

/// A live posting of the sample, as the library's checked model has it.
struct Live {
    id: String,
    title: String,
    phone: Option<String>,
}

/// Live postings of the sample by market id, in board order, straight from the library.
fn live_by_market() -> &'static BTreeMap<String, Vec<Live>> {
    static LIVE: OnceLock<BTreeMap<String, Vec<Live>>> = OnceLock::new();
    LIVE.get_or_init(|| {
        let (site, diags) = gigboard::check(Path::new(REPO), &gigboard::Overrides::default());
        let site = site.unwrap_or_else(|| panic!("the sample site checks: {diags:?}"));
        site.markets
            .iter()
            .map(|m| {
                let postings = m
                    .postings
                    .iter()
                    .map(|&i| {
                        let p = &site.postings[i];
                        Live {
                            id: p.id.clone(),
                            title: p.title.clone(),
                            phone: p.contact_phone.clone(),
                        }
                    })
                    .collect();
                (m.id.clone(), postings)
            })
            .collect()
    })
}

fn page(rel: &str) -> Html {
    let path = sample().join(rel);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    Html::parse_document(&text)
}

fn text_of(e: ElementRef<'_>) -> String {
    e.text().collect::<String>()
}

/// Text with every kind of white space removed: PDF text extraction drops or adds
/// spaces between CJK characters and digits, and wraps long titles.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

// ---------------------------------------------------------------------------------
// Structure of the pages.

#[test]
fn every_market_has_a_sheet_and_a_screen() {
    let markets = live_by_market();
    assert!(markets.len() > 50, "the sample has 57 markets");
    for id in markets.keys() {
        for rel in [
            format!("print/{id}/index.html"),
            format!("kiosk/{id}/index.html"),
        ] {
            assert!(sample().join(&rel).is_file(), "missing {rel}");
        }
    }
    let sheets: Vec<_> = std::fs::read_dir(sample().join("print"))
        .expect("print/ exists")
        .flatten()
        .filter(|e| e.path().join("index.html").is_file())
        .collect();
    // One per market, plus nothing else at that level but the index and `all/`.
    assert_eq!(sheets.len(), markets.len(), "one sheet folder per market");
    assert!(sample().join("print/index.html").is_file());
    assert!(sample().join("print/all/quick-hires/index.html").is_file());
    assert!(sample().join("css/print.css").is_file());
    assert!(sample().join("css/kiosk.css").is_file());
    assert!(sample().join("js/kiosk.js").is_file());
}

#[test]
fn busiest_sheet_has_one_row_and_one_qr_code_per_live_posting() {
    let live = &live_by_market()[BUSIEST];
    assert!(live.len() >= 30, "{BUSIEST} is the busiest market");
    let doc = page(&format!("print/{BUSIEST}/index.html"));
    let table = doc
        .select(&sel("table.jobs"))
        .next()
        .expect("the postings are in a table");
    let head: Vec<String> = table
        .select(&sel("thead th"))
        .map(|th| squeeze(&text_of(th)))
        .collect();
    assert_eq!(head.len(), 4, "job, pay, place and QR columns: {head:?}");
    // A posting is a row group: its row, and a second row of conditions when it has any.
    let rows: Vec<ElementRef> = table.select(&sel("tbody.job")).collect();
    let ids: Vec<&str> = rows
        .iter()
        .map(|r| {
            r.value()
                .attr("data-id")
                .expect("each row names its posting")
        })
        .collect();
    let want: Vec<&str> = live.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids, want,
        "every live posting, in board order (quick hires first)"
    );
    for (row, Live { id, title, phone }) in rows.iter().zip(live) {
        let text = text_of(*row);
        assert!(text.contains(title.as_str()), "{id}: title");
        if let Some(phone) = phone {
            assert!(text.contains(phone.as_str()), "{id}: phone");
        }
        assert!(text.contains("元/"), "{id}: pay and unit");
        assert!(text.contains('人'), "{id}: headcount");
        assert_eq!(
            row.select(&sel("td.c-qr svg")).count(),
            1,
            "{id}: one QR code"
        );
    }
    // The quick hires come first and say so in words, not only by colour.
    let quick = rows
        .iter()
        .take_while(|r| text_of(**r).contains("即时快招"));
    assert!(quick.count() > 0);
    // The no-fee notice and complaint line repeat at the foot of every printed page.
    let foot = text_of(table.select(&sel("tfoot")).next().expect("a tfoot"));
    assert!(foot.contains("求职不收费、不交押金"), "{foot}");
    assert!(
        foot.contains("0471-0000-0102"),
        "the market's complaint line: {foot}"
    );
    // Hours today and the hotlines are on the sheet; the screen chrome is not.
    let all = text_of(doc.root_element());
    assert!(all.contains("06:00–11:30"), "today's hours");
    assert!(all.contains("0471-0000-0101"), "the service line");
    assert!(all.contains("2026年11月27日"), "the date");
    assert_eq!(doc.select(&sel("nav, .skip, .site-header")).count(), 0);
    // A print button on screen, wired by a small script file (loaded by <script src>, so
    // it works from file:// too, and no page carries an inline handler); the print
    // stylesheet hides it with the rest of the screen-only line.
    let button = doc
        .select(&sel(".screen-only button.print-button"))
        .next()
        .expect("a print button");
    assert_eq!(button.value().attr("type"), Some("button"));
    assert!(button.value().attr("data-print").is_some());
    assert!(button.value().attr("onclick").is_none());
    let script = doc
        .select(&sel(".screen-only script[src$=\"js/print.js\"]"))
        .next()
        .expect("the button's script");
    assert!(script.value().attr("defer").is_some());
    let js = std::fs::read_to_string(sample().join("js/print.js")).expect("js/print.js");
    assert!(js.contains("window.print()"), "{js}");
    assert_eq!(text_of(button), PRINT_BUTTON);
    let css: Vec<&str> = doc
        .select(&sel("link[rel=stylesheet]"))
        .filter_map(|l| l.value().attr("href"))
        .collect();
    assert_eq!(
        css,
        ["../../css/print.css"],
        "its own stylesheet, linked relatively"
    );
}

#[test]
fn empty_market_sheet_says_so_and_keeps_hours_and_hotlines() {
    assert!(
        live_by_market()[EMPTY].is_empty(),
        "{EMPTY} has no posting today"
    );
    let doc = page(&format!("print/{EMPTY}/index.html"));
    assert_eq!(doc.select(&sel("table.jobs")).count(), 0);
    let none = doc
        .select(&sel(".no-postings"))
        .next()
        .expect("a sentence saying there are no postings");
    assert!(text_of(none).contains("暂无岗位"));
    let hours = text_of(doc.select(&sel("#hours")).next().expect("today's hours"));
    assert!(hours.contains("今日开放"), "{hours}");
    let hotlines: Vec<String> = doc
        .select(&sel("#hotlines li"))
        .map(|li| text_of(li))
        .collect();
    for own in ["0475-0000-2501", "0475-0000-2502"] {
        assert!(
            hotlines.iter().any(|h| h.contains(own)),
            "the market's service and complaint lines: {hotlines:?}"
        );
    }
    let section = text_of(doc.select(&sel("#hotlines")).next().expect("hotlines"));
    assert!(section.contains("12333"), "and the site's: {section}");
    let all = text_of(doc.root_element());
    assert!(all.contains("求职不收费、不交押金"));
    assert!(all.contains("投诉举报"));
}

#[test]
fn region_quick_hire_sheet_lists_every_quick_hire_with_its_market() {
    let (site, _) = gigboard::check(Path::new(REPO), &gigboard::Overrides::default());
    let site = site.expect("the sample checks");
    let quick: BTreeSet<&str> = site
        .postings
        .iter()
        .filter(|p| p.quick_hire)
        .map(|p| p.id.as_str())
        .collect();
    assert!(!quick.is_empty());
    let doc = page("print/all/quick-hires/index.html");
    let rows: Vec<ElementRef> = doc.select(&sel("table.jobs tbody.job")).collect();
    let ids: Vec<&str> = rows
        .iter()
        .filter_map(|r| r.value().attr("data-id"))
        .collect();
    assert_eq!(ids.len(), quick.len(), "each quick hire once");
    assert_eq!(ids.iter().copied().collect::<BTreeSet<_>>(), quick);
    // Grouped by league, so readers find the nearby ones: each league comes in one run.
    let leagues: Vec<String> = rows
        .iter()
        .map(|r| {
            let m = r
                .select(&sel(".where-market"))
                .next()
                .expect("each row names its market");
            text_of(m)
                .rsplit(" · ")
                .next()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    let mut runs = leagues.clone();
    runs.dedup();
    let distinct: BTreeSet<&String> = runs.iter().collect();
    assert_eq!(runs.len(), distinct.len(), "one run per league: {runs:?}");
    // Relative links, three levels down.
    let css = doc
        .select(&sel("link[rel=stylesheet]"))
        .next()
        .and_then(|l| l.value().attr("href"));
    assert_eq!(css, Some("../../../css/print.css"));
}

#[test]
fn print_index_lists_sheets_by_league_with_counts_and_screen_links() {
    let doc = page("print/index.html");
    let links: BTreeSet<String> = doc
        .select(&sel("main a[href]"))
        .filter_map(|a| a.value().attr("href"))
        .map(str::to_string)
        .collect();
    for (id, postings) in live_by_market() {
        assert!(
            links.contains(&format!("../print/{id}/index.html")),
            "sheet of {id}"
        );
        assert!(
            links.contains(&format!("../kiosk/{id}/index.html")),
            "screen of {id}"
        );
        let sheet = format!("../print/{id}/index.html");
        let row = doc
            .select(&sel("main tbody tr"))
            .find(|tr| {
                tr.select(&sel("a"))
                    .any(|a| a.value().attr("href") == Some(sheet.as_str()))
            })
            .expect("a row per market");
        let cells: Vec<String> = row.select(&sel("td")).map(|c| text_of(c)).collect();
        assert!(
            cells
                .iter()
                .any(|c| c.starts_with(&postings.len().to_string())),
            "{id}: {} postings in {cells:?}",
            postings.len()
        );
    }
    assert!(links.contains("../print/all/quick-hires/index.html"));
    assert!(
        doc.select(&sel("main section h2")).count() >= 10,
        "grouped by league"
    );
    for href in &links {
        assert!(
            !href.starts_with('/') && !href.contains("://"),
            "relative: {href}"
        );
    }
}

#[test]
fn market_pages_and_the_board_link_to_their_sheets() {
    let market = page(&format!("markets/{BUSIEST}/index.html"));
    let sheet = format!("../../print/{BUSIEST}/index.html");
    assert!(
        market
            .select(&sel("a[href]"))
            .any(|a| a.value().attr("href") == Some(sheet.as_str())),
        "the market page links to its sheet"
    );
    let board = page("index.html");
    assert!(
        board
            .select(&sel("a[href]"))
            .any(|a| a.value().attr("href") == Some("print/index.html")),
        "the board links to the sheets"
    );
}

#[test]
fn kiosk_screen_pages_through_postings_and_reloads_itself() {
    let live = &live_by_market()[BUSIEST];
    let doc = page(&format!("kiosk/{BUSIEST}/index.html"));
    let html = doc.root_element();
    assert_eq!(
        html.value().attr("data-seconds"),
        Some("12"),
        "default paging"
    );
    assert_eq!(
        html.value().attr("data-reload"),
        Some("600"),
        "default reload"
    );
    let screens: Vec<ElementRef> = doc.select(&sel("section.k-screen:not(.k-stale)")).collect();
    assert_eq!(
        screens.len(),
        live.len().div_ceil(6),
        "six postings a screen"
    );
    assert_eq!(
        doc.select(&sel("section.k-screen.is-current")).count(),
        1,
        "the first screen is the current one before any script runs"
    );
    let titles: Vec<String> = doc
        .select(&sel("article.k-card h2"))
        .map(|h| text_of(h))
        .collect();
    let want: Vec<String> = live.iter().map(|p| p.title.clone()).collect();
    assert_eq!(titles, want, "every posting, in board order");
    let foot = text_of(doc.select(&sel(".k-hotlines")).next().expect("hotlines"));
    assert!(
        foot.contains("0471-0000-0101") && foot.contains("0471-0000-0102"),
        "{foot}"
    );
    assert_eq!(
        refresh_seconds(&doc),
        Some(600),
        "a no-JS reload with the same period"
    );
    let script = doc
        .select(&sel("script[src]"))
        .next()
        .and_then(|s| s.value().attr("src"));
    assert_eq!(script, Some("../../js/kiosk.js"));
    assert!(doc.select(&sel("[data-clock]")).count() == 1);
    // An empty market's screen says so and still shows its lines.
    let empty = page(&format!("kiosk/{EMPTY}/index.html"));
    assert_eq!(empty.select(&sel("article.k-card")).count(), 0);
    assert!(text_of(empty.root_element()).contains("今日暂无岗位"));
    assert!(empty.select(&sel(".k-hotlines li")).count() > 0);
}

/// The period of the `<meta http-equiv="refresh">` in the page's `<noscript>`. An HTML
/// parser with scripting on (as browsers running the kiosk script) reads noscript as
/// text, so it is parsed again here, as a browser with scripting off would.
fn refresh_seconds(doc: &Html) -> Option<u64> {
    doc.select(&sel("head noscript")).find_map(|ns| {
        let inner = Html::parse_fragment(&text_of(ns));
        inner
            .select(&sel("meta[http-equiv=refresh]"))
            .next()
            .and_then(|m| m.value().attr("content"))
            .and_then(|c| c.trim().parse().ok())
    })
}

#[test]
fn kiosk_periods_come_from_site_yaml() {
    let site = TestSite::fixture("mini");
    site.edit(
        "content/site.yaml",
        "paginate: 30\n",
        "paginate: 30\nkiosk: {seconds_per_page: 8, reload_minutes: 5}\n",
    );
    site.run(&["build", "--no-minify"]).expect_code(0);
    let doc = site.html("kiosk/xincheng/index.html");
    assert_eq!(doc.root_element().value().attr("data-seconds"), Some("8"));
    assert_eq!(doc.root_element().value().attr("data-reload"), Some("300"));
    assert_eq!(refresh_seconds(&doc), Some(300));

    // A misspelt field is an error that names it, like everywhere else in site.yaml.
    site.edit(
        "content/site.yaml",
        "kiosk: {seconds_per_page: 8, reload_minutes: 5}",
        "kiosk: {seconds_per_pages: 8}",
    );
    let run = site.run(&["check"]);
    run.expect_code(1);
    run.expect_line_with(&["site.yaml", "kiosk · seconds_per_pages"]);
    site.edit(
        "content/site.yaml",
        "kiosk: {seconds_per_pages: 8}",
        "kiosk: {reload_minutes: 0}",
    );
    let run = site.run(&["check"]);
    run.expect_code(1);
    run.expect_line_with(&["site.yaml", "kiosk.reload_minutes", "at least 1"]);
}

#[test]
fn a_sheet_prints_at_most_print_max_postings_and_says_where_the_rest_are() {
    let site = TestSite::fixture("mini");
    site.run(&["build", "--no-minify"]).expect_code(0);
    let full = site.html("print/xincheng/index.html");
    let all: Vec<String> = full
        .select(&sel("tbody.job"))
        .filter_map(|r| r.value().attr("data-id").map(str::to_string))
        .collect();
    assert!(all.len() >= 2, "the fixture's busiest market has {all:?}");
    assert_eq!(full.select(&sel(".sheet-more")).count(), 0);

    site.edit(
        "content/site.yaml",
        "paginate: 30\n",
        "paginate: 30\nprint: {max_postings: 1}\n",
    );
    site.run(&["build", "--no-minify"]).expect_code(0);
    let doc = site.html("print/xincheng/index.html");
    let shown: Vec<String> = doc
        .select(&sel("tbody.job"))
        .filter_map(|r| r.value().attr("data-id").map(str::to_string))
        .collect();
    // The first in board order, as on the full sheet.
    assert_eq!(shown, all[..1]);
    let date = text_of(doc.select(&sel(".sheet-date")).next().expect("date line"));
    assert!(date.contains(&format!("{} ", all.len())), "{date}");
    let more = text_of(doc.select(&sel(".sheet-more")).next().expect("a note"));
    assert!(more.contains(&format!("{}", all.len() - 1)), "{more}");
    assert!(
        more.contains("https://gig.example.org.cn/markets/xincheng/"),
        "{more}"
    );

    site.edit(
        "content/site.yaml",
        "print: {max_postings: 1}",
        "print: {max_postings: 0}",
    );
    let run = site.run(&["check"]);
    run.expect_code(1);
    run.expect_line_with(&["site.yaml", "print.max_postings", "at least 1"]);
}

#[test]
fn without_base_url_the_sheet_says_so_and_prints_no_qr_code() {
    let site = TestSite::fixture("mini");
    site.run(&["build", "--no-minify", "--base-url", ""])
        .expect_code(0);
    let doc = site.html("print/xincheng/index.html");
    assert!(doc.select(&sel("table.jobs tbody tr")).count() > 0);
    assert_eq!(
        doc.select(&sel("table.jobs svg")).count(),
        0,
        "no posting's QR code"
    );
    // The code to the market in 高德 needs no address of the site's own.
    assert_eq!(doc.select(&sel(".nav-qr svg.qr")).count(), 1);
    assert_eq!(doc.select(&sel("th.c-qr")).count(), 0, "no QR column");
    let note = doc
        .select(&sel(".no-qr"))
        .next()
        .expect("a note saying why");
    assert!(text_of(note).contains("base_url"));
}

#[test]
fn sheets_and_screens_are_the_same_bytes_on_every_build() {
    let site = TestSite::fixture("mini");
    site.run(&["build"]).expect_code(0);
    let first = common::snapshot(&site.output());
    site.run(&["build"]).expect_code(0);
    let second = common::snapshot(&site.output());
    let pick = |t: &BTreeMap<String, Vec<u8>>| -> BTreeMap<String, Vec<u8>> {
        t.iter()
            .filter(|(k, _)| k.starts_with("print/") || k.starts_with("kiosk/"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    };
    let (a, b) = (pick(&first), pick(&second));
    assert!(
        a.len() >= 5,
        "sheets, screens and the index: {:?}",
        a.keys()
    );
    common::assert_same_tree(&a, &b);
}

// ---------------------------------------------------------------------------------
// The printed sheet, in a real browser.

/// Whether the browser tests can run: all of `tools` answer. Missing tools skip the
/// test with a loud message, or fail it when `CI` is set.
fn tools_present(test: &str, tools: &[(&str, &str)]) -> bool {
    let missing: Vec<&str> = tools
        .iter()
        .filter(|(cmd, arg)| {
            Command::new(cmd)
                .arg(arg)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_err()
        })
        .map(|(cmd, _)| *cmd)
        .collect();
    if missing.is_empty() {
        return true;
    }
    let msg = format!(
        "{test}: {} not installed (apt-get install chromium poppler-utils zbar-tools fonts-noto-cjk)",
        missing.join(", ")
    );
    if std::env::var_os("CI").is_some() {
        panic!("{msg}; CI must run the browser tests");
    }
    eprintln!("\n!!!!!!!!!!\n!!! SKIPPED {msg}\n!!!!!!!!!!\n");
    false
}

/// The browser command: `chromium` (Debian's), or `$CHROMIUM`.
fn chromium() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "chromium".into())
}

const PDF_TOOLS: &[(&str, &str)] = &[("pdfinfo", "-v"), ("pdftotext", "-v")];

/// Runs a command to the end, killing it after `limit`, and returns its stdout. It must
/// succeed unless `may_fail` (zbarimg exits 4 on a page without a code).
fn run_limited(cmd: &mut Command, limit: Duration, may_fail: bool) -> Vec<u8> {
    let shown = format!("{cmd:?}");
    let out_file = tempfile::NamedTempFile::new().expect("a temporary file");
    let mut child = cmd
        .stdout(out_file.reopen().expect("reopen the temporary file"))
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {shown}: {e}"));
    let start = Instant::now();
    loop {
        match child.try_wait().expect("wait for the child") {
            Some(status) => {
                assert!(status.success() || may_fail, "{shown} failed: {status}");
                break;
            }
            None if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("{shown} took more than {limit:?}");
            }
            None => std::thread::sleep(Duration::from_millis(100)),
        }
    }
    std::fs::read(out_file.path()).expect("read the command's output")
}

/// The sample's page `rel` printed to `name` (in the sample's folder) by headless Chromium.
fn print_sample(rel: &str, name: &str) -> PathBuf {
    let sheet = sample().join(rel);
    let pdf = sample().join(name);
    let profile = tempfile::tempdir().expect("a browser profile folder");
    run_limited(
        common::headless_chromium(chromium(), profile.path())
            .arg("--no-pdf-header-footer")
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", sheet.display())),
        Duration::from_secs(180),
        false,
    );
    assert!(pdf.is_file(), "Chromium wrote no PDF of {rel}");
    pdf
}

/// The busiest sheet printed to PDF by headless Chromium, once for this test binary.
fn busiest_pdf() -> &'static Path {
    static PDF: OnceLock<PathBuf> = OnceLock::new();
    PDF.get_or_init(|| print_sample(&format!("print/{BUSIEST}/index.html"), "busiest.pdf"))
}

/// How many postings each page's text holds: every posting prints its headcount once,
/// as 招 N 人 (squeezed: 招N人), and nothing else on a sheet reads so.
fn postings_on(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len())
        .filter(|&i| {
            chars[i] == '招' && {
                let digits = chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                digits > 0 && chars.get(i + 1 + digits) == Some(&'人')
            }
        })
        .count()
}

/// The density a notice board needs: at least 5 postings on the first page (under the
/// market's block) and at least 8 on every other page but the last.
fn assert_dense(sheet: &str, per_page: &[usize]) {
    let last = per_page.len() - 1;
    for (i, &n) in per_page.iter().enumerate() {
        let least = match i {
            _ if i == last && i > 0 => 1,
            0 => 5,
            _ => 8,
        };
        assert!(
            n >= least,
            "{sheet}: page {} holds {n} postings, fewer than {least}: {per_page:?}",
            i + 1
        );
    }
}

fn pdf_pages(pdf: &Path) -> (usize, String) {
    let info = String::from_utf8_lossy(&run_limited(
        Command::new("pdfinfo").arg(pdf),
        Duration::from_secs(60),
        false,
    ))
    .into_owned();
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in pdfinfo's output:\n{info}"));
    let size = info
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .unwrap_or_default()
        .trim()
        .to_string();
    (pages, size)
}

/// The text of page `n`, in the order Chromium drew it (`-raw`: a table cell's lines
/// stay together, where the default reading order mixes neighbouring cells).
fn page_text(pdf: &Path, n: usize) -> String {
    let n = n.to_string();
    let bytes = run_limited(
        Command::new("pdftotext")
            .args(["-raw", "-f", &n, "-l", &n])
            .arg(pdf)
            .arg("-"),
        Duration::from_secs(60),
        false,
    );
    squeeze(&String::from_utf8_lossy(&bytes))
}

#[test]
fn busiest_sheet_prints_on_a4_with_headers_on_every_page_and_no_posting_split() {
    let test = "busiest_sheet_prints_on_a4";
    let browser = chromium();
    let mut tools = vec![(browser.as_str(), "--version")];
    tools.extend_from_slice(PDF_TOOLS);
    if !tools_present(test, &tools) {
        return;
    }
    let pdf = busiest_pdf();
    let (pages, size) = pdf_pages(pdf);
    assert!(size.contains("(A4)"), "A4 paper: {size}");
    let live = &live_by_market()[BUSIEST];
    assert!(pages > 1, "39 postings take more than one page");
    assert!(pages <= 5, "39 postings on {pages} A4 pages, more than 5");
    let texts: Vec<String> = (1..=pages).map(|n| page_text(pdf, n)).collect();
    let per_page: Vec<usize> = texts.iter().map(|t| postings_on(t)).collect();
    assert_eq!(
        per_page.iter().sum::<usize>(),
        live.len(),
        "each posting's headcount once: {per_page:?}"
    );
    assert_dense(BUSIEST, &per_page);
    let header = ["岗位", "工资·人数·开工", "地点·联系电话", "扫码看详情"];
    for (i, text) in texts.iter().enumerate() {
        for h in header {
            assert!(text.contains(h), "page {}: header {h:?} missing", i + 1);
        }
        assert!(
            text.contains("求职不收费、不交押金"),
            "page {}: no-fee notice",
            i + 1
        );
        assert!(
            text.contains("0471-0000-0102"),
            "page {}: complaint line",
            i + 1
        );
        assert!(
            text.contains(&format!("第{}页/共{pages}页", i + 1)),
            "page {}: page number",
            i + 1
        );
        assert!(
            !text.contains("A4纸"),
            "page {}: the screen-only line printed",
            i + 1
        );
        assert!(
            !text.contains(PRINT_BUTTON),
            "page {}: the print button printed",
            i + 1
        );
    }
    let mut title_count: BTreeMap<&str, usize> = BTreeMap::new();
    for Live { title, .. } in live {
        *title_count.entry(title.as_str()).or_default() += 1;
    }
    for Live { id, title, phone } in live {
        let t = squeeze(title);
        let on: Vec<usize> = (0..pages).filter(|&i| texts[i].contains(&t)).collect();
        assert!(!on.is_empty(), "{id}: title {title:?} printed nowhere");
        let unique = title_count[title.as_str()] == 1
            && live
                .iter()
                .all(|other| &other.title == title || !other.title.contains(title.as_str()));
        if unique {
            assert_eq!(on.len(), 1, "{id}: {title:?} on pages {on:?}");
        }
        if let Some(phone) = phone {
            let p = squeeze(phone);
            assert!(
                on.iter().any(|&i| texts[i].contains(&p)),
                "{id}: the phone {phone} is not on the page of its title {on:?}"
            );
        }
    }
}

#[test]
fn region_quick_hire_sheet_prints_as_densely() {
    let test = "region_quick_hire_sheet_prints_as_densely";
    let browser = chromium();
    let mut tools = vec![(browser.as_str(), "--version")];
    tools.extend_from_slice(PDF_TOOLS);
    if !tools_present(test, &tools) {
        return;
    }
    let rel = "print/all/quick-hires/index.html";
    let quick = page(rel).select(&sel("table.jobs tbody.job")).count();
    assert!(
        quick > 30,
        "the sample has 43 quick hires today, not {quick}"
    );
    let pdf = print_sample(rel, "quick-hires.pdf");
    let (pages, size) = pdf_pages(&pdf);
    assert!(size.contains("(A4)"), "A4 paper: {size}");
    assert!(
        pages <= quick.div_ceil(8) + 1,
        "{quick} quick hires on {pages} A4 pages"
    );
    let texts: Vec<String> = (1..=pages).map(|n| page_text(&pdf, n)).collect();
    let per_page: Vec<usize> = texts.iter().map(|t| postings_on(t)).collect();
    assert_eq!(per_page.iter().sum::<usize>(), quick, "{per_page:?}");
    assert_dense("the quick-hire sheet", &per_page);
    for (i, text) in texts.iter().enumerate() {
        for must in ["扫码看详情", "求职不收费、不交押金", "12345"] {
            assert!(text.contains(must), "page {}: {must:?} missing", i + 1);
        }
        assert!(
            text.contains(&format!("第{}页/共{pages}页", i + 1)),
            "page {}: page number",
            i + 1
        );
        assert!(!text.contains(PRINT_BUTTON), "page {}: the button", i + 1);
    }
}

#[test]
fn qr_codes_on_the_printed_sheet_open_live_posting_pages() {
    let test = "qr_codes_on_the_printed_sheet";
    let browser = chromium();
    let mut tools = vec![
        (browser.as_str(), "--version"),
        ("pdftoppm", "-v"),
        ("zbarimg", "--version"),
    ];
    tools.extend_from_slice(PDF_TOOLS);
    if !tools_present(test, &tools) {
        return;
    }
    let pdf = busiest_pdf();
    let (pages, _) = pdf_pages(pdf);
    let live = &live_by_market()[BUSIEST];
    let ids: BTreeSet<&str> = live.iter().map(|p| p.id.as_str()).collect();
    let png_dir = tempfile::tempdir().expect("a folder for the page images");
    let mut seen: Vec<String> = Vec::new();
    // 扫码导航: the market in 高德, as its page links to it, once, on the first page.
    let mut navigation: Vec<(usize, String)> = Vec::new();
    for n in 1..=pages {
        let ns = n.to_string();
        let prefix = png_dir.path().join(format!("p{n}"));
        run_limited(
            Command::new("pdftoppm")
                .args(["-r", "150", "-png", "-singlefile", "-f", &ns, "-l", &ns])
                .arg(pdf)
                .arg(&prefix),
            Duration::from_secs(120),
            false,
        );
        let png = prefix.with_extension("png");
        let decoded = String::from_utf8_lossy(&run_limited(
            Command::new("zbarimg").args(["--raw", "-q"]).arg(&png),
            Duration::from_secs(120),
            true,
        ))
        .into_owned();
        let text = page_text(pdf, n);
        for url in decoded.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if url.starts_with("https://uri.amap.com/") {
                navigation.push((n, url.to_string()));
                continue;
            }
            let id = url
                .strip_prefix(BASE)
                .and_then(|rest| rest.strip_prefix("jobs/"))
                .and_then(|rest| rest.strip_suffix('/'))
                .unwrap_or_else(|| panic!("page {n}: {url} is not {BASE}jobs/<id>/"));
            assert!(
                ids.contains(id),
                "page {n}: {id} is not a live posting of {BUSIEST}"
            );
            assert!(
                sample().join(format!("jobs/{id}/index.html")).is_file(),
                "page {n}: the code opens {url}, which the build did not write"
            );
            // The code is on the same page as the posting it belongs to.
            let Live { title, phone, .. } = live.iter().find(|p| p.id == id).expect("live");
            assert!(
                text.contains(&squeeze(title)),
                "page {n}: {id}'s code without its title"
            );
            if let Some(phone) = phone {
                assert!(
                    text.contains(&squeeze(phone)),
                    "page {n}: {id}'s code without its phone"
                );
            }
            seen.push(id.to_string());
        }
    }
    let market_page = page(&format!("markets/{BUSIEST}/index.html"));
    let amap = market_page
        .select(&sel(".directions a"))
        .next()
        .and_then(|a| a.value().attr("href"))
        .expect("the market page's 高德 link")
        .to_string();
    assert_eq!(navigation, [(1, amap)], "the sheet's 扫码导航 code");
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), seen.len(), "a code printed twice: {seen:?}");
    assert_eq!(
        seen.len(),
        live.len(),
        "one readable code per posting on the sheet; read: {seen:?}"
    );
}

/// The text of a PDF page's QR codes, from a 150 dpi render.
fn codes_on(pdf: &Path, n: usize, dir: &Path) -> Vec<String> {
    let ns = n.to_string();
    let prefix = dir.join(format!("codes{n}"));
    run_limited(
        Command::new("pdftoppm")
            .args(["-r", "150", "-png", "-singlefile", "-f", &ns, "-l", &ns])
            .arg(pdf)
            .arg(&prefix),
        Duration::from_secs(120),
        false,
    );
    String::from_utf8_lossy(&run_limited(
        Command::new("zbarimg")
            .args(["--raw", "-q"])
            .arg(prefix.with_extension("png")),
        Duration::from_secs(120),
        true,
    ))
    .lines()
    .map(|l| l.trim().to_string())
    .filter(|l| !l.is_empty())
    .collect()
}

#[test]
fn the_entrance_poster_prints_on_one_page_with_both_codes_and_large_type() {
    let test = "entrance poster";
    let browser = chromium();
    let mut tools = vec![
        (browser.as_str(), "--version"),
        ("pdftoppm", "-v"),
        ("zbarimg", "--version"),
    ];
    tools.extend_from_slice(PDF_TOOLS);
    if !tools_present(test, &tools) {
        return;
    }
    // Listed on /print/ and linked from the market's page.
    let index = page("print/index.html");
    let want = format!("{BUSIEST}/poster/index.html");
    assert!(
        index
            .select(&sel("table.sheet-list a"))
            .any(|a| a.value().attr("href").is_some_and(|h| h.ends_with(&want))),
        "the poster is listed on /print/"
    );
    let doc = page(&format!("print/{BUSIEST}/poster/index.html"));
    let market_page = page(&format!("markets/{BUSIEST}/index.html"));
    let amap = market_page
        .select(&sel("main .directions a"))
        .filter_map(|a| a.value().attr("href"))
        .find(|h| h.starts_with("https://uri.amap.com/"))
        .expect("the market's 高德 link")
        .replace("&amp;", "&");
    // Each phone of the market and of the site, and the week's hours, in words.
    let text = squeeze(&text_of(doc.root_element()));
    for number in [
        "0471-0000-0101",
        "0471-0000-0102",
        "0471-0000-0103",
        "0471-0000-0104",
        "12333",
    ] {
        assert!(text.contains(number), "{number} on the poster");
    }
    assert!(
        text.contains(&squeeze("星期一至星期五 06:00–11:30，14:00–18:00")),
        "{text}"
    );
    assert!(text.contains("求职不收费"));
    let dir = tempfile::tempdir().expect("a folder");
    for (size, path, width_mm) in [
        ("A4", format!("print/{BUSIEST}/poster/index.html"), 210.0),
        ("A3", format!("print/{BUSIEST}/poster/a3/index.html"), 297.0),
    ] {
        let pdf = dir.path().join(format!("poster-{size}.pdf"));
        let profile = tempfile::tempdir().expect("a browser profile folder");
        run_limited(
            common::headless_chromium(chromium(), profile.path())
                .arg("--no-pdf-header-footer")
                .arg(format!("--print-to-pdf={}", pdf.display()))
                .arg(format!("file://{}", sample().join(&path).display())),
            Duration::from_secs(180),
            false,
        );
        let (pages, page_size) = pdf_pages(&pdf);
        assert_eq!(pages, 1, "{size}: one page");
        let points: f64 = page_size
            .split_whitespace()
            .next()
            .and_then(|w| w.parse().ok())
            .expect("a width");
        assert!(
            (points / 72.0 * 25.4 - width_mm).abs() < 2.0,
            "{size}: {page_size}"
        );
        let codes = codes_on(&pdf, 1, dir.path());
        assert!(
            codes.contains(&format!("{BASE}markets/{BUSIEST}/")),
            "{size}: 扫码看今日岗位 {codes:?}"
        );
        assert!(
            codes.contains(&amap),
            "{size}: 扫码导航 {codes:?} (want {amap})"
        );
        // Legible from two metres on A4: the name at 48 pt or more (a Chinese character
        // is one em wide), hours and phones at 24 pt or more.
        if size == "A4" {
            let name = word_widths(&pdf, "新城区零工市场");
            assert!(
                name.iter().any(|w| w / 7.0 >= 47.5),
                "the name: {name:?} pt wide"
            );
            let days = word_widths(&pdf, "星期六");
            assert!(days.iter().any(|w| w / 3.0 >= 23.8), "the hours: {days:?}");
            let label = word_widths(&pdf, "投诉电话");
            assert!(
                label.iter().any(|w| w / 4.0 >= 23.8),
                "the phones: {label:?}"
            );
        }
    }
}

/// The width in points of each word on page 1 that is exactly `word` (pdftotext's boxes).
fn word_widths(pdf: &Path, word: &str) -> Vec<f64> {
    let bbox = String::from_utf8_lossy(&run_limited(
        Command::new("pdftotext")
            .args(["-bbox", "-f", "1", "-l", "1"])
            .arg(pdf)
            .arg("-"),
        Duration::from_secs(60),
        false,
    ))
    .into_owned();
    let attr = |line: &str, name: &str| -> f64 {
        line.split(&format!("{name}=\""))
            .nth(1)
            .and_then(|v| v.split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0)
    };
    bbox.lines()
        .filter(|l| l.contains(&format!(">{word}</word>")))
        .map(|l| attr(l, "xMax") - attr(l, "xMin"))
        .collect()
}
