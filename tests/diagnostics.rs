//! `gigboard check` as an editor meets it: every problem at once, each one located
//! (`file:line:column`), naming the field, in plain words; and exit codes a script
//! can rely on (0 good, 1 content problems, 2 wrong command line).

mod common;

use common::mini::{NEW_FEED, feed, posting};
use common::{TestSite, gigboard, line_col, location, location_after};

/// The mini site plus a feed with one posting changed as given; `check` is run on it.
fn check_new_feed(changes: &[(&str, &str)]) -> (String, common::Run) {
    run_on_new_feed(&["check"], changes)
}

/// The mini site plus a feed with one posting changed as given; `args` are run on it.
fn run_on_new_feed(args: &[&str], changes: &[(&str, &str)]) -> (String, common::Run) {
    let text = feed(&[posting("new-01", changes)]);
    let site = TestSite::fixture("mini");
    site.write(NEW_FEED, &text);
    let run = site.run(&[&["--lang", "en"], args].concat());
    (text, run)
}

/// `file`, `line` and `column` of a `file:line:col: severity: …` line.
fn parse_location(line: &str) -> (String, usize, usize) {
    let mut parts = line.splitn(4, ':');
    let file = parts.next().expect("a file").to_string();
    let num = |p: Option<&str>| -> usize {
        p.and_then(|s| s.trim().parse().ok())
            .unwrap_or_else(|| panic!("no line:col in {line:?}"))
    };
    let l = num(parts.next());
    let c = num(parts.next());
    (file, l, c)
}

// --- one problem each: located, with the field path, in words ---------------------

#[test]
fn malformed_yaml_is_reported_where_the_parser_stopped() {
    let text = feed(&[posting(
        "new-01",
        &[(
            "    headcount: 2\n",
            "    headcount: 2\n    welcomes: [older, disabled\n",
        )],
    )]);
    let site = TestSite::fixture("mini");
    site.write(NEW_FEED, &text);
    let run = site.run(&["--lang", "en", "check"]);
    run.expect_code(1);
    let line = run.expect_line_with(&[NEW_FEED, ": error: ", "YAML"]);
    let (file, l, c) = parse_location(line);
    assert_eq!(file, NEW_FEED);
    let (open_line, _) = line_col(&text, "[older");
    assert!(
        (open_line..=open_line + 1).contains(&l) && c > 0,
        "the unclosed `[` is on line {open_line}, the error says {l}:{c}: {line}"
    );
}

#[test]
fn a_misspelt_field_is_reported_with_the_right_name_as_suggestion() {
    let (text, run) = check_new_feed(&[("expires: 2026-11-29", "expirs: 2026-11-29")]);
    run.expect_code(1);
    let line = run.expect_line_with(&[
        &location(NEW_FEED, &text, "expirs:"),
        ": error: posting 1 · expirs: ",
    ]);
    assert!(line.contains("`expires`"), "no suggestion in: {line}");
}

#[test]
fn a_missing_required_field_is_reported_at_its_posting() {
    let (text, run) = check_new_feed(&[("    title: 小区绿化养护\n", "")]);
    run.expect_code(1);
    let line = run.expect_line_with(&[
        &location(NEW_FEED, &text, "id: \"new-01\""),
        ": error: posting 1 · title: ",
    ]);
    assert!(line.contains("`title`"), "{line}");
}

#[test]
fn a_value_of_the_wrong_type_is_reported_at_the_value() {
    let (text, run) = check_new_feed(&[("headcount: 2", "headcount: many")]);
    run.expect_code(1);
    let line = run.expect_line_with(&[
        &location(NEW_FEED, &text, "many"),
        ": error: posting 1 · headcount: ",
    ]);
    assert!(
        line.contains("many"),
        "the message should quote the value: {line}"
    );
}

