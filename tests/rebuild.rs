//! A rebuild changes only what changed, so that an upload to cheap hosting (rsync, an
//! object-store sync, FTP) sends only that: a file with the same bytes stays the same
//! file (inode and modification time), and a posting's page does not depend on the day
//! it is built (the day it shows comes from `js/as-of.js`).

mod common;

use common::TestSite;
use std::collections::BTreeMap;

#[cfg(unix)]
fn stamps(site: &TestSite) -> BTreeMap<String, (u64, i64, i64)> {
    use std::os::unix::fs::MetadataExt;
    site.output_files()
        .into_iter()
        .map(|rel| {
            let m = std::fs::metadata(site.output().join(&rel)).expect("a file");
            (rel, (m.ino(), m.mtime(), m.mtime_nsec()))
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn a_rebuild_leaves_every_unchanged_file_as_it_was() {
    let site = TestSite::fixture("mini");
    site.run(&["build"]).expect_code(0);
    site.run(&["build"]).expect_code(0);
    let before = stamps(&site);
    site.edit(
        "content/jobs/xincheng.yaml",
        "title: 小区楼道保洁",
        "title: 小区楼道保洁（急招）",
    );
    site.run(&["build"]).expect_code(0);
    let after = stamps(&site);
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>()
    );
    let rewritten: Vec<&String> = after
        .iter()
        .filter(|(rel, s)| before[*rel] != **s)
        .map(|(rel, _)| rel)
        .collect();
    let page = "jobs/xincheng-20261127-01/index.html";
    assert!(
        site.output_text(page).contains("小区楼道保洁（急招）"),
        "the edited posting is rebuilt"
    );
    assert!(rewritten.iter().any(|r| *r == page), "{rewritten:?}");
    for kept in [
        "jobs/xincheng-20261127-02/index.html",
        "map/index.html",
        "css/site.css",
    ] {
        assert_eq!(before[kept], after[kept], "{kept} is the same file");
    }
    // Only the files that show the edited title were written anew.
    for rel in &rewritten {
        assert!(
            site.output_text(rel).contains("急招"),
            "{rel} was rewritten but does not show the edit"
        );
    }
    assert!(rewritten.len() * 3 < after.len(), "{rewritten:?}");
}

#[test]
fn a_postings_page_is_the_same_file_the_next_day() {
    let site = TestSite::fixture("mini");
    site.run(&["build", "--date", "2026-11-27"]).expect_code(0);
    let page = "jobs/xincheng-20261127-02/index.html";
    let first = site.output_text(page);
    assert_eq!(
        site.output_text("js/as-of.js"),
        "window.GIGBOARD_AS_OF=\"2026-11-27\";\n"
    );
    site.run(&["build", "--date", "2026-11-28"]).expect_code(0);
    assert_eq!(
        site.output_text(page),
        first,
        "a posting live on both days: the same bytes"
    );
    assert_eq!(
        site.output_text("js/as-of.js"),
        "window.GIGBOARD_AS_OF=\"2026-11-28\";\n"
    );
    // The day is in the page's own words for a date, for the script to fill in.
    let html = scraper::Html::parse_document(&first);
    let line = html
        .select(&scraper::Selector::parse("p.today").expect("selector"))
        .next()
        .expect("the date line");
    assert!(
        line.value().attr("hidden").is_some(),
        "shown once filled in"
    );
    assert_eq!(
        line.value().attr("data-format"),
        Some("{y}年{m}月{d}日 {w}")
    );
    assert!(first.contains("js/as-of.js"));
    // The market's hours as a week, not today's.
    assert!(!first.contains("今日开放"), "no day's hours");
    let hours = html
        .select(&scraper::Selector::parse("#market-h + p + p").expect("selector"))
        .next()
        .map(|p| p.text().collect::<String>())
        .unwrap_or_default();
    assert!(hours.starts_with("开放时间：星期一"), "{hours}");
    // The board does change: it is the day's.
    assert!(site.output_text("index.html").contains("2026-11-28"));
}
