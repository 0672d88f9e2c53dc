//! A worker's phone, in Chromium at 360 × 640 (`tests/browser/phone.mjs`): a compact
//! header that leaves a job on the first screen (with 大字 too); choosing a county puts
//! its jobs first and is remembered; a page opened days after its build says so and
//! hides what has expired since, and the market screen stops showing postings; a QR
//! code from yesterday's sheet opens the expired page, and later the 404 page names the
//! posting's market. The pages' clock is fixed by the script: no result depends on the
//! day the tests run.

mod common;

use common::browser::{browser_tools, require, run_script};
use common::{TestSite, sel};
use serde_json::Value;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The sample's pinned day, at six in the morning.
const SAMPLE_MORNING: &str = "2026-11-27T06:00:00+08:00";

fn sample() -> &'static Path {
    static OUT: OnceLock<tempfile::TempDir> = OnceLock::new();
    OUT.get_or_init(|| common::build_sample(&[]))
        .path()
        .join("output")
        .leak()
}

fn tools(test: &str) -> Option<PathBuf> {
    require(test, browser_tools(), "node, playwright-core or Chromium")
}

/// Runs one scenario of phone.mjs over `site` with the pages' clock at `now`.
fn phone(modules: &Path, now: &str, site: &Path, scenario: &[&str]) -> Value {
    let mut args: Vec<&OsStr> = vec!["--now".as_ref(), now.as_ref(), site.as_os_str()];
    args.extend(scenario.iter().map(OsStr::new));
    run_script("phone.mjs", modules, &args)
}

fn num(v: &Value, key: &str) -> i64 {
    v[key]
        .as_i64()
        .unwrap_or_else(|| panic!("{key} is a number in {v}"))
}

fn no_errors(v: &Value) {
    assert_eq!(v["errors"], serde_json::json!([]), "script errors: {v}");
}

#[test]
fn the_phone_header_is_compact_and_a_job_shows_on_the_first_screen() {
    let Some(modules) = tools("phone header") else {
        return;
    };
    let r = phone(
        &modules,
        SAMPLE_MORNING,
        sample(),
        &["first-screen", "index.html"],
    );
    for mode in ["normal", "large"] {
        let v = &r[mode];
        no_errors(v);
        eprintln!(
            "home at 360 × 640, {mode}: main starts at {} px, the first job's title ends at {} px, page {} px",
            num(v, "main_top"),
            num(v, "card_title_bottom"),
            num(v, "length")
        );
        assert_eq!(v["large"], mode == "large", "{v}");
        // A whole job title on the first screen, 大字 or not.
        assert!(num(v, "card_title_bottom") <= 640, "{mode}: {v}");
        assert_eq!(
            v["width"][0], v["width"][1],
            "{mode}: no sideways scrolling"
        );
        // The menu and the languages are folded, and unfold with 菜单.
        assert_eq!(v["nav_shown"], false, "{mode}: {v}");
        assert_eq!(v["languages_shown"], false, "{mode}: {v}");
        let open = &v["after_menu"];
        assert_eq!(open["nav_shown"], true, "{mode}: {open}");
        assert_eq!(open["languages_shown"], true, "{mode}: {open}");
        assert_eq!(open["width"][0], open["width"][1], "{mode}: menu open");
    }
    // Before this layout the sample's board was 78,727 px long and, with 大字, its first
    // job started below the first screen (1,006 px).
    assert!(num(&r["normal"], "length") < 45_000, "{}", r["normal"]);
}

#[test]
fn staff_links_are_out_of_the_workers_way() {
    let home = std::fs::read_to_string(sample().join("index.html")).expect("home");
    let doc = scraper::Html::parse_document(&home);
    // The print link is in the footer now, not above the jobs.
    assert!(doc.select(&sel("main a[href^='print/']")).next().is_none());
    assert!(
        doc.select(&sel("footer .staff-links a[href='print/index.html']"))
            .next()
            .is_some()
    );
    // A market page: the sheet and the screen come after its postings.
    let market = std::fs::read_to_string(sample().join("markets/hohhot-xincheng/index.html"))
        .expect("market");
    let staff = market.find("class=\"staff-links\"").expect("staff links");
    let last_card = market.rfind("class=\"card").expect("cards");
    assert!(staff > last_card);
}

