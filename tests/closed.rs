//! Pages that outlive their posting: an expired (or 已招满) posting's address keeps a
//! small `noindex` page for `expired_pages_days` — what it was, and the market's live
//! postings and phones — so that a QR code on yesterday's sheet never ends on "not
//! found"; no list, feed, data file, sitemap or search index names it.

mod common;

use common::{TestSite, sel};

const EXPIRED: &str = "xincheng-20261120-03";
const LIVE: &str = "xincheng-20261127-02";

fn page_of(site: &TestSite, id: &str) -> scraper::Html {
    site.html(&format!("jobs/{id}/index.html"))
}

fn names_anywhere_public(site: &TestSite, id: &str) -> Vec<String> {
    // Every file of the search index (its lists and its records).
    let search: Vec<String> = walkdir::WalkDir::new(site.output().join("search"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e.path().strip_prefix(site.output()).ok()?;
            Some(rel.to_string_lossy().replace('\\', "/"))
        })
        .collect();
    assert!(
        search.iter().any(|f| f.starts_with("search/r/")),
        "{search:?}"
    );
    [
        "jobs.json",
        "feed.xml",
        "feed.json",
        "sitemap.xml",
        "index.html",
        "jobs/index.html",
    ]
    .iter()
    .map(|f| f.to_string())
    .chain(search)
    .filter(|f| site.output_text(f).contains(id))
    .collect()
}

#[test]
fn an_expired_posting_keeps_a_page_that_says_so_and_leads_to_its_market() {
    let site = TestSite::mini_in_three_languages();
    site.run(&["build"]).expect_code(0);
    for prefix in ["", "en/"] {
        let page = site.html(&format!("{prefix}jobs/{EXPIRED}/index.html"));
        let robots = page
            .select(&sel(r#"meta[name="robots"]"#))
            .next()
            .and_then(|m| m.value().attr("content"));
        assert_eq!(robots, Some("noindex"), "{prefix}");
        assert!(
            page.select(&sel(r#"script[type="application/ld+json"]"#))
                .next()
                .is_none()
        );
        let market = page
            .select(&sel("main a.button"))
            .next()
            .and_then(|a| a.value().attr("href"))
            .expect("a way to the market's live postings");
        assert!(market.ends_with("markets/xincheng/index.html"), "{market}");
        assert!(
            page.select(&sel("main a[href^='tel:']")).next().is_some(),
            "the phones"
        );
    }
    let state: String = page_of(&site, EXPIRED)
        .select(&sel(".closed-state strong"))
        .next()
        .expect("the state")
        .text()
        .collect();
    assert_eq!(state, "该岗位已过期");
    assert!(
        names_anywhere_public(&site, EXPIRED).is_empty(),
        "{:?}",
        names_anywhere_public(&site, EXPIRED)
    );
    // An unverified posting never had a page, and does not get one.
    assert!(!site.output().join("jobs/xincheng-20261127-04").exists());
}

#[test]
fn yesterdays_qr_code_opens_the_expired_page_and_a_month_later_nothing() {
    let site = TestSite::fixture("mini");
    site.run(&["build", "--date", "2026-11-29"]).expect_code(0);
    assert!(
        page_of(&site, LIVE)
            .select(&sel(".closed-state"))
            .next()
            .is_none(),
        "live today"
    );
    assert!(
        site.output_text("print/xincheng/index.html")
            .contains("<svg class=\"qr\"")
    );
    // It expires on 11-30; the sheet of 11-29 is still on the notice board on 12-02.
    site.run(&["build", "--date", "2026-12-02"]).expect_code(0);
    let page = page_of(&site, LIVE);
    assert!(
        page.select(&sel(".closed-state")).next().is_some(),
        "the code still opens a page"
    );
    assert!(names_anywhere_public(&site, LIVE).is_empty());
    // 30 days on (expired_pages_days), the address is gone.
    site.run(&["build", "--date", "2027-01-05"]).expect_code(0);
    assert!(!site.output().join(format!("jobs/{LIVE}")).exists());
    // And a site may keep them for less.
    let settings = site.read("content/site.yaml");
    site.write(
        "content/site.yaml",
        &format!("{settings}expired_pages_days: 1\n"),
    );
    site.run(&["build", "--date", "2026-12-02"]).expect_code(0);
    assert!(!site.output().join(format!("jobs/{LIVE}")).exists());
}

#[test]
fn a_filled_posting_leaves_the_board_and_says_so() {
    let site = TestSite::fixture("mini");
    site.edit(
        "content/jobs/xincheng.yaml",
        "    kind: day\n    contact: {name: 王师傅",
        "    kind: day\n    status: filled\n    contact: {name: 王师傅",
    );
    let run = site.run(&["build"]);
    run.expect_code(0);
    let state: String = page_of(&site, LIVE)
        .select(&sel(".closed-state strong"))
        .next()
        .expect("the state")
        .text()
        .collect();
    assert_eq!(state, "该岗位已招满");
    assert!(
        names_anywhere_public(&site, LIVE).is_empty(),
        "{:?}",
        names_anywhere_public(&site, LIVE)
    );
}
