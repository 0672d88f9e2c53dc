//! `gigboard check` run again, as an editor does after each change: it remembers what it
//! found in each feed (in the user's cache folder, never in the site) and reads only
//! the feeds that changed, yet reports exactly what a first check reports.

mod common;

use common::{Run, TestSite, run_with_cache};
use std::path::{Path, PathBuf};
use std::time::Duration;

const TODAY: &str = "2026-11-27";
const NEW_FEED: &str = "content/jobs/new.yaml";

/// A feed of the `xincheng` market with a hype word in a title (a warning).
const FEED: &str = r#"market: xincheng
postings:
  - id: "new-01"
    title: 高薪小区绿化养护
    category: cleaning
    employer: {name: 测试园林有限公司, kind: company}
    pay: {amount: 200, unit: day}
    headcount: 2
    posted: 2026-11-27
    expires: 2026-11-29
    contact: {name: 周师傅, phone: "138-0000-0301"}
    verified: {by: 新城区审核员, on: 2026-11-27}
"#;

/// The mini site and the new feed, old enough to be remembered (a file saved within
/// the last second is always read again).
fn settled_site(feed: &str) -> TestSite {
    let site = TestSite::fixture("mini");
    site.write(NEW_FEED, feed);
    std::thread::sleep(Duration::from_millis(1100));
    site
}

/// The cache folder of this site's checks: one per test site, so tests never share a
/// store (under the tests' own cache folder in `target/`).
fn cache_of(site: &TestSite) -> PathBuf {
    common::test_cache().join(site.root().file_name().expect("a named folder"))
}

fn check(site: &TestSite, args: &[&str]) -> Run {
    let mut all: Vec<&std::ffi::OsStr> = ["check", "--date", TODAY, "--root"]
        .iter()
        .map(|a| a.as_ref())
        .collect();
    all.push(site.root().as_os_str());
    all.extend(args.iter().map(|a| std::ffi::OsStr::new(*a)));
    run_with_cache(&all, &cache_of(site))
}