#[test]
fn an_impossible_date_is_reported_with_the_expected_form() {
    let (text, run) = check_new_feed(&[("posted: 2026-11-27", "posted: 2026-13-40")]);
    run.expect_code(1);
    let line = run.expect_line_with(&[
        &location(NEW_FEED, &text, "2026-13-40"),
        ": error: posting 1 · posted: ",
    ]);
    assert!(line.contains("YYYY-MM-DD"), "{line}");
}

#[test]
fn a_date_time_in_words_is_reported_with_the_expected_form() {
    let (text, run) = check_new_feed(&[(
        "    headcount: 2\n",
        "    headcount: 2\n    start: \"tomorrow\"\n",
    )]);
    run.expect_code(1);
    let line = run.expect_line_with(&[
        &location(NEW_FEED, &text, "\"tomorrow\""),
        ": error: posting 1 · start: ",
    ]);
    assert!(line.contains("YYYY-MM-DDTHH:MM"), "{line}");
}

#[test]
fn expiring_before_being_posted_is_an_error() {
    let (text, run) = check_new_feed(&[("expires: 2026-11-29", "expires: 2026-11-20")]);
    run.expect_code(1);
    run.expect_line_with(&[
        &location(NEW_FEED, &text, "2026-11-20"),
        ": error: posting 1 · expires: ",
        "2026-11-27",
    ]);
}

#[test]
fn a_posting_for_a_market_that_does_not_exist_is_an_error() {
    let (text, run) = check_new_feed(&[(
        "    headcount: 2\n",
        "    headcount: 2\n    market: xinchen\n",
    )]);
    run.expect_code(1);
    let line = run.expect_line_with(&[
        &location(NEW_FEED, &text, "xinchen\n"),
        ": error: posting 1 · market: ",
        "`xinchen`",
    ]);
    assert!(line.contains("`xincheng`"), "no suggestion in: {line}");
}

#[test]
fn a_feed_whose_market_does_not_exist_is_an_error_on_its_postings() {
    let text = feed(&[posting("new-01", &[])]).replace("market: xincheng", "market: nowhere");
    let site = TestSite::fixture("mini");
    site.write(NEW_FEED, &text);
    let run = site.run(&["--lang", "en", "check"]);
    run.expect_code(1);
    let line = run.expect_line_with(&[NEW_FEED, ": error: ", "`nowhere`"]);
    let (_, l, c) = parse_location(line);
    assert!(l > 0 && c > 0, "not located: {line}");
}

#[test]
fn a_market_in_a_county_missing_from_regions_yaml_is_an_error() {
    let site = TestSite::fixture("mini");
    site.edit(
        "content/markets/huimin.yaml",
        "county: \"150103\"",
        "county: \"150199\"",
    );
    let run = site.run(&["--lang", "en", "check"]);
    run.expect_code(1);
    let text = site.read("content/markets/huimin.yaml");
    run.expect_line_with(&[
        &location("content/markets/huimin.yaml", &text, "\"150199\""),
        ": error: county: ",
        "150199",
        "regions.yaml",
    ]);
}

#[test]
fn a_category_missing_from_site_yaml_is_an_error_with_a_suggestion() {
    let (text, run) = check_new_feed(&[("category: cleaning", "category: cleanin")]);
    run.expect_code(1);
    let line = run.expect_line_with(&[
        &location(NEW_FEED, &text, "cleanin\n"),
        ": error: posting 1 · category: ",
        "`cleanin`",
    ]);
    assert!(line.contains("`cleaning`"), "no suggestion in: {line}");
}

#[test]
fn a_posting_id_used_in_two_feeds_is_reported_at_the_second_with_the_first() {
    let site = TestSite::fixture("mini");
    // Feeds are read in file-name order: zz-copy.yaml comes after huimin.yaml.
    let text = feed(&[posting("huimin-20261127-01", &[])]);
    site.write("content/jobs/zz-copy.yaml", &text);
    let run = site.run(&["--lang", "en", "check"]);
    run.expect_code(1);
    let first = location(
        "content/jobs/huimin.yaml",
        &site.read("content/jobs/huimin.yaml"),
        "\"huimin-20261127-01\"",
    );
    let first_line = first.rsplit_once(':').expect("file:line:col").0;
    run.expect_line_with(&[
        &location("content/jobs/zz-copy.yaml", &text, "\"huimin-20261127-01\""),
        ": error: posting 1 · id: ",
        first_line,
    ]);
}

