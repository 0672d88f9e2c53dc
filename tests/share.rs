//! Share cards: a page shared into WeChat or another app shows its title, a description
//! and the site's picture, from `<meta name="description">` and Open Graph tags on every
//! page of the site (the picture only with `base_url`: apps need an absolute address).

mod common;

use common::{TestSite, sel};

fn meta<'a>(page: &'a scraper::Html, css: &str) -> Option<&'a str> {
    page.select(&sel(css))
        .next()
        .and_then(|m| m.value().attr("content"))
}

#[test]
fn every_page_has_a_description_and_open_graph_tags() {
    let site = TestSite::mini_in_three_languages();
    site.run(&["build"]).expect_code(0);
    let pages: Vec<String> = site
        .output_files()
        .into_iter()
        .filter(|f| f.ends_with(".html") && !f.contains("print/") && !f.contains("kiosk/"))
        .collect();
    assert!(pages.len() > 30, "{}", pages.len());
    for rel in &pages {
        let page = site.html(rel);
        let description = meta(&page, r#"meta[name="description"]"#)
            .unwrap_or_else(|| panic!("{rel}: no description"));
        assert!(!description.trim().is_empty(), "{rel}");
        assert_eq!(
            meta(&page, r#"meta[property="og:description"]"#),
            Some(description)
        );
        let title = meta(&page, r#"meta[property="og:title"]"#).unwrap_or_else(|| panic!("{rel}"));
        assert!(!title.is_empty(), "{rel}");
        let canonical = page
            .select(&sel(r#"link[rel="canonical"]"#))
            .next()
            .and_then(|l| l.value().attr("href"));
        assert_eq!(
            meta(&page, r#"meta[property="og:url"]"#),
            canonical,
            "{rel}"
        );
        let image = meta(&page, r#"meta[property="og:image"]"#).unwrap_or_else(|| panic!("{rel}"));
        let path = image
            .strip_prefix("https://gig.example.org.cn/")
            .unwrap_or_else(|| panic!("{rel}: {image} is not on the site"));
        let bytes = std::fs::read(site.output().join(path)).expect("the picture is written");
        assert!(
            bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
            "a PNG, which every app shows"
        );
    }
    // A posting's card says what the job pays and where.
    let posting = site.html("jobs/xincheng-20261127-01/index.html");
    let card = meta(&posting, r#"meta[name="description"]"#).expect("description");
    assert!(
        card.contains("25 元/小时") && card.contains("新城区"),
        "{card}"
    );
}

#[test]
fn without_base_url_there_is_no_picture_but_still_a_description() {
    let site = TestSite::fixture("mini");
    site.edit(
        "content/site.yaml",
        "base_url: https://gig.example.org.cn/\n",
        "",
    );
    site.run(&["build"]).expect_code(0);
    let board = site.html("index.html");
    assert!(meta(&board, r#"meta[property="og:image"]"#).is_none());
    assert!(meta(&board, r#"meta[name="description"]"#).is_some_and(|d| !d.is_empty()));
}