/// The one store file in the site's cache folder.
fn store(site: &TestSite) -> PathBuf {
    let dir = cache_of(site).join("gigboard");
    let files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("no {}: {e}", dir.display()))
        .map(|e| e.expect("an entry").path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

/// Every name in a folder.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list a folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// Every problem line, in the order printed.
fn problems(run: &Run) -> Vec<&str> {
    run.stderr
        .lines()
        .filter(|l| l.contains(": error: ") || l.contains(": warning: "))
        .collect()
}

#[test]
fn a_second_check_reads_only_what_changed_and_reports_the_same() {
    let site = settled_site(FEED);
    let first = check(&site, &[]);
    first.expect_code(0);
    assert!(!first.stderr.contains("unchanged"), "{}", first.stderr);
    assert!(store(&site).is_file());
    // The site's folder holds what it held: the store is in the cache folder.
    assert_eq!(names(site.root()), ["content"]);
    let hype = first.expect_line_with(&["new.yaml:4:12: warning:", "高薪"]);
    // The fixture's own unverified posting is warned about too (its expired one is
    // counted in the summary).
    assert_eq!(problems(&first).len(), 2, "{}", first.stderr);

    let again = check(&site, &[]);
    again.expect_code(0);
    assert_eq!(problems(&again), problems(&first));
    assert!(again.stderr.contains(hype));
    again.expect_line_with(&["3 of 3 feed files unchanged since the last check"]);
    // The summary's counts come from what was remembered.
    let counts = |r: &Run| {
        r.stderr
            .lines()
            .find(|l| l.starts_with("checked:"))
            .map(|l| l.split(';').next().unwrap_or_default().to_string())
    };
    assert_eq!(counts(&again), counts(&first));

    let json_first = check(&site, &["--format", "json"]);
    std::fs::remove_file(store(&site)).expect("the store can be deleted");
    let json_fresh = check(&site, &["--format", "json"]);
    assert_eq!(json_first.stdout, json_fresh.stdout);
}

#[test]
fn remembered_errors_still_fail_the_check_and_ids_are_compared_across_files() {
    // A fee asked of workers (an error in this feed) and an id another feed already uses
    // (an error found across files).
    let feed = FEED
        .replace("高薪小区绿化养护", "小区绿化养护，入职交押金300元")
        .replace("\"new-01\"", "\"xincheng-20261127-01\"");
    let site = settled_site(&feed);
    let first = check(&site, &[]);
    first.expect_code(1);
    first.expect_line_with(&["new.yaml", "error", "押金"]);
    first.expect_line_with(&["new.yaml", "error", "already used"]);

    let again = check(&site, &[]);
    again.expect_code(1);
    assert_eq!(problems(&again), problems(&first));
}

#[test]
fn an_edit_that_keeps_the_size_and_modification_time_is_still_seen() {
    let site = settled_site(FEED);
    check(&site, &[]).expect_code(0);
    let path = site.path(NEW_FEED);
    let modified = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .expect("the feed's modification time");
    // 保录 is as long as 高薪 in UTF-8; the clock is then set back as a copy tool might.
    site.edit(NEW_FEED, "高薪", "保录");
    std::fs::File::options()
        .write(true)
        .open(&path)
        .and_then(|f| f.set_modified(modified))
        .expect("set the modification time back");

    let after = check(&site, &[]);
    after.expect_code(0);
    after.expect_line_with(&["new.yaml:4:12: warning:", "保录"]);
    assert!(!after.stderr.contains("高薪"), "{}", after.stderr);
    after.expect_line_with(&["2 of 3 feed files unchanged since the last check"]);
}

#[test]
fn a_change_to_the_settings_markets_or_date_checks_every_feed_again() {
    let site = settled_site(FEED);
    check(&site, &[]).expect_code(0);

    // Another "today": postings expire, and nothing remembered is reused.
    let mut args = vec!["check", "--date", "2026-12-31", "--root"];
    let root = site.root().to_str().expect("a UTF-8 path").to_string();
    args.push(&root);
    let later = run_with_cache(&args, &cache_of(&site));
    later.expect_code(0);
    assert!(!later.stderr.contains("unchanged"), "{}", later.stderr);
    later.expect_line_with(&["content/jobs: warning:", "gigboard archive"]);

    // A market renamed (its file; the feeds are not touched) is checked against.
    check(&site, &[]).expect_code(0);
    std::fs::rename(
        site.path("content/markets/xincheng.yaml"),
        site.path("content/markets/xincheng-new.yaml"),
    )
    .expect("rename the market's file");
    let renamed = check(&site, &[]);
    renamed.expect_code(1);
    renamed.expect_line_with(&["new.yaml", "error", "market `xincheng` does not exist"]);
}

#[test]
fn the_store_serves_the_site_however_its_folder_is_named() {
    let site = settled_site(FEED);
    check(&site, &[]).expect_code(0);
    let parent = site.root().parent().expect("the site's parent folder");
    let name = site.root().file_name().expect("the site's folder name");
    let out = std::process::Command::new(common::GIGBOARD)
        .current_dir(parent)
        .env("XDG_CACHE_HOME", cache_of(&site))
        .env("GIGBOARD_LANG", "en")
        .args(["check", "--date", TODAY, "--root"])
        .arg(name)
        .output()
        .expect("gigboard runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("3 of 3 feed files unchanged since the last check"),
        "{stderr}"
    );
}

#[test]
fn a_damaged_store_is_ignored_and_replaced() {
    let site = settled_site(FEED);
    let first = check(&site, &[]);
    std::fs::write(store(&site), "{\"format\": 1, \"key\": ").expect("damage the store");
    let damaged = check(&site, &[]);
    damaged.expect_code(0);
    assert_eq!(problems(&damaged), problems(&first));
    assert!(!damaged.stderr.contains("unchanged"), "{}", damaged.stderr);
    let stored: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(store(&site)).expect("the store"))
            .expect("a whole store again");
    assert!(stored["feeds"].as_object().is_some_and(|f| f.len() == 3));
}
