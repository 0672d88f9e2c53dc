//! Job fairs, recruitment caravans, training and help for workers in difficulty, as a
//! worker and an editor meet them: a calendar file any phone reads (checked by a
//! small parser here and, where installed, by Python's `icalendar`), Event JSON-LD,
//! the help page's lists matching `/jobs.json`, and broken event files that `check`
//! reports with their place.

#[path = "../common/mod.rs"]
mod common;
mod ical;
mod sites;

use common::{TestSite, location, location_after, sel};
use ical::{python_icalendar_uids, unescape, vevents};
use sites::{UPCOMING_UIDS, built_mini, mini_with_events, sample};
use std::collections::BTreeSet;

#[test]
fn events_ics_carries_every_upcoming_event_and_stop_once_and_nothing_past() {
    let site = built_mini();
    let bytes = std::fs::read(site.output().join("events.ics")).expect("events.ics is written");
    let events = vevents(&bytes);
    let uids: Vec<&str> = events.iter().map(|e| e["UID"].as_str()).collect();
    let mut sorted = uids.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, UPCOMING_UIDS);
    let fair = events
        .iter()
        .find(|e| e["UID"] == "xincheng-fair@gigboard")
        .expect("the fair");
    assert_eq!(unescape(&fair["SUMMARY"]), "冬季招聘会, 现场面试; 当天上岗");
    assert!(
        fair["SUMMARY"].contains("\\,") && fair["SUMMARY"].contains("\\;"),
        "TEXT is escaped"
    );
    assert_eq!(
        fair["DTSTART"], "20261205T003000Z",
        "08:30 in Asia/Shanghai"
    );
    assert_eq!(
        fair["DTSTAMP"], "20261126T160000Z",
        "the site's today at midnight"
    );
    let python = python_icalendar_uids(&site.output().join("events.ics"));
    if let Some(mut p) = python {
        p.sort();
        assert_eq!(p, UPCOMING_UIDS);
    }
}

#[test]
fn every_event_has_its_own_calendar_file() {
    let site = built_mini();
    let caravan = vevents(
        &std::fs::read(site.output().join("events/city-caravan/event.ics"))
            .expect("the caravan's .ics"),
    );
    assert_eq!(caravan.len(), 3, "one VEVENT a stop, past ones included");
    let past = vevents(
        &std::fs::read(site.output().join("events/huimin-past/event.ics"))
            .expect("a past event's .ics"),
    );
    assert_eq!(past[0]["UID"], "huimin-past@gigboard");
}

#[test]
fn the_sample_calendar_parses_and_holds_the_caravan_route() {
    let path = sample().join("events.ics");
    let events = vevents(&std::fs::read(&path).expect("the sample's events.ics"));
    let stops = events
        .iter()
        .filter(|e| e["UID"].starts_with("hohhot-caravan-2026-12-stop-"))
        .count();
    assert!((4..=6).contains(&stops), "{stops} caravan stops");
    assert!(
        !events
            .iter()
            .any(|e| e["UID"] == "baotou-donghe-fair-2026-11@gigboard"),
        "a past fair"
    );
    python_icalendar_uids(&path);
}

