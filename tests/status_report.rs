//! The construction-status report (调度表) on the Inner Mongolia sample: one CSV row
//! per county with counts that match the market files, the dated snapshot for the
//! latest reporting day, filed reports published as filed, and the checks behind the
//! report (counties without a market, markets off the map, a missing outline).

mod sample;

use sample::{
    build, check, county_codes, market_files, page, parse_csv, read, sample_copy,
    sample_with_outline, sel,
};
use std::collections::{BTreeMap, BTreeSet};

const STATUSES: [&str; 5] = ["planned", "building", "operating", "suspended", "closed"];

#[test]
fn the_status_csv_has_one_row_per_county_with_the_files_counts() {
    let codes = county_codes();
    assert_eq!(codes.len(), 103);
    let mut expected: BTreeMap<&str, [usize; 5]> =
        codes.iter().map(|c| (c.as_str(), [0; 5])).collect();
    let files = market_files();
    for m in &files {
        let i = STATUSES
            .iter()
            .position(|s| *s == m.status)
            .expect("a status");
        expected.get_mut(m.county.as_str()).expect("a known county")[i] += 1;
    }
    let rows = parse_csv(&read("reports/status.csv"));
    assert_eq!(rows.len(), 104, "header + 103 counties");
    let got: Vec<&str> = rows[1..].iter().map(|r| r[2].as_str()).collect();
    assert_eq!(
        got,
        codes.iter().map(String::as_str).collect::<Vec<_>>(),
        "in regions.yaml order"
    );
    for r in &rows[1..] {
        let want = expected[r[2].as_str()];
        let counts: Vec<usize> = r[5..10]
            .iter()
            .map(|v| v.parse().expect("a count"))
            .collect();
        assert_eq!(counts, want, "county {}", r[2]);
        assert_eq!(r[4].parse::<usize>().ok(), Some(want.iter().sum()));
        assert_eq!(r[10] == "是", want[2] > 0, "operating flag of {}", r[2]);
    }
    let html = page("reports/status/index.html");
    let flagged = html.select(&sel("tr.gap")).count();
    assert_eq!(flagged, expected.values().filter(|c| c[2] == 0).count());
}

#[test]
fn the_dated_snapshot_is_named_for_the_latest_reporting_day() {
    // The sample's today is 2026-11-27: the latest reporting day is the 15th.
    assert_eq!(
        read("reports/status-2026-11-15.csv"),
        read("reports/status.csv")
    );
    let html = read("reports/status/index.html");
    assert!(html.contains("reports/status-2026-11-15.csv"));
}

#[test]
fn filed_reports_are_published_unchanged_and_win_over_the_regenerated_table() {
    let root = sample_copy();
    let filed = root.path().join("content/reports");
    std::fs::create_dir_all(&filed).expect("mkdir");
    std::fs::write(filed.join("status-2026-10-28.csv"), "filed on 10-28\n").expect("write");
    std::fs::write(filed.join("status-2026-11-15.csv"), "filed on 11-15\n").expect("write");
    std::fs::write(filed.join("notes.txt"), "not a report\n").expect("write");
    let warned = check(root.path());
    assert!(
        warned
            .lines()
            .any(|l| l.starts_with("content/reports/notes.txt: warning: not published")),
        "{warned}"
    );
    let out = root.path().join("output");
    let text = |rel: &str| std::fs::read_to_string(out.join(rel)).expect(rel);
    // Today (2026-11-27) reports for the 15th, and that report is already filed.
    build(root.path(), &out, &[]);
    assert_eq!(text("reports/status-2026-11-15.csv"), "filed on 11-15\n");
    assert_eq!(text("reports/status-2026-10-28.csv"), "filed on 10-28\n");
    assert!(text("reports/status.csv").starts_with("\u{feff}盟市代码,"));
    let html = text("reports/status/index.html");
    assert!(html.contains("status-2026-10-28.csv") && html.contains("status-2026-11-15.csv"));
    // On the 28th a new snapshot is written; the filed ones stay.
    build(root.path(), &out, &["--date", "2026-11-28"]);
    assert_eq!(
        text("reports/status-2026-11-28.csv"),
        text("reports/status.csv")
    );
    assert_eq!(text("reports/status-2026-11-15.csv"), "filed on 11-15\n");
}

