//! Issue "The editor's day": `init` makes a site that builds as it is; `new posting`
//! and `new market` write templates that pass `check`; `init` never overwrites.

mod common;

use common::gigboard;

/// The day every command here runs on: never the real clock's.
const DAY: &str = "2026-12-01";

fn root_arg(dir: &std::path::Path) -> &str {
    dir.to_str().expect("utf8 path")
}

#[test]
fn init_makes_a_site_that_builds_as_it_is() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("county-site");
    gigboard(&["init", root_arg(&site), "--date", DAY]).expect_code(0);
    for f in [
        "content/site.yaml",
        "content/regions.yaml",
        "README.md",
        "content/pages/employers.md",
    ] {
        assert!(site.join(f).exists(), "{f}");
    }
    assert_eq!(
        std::fs::read_dir(site.join("content/markets"))
            .expect("markets")
            .count(),
        1
    );
    gigboard(&["check", "--root", root_arg(&site), "--date", DAY]).expect_code(0);
    gigboard(&["build", "--root", root_arg(&site), "--date", DAY]).expect_code(0);
    gigboard(&["build", "--root", root_arg(&site), "--date", DAY]).expect_code(0);
    // What the builds and the check made beside the content is all in .gitignore.
    let ignored = std::fs::read_to_string(site.join(".gitignore")).expect(".gitignore");
    for entry in std::fs::read_dir(&site).expect("the site folder") {
        let name = entry
            .expect("an entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        let listed = ignored
            .lines()
            .any(|pattern| match pattern.strip_suffix('*') {
                Some(prefix) => name.starts_with(prefix),
                None => pattern.trim_end_matches('/') == name,
            });
        assert!(
            listed || ["content", "README.md", ".gitignore"].contains(&name.as_str()),
            "{name} is made by gigboard but not ignored"
        );
    }
    let board = std::fs::read_to_string(site.join("output/index.html")).expect("board");
    assert!(
        board.contains("小区楼道保洁"),
        "the two sample postings are live today"
    );
    let jobs = std::fs::read_dir(site.join("output/jobs"))
        .expect("jobs")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name() != "page" && e.file_name() != "index.html")
        })
        .count();
    assert_eq!(jobs, 2);
}

#[test]
fn init_with_the_whole_region_lists_all_103_counties() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("region");
    gigboard(&[
        "init",
        root_arg(&site),
        "--region",
        "inner-mongolia",
        "--date",
        DAY,
    ])
    .expect_code(0);
    let regions = std::fs::read_to_string(site.join("content/regions.yaml")).expect("regions");
    assert_eq!(regions.matches("wage_class").count(), 103);
    gigboard(&["build", "--root", root_arg(&site), "--date", DAY]).expect_code(0);
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(tmp.path().join("notes.txt"), "keep me").expect("write");
    let run = gigboard(&["init", root_arg(tmp.path())]);
    run.expect_code(2);
    assert!(run.stderr.contains("not empty"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("notes.txt")).expect("kept"),
        "keep me"
    );
}

#[test]
fn new_posting_and_new_market_pass_check() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("s");
    gigboard(&["init", root_arg(&site), "--date", DAY]).expect_code(0);
    let market = std::fs::read_dir(site.join("content/markets"))
        .expect("markets")
        .filter_map(Result::ok)
        .map(|e| {
            e.path()
                .file_stem()
                .expect("stem")
                .to_string_lossy()
                .into_owned()
        })
        .next()
        .expect("one market");
    let first = gigboard(&[
        "new",
        "posting",
        "--market",
        &market,
        "--root",
        root_arg(&site),
        "--date",
        DAY,
    ]);
    first.expect_code(0);
    let feed = std::path::PathBuf::from(first.stdout.trim());
    assert!(
        feed.ends_with(format!("content/jobs/{market}/2026-12-01.yaml")),
        "{}",
        feed.display()
    );
    let second = gigboard(&[
        "new",
        "posting",
        "--market",
        &market,
        "--root",
        root_arg(&site),
        "--date",
        DAY,
    ]);
    second.expect_code(0);
    let text = std::fs::read_to_string(&feed).expect("feed");
    assert!(
        text.contains(&format!("\"{market}-20261201-01\""))
            && text.contains(&format!("\"{market}-20261201-02\"")),
        "fresh ids:\n{text}"
    );
    let check = gigboard(&["check", "--root", root_arg(&site), "--date", DAY]);
    check.expect_code(0);
    assert!(
        check.stderr.contains("not verified"),
        "a new posting waits for verification: {}",
        check.stderr
    );

    let new_market = gigboard(&[
        "new",
        "market",
        "--county",
        "150103",
        "--root",
        root_arg(&site),
    ]);
    new_market.expect_code(0);
    assert!(site.join("content/markets/market-150103.yaml").exists());
    gigboard(&["check", "--root", root_arg(&site), "--date", DAY]).expect_code(0);
    gigboard(&[
        "new",
        "market",
        "--county",
        "999999",
        "--root",
        root_arg(&site),
    ])
    .expect_code(2);
    gigboard(&[
        "new",
        "posting",
        "--market",
        "nope",
        "--root",
        root_arg(&site),
    ])
    .expect_code(2);
}

#[test]
fn init_and_new_date_what_they_write_by_the_site_s_today() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("s");
    gigboard(&["init", root_arg(&site), "--date", "2030-01-02"]).expect_code(0);
    let feed = site.join("content/jobs/market-150102/2030-01-02.yaml");
    let text = std::fs::read_to_string(&feed).expect("init's feed is dated by --date");
    assert!(text.contains("posted: 2030-01-02"), "{text}");
    assert!(text.contains("on: 2030-01-02"), "{text}");
    assert!(text.contains("expires: 2030-01-05"), "{text}");

    // A `date:` pinned in site.yaml is the day `new posting` writes, without --date.
    let config = site.join("content/site.yaml");
    let mut yaml = std::fs::read_to_string(&config).expect("site.yaml");
    yaml.push_str("\ndate: 2031-03-04\n");
    std::fs::write(&config, yaml).expect("pin the date");
    let added = gigboard(&[
        "new",
        "posting",
        "--market",
        "market-150102",
        "--root",
        root_arg(&site),
    ]);
    added.expect_code(0);
    assert!(
        added
            .stdout
            .trim()
            .ends_with("content/jobs/market-150102/2031-03-04.yaml"),
        "{}",
        added.stdout
    );
    let text = std::fs::read_to_string(added.stdout.trim()).expect("new feed");
    assert!(text.contains("posted: 2031-03-04"), "{text}");
    // --date wins over the pinned date.
    let added = gigboard(&[
        "new",
        "posting",
        "--market",
        "market-150102",
        "--root",
        root_arg(&site),
        "--date",
        "2031-03-05",
    ]);
    added.expect_code(0);
    assert!(added.stdout.trim().ends_with("2031-03-05.yaml"));
    gigboard(&["check", "--root", root_arg(&site)]).expect_code(0);
}
