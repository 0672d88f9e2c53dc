//! One page of each family, whole, as a reviewed snapshot (insta): a change to a template,
//! a view or a string shows as a diff of the pages it changes, to be read and accepted
//! (`INSTA_UPDATE=always cargo test --test snapshots`, then review `git diff`) rather than
//! slipping past tests that look at one element. The sample is built with its pinned day
//! and without minifying; each tag starts a line, so that a diff names the element.

mod common;

use std::path::Path;
use std::sync::OnceLock;

fn sample() -> &'static Path {
    static OUT: OnceLock<tempfile::TempDir> = OnceLock::new();
    OUT.get_or_init(|| common::build_sample(&["--no-minify"]))
        .path()
        .join("output")
        .leak()
}

/// The page with a line break before each tag.
fn page(rel: &str) -> String {
    let text = std::fs::read_to_string(sample().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    text.replace("><", ">\n<")
}

/// The first posting's page of the board (live) and the first closed one's, by path.
fn postings() -> (String, String) {
    let data: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(sample().join("jobs.json")).expect("jobs.json"),
    )
    .expect("JSON");
    let live = data["postings"][0]["path"]
        .as_str()
        .expect("a live posting")
        .to_string();
    let mut pages: Vec<String> = common::files_under(&sample().join("jobs"))
        .into_iter()
        .filter(|f| f.ends_with("/index.html") && f.matches('/').count() == 1)
        .collect();
    pages.sort();
    let closed = pages
        .into_iter()
        .map(|f| format!("jobs/{f}"))
        .find(|f| page(f).contains(r#"<meta name="robots" content="noindex">"#))
        .expect("a closed posting's page");
    (live, closed)
}

macro_rules! snapshot {
    ($name:ident, $path:expr) => {
        #[test]
        fn $name() {
            let path: String = $path.into();
            insta::assert_snapshot!(stringify!($name), page(&path), &path);
        }
    };
}

snapshot!(board, "index.html");
snapshot!(job_list, "jobs/index.html");
snapshot!(posting, postings().0);
snapshot!(closed_posting, postings().1);
snapshot!(categories, "categories/index.html");
snapshot!(category, "categories/cleaning/index.html");
snapshot!(regions, "regions/index.html");
snapshot!(league, "regions/150200/index.html");
snapshot!(county, "regions/150200/150202/index.html");
snapshot!(markets, "markets/index.html");
snapshot!(market, "markets/baotou-donghe/index.html");
snapshot!(markdown_page, "about/index.html");
snapshot!(not_found, "404.html");
snapshot!(daily_sheet, "print/baotou-donghe/index.html");
snapshot!(poster, "print/baotou-donghe/poster/index.html");
snapshot!(kiosk, "kiosk/baotou-donghe/index.html");
snapshot!(map, "map/index.html");
snapshot!(status, "reports/status/index.html");
snapshot!(search, "search/index.html");
snapshot!(events, "events/index.html");
snapshot!(event, "events/hohhot-xincheng-fair-2026-12/index.html");
snapshot!(training, "training/index.html");
snapshot!(help, "help/index.html");