#[test]
fn a_market_id_used_twice_is_an_error() {
    let site = TestSite::fixture("mini");
    site.write(
        "content/markets/zz-copy.yaml",
        &format!("id: huimin\n{}", site.read("content/markets/huimin.yaml")),
    );
    let run = site.run(&["--lang", "en", "check"]);
    run.expect_code(1);
    run.expect_line_with(&[
        "content/markets/zz-copy.yaml:1:5: error: id: ",
        "content/markets/huimin.yaml",
    ]);
}

#[test]
fn hourly_pay_below_the_county_wage_floor_is_an_error() {
    let (text, run) = check_new_feed(&[(
        "pay: {amount: 200, unit: day}",
        "pay: {amount: 18, unit: hour}",
    )]);
    run.expect_code(1);
    let (line, _) = line_col(&text, "pay:");
    let found =
        run.expect_line_with(&[&format!("{NEW_FEED}:{line}:"), ": error: posting 1 · pay: "]);
    assert!(found.contains("22.4"), "the floor should be named: {found}");
}

#[test]
fn columns_count_characters_so_chinese_text_does_not_shift_them() {
    // `测试园林有限公司` is 8 characters but 24 bytes before the bad value.
    let (text, run) = check_new_feed(&[("kind: company}", "kind: companyy}")]);
    run.expect_code(1);
    run.expect_line_with(&[
        &location(NEW_FEED, &text, "companyy"),
        ": error: posting 1 · employer · kind: ",
        "`companyy`",
    ]);
}

// --- many problems at once -------------------------------------------------------

#[test]
fn errors_in_several_files_are_all_reported_in_one_run_sorted_by_file_and_line() {
    let site = TestSite::fixture("mini");
    site.edit("content/site.yaml", "paginate: 30", "paginate: 0")
        .edit(
            "content/markets/huimin.yaml",
            "county: \"150103\"",
            "county: \"150199\"",
        )
        // Two in one feed, the later one first in the file.
        .edit(
            "content/jobs/xincheng.yaml",
            "headcount: 2",
            "headcount: two",
        )
        .edit(
            "content/jobs/xincheng.yaml",
            "unit: day}\n    headcount: 3",
            "unit: days}\n    headcount: 3",
        )
        .edit(
            "content/jobs/huimin.yaml",
            "expires: 2026-12-15",
            "expires: 2026-12-32",
        );
    let run = site.run(&["--lang", "en", "check"]);
    run.expect_code(1);

    let at = |file: &str, needle: &str| location(file, &site.read(file), needle);
    let expected = vec![
        at("content/jobs/huimin.yaml", "2026-12-32"),
        at("content/jobs/xincheng.yaml", "two"),
        at("content/jobs/xincheng.yaml", "days"),
        at("content/markets/huimin.yaml", "\"150199\""),
        location_after(
            "content/site.yaml",
            &site.read("content/site.yaml"),
            "paginate: ",
        ),
    ];
    let errors = run.diagnostics("error");
    let found: Vec<String> = errors
        .iter()
        .map(|l| {
            let (file, line, col) = parse_location(l);
            format!("{file}:{line}:{col}")
        })
        .collect();
    assert_eq!(found, expected, "--- stderr\n{}", run.stderr);

    let mut sorted = errors.iter().map(|l| parse_location(l)).collect::<Vec<_>>();
    sorted.sort();
    let in_order: Vec<_> = errors.iter().map(|l| parse_location(l)).collect();
    assert_eq!(
        in_order, sorted,
        "errors are printed sorted by file, then line"
    );
    assert!(run.stderr.contains("5 error(s)"), "{}", run.stderr);
}