/// The posting pages a county's own page lists (its first page).
fn county_postings(rel: &str) -> Vec<String> {
    let html = std::fs::read_to_string(sample().join(rel)).expect("county page");
    scraper::Html::parse_document(&html)
        .select(&sel("main .card h3 a"))
        .filter_map(|a| a.value().attr("href"))
        .map(|h| h.trim_start_matches("../").to_string())
        .collect()
}

#[test]
fn choosing_a_county_shows_its_jobs_first_and_is_remembered() {
    // Without JavaScript the chooser's links are the county pages, which list the
    // county's jobs before its markets.
    let home = scraper::Html::parse_document(
        &std::fs::read_to_string(sample().join("index.html")).expect("home"),
    );
    let link = home
        .select(&sel(".county-chooser a[data-county='150102']"))
        .next()
        .expect("新城区 in the chooser");
    let county_page = link.value().attr("href").expect("href");
    assert_eq!(county_page, "regions/150100/150102/index.html");
    let page = std::fs::read_to_string(sample().join(county_page)).expect("county page");
    assert!(page.find("class=\"card").expect("cards") < page.find("market-list").expect("markets"));
    let theirs = county_postings(county_page);
    assert!(theirs.len() > 12, "{theirs:?}");

    let Some(modules) = tools("county board") else {
        return;
    };
    let r = phone(
        &modules,
        SAMPLE_MORNING,
        sample(),
        &["county", "index.html", "150102"],
    );
    no_errors(&r);
    assert_eq!(r["board_before"], false, "nothing chosen yet: {r}");
    assert_eq!(r["axe"], serde_json::json!([]), "axe on the chosen board");
    for when in ["chosen", "again"] {
        let v = &r[when];
        assert!(
            v["url"].as_str().expect("url").ends_with("/index.html"),
            "{when}: the home page"
        );
        assert!(
            v["heading"].as_str().expect("heading").contains("新城区"),
            "{when}: {v}"
        );
        let cards: Vec<&str> = v["cards"]
            .as_array()
            .expect("cards")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        // Its first twelve, in the county page's order (quick hires first).
        assert_eq!(cards, theirs[..12], "{when}");
        assert_eq!(v["all_link"], county_page, "{when}");
        // Above the region's quick hires.
        assert!(num(v, "board_top") < num(v, "quick_top"), "{when}: {v}");
    }
}

