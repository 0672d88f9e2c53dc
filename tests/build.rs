//! `gigboard build` as a publisher meets it: every page family written, nothing
//! unpublishable leaked, the same input giving the same bytes, a failed build leaving
//! the last good site alone, links that work from `file://`, and structured data that
//! search engines can read and hostile text cannot break.

mod common;

use common::{
    REPO, Run, TestSite, assert_same_tree, files_under, gigboard, location, sel, snapshot,
};
use scraper::Html;
use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

/// The day the sample site and the mini fixture are built for.
const TODAY: &str = "2026-11-27";

/// The live postings of the mini fixture: id, title, pay unit in JSON-LD, kind.
const MINI_LIVE: &[(&str, &str, &str, &str)] = &[
    ("xincheng-20261127-01", "小区楼道保洁", "HOUR", "part_time"),
    ("xincheng-20261127-02", "装修小工", "DAY", "day"),
    ("huimin-20261127-01", "快递包裹分拣", "PIECE", "piece"),
    ("huimin-20261127-02", "商场夜间保洁", "MONTH", "full_time"),
];

/// What of the mini fixture's expired posting (2026-11-25) and unverified posting must
/// never be published: ids, titles, employers.
const MINI_UNPUBLISHED: &[&str] = &[
    "xincheng-20261120-03",
    "冷库夜班卸货",
    "过期冷链物流有限公司",
    "xincheng-20261127-04",
    "展会临时搭建",
    "未核实会展服务有限公司",
];

/// The mini fixture, built into its `output/`.
fn built_mini(args: &[&str]) -> TestSite {
    let site = TestSite::fixture("mini");
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    site.run(&all).expect_code(0);
    site
}

/// Every output file as text (binary files lossily), to search for leaks.
fn all_output_text(dir: &Path) -> Vec<(String, String)> {
    files_under(dir)
        .into_iter()
        .map(|rel| {
            let bytes = std::fs::read(dir.join(&rel)).expect("read an output file");
            (rel, String::from_utf8_lossy(&bytes).into_owned())
        })
        .collect()
}

/// The `application/ld+json` scripts of a page, parsed.
/// Whether the page at `path` is the page of a posting no longer open (该岗位已过期).
fn is_closed_page(path: &Path) -> bool {
    std::fs::read_to_string(path).is_ok_and(|t| t.contains("class=\"closed-state\""))
}

