//! The market directory on the Inner Mongolia sample: market pages (hours, phone
//! links, closures, JSON-LD), the map index (one linked marker per market, inside the
//! drawn outline) and the directory as data (GeoJSON, JSON, CSV).

mod sample;

use sample::{market_files, page, parse_csv, read, sel, site};
use std::collections::{BTreeMap, BTreeSet};

#[test]
fn every_market_has_a_page_with_an_hours_table_and_tel_links() {
    let markets = market_files();
    assert_eq!(markets.len(), 57);
    for m in &markets {
        let html = page(&format!("markets/{}/index.html", m.id));
        assert!(
            html.select(&sel("table.hours")).next().is_some(),
            "{}",
            m.id
        );
        let tels: Vec<_> = html
            .select(&sel(".hotline-groups a[href^='tel:']"))
            .collect();
        assert!(!tels.is_empty(), "{} has no tel: link of its own", m.id);
        for a in tels {
            let href = a.value().attr("href").expect("href");
            assert!(
                href[4..].chars().all(|c| c.is_ascii_digit() || c == '+'),
                "{href}"
            );
        }
    }
}

#[test]
fn a_closure_date_shows_on_its_market_page() {
    let today = "2026-11-27"; // the sample's `date:`
    let mut seen = 0;
    for m in market_files() {
        let html = page(&format!("markets/{}/index.html", m.id));
        for date in m.closures.iter().filter(|d| d.as_str() >= today) {
            let found = html
                .select(&sel(&format!("time[datetime='{date}']")))
                .count();
            assert!(found > 0, "{}: closure {date} is not on the page", m.id);
            seen += 1;
        }
    }
    assert!(seen >= 19, "the sample has at least 19 closures ahead");
}

#[test]
fn the_market_json_ld_is_a_government_service_with_opening_hours() {
    let html = page("markets/hohhot-xincheng/index.html");
    let script = html
        .select(&sel("head script[type='application/ld+json']"))
        .next()
        .expect("JSON-LD in the head");
    let ld: serde_json::Value =
        serde_json::from_str(&script.text().collect::<String>()).expect("JSON-LD parses");
    assert_eq!(ld["@type"], "GovernmentService");
    let office = &ld["provider"];
    assert_eq!(office["@type"], "GovernmentOffice");
    // The office has its own address on the web: the market's page, as the service.
    assert_eq!(office["url"], ld["url"]);
    assert!(
        office["url"]
            .as_str()
            .is_some_and(|u| u.ends_with("/markets/hohhot-xincheng/")),
        "{}",
        office["url"]
    );
    assert_eq!(office["geo"]["latitude"], 40.8383);
    assert!(office["telephone"].is_string());
    let specs = office["openingHoursSpecification"]
        .as_array()
        .expect("opening hours");
    assert!(specs.iter().any(|s| s["dayOfWeek"].is_array()));
    let new_year = specs
        .iter()
        .find(|s| s["validFrom"] == "2027-01-01")
        .expect("the closure");
    assert_eq!(
        (new_year["opens"].as_str(), new_year["closes"].as_str()),
        (Some("00:00"), Some("00:00"))
    );
    let kinds: BTreeSet<&str> = office["contactPoint"]
        .as_array()
        .expect("contact points")
        .iter()
        .filter_map(|c| c["contactType"].as_str())
        .collect();
    assert!(
        kinds.contains("服务电话") && kinds.contains("投诉电话"),
        "{kinds:?}"
    );
    assert!(office["amenityFeature"][0]["@type"] == "LocationFeatureSpecification");
}

/// Numbers in an SVG attribute such as `M1,2L3.5,4Z` or `translate(1 2)`.
fn numbers(s: &str) -> Vec<f64> {
    s.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
        .filter(|t| !t.is_empty())
        .map(|t| t.parse().expect("a number"))
        .collect()
}

#[test]
fn the_map_has_one_linked_marker_per_market_inside_the_outline() {
    let html = page("map/index.html");
    let outline = html
        .select(&sel("svg.region-map path.outline"))
        .next()
        .expect("the outline is drawn");
    let pts = numbers(outline.value().attr("d").expect("d"));
    let (xs, ys): (Vec<f64>, Vec<f64>) = pts.chunks(2).map(|p| (p[0], p[1])).unzip();
    let fold = |v: &[f64], f: fn(f64, f64) -> f64, init| v.iter().copied().fold(init, f);
    let (x0, x1) = (fold(&xs, f64::min, f64::MAX), fold(&xs, f64::max, f64::MIN));
    let (y0, y1) = (fold(&ys, f64::min, f64::MAX), fold(&ys, f64::max, f64::MIN));
    let markers: Vec<_> = html.select(&sel("svg.region-map a")).collect();
    let ids: BTreeSet<String> = market_files().into_iter().map(|m| m.id).collect();
    assert_eq!(markers.len(), ids.len(), "one marker link per market");
    let mut linked = BTreeSet::new();
    for a in markers {
        let id = a.value().attr("data-market").expect("data-market");
        let href = a.value().attr("href").expect("href");
        assert_eq!(href, format!("../markets/{id}/index.html"));
        assert!(site().join("map").join(href).is_file(), "{href} exists");
        let label = a.value().attr("aria-label").expect("an accessible name");
        assert!(label.len() > 3);
        assert!(
            a.select(&sel("title")).next().is_some(),
            "{id} has a <title>"
        );
        let t = numbers(a.value().attr("transform").expect("placed by transform"));
        assert!(
            (x0..=x1).contains(&t[0]) && (y0..=y1).contains(&t[1]),
            "{id} at {t:?}"
        );
        linked.insert(id.to_string());
    }
    assert_eq!(linked, ids, "each market exactly once");
    let text = read("map/index.html");
    assert!(text.contains("Natural Earth"), "the attribution is shown");
}

#[test]
fn markets_geojson_has_the_market_files_coordinates() {
    let geo: serde_json::Value = serde_json::from_str(&read("markets.geojson")).expect("JSON");
    assert_eq!(geo["type"], "FeatureCollection");
    let features = geo["features"].as_array().expect("features");
    let files = market_files();
    assert_eq!(features.len(), files.len());
    let by_id: BTreeMap<&str, &serde_json::Value> = features
        .iter()
        .map(|f| (f["properties"]["id"].as_str().expect("id"), f))
        .collect();
    for m in &files {
        let f = by_id
            .get(m.id.as_str())
            .unwrap_or_else(|| panic!("{} missing", m.id));
        assert_eq!(f["geometry"]["type"], "Point");
        assert_eq!(
            f["geometry"]["coordinates"],
            serde_json::json!([m.lon, m.lat])
        );
        assert_eq!(f["properties"]["status"], m.status.as_str());
        assert_eq!(f["properties"]["county_code"], m.county.as_str());
        let url = f["properties"]["url"].as_str().expect("url");
        assert_eq!(url, format!("https://gig.example.org.cn/markets/{}/", m.id));
    }
}

#[test]
fn markets_json_and_csv_list_every_market() {
    let json: serde_json::Value = serde_json::from_str(&read("markets.json")).expect("JSON");
    assert_eq!(json["version"], 1);
    assert_eq!(json["markets"].as_array().map(Vec::len), Some(57));
    let rows = parse_csv(&read("markets.csv"));
    assert_eq!(rows.len(), 58, "header + one row per market");
    assert!(rows.iter().all(|r| r.len() == rows[0].len()));
    let ids: BTreeSet<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids.len(), 57);
}