#[test]
fn a_site_built_two_days_ago_says_so_and_hides_what_expired_since() {
    let Some(modules) = tools("stale pages") else {
        return;
    };
    let pages = [
        "index.html",
        "jobs/index.html",
        "markets/hohhot-xincheng/index.html",
        "kiosk/hohhot-xincheng/index.html",
        "jobs/hohhot-xincheng-20261127-06/index.html",
    ];
    let mut scenario = vec!["stale"];
    scenario.extend(pages);
    // Opened on the day it was built: nothing to say, nothing hidden.
    let fresh = phone(&modules, SAMPLE_MORNING, sample(), &scenario);
    for rel in pages {
        let v = &fresh[rel];
        no_errors(v);
        assert_eq!(v["notice"], Value::Null, "{rel}: {v}");
        assert_eq!(num(v, "cards_hidden"), 0, "{rel}: {v}");
    }
    assert!(
        num(
            &fresh["kiosk/hohhot-xincheng/index.html"],
            "kiosk_cards_shown"
        ) > 0
    );

    // Two days later (a Sunday), nobody having rebuilt it.
    let old = phone(&modules, "2026-11-29T07:00:00+08:00", sample(), &scenario);
    for rel in &pages[..3] {
        let v = &old[rel];
        no_errors(v);
        let notice = v["notice"].as_str().unwrap_or_else(|| panic!("{rel}: {v}"));
        assert!(
            notice.contains("2026年11月27日") && notice.contains("2 天"),
            "{rel}: {notice}"
        );
        assert_eq!(v["header_marked"], true, "{rel}");
        // Every card still shown is live today; the others are hidden and counted.
        for day in v["cards_shown"].as_array().expect("cards") {
            assert!(day.as_str().expect("date") >= "2026-11-29", "{rel}: {day}");
        }
        let hidden = num(v, "cards_hidden");
        assert!(hidden > 0, "{rel}: {v}");
        assert_eq!(
            v["hidden_note"].as_str().expect("count"),
            format!("已隐藏 {hidden} 个今天已过期的岗位。"),
            "{rel}"
        );
    }
    // A posting page whose posting ended on Saturday says so above the rest; one that
    // lasts says only how old the page is.
    // Every page says which day it is for: a posting's page (the same file from day to
    // day) reads it from js/as-of.js, in the same words as the board. (The market
    // screen has its own clock line.)
    for rel in pages.iter().filter(|r| !r.starts_with("kiosk/")) {
        assert_eq!(
            fresh[rel]["as_of_text"], "2026年11月27日 星期五",
            "{rel}: {}",
            fresh[rel]
        );
    }
    let ended = &old["jobs/hohhot-xincheng-20261127-06/index.html"];
    no_errors(ended);
    assert_eq!(ended["posting_ended"], "该岗位已过期", "{ended}");
    assert!(ended["notice"].as_str().is_some_and(|n| n.contains("2 天")));
    assert_eq!(
        fresh["jobs/hohhot-xincheng-20261127-06/index.html"]["notice"],
        Value::Null
    );
    // The market page: today is Sunday, and its hours are Sunday's.
    let market = &old["markets/hohhot-xincheng/index.html"];
    assert_eq!(market["today_rows"], serde_json::json!(["2026-11-29"]));
    let sunday = sunday_hours("markets/hohhot-xincheng/index.html");
    assert_eq!(market["today_hours"].as_str(), Some(sunday.as_str()));
    // The market's screen shows a warning instead of Friday's postings.
    let kiosk = &old["kiosk/hohhot-xincheng/index.html"];
    no_errors(kiosk);
    assert_eq!(num(kiosk, "kiosk_cards_shown"), 0, "{kiosk}");
    assert!(
        kiosk["kiosk_stale"]
            .as_str()
            .is_some_and(|s| s.contains("2026年11月27日")),
        "{kiosk}"
    );
}

/// A market page's weekly hours for Sunday, as the page writes them.
fn sunday_hours(rel: &str) -> String {
    let html = std::fs::read_to_string(sample().join(rel)).expect("market page");
    let doc = scraper::Html::parse_document(&html);
    doc.select(&sel("table.hours tr"))
        .find(|row| {
            row.select(&sel("th"))
                .next()
                .is_some_and(|th| th.text().collect::<String>() == "星期日")
        })
        .and_then(|row| row.select(&sel("td")).next())
        .map(|td| td.text().collect::<String>())
        .expect("Sunday in the weekly hours")
}

