//! Root-relative links in content (`[地图](/map/)`): each page makes them relative to
//! itself, so they work opened from a folder and under a sub-path, and `check` (the
//! first and every later one) warns about the ones that point to no page of the site.

mod common;

use common::{Run, TestSite, run_with_cache, sel};
use std::time::Duration;

const PAGE: &str = "content/pages/about.md";
const FEED: &str = "content/jobs/xincheng.yaml";

/// The mini site in three languages, with links in a page, a posting's body and a
/// market's description, and a static file to link to.
fn linked_site() -> TestSite {
    let site = TestSite::mini_in_three_languages();
    let page = site.read(PAGE);
    site.write(
        PAGE,
        &format!(
            "{page}\n[地图](/map/)、[新城区市场](/markets/xincheng/)、[报名表](/files/form.pdf)、\
             [首页](/)、[不存在的市场](/markets/nowhere/)、[乱写](/foo/bar/)\n"
        ),
    );
    site.edit(
        FEED,
        "      清扫楼道和电梯厅，**工资日结**。\n",
        "      清扫楼道和电梯厅，**工资日结**。另见[装修小工](/jobs/xincheng-20261127-02/)和[旧岗位](/jobs/gone-01/)。\n",
    );
    site.write("content/static/files/form.pdf", "%PDF-1.4\n");
    // Old enough to be remembered by the next check (a file saved within a second is
    // always read again).
    std::thread::sleep(Duration::from_millis(1100));
    site
}

fn href_of(site: &TestSite, page: &str, text: &str) -> String {
    let html = site.html(page);
    html.select(&sel("main a"))
        .find(|a| a.text().collect::<String>() == text)
        .and_then(|a| a.value().attr("href").map(str::to_string))
        .unwrap_or_else(|| panic!("no link `{text}` on {page}"))
}

fn check(site: &TestSite) -> Run {
    let cache = common::test_cache().join(site.root().file_name().expect("a named folder"));
    let mut args: Vec<&std::ffi::OsStr> = vec!["check".as_ref(), "--root".as_ref()];
    args.push(site.root().as_os_str());
    run_with_cache(&args, &cache)
}

#[test]
fn root_relative_links_are_made_relative_to_each_page() {
    let site = linked_site();
    site.run(&["build"]).expect_code(0);
    let about = "about/index.html";
    assert_eq!(href_of(&site, about, "地图"), "../map/index.html");
    assert_eq!(
        href_of(&site, about, "新城区市场"),
        "../markets/xincheng/index.html"
    );
    assert_eq!(href_of(&site, about, "报名表"), "../files/form.pdf");
    assert_eq!(href_of(&site, about, "首页"), "../index.html");
    // In the English copy, pages lead to the English pages; static files are only at
    // the site's root.
    let en = "en/about/index.html";
    assert_eq!(href_of(&site, en, "地图"), "../map/index.html");
    assert_eq!(href_of(&site, en, "报名表"), "../../files/form.pdf");
    let posting = "jobs/xincheng-20261127-01/index.html";
    assert_eq!(
        href_of(&site, posting, "装修小工"),
        "../../jobs/xincheng-20261127-02/index.html"
    );
    // Every relative link that leads into the site leads to a file that exists.
    for (page, text) in [
        (about, "地图"),
        (about, "新城区市场"),
        (about, "报名表"),
        (en, "地图"),
        (en, "报名表"),
        (posting, "装修小工"),
    ] {
        let href = href_of(&site, page, text);
        let folder = site.output().join(page);
        let target = folder.parent().expect("a folder").join(&href);
        assert!(target.is_file(), "{page}: {href} leads nowhere");
    }
}

#[test]
fn check_names_each_link_that_points_nowhere_every_time() {
    let site = linked_site();
    for round in ["first", "again (from what it remembers)"] {
        let run = check(&site);
        run.expect_code(0);
        let warnings: Vec<&str> = run
            .diagnostics("warning")
            .into_iter()
            .filter(|l| l.contains("points to no page"))
            .collect();
        assert_eq!(warnings.len(), 3, "{round}: {warnings:?}");
        run.expect_line_with(&[
            "content/pages/about.md",
            "`/markets/nowhere/`",
            "no market `nowhere`",
        ]);
        run.expect_line_with(&["content/pages/about.md", "`/foo/bar/`", "`foo`"]);
        let line =
            run.expect_line_with(&["xincheng.yaml:", "posting 1 · body", "no posting `gone-01`"]);
        // At the body's text, the line after `body: |`.
        let (body_line, _) = common::line_col(&site.read(FEED), "    body: |");
        let at = format!("xincheng.yaml:{}:", body_line + 1);
        assert!(line.contains(&at), "{round}: {line}");
    }
}

#[test]
fn a_link_to_any_file_the_build_writes_is_never_warned_about() {
    let site = linked_site();
    site.run(&["build"]).expect_code(0);
    let written: Vec<String> = site
        .output_files()
        .into_iter()
        .filter(|f| !f.starts_with('.'))
        .collect();
    assert!(written.len() > 100, "{}", written.len());
    let links: String = written.iter().map(|f| format!("[{f}](/{f})\n")).collect();
    site.write(
        "content/pages/links.md",
        &format!("---\ntitle: 链接\n---\n\n{links}"),
    );
    let run = check(&site);
    run.expect_code(0);
    let nowhere: Vec<&str> = run
        .diagnostics("warning")
        .into_iter()
        .filter(|l| l.contains("points to no page") && l.contains("links.md"))
        .collect();
    assert!(nowhere.is_empty(), "{nowhere:#?}");
}
