//! Issue "The editor's day": `init` makes a site that builds as it is; `new posting`
//! and `new market` write templates that pass `check`; `init` never overwrites.

mod common;

use common::gigboard;

fn root_arg(dir: &std::path::Path) -> &str {
    dir.to_str().expect("utf8 path")
}

#[test]
fn init_makes_a_site_that_builds_as_it_is() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("county-site");
    gigboard(&["init", root_arg(&site)]).expect_code(0);
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
    gigboard(&["check", "--root", root_arg(&site)]).expect_code(0);
    gigboard(&["build", "--root", root_arg(&site)]).expect_code(0);
    gigboard(&["build", "--root", root_arg(&site)]).expect_code(0);
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
    gigboard(&["init", root_arg(&site), "--region", "inner-mongolia"]).expect_code(0);
    let regions = std::fs::read_to_string(site.join("content/regions.yaml")).expect("regions");
    assert_eq!(regions.matches("wage_class").count(), 103);
    gigboard(&["build", "--root", root_arg(&site)]).expect_code(0);
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
    gigboard(&["init", root_arg(&site)]).expect_code(0);
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
        "2026-12-01",
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
        "2026-12-01",
    ]);
    second.expect_code(0);
    let text = std::fs::read_to_string(&feed).expect("feed");
    assert!(
        text.contains(&format!("\"{market}-20261201-01\""))
            && text.contains(&format!("\"{market}-20261201-02\"")),
        "fresh ids:\n{text}"
    );
    let check = gigboard(&["check", "--root", root_arg(&site), "--date", "2026-12-01"]);
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
    gigboard(&["check", "--root", root_arg(&site), "--date", "2026-12-01"]).expect_code(0);
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