#[test]
fn yesterdays_qr_code_opens_the_expired_page_and_later_the_404_names_the_market() {
    let Some(modules) = tools("QR code to a closed posting") else {
        return;
    };
    if !common::browser::runs("zbarimg", "--version") {
        require::<()>("QR code to a closed posting", None, "zbarimg (zbar-tools)");
        return;
    }
    let site = TestSite::fixture("mini");
    site.run(&["build", "--date", "2026-11-29"]).expect_code(0);
    let png = site.path("sheet.png");
    phone(
        &modules,
        "2026-11-29T06:00:00+08:00",
        &site.output(),
        &[
            "shot",
            "print/xincheng/index.html",
            png.to_str().expect("utf8"),
        ],
    );
    let out = Command::new("zbarimg")
        .args(["--raw", "-q"])
        .arg(&png)
        .output()
        .expect("zbarimg runs");
    let urls: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    // The posting that expires on 11-30, as its code on the sheet says.
    let wanted = "https://gig.example.org.cn/jobs/xincheng-20261127-02/";
    assert!(urls.iter().any(|u| u == wanted), "{urls:?}");
    let path = wanted.trim_start_matches("https://gig.example.org.cn/");

    // The sheet is still on the notice board on 12-02.
    site.run(&["build", "--date", "2026-12-02"]).expect_code(0);
    let r = phone(
        &modules,
        "2026-12-02T07:00:00+08:00",
        &site.output(),
        &["served", path],
    );
    let v = &r[path];
    no_errors(v);
    assert_eq!(num(v, "status"), 200, "{v}");
    assert!(
        v["closed"].as_str().is_some_and(|h| h.contains("已过期")),
        "{v}"
    );

    // Past expired_pages_days the address is gone; the 404 page still names the market.
    site.run(&["build", "--date", "2027-01-05"]).expect_code(0);
    let r = phone(
        &modules,
        "2027-01-05T07:00:00+08:00",
        &site.output(),
        &["served", path, "jobs/nobody-knows/", "no/such/page.html"],
    );
    let v = &r[path];
    no_errors(v);
    assert_eq!(num(v, "status"), 404, "{v}");
    assert!(
        v["gone"].as_str().is_some_and(|t| t.contains("新城区")),
        "{v}"
    );
    assert_eq!(
        v["gone_link"], "http://gig.test/markets/xincheng/index.html",
        "{v}"
    );
    // However deep the address, the page has its styles and its way home.
    for p in [path, "jobs/nobody-knows/", "no/such/page.html"] {
        let v = &r[p];
        assert_eq!(v["styled"], "rgb(11, 79, 156)", "{p}: {v}");
    }
    assert_eq!(r["jobs/nobody-knows/"]["gone"], Value::Null);
    assert_eq!(
        r["no/such/page.html"]["home_link"],
        "http://gig.test/index.html"
    );
}

/// Tiananmen: WGS84 and its GCJ-02 point as published (the usual check of the offset).
const WGS: (f64, f64) = (39.908692, 116.397477);
const GCJ: (f64, f64) = (39.910095, 116.403721);

/// Metres between two nearby points.
fn metres(a: (f64, f64), b: (f64, f64)) -> f64 {
    let lat = f64::midpoint(a.0, b.0).to_radians();
    let dy = (a.0 - b.0).to_radians() * 6_371_000.0;
    let dx = (a.1 - b.1).to_radians() * 6_371_000.0 * lat.cos();
    dx.hypot(dy)
}

/// The two numbers after `key` in a link.
fn pair(link: &str, key: &str) -> (f64, f64) {
    let at = link.find(key).unwrap_or_else(|| panic!("{key} in {link}")) + key.len();
    let nums: Vec<f64> = link[at..]
        .split([',', '&', '?', '(', '%'])
        .take(2)
        .map(|n| n.parse().unwrap_or_else(|_| panic!("a number in {link}")))
        .collect();
    (nums[0], nums[1])
}