#[test]
fn one_bad_posting_does_not_hide_the_next_bad_posting_in_the_same_feed() {
    let text = feed(&[
        posting("new-01", &[("headcount: 2", "headcount: many")]),
        posting("new-02", &[]),
        posting("new-03", &[("posted: 2026-11-27", "posted: 2026-11-31")]),
    ]);
    let site = TestSite::fixture("mini");
    site.write(NEW_FEED, &text);
    let run = site.run(&["--lang", "en", "check"]);
    run.expect_code(1);
    run.expect_line_with(&[
        &location(NEW_FEED, &text, "many"),
        ": error: posting 1 · headcount: ",
    ]);
    run.expect_line_with(&[
        &location(NEW_FEED, &text, "2026-11-31"),
        ": error: posting 3 · posted: ",
    ]);
    assert_eq!(run.diagnostics("error").len(), 2, "{}", run.stderr);
}

// --- machine-readable output -----------------------------------------------------

#[test]
fn check_format_json_lists_every_diagnostic_with_its_location() {
    let (text, run) = run_on_new_feed(
        &["check", "--format", "json"],
        &[("category: cleaning", "category: cleanin")],
    );
    run.expect_code(1);
    let report: serde_json::Value =
        serde_json::from_str(&run.stdout).expect("stdout is one JSON document");
    assert_eq!(report["errors"], 1, "{report:#}");
    // The fixture itself has an unverified posting (its expired one is only counted).
    assert_eq!(report["warnings"], 1, "{report:#}");
    let diags = report["diagnostics"]
        .as_array()
        .expect("diagnostics is a list");
    assert_eq!(diags.len(), 2, "{report:#}");
    for d in diags {
        for key in ["severity", "file", "line", "column", "field", "message"] {
            assert!(d.get(key).is_some(), "{key} missing in {d}");
        }
        assert!(d["line"].is_u64() && d["column"].is_u64(), "{d}");
    }
    let error = diags
        .iter()
        .find(|d| d["severity"] == "error")
        .expect("one error");
    let (line, col) = line_col(&text, "cleanin\n");
    assert_eq!(error["file"], NEW_FEED);
    assert_eq!(error["line"], line);
    assert_eq!(error["column"], col);
    assert_eq!(error["field"], "postings[0].category");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("cleanin")),
        "{error}"
    );
    assert!(
        diags
            .iter()
            .filter(|d| d["severity"] == "warning")
            .all(|d| d["file"] == "content/jobs/xincheng.yaml"),
        "{report:#}"
    );
}

#[test]
fn check_format_json_on_a_good_site_reports_no_errors() {
    let site = TestSite::fixture("mini");
    let run = site.run(&["--lang", "en", "check", "--format", "json"]);
    run.expect_code(0);
    let report: serde_json::Value =
        serde_json::from_str(&run.stdout).expect("stdout is one JSON document");
    assert_eq!(report["errors"], 0);
    assert_eq!(report["warnings"], 1, "the unverified posting");
}

// --- exit codes --------------------------------------------------------------------

#[test]
fn check_exits_0_on_the_valid_fixture() {
    let run = TestSite::fixture("mini").run(&["--lang", "en", "check"]);
    run.expect_code(0);
    assert!(run.diagnostics("error").is_empty(), "{}", run.stderr);
}

#[test]
fn check_exits_1_on_a_content_error() {
    let (_, run) = check_new_feed(&[("headcount: 2", "headcount: many")]);
    run.expect_code(1);
}

#[test]
fn a_root_folder_that_does_not_exist_exits_2() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let missing = dir.path().join("nonexistent");
    let missing = missing.to_str().expect("a UTF-8 path");
    for command in ["check", "build"] {
        let run = gigboard(&["--lang", "en", command, "--root", missing]);
        run.expect_code(2);
        assert!(
            run.stderr.contains("nonexistent"),
            "{command}: {}",
            run.stderr
        );
    }
    assert!(
        !dir.path().join("nonexistent").exists(),
        "nothing is created"
    );
}