fn json_ld(page: &Html) -> Vec<serde_json::Value> {
    page.select(&sel(r#"script[type="application/ld+json"]"#))
        .map(|s| {
            let text: String = s.text().collect();
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("bad JSON-LD ({e}): {text}"))
        })
        .collect()
}

// --- the mini fixture -----------------------------------------------------------------

#[test]
fn the_mini_site_builds_every_page_family() {
    let site = TestSite::fixture("mini");
    let run = site.run(&["build"]);
    run.expect_code(0);
    assert!(
        run.stderr.contains("4 live postings"),
        "summary: {}",
        run.stderr
    );

    let files: BTreeSet<String> = site.output_files().into_iter().collect();
    let mut expected = vec![
        "index.html".to_string(),
        "404.html".into(),
        "css/site.css".into(),
        "jobs/index.html".into(),
        "categories/index.html".into(),
        "regions/index.html".into(),
        "regions/150100/index.html".into(),
        "regions/150100/150102/index.html".into(),
        "regions/150100/150103/index.html".into(),
        "markets/index.html".into(),
        "markets/xincheng/index.html".into(),
        "markets/huimin/index.html".into(),
        "about/index.html".into(),
    ];
    expected.extend(MINI_LIVE.iter().map(|p| format!("jobs/{}/index.html", p.0)));
    // The expired posting keeps a page that says so (README: pages that outlive their posting).
    expected.push("jobs/xincheng-20261120-03/index.html".into());
    expected.extend(
        ["construction", "cleaning", "loading"].map(|c| format!("categories/{c}/index.html")),
    );
    let missing: Vec<&String> = expected.iter().filter(|f| !files.contains(*f)).collect();
    assert!(missing.is_empty(), "missing {missing:?} in {files:#?}");

    // One page per live posting, and no other (but the expired one's, which says so).
    let posting_pages: BTreeSet<&str> = files
        .iter()
        .filter_map(|f| f.strip_prefix("jobs/")?.strip_suffix("/index.html"))
        .filter(|id| !id.starts_with("page/"))
        .filter(|id| !is_closed_page(&site.output().join(format!("jobs/{id}/index.html"))))
        .collect();
    assert!(is_closed_page(
        &site.output().join("jobs/xincheng-20261120-03/index.html")
    ));
    let live: BTreeSet<&str> = MINI_LIVE.iter().map(|p| p.0).collect();
    assert_eq!(posting_pages, live);

    for (id, title, _, _) in MINI_LIVE {
        let page = site.html(&format!("jobs/{id}/index.html"));
        let h1: String = page
            .select(&sel("h1"))
            .next()
            .expect("a posting page has an h1")
            .text()
            .collect();
        assert_eq!(h1.trim(), *title);
    }
    let about = site.output_text("about/index.html");
    assert!(about.contains("关于本站") && about.contains("全部免费"));
}

#[test]
fn a_county_page_lists_its_markets_with_hours_and_service_line_on_every_list_page() {
    let site = TestSite::fixture("mini");
    site.edit("content/site.yaml", "paginate: 30\n", "paginate: 1\n");
    site.run(&["build"]).expect_code(0);
    for page in [
        "regions/150100/150102/index.html",
        "regions/150100/150102/page/2/index.html",
    ] {
        let doc = site.html(page);
        let items: Vec<String> = doc
            .select(&sel("ul.market-list li"))
            .map(|li| li.text().collect::<String>())
            .collect();
        assert_eq!(items.len(), 1, "{page}: {items:?}");
        let link = doc
            .select(&sel("ul.market-list li a"))
            .next()
            .and_then(|a| a.value().attr("href"))
            .unwrap_or_default()
            .to_string();
        assert!(
            link.ends_with("markets/xincheng/index.html"),
            "{page}: {link}"
        );
        let item = &items[0];
        assert!(item.contains("06:00"), "{page}: today's hours in {item}");
        assert!(
            item.contains("0471-0000-0101"),
            "{page}: service line in {item}"
        );
        let tel = doc.select(&sel("ul.market-list a.tel")).next();
        assert_eq!(
            tel.and_then(|a| a.value().attr("href")),
            Some("tel:047100000101"),
            "{page}"
        );
    }
}

#[test]
fn a_market_page_shows_one_page_of_its_postings_and_a_pager_to_the_rest() {
    let site = TestSite::fixture("mini");
    site.edit("content/site.yaml", "paginate: 30\n", "paginate: 1\n");
    site.run(&["build"]).expect_code(0);
    let titles = |doc: &Html| -> Vec<String> {
        doc.select(&sel("article.card h2 a, article.card h3 a"))
            .map(|a| a.text().collect::<String>().trim().to_string())
            .collect()
    };
    let first = site.html("markets/xincheng/index.html");
    let second = site.html("markets/xincheng/page/2/index.html");
    assert!(
        !site.output().join("markets/xincheng/page/3").exists(),
        "two live postings, one a page"
    );
    // The market's own page: its first posting, the count of all, a pager onward.
    assert_eq!(titles(&first).len(), 1);
    let heading: String = first
        .select(&sel("#postings-h"))
        .next()
        .expect("the postings heading")
        .text()
        .collect();
    assert!(heading.contains('2'), "all postings counted: {heading}");
    let next = first
        .select(&sel("nav.pager a[rel=next]"))
        .next()
        .and_then(|a| a.value().attr("href"))
        .map(str::to_string);
    assert_eq!(
        next.as_deref(),
        Some("../../markets/xincheng/page/2/index.html")
    );
    // Page 2: the other posting, the way back to the market, its hours.
    assert_eq!(titles(&second).len(), 1);
    let crumbs: Vec<String> = second
        .select(&sel("p.crumbs a"))
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    assert!(
        crumbs.contains(&"../../../../markets/xincheng/index.html".to_string()),
        "{crumbs:?}"
    );
    assert!(
        site.output_text("markets/xincheng/page/2/index.html")
            .contains("06:00")
    );
    let mut all: Vec<String> = titles(&first).into_iter().chain(titles(&second)).collect();
    all.sort();
    let mut live: Vec<String> = MINI_LIVE
        .iter()
        .filter(|p| p.0.starts_with("xincheng-"))
        .map(|p| p.1.to_string())
        .collect();
    live.sort();
    assert_eq!(all, live);
}

#[test]
fn timings_name_every_stage_and_page_family_with_a_time() {
    let site = TestSite::fixture("mini");
    let run = site.run(&["build", "--timings"]);
    run.expect_code(0);
    let ms = |label: &str| -> f64 {
        let line = run
            .stderr
            .lines()
            .map(str::trim_start)
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("no `{label}` line in:\n{}", run.stderr));
        line[label.len()..]
            .split_whitespace()
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no time on {line:?}"))
    };
    for stage in ["load + validate", "render", "write", "total"] {
        assert!(ms(stage) >= 0.0);
    }
    let families = [
        "board",
        "job lists",
        "posting pages",
        "categories",
        "regions",
        "markets",
        "print sheets",
        "kiosk screens",
        "feeds and data files",
    ];
    let sum: f64 = families.iter().map(|f| ms(f)).sum();
    // The families are parts of "render": together they cannot take longer.
    assert!(
        sum <= ms("render") + 1.0,
        "{sum} ms > render\n{}",
        run.stderr
    );
}

#[test]
fn the_board_lists_quick_hires_first() {
    let site = built_mini(&["--no-minify"]);
    let board = site.html("index.html");
    let quick: Vec<String> = board
        .select(&sel(".quick-hires .card h3"))
        .map(|h| h.text().collect::<String>().trim().to_string())
        .collect();
    assert_eq!(quick, vec!["小区楼道保洁"]);
    let text = site.output_text("index.html");
    let quick_at = text
        .find("小区楼道保洁")
        .expect("the quick hire is on the board");
    for (_, title, _, _) in &MINI_LIVE[1..] {
        let at = text
            .find(title)
            .unwrap_or_else(|| panic!("{title} is on the board"));
        assert!(quick_at < at, "the quick hire comes before {title}");
    }
}

#[test]
fn expired_and_unverified_postings_appear_nowhere() {
    let site = TestSite::fixture("mini");
    let run = site.run(&["build"]);
    run.expect_code(0);
    assert!(
        run.stderr.contains("1 expired, 1 unverified"),
        "{}",
        run.stderr
    );
    for (rel, text) in all_output_text(&site.output()) {
        // The expired posting's own page says it has expired, and names it.
        let own = rel.contains("jobs/xincheng-20261120-03/");
        for secret in MINI_UNPUBLISHED {
            let expired_posting = MINI_UNPUBLISHED[..3].contains(secret);
            if own && expired_posting {
                continue;
            }
            assert!(!text.contains(secret), "{secret} is published in {rel}");
        }
    }
}