#[test]
fn on_a_phone_the_directions_buttons_open_each_app_at_its_own_coordinates() {
    let Some(modules) = tools("directions") else {
        return;
    };
    let site = TestSite::fixture("mini");
    site.edit(
        "content/markets/xincheng.yaml",
        "location: {lat: 40.8383, lon: 111.6497}",
        &format!("location: {{lat: {}, lon: {}}}", WGS.0, WGS.1),
    );
    site.run(&["build"]).expect_code(0);
    let r = phone(
        &modules,
        "2026-11-27T06:00:00+08:00",
        &site.output(),
        &["directions", "markets/xincheng/index.html"],
    );
    no_errors(&r);
    let links = r["links"].as_array().expect("links");
    assert_eq!(links.len(), 4, "{r}");
    for l in links {
        assert!(num(l, "height") >= 44, "a thumb's size: {l}");
        assert_eq!(l["inside"], true, "on the screen: {l}");
    }
    let href = |i: usize| links[i]["href"].as_str().expect("href").to_string();
    // 高德 (lon,lat) and 腾讯 (lat,lon) in GCJ-02; 百度 in BD-09, a kilometre off WGS84.
    assert!(href(0).starts_with("https://uri.amap.com/navigation?"));
    let (lon, lat) = pair(&href(0), "to=");
    assert!(metres((lat, lon), GCJ) < 2.0, "高德 {}", href(0));
    assert!(href(1).starts_with("https://api.map.baidu.com/marker?"));
    assert!((1000.0..1600.0).contains(&metres(pair(&href(1), "location="), WGS)));
    assert!(href(2).starts_with("https://apis.map.qq.com/uri/v1/routeplan?"));
    assert!(
        metres(pair(&href(2), "tocoord="), GCJ) < 2.0,
        "腾讯 {}",
        href(2)
    );
    // Any other map app: WGS84 as written.
    assert_eq!(pair(&href(3), "geo:"), WGS);
    for (i, app) in ["高德", "百度", "腾讯"].iter().enumerate() {
        assert!(
            links[i]["text"].as_str().is_some_and(|t| t.contains(app)),
            "{}",
            links[i]
        );
    }
}

#[test]
fn the_market_screen_shows_a_code_a_phone_reads_from_a_metre_and_a_half() {
    let Some(modules) = tools("market screen code") else {
        return;
    };
    if !common::browser::runs("zbarimg", "--version") {
        require::<()>("market screen code", None, "zbarimg (zbar-tools)");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let png = dir.path().join("screen.png");
    let r = phone(
        &modules,
        "2026-11-27T09:00:00+08:00",
        sample(),
        &[
            "screen",
            "kiosk/hohhot-xincheng/index.html",
            "1920",
            "1080",
            png.to_str().expect("utf8"),
        ],
    );
    no_errors(&r);
    // 15 cm on a 43-inch 1080p screen (about 53 cm tall) is some 300 px: a phone's
    // camera reads a code that size from 1.5 m.
    let qr = &r["qr"];
    assert!(num(qr, "width") >= 280, "{r}");
    assert!(
        num(qr, "right") <= 1920 && num(qr, "bottom") <= 1080,
        "on the screen: {r}"
    );
    assert_eq!(r["overflow"], false);
    let out = Command::new("zbarimg")
        .args(["--raw", "-q"])
        .arg(&png)
        .output()
        .expect("zbarimg runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines()
            .any(|l| l.trim() == "https://gig.example.org.cn/markets/hohhot-xincheng/"),
        "{text}"
    );
}

#[test]
fn on_a_phone_the_status_report_is_cards_with_the_totals_first() {
    let Some(modules) = tools("status report on a phone") else {
        return;
    };
    let r = phone(
        &modules,
        SAMPLE_MORNING,
        sample(),
        &["status", "reports/status/index.html"],
    );
    no_errors(&r);
    assert_eq!(
        r["width"][0], r["width"][1],
        "no sideways scrolling: {}",
        r["width"]
    );
    let tables = r["tables"].as_array().expect("tables");
    assert_eq!(tables.len(), 12, "one table a league");
    for t in tables {
        assert!(
            num(t, "totals_top") < num(t, "first_top"),
            "totals first: {t}"
        );
        for cell in t["cells"].as_array().expect("cells") {
            // Nothing a character wide: each count takes the card's width, with its name.
            assert!(num(cell, "width") >= 250, "{t}");
            assert!(
                cell["label"].as_str().is_some_and(|l| l.len() > 2),
                "each count says what it counts: {t}"
            );
        }
    }
}