#[test]
fn an_impossible_date_on_the_command_line_exits_2() {
    let site = TestSite::fixture("mini");
    for command in ["check", "build"] {
        let run = site.run(&["--lang", "en", command, "--date", "2026-99-99"]);
        run.expect_code(2);
        assert!(run.stderr.contains("--date"), "{command}: {}", run.stderr);
    }
    assert!(!site.output().exists(), "a usage error writes nothing");
}

// --- warnings ----------------------------------------------------------------------

#[test]
fn an_unverified_posting_is_a_warning_and_check_still_passes() {
    let site = TestSite::fixture("mini");
    let run = site.run(&["--lang", "en", "check"]);
    run.expect_code(0);
    let feed = site.read("content/jobs/xincheng.yaml");
    let line = run.expect_line_with(&[
        &location(
            "content/jobs/xincheng.yaml",
            &feed,
            "id: \"xincheng-20261127-04\"",
        ),
        ": warning: posting 4: ",
    ]);
    assert!(line.contains("verified"), "{line}");
}

#[test]
fn deny_warnings_turns_warnings_into_a_failure() {
    let site = TestSite::fixture("mini");
    let run = site.run(&["--lang", "en", "check", "--deny-warnings"]);
    run.expect_code(1);
    assert!(!run.diagnostics("warning").is_empty(), "{}", run.stderr);
    assert!(run.diagnostics("error").is_empty(), "{}", run.stderr);
}

#[test]

fn two_bad_values_in_one_posting_are_both_reported() {
    let (text, run) = check_new_feed(&[
        ("headcount: 2", "headcount: many"),
        ("posted: 2026-11-27", "posted: 2026-13-40"),
    ]);
    run.expect_code(1);
    run.expect_line_with(&[
        &location(NEW_FEED, &text, "many"),
        ": error: posting 1 · headcount: ",
    ]);
    run.expect_line_with(&[
        &location(NEW_FEED, &text, "2026-13-40"),
        ": error: posting 1 · posted: ",
    ]);
}

#[test]

fn a_misspelt_field_after_a_bad_value_is_still_reported() {
    let (text, run) = check_new_feed(&[
        ("headcount: 2", "headcount: many"),
        ("expires: 2026-11-29", "expirs: 2026-11-29"),
    ]);
    run.expect_code(1);
    run.expect_line_with(&[
        &location(NEW_FEED, &text, "expirs:"),
        ": error: posting 1 · expirs: ",
    ]);
}

#[test]
fn raw_html_in_a_body_is_a_warning_and_the_page_shows_it_sanitised() {
    let text = feed(&[posting(
        "new-01",
        &[(
            "    verified:",
            "    body: \"**日结** <script>alert(1)</script> 详见 <https://example.cn/a>\"\n    verified:",
        )],
    )]);
    let site = TestSite::fixture("mini");
    site.write(NEW_FEED, &text);
    let run = site.run(&["--lang", "en", "check"]);
    run.expect_code(0);
    run.expect_line_with(&[
        &location(NEW_FEED, &text, "\"**日结**"),
        ": warning: posting 1 · body: raw HTML",
    ]);
    site.run(&["--lang", "en", "build"]).expect_code(0);
    let page = site.output_text("jobs/new-01/index.html");
    assert!(page.contains("<strong>日结</strong>"), "{page}");
    assert!(page.contains("href=\"https://example.cn/a\""), "{page}");
    assert!(!page.contains("<script>alert"), "{page}");
    // An autolink also starts with `<` but is markdown: nothing to warn about.
    let (_, quiet) = check_new_feed(&[(
        "    verified:",
        "    body: \"详见 <https://example.cn/a>\"\n    verified:",
    )]);
    quiet.expect_code(0);
    assert!(!quiet.stderr.contains("raw HTML"), "{}", quiet.stderr);
}