/// A market file whose `location:` line has its numbers swapped and one digit lost: the
/// market lands in East Africa.
fn east_africa(market_file: &str) -> String {
    let lines: Vec<String> = market_file
        .lines()
        .map(|l| {
            if l.starts_with("location:") {
                "location: {lat: 11.0785, lon: 41.9706}".to_string()
            } else {
                l.to_string()
            }
        })
        .collect();
    assert_ne!(
        lines.join("\n"),
        market_file.trim_end(),
        "the file has a location line"
    );
    lines.join("\n") + "\n"
}

#[test]
fn check_warns_about_counties_without_a_market_and_markets_off_the_map() {
    let root = sample_copy();
    let file = root.path().join("content/markets/alxa-ejina.yaml");
    let text = std::fs::read_to_string(&file).expect("read");
    // A typo puts the market in East Africa.
    std::fs::write(&file, east_africa(&text)).expect("write");
    let stderr = check(root.path());
    let line = stderr
        .lines()
        .find(|l| l.starts_with("content/markets/alxa-ejina.yaml:5:"))
        .unwrap_or_else(|| panic!("no location warning:\n{stderr}"));
    // The sample draws no outline: the point is measured from its county's.
    assert!(
        line.contains("warning: location:") && line.contains("km from 额济纳旗 (152923)"),
        "{line}"
    );
    let served: BTreeSet<String> = market_files().into_iter().map(|m| m.county).collect();
    let empty = county_codes()
        .into_iter()
        .filter(|c| !served.contains(c))
        .count();
    let county_warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("content/regions.yaml:") && l.contains("has no market"))
        .collect();
    assert_eq!(county_warnings.len(), empty, "{stderr}");
    assert!(
        county_warnings[0].contains(": warning: league 1 · county "),
        "{}",
        county_warnings[0]
    );
}

#[test]
fn a_missing_outline_is_an_error_on_map_outline() {
    let root = sample_with_outline("review_number: GS（2024）0650号\nsource: 测试");
    std::fs::remove_file(root.path().join("content/static/data/outline.geojson")).expect("remove");
    let stderr = check(root.path());
    let line = stderr
        .lines()
        .find(|l| l.contains(": error: map · outline:"))
        .unwrap_or_else(|| panic!("no error:\n{stderr}"));
    assert!(line.starts_with("content/site.yaml:"), "{line}");
    assert!(line.contains("cannot read the map outline"), "{line}");
}

#[test]
fn with_an_outline_a_market_outside_it_is_named() {
    let root = sample_with_outline("review_number: GS（2024）0650号\nsource: 测试");
    let file = root.path().join("content/markets/alxa-ejina.yaml");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, east_africa(&text)).expect("write");
    let stderr = check(root.path());
    let line = stderr
        .lines()
        .find(|l| l.starts_with("content/markets/alxa-ejina.yaml:5:"))
        .unwrap_or_else(|| panic!("no location warning:\n{stderr}"));
    assert!(line.contains("outside the region outline"), "{line}");
    assert!(!stderr.contains(": error:"), "{stderr}");
}

#[test]
fn an_outline_without_its_review_number_and_source_is_refused() {
    let root = sample_with_outline("");
    let stderr = check(root.path());
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains(": error: map · "))
        .collect();
    assert_eq!(errors.len(), 2, "{stderr}");
    let review = errors
        .iter()
        .find(|l| l.contains("map · review_number:"))
        .expect("the review number is asked for");
    assert!(review.starts_with("content/site.yaml:"), "{review}");
    assert!(
        review.contains("审图号") && review.contains("remove map.outline"),
        "says why and what to do: {review}"
    );
    assert!(
        errors.iter().any(|l| l.contains("map · source:")),
        "{stderr}"
    );

    let odd = sample_with_outline("review_number: 2024-0650\nsource: 测试");
    let stderr = check(odd.path());
    assert!(!stderr.contains(": error:"), "{stderr}");
    let line = stderr
        .lines()
        .find(|l| l.contains("warning: map · review_number:"))
        .unwrap_or_else(|| panic!("no warning:\n{stderr}"));
    assert!(line.contains("GS（2024）0650号"), "shows the form: {line}");
}
