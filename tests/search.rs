//! Search on a phone (issue #27): the page loads a small entry file, then only the lists
//! of the query's keys and the records of the results it shows, by `<script>` from
//! `file://`. In Chromium (`tests/browser/search.mjs`), every query's results — their
//! order and count — equal a plain substring search over the index's own records and
//! jobs.json's filters, and the files asked for before the first result are the entry,
//! one list a key and one record file.

mod common;

use common::browser::{browser_tools, require, run_script, runs};
use common::gigboard;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A posting as search sees it: its address, the text searched, and its filters.
struct Posting {
    path: String,
    text: String,
    category: String,
    county: String,
    unit: String,
}

/// The part data of a search file: what its `GIGBOARD_SEARCH_PART(name, data)` call holds.
fn part(file: &Path) -> Value {
    let text = std::fs::read_to_string(file).expect("a search file");
    let start = text.find(',').expect("name, data") + 1;
    let end = text.rfind(");").expect("the call ends");
    serde_json::from_str(&text[start..end]).expect("the data is JSON")
}

/// Every posting of the index, in its order (board order), from its record files.
fn postings(out: &Path) -> Vec<Posting> {
    let entry = std::fs::read_to_string(out.join("search/index.js")).expect("entry");
    let entry: Value = serde_json::from_str(
        entry
            .trim()
            .trim_start_matches("window.GIGBOARD_SEARCH=")
            .trim_end_matches(';'),
    )
    .expect("the entry is JSON");
    let count = entry["n"].as_u64().expect("n") as usize;
    let block = entry["b"].as_u64().expect("b") as usize;
    let jobs: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("jobs.json")).expect("jobs.json"))
            .expect("JSON");
    let by_path: HashMap<&str, &Value> = jobs["postings"]
        .as_array()
        .expect("postings")
        .iter()
        .map(|p| (p["path"].as_str().expect("path"), p))
        .collect();
    let mut all = Vec::new();
    for b in 0..count.div_ceil(block) {
        let records = part(&out.join(format!("search/r/{b}.js")));
        for r in records.as_array().expect("records") {
            let path = r[0].as_str().expect("address").to_string();
            let job = by_path
                .get(path.as_str())
                .unwrap_or_else(|| panic!("{path} is in jobs.json"));
            all.push(Posting {
                text: format!(
                    "{} {}",
                    r[1].as_str().expect("title"),
                    r[2].as_str().expect("text")
                )
                .to_lowercase(),
                category: job["category"]["id"].as_str().expect("category").into(),
                county: job["county"]["id"].as_str().expect("county").into(),
                unit: job["pay"]["unit"].as_str().expect("unit").into(),
                path,
            });
        }
    }
    assert_eq!(all.len(), count);
    assert_eq!(count, by_path.len(), "one record a live posting");
    all
}

/// What a plain search finds: every posting holding every term and passing every filter.
fn expected<'p>(all: &'p [Posting], query: &Value) -> Vec<&'p str> {
    let field = |k: &str| query[k].as_str().unwrap_or("");
    let q = field("q").to_lowercase();
    let terms: Vec<&str> = q.split_whitespace().collect();
    all.iter()
        .filter(|p| terms.iter().all(|t| p.text.contains(t)))
        .filter(|p| field("category").is_empty() || p.category == field("category"))
        .filter(|p| field("county").is_empty() || p.county == field("county"))
        .filter(|p| field("unit").is_empty() || p.unit == field("unit"))
        .map(|p| p.path.as_str())
        .collect()
}

fn search(modules: &Path, out: &Path, queries: &Value, all: bool) -> Vec<Value> {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("queries.json");
    std::fs::write(&file, queries.to_string()).expect("queries");
    let mut args: Vec<&OsStr> = Vec::new();
    if all {
        args.push("--all".as_ref());
    }
    args.extend([out.as_os_str(), file.as_os_str()]);
    let report = run_script("search.mjs", modules, &args);
    report.as_array().expect("one report a query").clone()
}

/// Checks each query's results against the plain search; returns the reports.
fn check(modules: &Path, out: &Path, queries: Value, all: bool) -> Vec<Value> {
    let postings = postings(out);
    let reports = search(modules, out, &queries, all);
    for (query, report) in queries.as_array().expect("queries").iter().zip(&reports) {
        let want = expected(&postings, query);
        let shown: Vec<&str> = report["results"]
            .as_array()
            .expect("results")
            .iter()
            .map(|h| h.as_str().expect("href").trim_start_matches("../"))
            .collect();
        let status = report["status"].as_str().expect("status");
        assert_eq!(report["broken"], false, "{query}: every part was read");
        if all || want.len() <= 50 {
            assert_eq!(shown, want, "{query}");
            assert_eq!(status, format!("{} 条结果", want.len()), "{query}");
        } else {
            assert_eq!(shown, want[..50], "{query}: the first page");
            // A long term's count is "about" until every candidate was checked.
            let count: String = status.chars().filter(char::is_ascii_digit).collect();
            let count: usize = count.parse().expect("a count");
            assert!(count >= want.len(), "{query}: {status}");
        }
    }
    reports
}

fn tools(test: &str) -> Option<PathBuf> {
    require(test, browser_tools(), "node, playwright-core or Chromium")
}

