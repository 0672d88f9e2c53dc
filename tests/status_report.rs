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

/// The attribute `name` of `e`, as a number.
fn num(e: &scraper::ElementRef<'_>, name: &str) -> f64 {
    e.value()
        .attr(name)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no number in {name} of {}", e.html()))
}

/// Each chart is an image named by its caption and note, and those exist.
fn assert_named(html: &scraper::Html, figure: &str) {
    let svg = html
        .select(&sel(&format!("#{figure} > svg")))
        .next()
        .unwrap_or_else(|| panic!("{figure} has no chart"));
    assert_eq!(svg.value().attr("role"), Some("img"));
    for id in svg
        .value()
        .attr("aria-labelledby")
        .expect("named")
        .split(' ')
    {
        let text: String = html
            .select(&sel(&format!("#{id}")))
            .next()
            .unwrap_or_else(|| panic!("{figure}: no #{id}"))
            .text()
            .collect();
        assert!(!text.trim().is_empty(), "{figure}: #{id} is empty");
    }
}

#[test]
fn the_status_page_opens_with_charts_drawn_from_the_tables_numbers() {
    let rows = parse_csv(&read("reports/status.csv"));
    // Per league: counts by status, counties, counties with an operating market.
    let mut leagues: BTreeMap<String, ([usize; 5], usize, usize)> = BTreeMap::new();
    for r in &rows[1..] {
        let l = leagues.entry(r[0].clone()).or_default();
        for (i, v) in r[5..10].iter().enumerate() {
            l.0[i] += v.parse::<usize>().expect("a count");
        }
        l.1 += 1;
        l.2 += usize::from(r[10] == "是");
    }
    let html = page("reports/status/index.html");
    // The charts come before the tables.
    let text = read("reports/status/index.html");
    let charts_at = text
        .find("id=\"chart-markets\"")
        .expect("the markets chart");
    assert!(charts_at < text.find("id=\"sum-h\"").expect("the summary"));
    for figure in ["chart-markets", "chart-counties"] {
        assert_named(&html, figure);
        let bars: Vec<_> = html
            .select(&sel(&format!("#{figure} g[data-league]")))
            .collect();
        assert_eq!(bars.len(), leagues.len(), "{figure}: one bar a league");
        let mut units = Vec::new();
        for g in &bars {
            let code = g.value().attr("data-league").expect("a code");
            let (by_status, counties, covered) = leagues[code];
            let mut got: BTreeMap<String, usize> = BTreeMap::new();
            let mut x = None::<f64>;
            for rect in g.select(&sel("rect")) {
                let count = num(&rect, "data-count") as usize;
                *got.entry(rect.value().attr("data-key").expect("a key").into())
                    .or_default() += count;
                units.push(num(&rect, "width") / count as f64);
                // Segments follow one another from the same start.
                if let Some(end) = x {
                    assert!((num(&rect, "x") - end).abs() < 0.2, "{figure} {code}");
                }
                x = Some(num(&rect, "x") + num(&rect, "width"));
            }
            let want: BTreeMap<String, usize> = if figure == "chart-markets" {
                STATUSES
                    .iter()
                    .zip(by_status)
                    .filter(|(_, n)| *n > 0)
                    .map(|(s, n)| (s.to_string(), n))
                    .collect()
            } else {
                [("covered", covered), ("uncovered", counties - covered)]
                    .into_iter()
                    .filter(|(_, n)| *n > 0)
                    .map(|(k, n)| (k.to_string(), n))
                    .collect()
            };
            assert_eq!(got, want, "{figure} {code}");
        }
        // One scale for the whole chart: a bar's length is its count.
        let (lo, hi) = units
            .iter()
            .fold((f64::MAX, 0.0_f64), |(lo, hi), u| (lo.min(*u), hi.max(*u)));
        assert!(hi - lo < 0.2, "{figure}: units from {lo} to {hi}");
    }
    // No filed report in the sample: the trend says how to start one and shows today's.
    let trend: Vec<_> = html
        .select(&sel("#chart-trend .trend-table tbody tr"))
        .collect();
    assert_eq!(trend.len(), 1);
    assert!(
        html.select(&sel("#chart-trend > svg")).next().is_none(),
        "one day is no trend"
    );
    let note: String = html
        .select(&sel("#chart-trend-note"))
        .next()
        .expect("a note")
        .text()
        .collect();
    assert!(note.contains("content/reports/status-"), "{note}");
    let operating: usize = leagues.values().map(|l| l.0[2]).sum();
    let first: Vec<String> = trend[0]
        .select(&sel("td"))
        .map(|td| td.text().collect())
        .collect();
    assert_eq!(first[0], operating.to_string());
}