#[test]
fn rebuilds_written_into_the_kept_spare_equal_a_build_into_an_empty_folder() {
    let site = TestSite::fixture("mini");
    let fresh = site.path("fresh");
    let fresh = fresh.to_str().expect("a UTF-8 path");
    let build = |args: &[&str]| {
        let mut all = vec!["build", "--date", TODAY];
        all.extend_from_slice(args);
        site.run(&all).expect_code(0);
    };
    build(&[]);
    // The second build keeps the first output as the spare; the third is written into it.
    site.edit("content/jobs/xincheng.yaml", "headcount: 2", "headcount: 4");
    build(&[]);
    assert!(site.path(".output.spare/index.html").is_file());
    // A posting gone and a static file become a folder between the builds: what the
    // spare held for them must not survive.
    let huimin = site.read("content/jobs/huimin.yaml");
    site.write("content/jobs/huimin.yaml", "market: huimin\npostings: []\n");
    site.write("content/static/files/guide", "a file first");
    build(&[]);
    site.write("content/static/files/guide", "");
    std::fs::remove_file(site.path("content/static/files/guide")).expect("rm the file");
    site.write("content/static/files/guide/index.txt", "then a folder");
    build(&[]);
    build(&["--output", fresh]);
    assert_same_tree(&snapshot(Path::new(fresh)), &snapshot(&site.output()));
    assert!(
        huimin.contains("id:"),
        "the fixture's huimin feed has postings"
    );
    assert!(
        !site
            .output_files()
            .iter()
            .any(|f| f.contains("huimin-2026")),
        "a removed posting's page is gone"
    );
    assert_eq!(leftovers(&site), Vec::<String>::new());
}

#[test]
fn two_builds_of_the_same_content_and_date_are_byte_identical() {
    let site = TestSite::fixture("mini");
    let (a, b) = (site.path("a"), site.path("b"));
    for out in [&a, &b] {
        let out = out.to_str().expect("a UTF-8 path");
        site.run(&["build", "--date", TODAY, "--output", out])
            .expect_code(0);
    }
    let first = snapshot(&a);
    assert!(first.len() > 10, "the build wrote the site");
    assert_same_tree(&first, &snapshot(&b));
}