#[test]
fn every_query_finds_what_a_plain_search_finds_in_board_order() {
    let Some(modules) = tools("search") else {
        return;
    };
    let dir = common::build_sample(&[]);
    let out = dir.path().join("output");
    let postings = postings(&out);
    // Words of real titles, one to four characters long, and a few more.
    let mut queries: Vec<Value> = Vec::new();
    for (i, p) in postings.iter().enumerate().step_by(37) {
        let title: String = p.text.chars().take_while(|c| !c.is_whitespace()).collect();
        let len = 1 + i % 4;
        let word: String = title.chars().skip(i % 3).take(len).collect();
        queries.push(json!({ "q": word }));
    }
    let first = &postings[0];
    queries.extend([
        json!({ "q": "", "county": first.county }),
        json!({ "q": "工", "unit": "day" }),
        json!({ "q": "包装 工", "category": first.category }),
        json!({ "q": "没有这个岗位" }),
        json!({ "q": "市场", "county": first.county, "unit": first.unit }),
    ]);
    let reports = check(&modules, &out, Value::Array(queries), true);
    let found = reports
        .iter()
        .filter(|r| !r["results"].as_array().expect("results").is_empty())
        .count();
    assert!(found >= reports.len() - 1, "most queries find something");
}

/// A site half-copied to a USB stick: a record file is missing. The page says that the
/// results may be incomplete instead of stopping the list without a word.
#[test]
fn a_missing_part_is_said_not_silent() {
    let Some(modules) = tools("search") else {
        return;
    };
    let dir = common::build_sample(&[]);
    let out = dir.path().join("output");
    let first = postings(&out).remove(0);
    std::fs::remove_file(out.join("search/r/0.js")).expect("the first record file");
    let queries = json!([{ "q": "", "county": first.county }]);
    let reports = search(&modules, &out, &queries, false);
    assert_eq!(reports[0]["broken"], true, "{}", reports[0]);
    let page = std::fs::read_to_string(out.join("search/index.html")).expect("search page");
    assert!(
        page.contains("部分搜索数据没能读取"),
        "the notice is on the page"
    );
}

#[test]
fn a_big_board_loads_only_what_the_query_needs() {
    let Some(modules) = tools("search") else {
        return;
    };
    let Some(()) = require(
        "search",
        runs("python3", "--version").then_some(()),
        "python3",
    ) else {
        return;
    };
    // 4,000 postings of the benchmark's corpus: common characters get a file of their
    // own, the others share buckets.
    let dir = tempfile::tempdir().expect("tempdir");
    let bench = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench");
    let corpus = dir.path().join("corpus.jsonl");
    let site = dir.path().join("site");
    let out = dir.path().join("output");
    for (script, args) in [
        (
            "gen_corpus.py",
            vec![
                "--postings",
                "4000",
                "--seed",
                "1",
                "--out",
                corpus.to_str().expect("utf8"),
            ],
        ),
        (
            "to_gigboard.py",
            vec![
                "--corpus",
                corpus.to_str().expect("utf8"),
                "--out",
                site.to_str().expect("utf8"),
            ],
        ),
    ] {
        let ok = Command::new("python3")
            .arg(bench.join(script))
            .args(args)
            .output()
            .expect("python3 runs");
        assert!(
            ok.status.success(),
            "{script}: {}",
            String::from_utf8_lossy(&ok.stderr)
        );
    }
    gigboard(&[
        "build",
        "--root",
        site.to_str().expect("utf8"),
        "--output",
        out.to_str().expect("utf8"),
        "--date",
        "2025-12-30",
    ])
    .expect_code(0);
    let entry = std::fs::read_to_string(out.join("search/index.js")).expect("entry");
    assert!(
        entry.contains(r#""w":["#) && entry.contains("市场"),
        "{entry}"
    );
    assert!(
        out.join("search/w/5e02-573a.js").is_file(),
        "市场 has its own file"
    );
    let queries = json!([
        { "q": "市场" },
        { "q": "人" },
        { "q": "服务站" },
        { "q": "零工市场" },
        { "q": "司机" },
        { "q": "保洁", "unit": "hour" },
        { "q": "", "category": "construction" },
    ]);
    let reports = check(&modules, &out, queries.clone(), false);
    for (query, report) in queries.as_array().expect("queries").iter().zip(&reports) {
        let q = query["q"].as_str().unwrap_or("");
        let chars = q.chars().count();
        let keys = if chars <= 2 { 1 } else { chars.div_ceil(2) }
            + ["category", "county", "unit"]
                .iter()
                .filter(|k| query[**k].is_string())
                .count();
        let before: Vec<&str> = report["files"]
            .as_array()
            .expect("files")
            .iter()
            .filter(|f| f["before_first"] == json!(true))
            .map(|f| f["file"].as_str().expect("file"))
            .filter(|f| f.starts_with("search/"))
            .collect();
        let lists = before
            .iter()
            .filter(|f| f.starts_with("search/k/") || f.starts_with("search/w/"))
            .count();
        let records = before.iter().filter(|f| f.starts_with("search/r/")).count();
        assert!(before.contains(&"search/index.js"), "{query}: {before:?}");
        assert!(lists >= 1 && lists <= keys, "{query}: {before:?}");
        assert_eq!(
            records, 1,
            "{query}: one record file before the first result: {before:?}"
        );
        assert!(report["typed_ms"].is_number() || q.is_empty(), "{report}");
    }
}