/// A filed report as a bureau keeps it: the build's own CSV with the operating column,
/// the count of markets missing a function and the covered flag set as given.
fn filed_report(template: &[Vec<String>], rows: &[(usize, usize)]) -> String {
    let mut out = template[0].join(",") + "\n";
    for (i, (operating, missing)) in rows.iter().enumerate() {
        let mut row = template[i + 1].clone();
        row[7] = operating.to_string();
        row[10] = if *operating > 0 { "是" } else { "否" }.into();
        row[11] = missing.to_string();
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

#[test]
fn filed_reports_draw_the_trend_of_operating_markets_and_the_five_functions() {
    let root = sample_copy();
    let template = parse_csv(&read("reports/status.csv"));
    let filed = root.path().join("content/reports");
    std::fs::create_dir_all(&filed).expect("mkdir");
    std::fs::write(
        filed.join("status-2026-10-15.csv"),
        filed_report(&template, &[(1, 1), (0, 0), (1, 0)]),
    )
    .expect("write");
    std::fs::write(
        filed.join("status-2026-10-28.csv"),
        filed_report(&template, &[(2, 1), (1, 0), (1, 0)]),
    )
    .expect("write");
    let out = root.path().join("output");
    build(root.path(), &out, &[]);
    let html = scraper::Html::parse_document(
        &std::fs::read_to_string(out.join("reports/status/index.html")).expect("the page"),
    );
    assert_named(&html, "chart-trend");
    let cells: Vec<Vec<String>> = html
        .select(&sel("#chart-trend .trend-table tbody tr"))
        .map(|tr| {
            tr.select(&sel("th, td"))
                .map(|c| c.text().collect::<String>().trim().to_string())
                .collect()
        })
        .collect();
    assert_eq!(cells.len(), 3, "two filed days and today: {cells:?}");
    assert_eq!(cells[0][..4], ["2026-10-15", "2", "1", "2 / 3"]);
    assert_eq!(cells[1][..4], ["2026-10-28", "4", "3", "3 / 3"]);
    assert!(cells[2][0].starts_with("2026-11-27"), "{:?}", cells[2]);
    // Each line has a point a day, at its value: higher counts drawn higher.
    for (key, column) in [("operating", 1), ("complete", 2)] {
        let marks: Vec<(f64, usize)> = html
            .select(&sel(&format!(
                "#chart-trend g[data-key={key}] [data-value]"
            )))
            .map(|m| {
                let y = m
                    .value()
                    .attr("cy")
                    .or(m.value().attr("y"))
                    .and_then(|v| v.parse().ok())
                    .expect("a y");
                (
                    y,
                    m.value()
                        .attr("data-value")
                        .and_then(|v| v.parse().ok())
                        .expect("a value"),
                )
            })
            .collect();
        let values: Vec<usize> = marks.iter().map(|m| m.1).collect();
        let want: Vec<usize> = cells
            .iter()
            .map(|c| c[column].parse().expect("n"))
            .collect();
        assert_eq!(values, want, "{key}");
        for pair in marks.windows(2) {
            if pair[0].1 < pair[1].1 {
                assert!(pair[0].0 > pair[1].0, "{key}: {marks:?}");
            }
        }
    }
}