/// Entries next to `output/` that a build left behind (staging or old folders), but the
/// spare (an earlier output kept for the next build to write into). An old output
/// that cannot become the spare is deleted by a background `rm`: given a few seconds.
fn leftovers(site: &TestSite) -> Vec<String> {
    let list = || -> Vec<String> {
        std::fs::read_dir(site.root())
            .expect("list the site folder")
            .map(|e| {
                e.expect("a folder entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .filter(|n| n.starts_with(".output") && n != ".output.spare")
            .collect()
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let found = list();
        let only_old = found.iter().all(|n| n.starts_with(".output.old-"));
        if found.is_empty() || !only_old || std::time::Instant::now() > deadline {
            return found;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn a_build_with_a_content_error_leaves_the_previous_output_untouched() {
    let site = built_mini(&[]);
    let before = snapshot(&site.output());

    site.edit(
        "content/jobs/xincheng.yaml",
        "headcount: 2",
        "headcount: two",
    );
    let run = site.run(&["build"]);
    run.expect_code(1);
    let feed = site.read("content/jobs/xincheng.yaml");
    run.expect_line_with(&[
        &location("content/jobs/xincheng.yaml", &feed, "two"),
        ": error: posting 1 · headcount: ",
    ]);
    assert!(run.stderr.contains("was not changed"), "{}", run.stderr);

    assert_same_tree(&before, &snapshot(&site.output()));
    assert_eq!(leftovers(&site), Vec::<String>::new());
}

#[test]
fn a_build_with_a_template_error_leaves_the_previous_output_untouched() {
    let site = built_mini(&[]);
    let before = snapshot(&site.output());

    site.edit(
        "content/site.yaml",
        "paginate: 30",
        "paginate: 30\ntheme: broken",
    )
    .write(
        "themes/broken/templates/404.html",
        "{% extends \"base.html\" %}{% block main %}{% if %}{% endblock main %}",
    );
    let run = site.run(&["build"]);
    run.expect_code(1);
    assert!(run.stderr.contains("404.html"), "{}", run.stderr);

    assert_same_tree(&before, &snapshot(&site.output()));
    assert_eq!(leftovers(&site), Vec::<String>::new());
}

#[test]
fn a_build_that_fails_while_writing_leaves_the_previous_output_untouched() {
    let site = built_mini(&[]);
    let before = snapshot(&site.output());

    // A static file where the site needs its jobs/ folder: the staged tree cannot be written.
    site.write("content/static/jobs", "not a folder");
    let run = site.run(&["build"]);
    assert_ne!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("was not changed"), "{}", run.stderr);

    assert_same_tree(&before, &snapshot(&site.output()));
    assert_eq!(leftovers(&site), Vec::<String>::new());
}

#[test]

fn a_static_file_that_collides_with_a_generated_page_is_a_check_error() {
    let site = TestSite::fixture("mini");
    site.write("content/static/jobs", "not a folder");
    let run = site.run(&["check"]);
    run.expect_code(1);
    run.expect_line_with(&["content/static/jobs", ": error: "]);
}

/// The mini site with its own theme `mine`, holding one file (`rel` inside the theme).
fn mini_with_theme_file(rel: &str, text: &str) -> TestSite {
    let site = TestSite::fixture("mini");
    site.edit(
        "content/site.yaml",
        "paginate: 30",
        "paginate: 30\ntheme: mine",
    )
    .write(&format!("themes/mine/{rel}"), text);
    site
}

#[test]
fn a_theme_overrides_one_template_and_keeps_the_rest_built_in() {
    const MARKER: &str = "MINE-THEME-404-MARKER";
    let site = mini_with_theme_file(
        "templates/404.html",
        &format!(
            "{{% extends \"base.html\" %}}{{% block main %}}<h1>{MARKER}</h1>{{% endblock main %}}"
        ),
    );
    site.run(&["build"]).expect_code(0);

    assert!(site.output_text("404.html").contains(MARKER));
    for rel in site.output_files() {
        if rel != "404.html" {
            let bytes = std::fs::read(site.output().join(&rel)).expect("read an output file");
            assert!(
                !String::from_utf8_lossy(&bytes).contains(MARKER),
                "{rel} should come from the built-in theme"
            );
        }
    }
    // The rest is the built-in theme: its stylesheet as shipped, its board and navigation.
    let builtin_css = std::fs::read(Path::new(REPO).join("themes/default/static/css/site.css"))
        .expect("the built-in stylesheet");
    let css = std::fs::read(site.output().join("css/site.css")).expect("css/site.css");
    assert!(
        css == builtin_css,
        "css/site.css should be the built-in stylesheet"
    );
    let board = site.html("index.html");
    assert!(
        board.select(&sel("nav a")).count() >= 5,
        "built-in navigation"
    );
    assert!(site.output_text("index.html").contains("今日零工岗位"));
}

#[test]
fn the_menu_and_footer_partials_reach_every_page_with_links_for_its_depth() {
    // `base.html` takes them made once per folder depth: a theme's own footer must show
    // on pages of every depth, each with links that climb its own folders.
    let site = mini_with_theme_file(
        "templates/partials/site_footer.html",
        "<footer class=\"mine\"><a href=\"{{ root }}help/index.html\">MINE-FOOTER {{ t.nav_help }}</a></footer>\n",
    );
    site.run(&["build"]).expect_code(0);
    let pages = site
        .output_files()
        .into_iter()
        .filter(|f| {
            f.ends_with("index.html") && !f.starts_with("print/") && !f.starts_with("kiosk/")
        })
        .collect::<Vec<_>>();
    let mut depths = std::collections::BTreeSet::new();
    for rel in &pages {
        let page = site.html(rel);
        let depth = rel.matches('/').count();
        let up = "../".repeat(depth);
        let footer: Vec<_> = page.select(&sel("footer.mine a")).collect();
        assert_eq!(footer.len(), 1, "{rel}: the theme's footer, once");
        assert_eq!(
            footer[0].value().attr("href"),
            Some(format!("{up}help/index.html").as_str()),
            "{rel}"
        );
        assert!(
            footer[0].text().collect::<String>().contains("MINE-FOOTER"),
            "{rel}"
        );
        // The built-in menu, made for this depth too.
        let menu: Vec<_> = page
            .select(&sel("nav.main-nav a"))
            .filter_map(|a| a.value().attr("href"))
            .collect();
        assert!(
            menu.contains(&format!("{up}jobs/index.html").as_str()),
            "{rel}: {menu:?}"
        );
        depths.insert(depth);
    }
    assert!(depths.len() >= 4, "pages of several depths: {depths:?}");
}

// --- structured data and hostile text -------------------------------------------------

#[test]
fn a_posting_page_carries_one_schema_org_job_posting() {
    let site = built_mini(&[]);
    let feeds = [
        site.read("content/jobs/xincheng.yaml"),
        site.read("content/jobs/huimin.yaml"),
    ]
    .concat();
    for (id, title, unit, kind) in MINI_LIVE {
        let page = site.html(&format!("jobs/{id}/index.html"));
        let lds = json_ld(&page);
        assert_eq!(lds.len(), 1, "{id}: exactly one JSON-LD script");
        let ld = &lds[0];
        assert_eq!(ld["@type"], "JobPosting", "{id}");
        assert_eq!(ld["title"], *title, "{id}");
        assert!(
            ld["description"].as_str().is_some_and(|d| !d.is_empty()),
            "{id}: description"
        );
        // posted / expires as written in the feed.
        let block = &feeds[feeds.find(id).expect("the id is in a feed")..];
        let field = |name: &str| -> &str {
            let at = block.find(&format!("    {name}: ")).expect("field in feed") + name.len() + 6;
            block[at..].lines().next().expect("a value").trim()
        };
        assert_eq!(ld["datePosted"], field("posted"), "{id}");
        assert!(
            ld["validThrough"]
                .as_str()
                .is_some_and(|v| v.starts_with(field("expires"))),
            "{id}: validThrough {}",
            ld["validThrough"]
        );
        assert!(
            ld["hiringOrganization"]["name"]
                .as_str()
                .is_some_and(|n| !n.is_empty()),
            "{id}"
        );
        assert!(
            ld["validThrough"]
                .as_str()
                .is_some_and(|v| v.ends_with("T23:59:59+08:00")),
            "{id}: the end of the last day in the site's zone"
        );
        assert_eq!(ld["jobLocation"]["address"]["addressCountry"], "CN", "{id}");
        if *unit == "PIECE" {
            // schema.org has no unit for a piece: no amount that reads as CNY per
            // nothing; the description carries the pay and what one piece is.
            assert!(ld.get("baseSalary").is_none(), "{id}: {}", ld["baseSalary"]);
            assert!(
                ld["description"]
                    .as_str()
                    .is_some_and(|d| d.contains("元/件")),
                "{id}: {}",
                ld["description"]
            );
        } else {
            assert_eq!(ld["baseSalary"]["currency"], "CNY", "{id}");
            assert_eq!(ld["baseSalary"]["value"]["unitText"], *unit, "{id}");
        }
        let types: Vec<&str> = match &ld["employmentType"] {
            serde_json::Value::String(s) => vec![s.as_str()],
            serde_json::Value::Array(a) => a.iter().filter_map(|v| v.as_str()).collect(),
            other => panic!("{id}: employmentType {other}"),
        };
        let schema_org = [
            "FULL_TIME",
            "PART_TIME",
            "CONTRACTOR",
            "TEMPORARY",
            "INTERN",
            "VOLUNTEER",
            "PER_DIEM",
            "OTHER",
        ];
        assert!(
            !types.is_empty() && types.iter().all(|t| schema_org.contains(t)),
            "{id}: employmentType {types:?}"
        );
        match *kind {
            "full_time" => assert!(types.contains(&"FULL_TIME"), "{id}"),
            "part_time" => assert!(types.contains(&"PART_TIME"), "{id}"),
            _ => {}
        }
    }
}

#[test]
fn only_posting_pages_carry_job_posting_json_ld() {
    let site = TestSite::mini_in_three_languages();
    site.run(&["build"]).expect_code(0);
    for rel in site.output_files() {
        if !rel.ends_with(".html") {
            continue;
        }
        // Once per posting: on the Chinese page, which the en/ and mn/ pages name as
        // canonical.
        let is_posting = rel
            .strip_prefix("jobs/")
            .and_then(|r| r.strip_suffix("/index.html"))
            .is_some_and(|id| !id.contains('/'))
            && !is_closed_page(&site.output().join(&rel));
        let job_postings = json_ld(&site.html(&rel))
            .iter()
            .filter(|ld| ld["@type"] == "JobPosting")
            .count();
        assert_eq!(
            job_postings,
            usize::from(is_posting),
            "{rel}: JobPosting JSON-LD only on posting pages"
        );
    }
}

#[test]
fn hostile_text_in_content_cannot_inject_script_or_attributes() {
    const TITLE: &str = "</script><script>alert(1)</script>";
    const EMPLOYER: &str = "测试公司\" onclick=\"x";
    let site = TestSite::fixture("mini");
    site.write(
        "content/jobs/zz-hostile.yaml",
        r#"market: xincheng
postings:
  - id: "hostile-01"
    title: "</script><script>alert(1)</script>"
    category: cleaning
    employer: {name: "测试公司\" onclick=\"x", kind: company}
    pay: {amount: 200, unit: day}
    location: {address: "测试路<img src=x onerror=alert(2)>"}
    posted: 2026-11-27
    expires: 2026-11-29
    contact: {name: "王\" onclick=\"x", phone: "138-0000-0999"}
    requirements: "<b onclick=\"x\">手脚麻利</b>"
    body: |
      正文<img src=x onerror="alert(3)"> 与 <script>alert(4)</script>
    verified: {by: 审核员, on: 2026-11-27}
"#,
    )
    .edit(
        "content/markets/xincheng.yaml",
        "name: 新城区测试零工市场",
        "name: \"新城区测试零工市场\\\" onclick=\\\"x\"",
    )
    .edit(
        "content/pages/about.md",
        "description: 测试站点的说明页。",
        "description: '说明\" onclick=\"x'",
    );
    site.run(&["build", "--no-minify"]).expect_code(0);

    for rel in site.output_files() {
        if !rel.ends_with(".html") {
            continue;
        }
        let raw = site.output_text(&rel);
        for bad in ["<script>alert", "<img src=x", "<b onclick"] {
            assert!(!raw.contains(bad), "{rel} contains {bad}");
        }
        let page = Html::parse_document(&raw);
        for el in page.select(&sel("*")) {
            for (name, _) in el.value().attrs() {
                assert!(
                    !name.starts_with("on"),
                    "{rel}: <{} {name}> from content",
                    el.value().name()
                );
            }
        }
        for script in page.select(&sel("script")) {
            let v = script.value();
            // The one inline script the theme writes: the 404 page's base, so that its
            // links work at any address a server shows it.
            let theme_base = rel == "404.html"
                && script
                    .inner_html()
                    .starts_with("if (location.protocol !== \"file:\")");
            assert!(
                v.attr("type") == Some("application/ld+json")
                    || v.attr("src").is_some()
                    || theme_base,
                "{rel}: an inline script that is not JSON-LD: {}",
                script.html()
            );
        }
    }
    let page = site.html("jobs/hostile-01/index.html");
    let lds = json_ld(&page);
    assert_eq!(lds.len(), 1, "the JSON-LD script was not split");
    assert_eq!(lds[0]["title"], TITLE);
    assert_eq!(lds[0]["hiringOrganization"]["name"], EMPLOYER);
    let h1: String = page
        .select(&sel("h1"))
        .next()
        .expect("an h1")
        .text()
        .collect();
    assert_eq!(h1.trim(), TITLE, "the title is shown as text");
}

#[test]
fn a_phone_number_with_markup_never_becomes_markup() {
    // gigboard may refuse such a number (a located error on contact.phone) or publish it
    // escaped; what it must never do is write it into a page as an attribute.
    const PHONE: &str = "138-0000-0999\" onclick=\"x";
    let site = TestSite::fixture("mini");
    let feed = format!(
        r#"market: xincheng
postings:
  - id: "phone-01"
    title: 搬家助手
    category: loading
    employer: {{name: 测试搬家公司, kind: company}}
    pay: {{amount: 200, unit: day}}
    posted: 2026-11-27
    expires: 2026-11-29
    contact: {{name: 吴师傅, phone: "{}"}}
    verified: {{by: 审核员, on: 2026-11-27}}
"#,
        PHONE.replace('"', "\\\"")
    );
    site.write("content/jobs/zz-phone.yaml", &feed);
    let run = site.run(&["build", "--no-minify"]);
    match run.code {
        1 => {
            run.expect_line_with(&[
                "content/jobs/zz-phone.yaml:",
                ": error: posting 1 · contact · phone: ",
            ]);
        }
        0 => {
            for rel in site.output_files() {
                if rel.ends_with(".html") {
                    let page = site.html(&rel);
                    assert_eq!(page.select(&sel("[onclick]")).count(), 0, "{rel}");
                }
            }
            let lds = json_ld(&site.html("jobs/phone-01/index.html"));
            assert_eq!(lds[0]["applicationContact"]["telephone"], PHONE);
        }
        _ => panic!("unexpected exit {}: {}", run.code, run.stderr),
    }
}

// --- the real sample site --------------------------------------------------------------

/// The sample site (`content/` of this repository) built once for the whole file, with
/// `--no-minify`, into a folder under cargo's test scratch space.
struct SampleBuild {
    out: PathBuf,
    run: Run,
}

fn sample() -> &'static SampleBuild {
    static SAMPLE: OnceLock<SampleBuild> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let out = sample_output_dir("shared");
        let run = build_sample(&out);
        run.expect_code(0);
        SampleBuild { out, run }
    })
}

/// A fresh folder for one sample build of this test process. Folders left by earlier
/// runs are removed once the process that made them is gone (never by their age: that
/// would read the clock, and a clock set ahead took a running test's folder).
fn sample_output_dir(name: &str) -> PathBuf {
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("gigboard-build-tests");
    common::remove_left_by_gone_processes(&scratch);
    let dir = scratch.join(format!("{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder for the sample build");
    dir.join("output")
}

fn build_sample(out: &Path) -> Run {
    gigboard(&[
        "build".as_ref(),
        "--root".as_ref(),
        REPO.as_ref(),
        "--date".as_ref(),
        TODAY.as_ref(),
        "--no-minify".as_ref(),
        "--output".as_ref(),
        out.as_os_str(),
    ])
}

/// A posting of the sample as its feed writes it (the generated feeds are regular:
/// `  - id:` opens a posting, its fields are indented four spaces).
struct SamplePosting {
    id: String,
    posted: String,
    expires: String,
    verified_on: Option<String>,
}

impl SamplePosting {
    /// Published on `today`: not expired, verified by its last day, already posted.
    fn is_live(&self, today: &str) -> bool {
        self.expires.as_str() >= today
            && self.posted.as_str() <= today
            && self
                .verified_on
                .as_deref()
                .is_some_and(|on| on <= self.expires.as_str())
    }
}

fn unquote(s: &str) -> String {
    s.trim().trim_matches('"').trim_matches('\'').to_string()
}

fn sample_postings() -> Vec<SamplePosting> {
    let mut out: Vec<SamplePosting> = Vec::new();
    for rel in files_under(&Path::new(REPO).join("content/jobs")) {
        if !rel.ends_with(".yaml") {
            continue;
        }
        let text =
            std::fs::read_to_string(Path::new(REPO).join("content/jobs").join(&rel)).expect("feed");
        for line in text.lines() {
            if let Some(id) = line.strip_prefix("  - id: ") {
                out.push(SamplePosting {
                    id: unquote(id),
                    posted: String::new(),
                    expires: String::new(),
                    verified_on: None,
                });
            } else if let Some(p) = out.last_mut() {
                if let Some(v) = line.strip_prefix("    posted: ") {
                    p.posted = unquote(v);
                } else if let Some(v) = line.strip_prefix("    expires: ") {
                    p.expires = unquote(v);
                } else if let Some(v) = line.strip_prefix("    verified: ") {
                    let on = v.split("on:").nth(1).expect("verified: {by, on}");
                    p.verified_on = Some(unquote(on.trim().trim_end_matches('}')));
                }
            }
        }
    }
    out
}

/// The number before `what` in the build's summary line (`… 305 live postings, …`).
fn summary_count(run: &Run, what: &str) -> usize {
    let at = run.stderr.find(what).expect("the summary names it");
    run.stderr[..at]
        .split_whitespace()
        .last()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count before {what}: {}", run.stderr))
}

#[test]
fn the_sample_site_has_a_page_for_every_live_posting_market_county_and_category() {
    let SampleBuild { out, run } = sample();
    let exists = |rel: &str| out.join(rel).is_file();

    // Postings: every live one has a page, no other one has.
    let postings = sample_postings();
    let live: BTreeSet<&str> = postings
        .iter()
        .filter(|p| p.is_live(TODAY))
        .map(|p| p.id.as_str())
        .collect();
    assert!(live.len() > 100, "the sample shows a full board");
    assert_eq!(live.len(), summary_count(run, "live postings"));
    for p in &postings {
        let page = format!("jobs/{}/index.html", p.id);
        // An expired, verified posting keeps a page saying so (within 30 days).
        let shown = exists(&page) && !is_closed_page(&out.join(&page));
        if exists(&page) && !shown {
            assert!(
                p.expires.as_str() < TODAY && p.verified_on.is_some(),
                "{page} is a closed page"
            );
        }
        assert_eq!(
            shown,
            p.is_live(TODAY),
            "jobs/{}/ (posted {}, expires {}, verified {:?})",
            p.id,
            p.posted,
            p.expires,
            p.verified_on
        );
    }

    // Markets: one page per market file (id defaults to the file name).
    let markets_dir = Path::new(REPO).join("content/markets");
    let market_files = files_under(&markets_dir);
    assert!(!market_files.is_empty());
    for rel in market_files {
        let text = std::fs::read_to_string(markets_dir.join(&rel)).expect("market file");
        let id = text
            .lines()
            .find_map(|l| l.strip_prefix("id: ").map(unquote))
            .unwrap_or_else(|| rel.trim_end_matches(".yaml").to_string());
        assert!(exists(&format!("markets/{id}/index.html")), "market {id}");
    }

    // Regions: every league and every county of regions.yaml.
    let regions =
        std::fs::read_to_string(Path::new(REPO).join("content/regions.yaml")).expect("regions");
    let (mut league, mut counties) = (String::new(), 0);
    for line in regions.lines() {
        if let Some(code) = line.strip_prefix("  - code: ") {
            league = unquote(code);
            assert!(exists(&format!("regions/{league}/index.html")), "{league}");
        } else if let Some(code) = line.strip_prefix("      - code: ") {
            let county = unquote(code);
            counties += 1;
            assert!(
                exists(&format!("regions/{league}/{county}/index.html")),
                "county {county}"
            );
        }
    }
    assert!(
        counties > 90,
        "Inner Mongolia has 103 county-level divisions"
    );

    // Categories: every slug under `categories:` in site.yaml.
    let config = std::fs::read_to_string(Path::new(REPO).join("content/site.yaml")).expect("site");
    let slugs: Vec<&str> = config
        .lines()
        .skip_while(|l| !l.starts_with("categories:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.trim().split(':').next())
        .collect();
    assert!(slugs.len() > 5, "{slugs:?}");
    for slug in slugs {
        assert!(exists(&format!("categories/{slug}/index.html")), "{slug}");
    }
}

/// `target` resolved against the folder of the page `from`, within the output root;
/// `None` when it climbs out of it.
fn resolve(from: &str, target: &str) -> Option<String> {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for c in Path::new(target).components() {
        match c {
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::Normal(s) => parts.push(s.to_str()?),
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(parts.join("/"))
}

/// One `href` or `src` of a page of the sample.
struct Link {
    page: String,
    attr: &'static str,
    link: String,
    /// Inside markdown an editor wrote (`.prose`), rather than written by the theme.
    from_markdown: bool,
}

/// Every `href` and `src` of every page of the sample build, parsed once.
fn sample_links() -> &'static [Link] {
    static LINKS: OnceLock<Vec<Link>> = OnceLock::new();
    LINKS.get_or_init(|| {
        let out = &sample().out;
        let mut links = Vec::new();
        for rel in files_under(out) {
            if !rel.ends_with(".html") {
                continue;
            }
            let text = std::fs::read_to_string(out.join(&rel)).expect("an output page");
            let page = Html::parse_document(&text);
            for el in page.select(&sel("[href], [src]")) {
                let from_markdown = el
                    .ancestors()
                    .filter_map(scraper::ElementRef::wrap)
                    .any(|a| a.value().classes().any(|c| c == "prose"));
                for attr in ["href", "src"] {
                    if let Some(link) = el.value().attr(attr) {
                        links.push(Link {
                            page: rel.clone(),
                            attr,
                            link: link.to_string(),
                            from_markdown,
                        });
                    }
                }
            }
        }
        links
    })
}

/// Links that leave the site or stay on the page: not checked against the output.
fn is_external(link: &str) -> bool {
    ["http:", "https:", "tel:", "mailto:", "#", "data:", "geo:"]
        .iter()
        .any(|p| link.starts_with(p))
}

/// Checks the internal links among `links`; the number checked and the broken ones.
fn broken_links<'a>(links: impl Iterator<Item = &'a Link>) -> (usize, Vec<String>) {
    let out = &sample().out;
    let mut checked = 0;
    let mut broken = Vec::new();
    for Link {
        page, attr, link, ..
    } in links.filter(|l| !is_external(&l.link))
    {
        checked += 1;
        let path = link.split(['#', '?']).next().unwrap_or_default();
        match resolve(page, path) {
            Some(target) if out.join(&target).is_file() => {}
            target => broken.push(format!("{page}: {attr}=\"{link}\" → {target:?}")),
        }
    }
    (checked, broken)
}

#[test]
fn no_link_in_the_sample_site_starts_at_the_domain_root() {
    let rooted: Vec<String> = sample_links()
        .iter()
        .filter(|l| l.link.starts_with('/'))
        .map(|l| format!("{}: {}=\"{}\"", l.page, l.attr, l.link))
        .collect();
    assert!(
        rooted.is_empty(),
        "links that break from file:// and a sub-path: {rooted:#?}"
    );
}

#[test]
fn every_link_the_theme_writes_in_the_sample_site_leads_to_a_file() {
    let (checked, broken) = broken_links(sample_links().iter().filter(|l| !l.from_markdown));
    assert!(checked > 1000, "only {checked} links checked");
    assert!(
        broken.is_empty(),
        "{} broken links, first: {:#?}",
        broken.len(),
        &broken[..broken.len().min(20)]
    );
}

#[test]

fn every_link_editors_write_in_markdown_leads_to_a_file() {
    let (checked, broken) = broken_links(sample_links().iter().filter(|l| l.from_markdown));
    assert!(checked > 0, "the sample pages link to each other");
    assert!(
        broken.is_empty(),
        "{} broken links, first: {:#?}",
        broken.len(),
        &broken[..broken.len().min(20)]
    );
}

#[test]
fn the_sample_site_builds_byte_identically_twice() {
    let first = snapshot(&sample().out);
    let again = sample_output_dir("again");
    build_sample(&again).expect_code(0);
    assert_same_tree(&first, &snapshot(&again));
    let _ = std::fs::remove_dir_all(again.parent().expect("the scratch folder"));
}

/// The tag names of every element and the words between them, in document order:
/// what a reader gets from a page, whatever the white space between tags.
fn page_shape(html: &str) -> (Vec<String>, String) {
    let doc = Html::parse_document(html);
    let tags = doc
        .root_element()
        .descendants()
        .filter_map(|n| n.value().as_element().map(|e| e.name().to_string()))
        .collect();
    // Words with runs of white space made one space: minifying may only take out white
    // space a browser would not draw, never join two words or split one.
    let text: String = doc.root_element().text().collect::<Vec<_>>().join("");
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (tags, words)
}

#[test]
fn minified_pages_have_the_same_elements_and_words_and_fewer_bytes() {
    let minified = built_mini(&[]);
    let plain = built_mini(&["--no-minify"]);
    let pages: Vec<String> = minified
        .output_files()
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        .collect();
    assert_eq!(
        pages,
        plain
            .output_files()
            .into_iter()
            .filter(|f| f.ends_with(".html"))
            .collect::<Vec<_>>()
    );
    assert!(pages.len() > 20, "{pages:?}");
    let (mut small, mut big) = (0, 0);
    for page in &pages {
        let (a, b) = (minified.output_text(page), plain.output_text(page));
        small += a.len();
        big += b.len();
        let (tags_a, words_a) = page_shape(&a);
        let (tags_b, words_b) = page_shape(&b);
        assert_eq!(tags_a, tags_b, "{page}: the same elements");
        // Line breaks between block tags are dropped, so compare without the spaces
        // next to them: the word sequence must be the same.
        assert_eq!(
            words_a.replace(' ', ""),
            words_b.replace(' ', ""),
            "{page}: the same text"
        );
        assert!(
            words_a.split(' ').count() <= words_b.split(' ').count(),
            "{page}: no word was split"
        );
        assert!(
            !a.contains(">\n<"),
            "{page}: no line break left between tags"
        );
    }
    assert!(small < big, "minified {small} bytes, plain {big}");
}

#[test]
fn feeds_and_calendars_write_dates_in_the_site_s_own_time_zone() {
    let site = TestSite::fixture("mini");
    site.edit(
        "content/site.yaml",
        "timezone: Asia/Shanghai",
        "timezone: Asia/Tokyo",
    );
    site.run(&["build"]).expect_code(0);
    let atom = site.output_text("feed.xml");
    assert!(atom.contains("T00:00:00+09:00"), "{atom}");
    assert!(!atom.contains("+08:00"), "{atom}");
    let json: serde_json::Value =
        serde_json::from_str(&site.output_text("feed.json")).expect("JSON feed");
    let published = json["items"][0]["date_published"].as_str().expect("a date");
    assert!(published.ends_with("T00:00:00+09:00"), "{published}");
}

#[test]
fn the_sitemap_lists_no_page_that_asks_not_to_be_indexed() {
    let site = TestSite::mini_in_three_languages();
    site.run(&["build"]).expect_code(0);
    let sitemap = site.output_text("sitemap.xml");
    let base = "https://gig.example.org.cn/";
    let mut listed = 0;
    for loc in sitemap.split("<loc>").skip(1) {
        let url = loc.split("</loc>").next().expect("a closing tag");
        let rel = url.strip_prefix(base).expect("under base_url");
        let page = site.html(&format!("{rel}index.html"));
        let noindex = page.select(&common::sel("meta[name=robots]")).any(|m| {
            m.value()
                .attr("content")
                .is_some_and(|c| c.contains("noindex"))
        });
        assert!(!noindex, "{url} is noindex but in the sitemap");
        listed += 1;
    }
    assert!(listed > 20, "{listed}");
    // The kiosk screens of every language are noindex, and left out.
    assert!(site.output().join("en/kiosk").is_dir());
    assert!(!sitemap.contains("kiosk/"), "{sitemap}");
}

#[test]
fn the_employer_s_credit_code_and_an_agency_s_licence_are_checked_and_shown() {
    let site = TestSite::fixture("mini");
    let feed = "content/jobs/huimin.yaml";
    let employer = "employer: {name: 测试快递回民区网点, kind: company}";
    // One mistyped character: the check character no longer matches.
    site.edit(
        feed,
        employer,
        "employer: {name: 测试快递回民区网点, kind: company, credit_code: \"91350100M000100Y44\"}",
    );
    let run = site.run(&["check"]);
    run.expect_code(1);
    run.expect_line_with(&[
        "huimin.yaml:",
        "posting 1 · employer · credit_code",
        "check character",
    ]);
    // A letter O where a 0 goes is named by its position.
    site.edit(feed, "91350100M000100Y44", "91350100MO00100Y43");
    site.run(&["check"]).expect_line_with(&[
        "posting 1 · employer · credit_code",
        "character 10",
        "is it 0",
    ]);
    // An agency without its licence.
    site.edit(
        feed,
        "kind: company, credit_code: \"91350100MO00100Y43\"",
        "kind: agency, credit_code: \"91350100M000100Y43\"",
    );
    site.run(&["check"])
        .expect_line_with(&["posting 1 · employer · licence", "人力资源服务许可证"]);
    site.edit(
        feed,
        "credit_code: \"91350100M000100Y43\"}",
        "credit_code: \"91350100M000100Y43\", licence: 内人服证字第150103001号}",
    );
    site.run(&["build"]).expect_code(0);
    let page = site.output_text("jobs/huimin-20261127-01/index.html");
    assert!(page.contains("统一社会信用代码") && page.contains("91350100M000100Y43"));
    assert!(page.contains("人力资源服务许可证") && page.contains("内人服证字第150103001号"));
    let jobs: serde_json::Value =
        serde_json::from_str(&site.output_text("jobs.json")).expect("jobs.json");
    let posting = jobs["postings"]
        .as_array()
        .expect("postings")
        .iter()
        .find(|p| p["id"] == "huimin-20261127-01")
        .expect("the posting");
    assert_eq!(posting["employer"]["credit_code"], "91350100M000100Y43");
    assert_eq!(posting["employer"]["licence"], "内人服证字第150103001号");
    let ld = json_ld(&site.html("jobs/huimin-20261127-01/index.html"));
    assert_eq!(ld[0]["hiringOrganization"]["taxID"], "91350100M000100Y43");
}
