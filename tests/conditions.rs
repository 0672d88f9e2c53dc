//! A posting's working conditions (工作条件): icons with words on the posting page and
//! the printed sheet, an object in `jobs.json`, benefits and hours in the JobPosting,
//! and the same checks as every other text of a posting.

mod common;

use common::{TestSite, sel};
use scraper::Html;

const FEED: &str = "content/jobs/xincheng.yaml";
const ID: &str = "xincheng-20261127-01";
const CONDITIONS: &str = r#"conditions: {meals: true, lodging: false, transport: true, safety_gear: true, hours: "07:30–17:30"}"#;

/// The mini site with the first posting's conditions given.
fn with_conditions(site: TestSite, conditions: &str) -> TestSite {
    site.edit(
        FEED,
        "    welcomes: [older]\n",
        &format!("    welcomes: [older]\n    {conditions}\n"),
    );
    site
}

/// The texts of the elements `css` selects, whitespace trimmed.
fn texts(page: &Html, css: &str) -> Vec<String> {
    page.select(&sel(css))
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect()
}

#[test]
fn conditions_show_as_icons_with_words_on_the_page_and_the_sheet() {
    let site = with_conditions(TestSite::fixture("mini"), CONDITIONS);
    site.run(&["build"]).expect_code(0);
    let page = site.html(&format!("jobs/{ID}/index.html"));
    assert_eq!(
        texts(&page, ".conditions li"),
        [
            "管饭",
            "不包住",
            "有接送",
            "发劳保用品",
            "工作时间：07:30–17:30"
        ]
    );
    for li in page.select(&sel(".conditions li")) {
        let icon = li.select(&sel("svg")).next().expect("an icon");
        assert_eq!(icon.value().attr("aria-hidden"), Some("true"));
    }
    assert_eq!(texts(&page, ".conditions li.cond-no"), ["不包住"]);
    // A posting without conditions says nothing about them.
    let other = site.html("jobs/xincheng-20261127-02/index.html");
    assert!(other.select(&sel(".conditions")).next().is_none());

    let sheet = site.html("print/xincheng/index.html");
    let row = sheet
        .select(&sel(&format!("tbody[data-id='{ID}'] .conditions .cond")))
        .map(|e| e.text().collect::<String>())
        .collect::<Vec<_>>();
    assert_eq!(
        row,
        ["管饭", "不包住", "有接送", "发劳保用品", "07:30–17:30"]
    );
}

#[test]
fn conditions_are_data_in_jobs_json_and_the_job_posting() {
    let site = with_conditions(TestSite::fixture("mini"), CONDITIONS);
    site.run(&["build"]).expect_code(0);
    let jobs: serde_json::Value =
        serde_json::from_str(&site.output_text("jobs.json")).expect("jobs.json is JSON");
    let postings = jobs["postings"].as_array().expect("postings");
    let find = |id: &str| {
        postings
            .iter()
            .find(|p| p["id"] == id)
            .unwrap_or_else(|| panic!("{id} in jobs.json"))
    };
    assert_eq!(
        find(ID)["conditions"],
        serde_json::json!({"meals": true, "lodging": false, "transport": true,
                           "safety_gear": true, "hours": "07:30–17:30"})
    );
    assert!(find("xincheng-20261127-02").get("conditions").is_none());

    let page = site.html(&format!("jobs/{ID}/index.html"));
    let script: String = page
        .select(&sel(r#"script[type="application/ld+json"]"#))
        .next()
        .expect("a JobPosting")
        .text()
        .collect();
    let ld: serde_json::Value = serde_json::from_str(&script).expect("JSON-LD");
    assert_eq!(
        ld["jobBenefits"], "管饭、有接送、发劳保用品",
        "the promised ones"
    );
    assert_eq!(ld["workHours"], "07:30–17:30");
    // The description is HTML, as search engines ask, and says what the page says.
    let description = ld["description"].as_str().expect("a description");
    let html = Html::parse_fragment(description);
    let paragraphs = texts(&html, "p");
    assert!(
        paragraphs.iter().any(|p| p.contains("工资日结")),
        "{paragraphs:?}"
    );
    assert!(
        html.select(&sel("strong"))
            .any(|s| s.text().collect::<String>() == "工资日结"),
        "the body's markup is kept: {description}"
    );
    assert!(
        paragraphs.contains(&"要求：手脚麻利".to_string()),
        "{paragraphs:?}"
    );
    assert!(
        paragraphs.contains(
            &"工作条件：管饭、不包住、有接送、发劳保用品、工作时间：07:30–17:30".to_string()
        ),
        "{paragraphs:?}"
    );
    assert!(
        paragraphs.contains(&"工资：25 元/小时".to_string()),
        "{paragraphs:?}"
    );
}

#[test]
fn conditions_read_in_english_on_the_english_page() {
    let site = with_conditions(TestSite::mini_in_three_languages(), CONDITIONS);
    site.run(&["build"]).expect_code(0);
    let page = site.html(&format!("en/jobs/{ID}/index.html"));
    assert_eq!(
        texts(&page, ".conditions li"),
        [
            "Meals provided",
            "No lodging",
            "Transport provided",
            "Safety gear provided",
            "Working hours: 07:30–17:30"
        ]
    );
    // The hours are the editor's words, in Chinese or not: marked as the content's language.
    assert!(
        page.select(&sel(".conditions li span[lang='zh-CN']"))
            .next()
            .is_some()
    );
}

#[test]
fn a_misspelt_condition_or_a_fee_in_the_hours_is_reported_at_its_line() {
    let site = with_conditions(TestSite::fixture("mini"), "conditions: {meal: true}");
    let run = site.run(&["check"]);
    run.expect_code(1);
    run.expect_line_with(&["xincheng.yaml:", "posting 1 · conditions · meal", "`meals`"]);

    let site = with_conditions(
        TestSite::fixture("mini"),
        r#"conditions: {hours: "07:30–17:30，先交押金 200 元"}"#,
    );
    let run = site.run(&["check"]);
    run.expect_code(1);
    run.expect_line_with(&["xincheng.yaml:", "posting 1 · conditions · hours", "押金"]);

    let site = with_conditions(
        TestSite::fixture("mini"),
        r#"conditions: {hours: "问 13800001234"}"#,
    );
    let run = site.run(&["check"]);
    run.expect_code(1);
    run.expect_line_with(&["xincheng.yaml:", "posting 1 · conditions · hours"]);
}