#[test]
fn event_pages_carry_event_json_ld() {
    let mini = built_mini();
    for (out, id, stops) in [
        (mini.output(), "xincheng-fair", 0),
        (mini.output(), "city-caravan", 3),
        (sample().clone(), "hohhot-caravan-2026-12", 5),
    ] {
        let page = std::fs::read_to_string(out.join(format!("events/{id}/index.html")))
            .expect("the event page");
        let html = scraper::Html::parse_document(&page);
        let scripts: Vec<serde_json::Value> = html
            .select(&sel(r#"script[type="application/ld+json"]"#))
            .map(|s| serde_json::from_str(&s.text().collect::<String>()).expect("JSON-LD parses"))
            .collect();
        assert_eq!(scripts.len(), 1, "{id}");
        let ld = &scripts[0];
        assert_eq!(ld["@type"], "Event", "{id}");
        assert!(
            ld["name"].as_str().is_some_and(|n| !n.is_empty()),
            "{id}: name"
        );
        assert!(
            ld["startDate"]
                .as_str()
                .is_some_and(|d| d.ends_with("+08:00")),
            "{id}: startDate {}",
            ld["startDate"]
        );
        assert!(
            ld["location"].is_object() || ld["location"].as_array().is_some_and(|a| !a.is_empty()),
            "{id}: location"
        );
        assert_eq!(
            ld["subEvent"].as_array().map_or(0, Vec::len),
            stops,
            "{id}: one subEvent a stop"
        );
    }
}

#[test]
fn the_events_index_lists_upcoming_soonest_first_then_the_archive() {
    let site = built_mini();
    let html = site.html("events/index.html");
    let titles =
        |css: &str| -> Vec<String> { html.select(&sel(css)).map(|a| a.text().collect()).collect() };
    assert_eq!(
        titles("section[aria-labelledby=upcoming-h] h3 a"),
        [
            "招工大篷车进社区",
            "冬季招聘会, 现场面试; 当天上岗",
            "春节后返岗专场"
        ]
    );
    assert_eq!(titles("section.archive h3 a"), ["残疾人就业专场"]);
    let market = site.output_text("markets/xincheng/index.html");
    assert!(
        market.contains("冬季招聘会, 现场面试; 当天上岗") && market.contains("示例村委会"),
        "the market page lists its fair and the caravan's stop in its county"
    );
}

#[test]
fn a_training_page_puts_cost_and_subsidies_first() {
    let site = built_mini();
    let page = site.output_text("training/free-course/index.html");
    let cost = page.find("免费").expect("cost 0 reads 免费");
    assert!(cost < page.find("1200").expect("the training subsidy"));
    assert!(
        page.contains("href=\"tel:047100000105\""),
        "the contact is a tel: link"
    );
    let nav = site.output_text("index.html");
    for link in [
        "events/index.html",
        "training/index.html",
        "help/index.html",
    ] {
        assert!(
            nav.contains(&format!("href=\"{link}\"")),
            "every page links {link}"
        );
    }
}

#[test]
fn the_help_page_lists_exactly_the_live_postings_that_welcome_each_group() {
    let out = sample();
    let jobs: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("jobs.json")).expect("jobs.json"))
            .expect("JSON");
    let postings = jobs["postings"].as_array().expect("postings");
    let html = scraper::Html::parse_document(
        &std::fs::read_to_string(out.join("help/index.html")).expect("the help page"),
    );
    let listed = |css: &str| -> BTreeSet<String> {
        html.select(&sel(css))
            .map(|a| {
                let href = a.value().attr("href").expect("href");
                assert!(
                    out.join("help").join(href).is_file(),
                    "{href} leads to a page"
                );
                href.strip_prefix("../jobs/")
                    .and_then(|h| h.strip_suffix("/index.html"))
                    .unwrap_or_else(|| panic!("{href}"))
                    .to_string()
            })
            .collect()
    };
    for group in ["older", "disabled", "long_unemployed", "low_income"] {
        let expected: BTreeSet<String> = postings
            .iter()
            .filter(|p| {
                p["welcomes"]
                    .as_array()
                    .is_some_and(|w| w.iter().any(|x| x == group))
            })
            .map(|p| p["id"].as_str().expect("id").to_string())
            .collect();
        assert!(
            !expected.is_empty(),
            "the sample has postings welcoming {group}"
        );
        assert_eq!(
            listed(&format!("#group-{group} a.posting-title")),
            expected,
            "{group}"
        );
    }
    let public: BTreeSet<String> = postings
        .iter()
        .filter(|p| p["employer"]["kind"] == "public")
        .map(|p| p["id"].as_str().expect("id").to_string())
        .collect();
    assert_eq!(listed("#public a.posting-title"), public);
    assert!(
        html.select(&sel(r#"a[href^="tel:"]"#)).count() > 20,
        "hotlines and service phones are tel: links"
    );
}

#[test]
fn broken_event_files_fail_check_with_located_messages() {
    let site = TestSite::fixture("mini");
    let typo = "content/events/typo.yaml";
    let typo_text = "titel: 招聘会\nkind: fair\nmarket: xincheng\nstart: \"2026-13-01T09:00\"\nend: \"2026-12-01T12:00\"\norganiser: 人社局\n";
    let nowhere = "content/events/nowhere.yaml";
    let nowhere_text = "title: 招聘会\nkind: fair\nmarket: xinchen\nstart: \"2026-12-01T09:00\"\nend: \"2026-12-01T08:00\"\norganiser: 人社局\n";
    let route = "content/events/route.yaml";
    let route_text = "title: 大篷车\nkind: caravan\norganiser: 人社局\nstops:\n  - {county: \"150102\", place: 甲村, start: \"2026-12-01T09:00\", end: \"2026-12-01T15:00\"}\n  - {county: \"150999\", place: 乙村, start: \"2026-12-02T09:00\", end: \"2026-12-02T15:00\"}\n";
    let fee = "content/training/fee.yaml";
    let fee_text = "title: 电工培训\ntrade: 电工\nprovider: 学校\naddress: 测试路 1 号\nstart: 2026-12-01\nend: 2026-12-10\ncost: 0\nenrol: 报名时先交报名费 200 元\n";
    site.write(typo, typo_text)
        .write(nowhere, nowhere_text)
        .write(route, route_text)
        .write(fee, fee_text);
    let run = site.run(&["check"]);
    run.expect_code(1);
    run.expect_line_with(&[
        &location(typo, typo_text, "titel:"),
        "unknown field `titel`",
        "did you mean `title`",
    ]);
    run.expect_line_with(&[
        &location_after(typo, typo_text, "start: "),
        "start:",
        "YYYY-MM-DDTHH:MM",
    ]);
    run.expect_line_with(&[
        &location_after(nowhere, nowhere_text, "market: "),
        "market `xinchen` does not exist",
        "did you mean `xincheng`",
    ]);
    run.expect_line_with(&[
        &location_after(nowhere, nowhere_text, "end: "),
        "end: the event must end after it starts",
    ]);
    run.expect_line_with(&[
        &location(route, route_text, "\"150999\""),
        "stop 2 · county",
        "`150999` is not in regions.yaml",
    ]);
    run.expect_line_with(&[
        &location_after(fee, fee_text, "enrol: "),
        "enrol: asks workers for money",
    ]);
}

#[test]
fn two_builds_write_the_same_calendars() {
    let a = mini_with_events();
    let b = mini_with_events();
    a.run(&["build"]).expect_code(0);
    b.run(&["build"]).expect_code(0);
    for file in [
        "events.ics",
        "events/city-caravan/event.ics",
        "events/index.html",
        "help/index.html",
    ] {
        assert_eq!(
            std::fs::read(a.output().join(file)).expect("a"),
            std::fs::read(b.output().join(file)).expect("b"),
            "{file}"
        );
    }
}

#[test]
fn a_site_without_events_writes_a_valid_empty_calendar() {
    let site = TestSite::fixture("mini");
    site.run(&["build"]).expect_code(0);
    let path = site.output().join("events.ics");
    let bytes = std::fs::read(&path).expect("events.ics is written");
    assert!(vevents(&bytes).is_empty());
    // RFC 5545 asks for at least one component: the site's time zone.
    let text = String::from_utf8(bytes).expect("UTF-8");
    for line in [
        "BEGIN:VTIMEZONE",
        "TZID:Asia/Shanghai",
        "TZOFFSETTO:+0800",
        "END:VTIMEZONE",
    ] {
        assert!(text.contains(&format!("{line}\r\n")), "{line} in:\n{text}");
    }
    if let Some(uids) = python_icalendar_uids(&path) {
        assert!(uids.is_empty());
    }
}
