//! The market directory on the Inner Mongolia sample: market pages (hours, phone
//! links, closures, JSON-LD), the map index (one linked marker per market, no boundary
//! line unless an outline with its review number is given) and the directory as data
//! (GeoJSON, JSON, CSV).

mod sample;

use sample::{build, market_files, page, parse_csv, read, sample_with_outline, sel, site};
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
    let file = market_files()
        .into_iter()
        .find(|m| m.id == "hohhot-xincheng")
        .expect("the market's file");
    assert_eq!(
        office["geo"]["latitude"], file.lat,
        "as the market's file says"
    );
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

/// The picture's width and height from `viewBox="0 0 w h"`.
fn view_box(svg: scraper::ElementRef<'_>) -> (f64, f64) {
    let v = numbers(svg.value().attr("viewBox").expect("a viewBox"));
    (v[2], v[3])
}

/// Where each market's marker is, by market id.
fn marker_points(html: &scraper::Html) -> BTreeMap<String, (f64, f64)> {
    html.select(&sel("svg.region-map a"))
        .map(|a| {
            let t = numbers(a.value().attr("transform").expect("placed by transform"));
            let id = a.value().attr("data-market").expect("data-market");
            (id.to_string(), (t[0], t[1]))
        })
        .collect()
}

#[test]
fn the_sample_map_draws_no_boundary_and_links_every_market() {
    let html = page("map/index.html");
    let svg = html.select(&sel("svg.region-map")).next().expect("the map");
    // No outline, so no line of any kind that could read as a boundary.
    assert!(
        html.select(&sel("svg.region-map path.outline"))
            .next()
            .is_none()
    );
    assert!(
        html.select(&sel("svg.region-map .map-credit"))
            .next()
            .is_none()
    );
    let (w, h) = view_box(svg);
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
        linked.insert(id.to_string());
    }
    assert_eq!(linked, ids, "each market exactly once");
    let band_top = html
        .select(&sel("svg.region-map .band-rule"))
        .next()
        .map(|l| numbers(l.value().attr("y1").expect("y1"))[0])
        .expect("the band under the map");
    for (id, (x, y)) in marker_points(&html) {
        assert!(
            (0.0..=w).contains(&x) && (0.0..band_top).contains(&y),
            "{id} at {x},{y} in {w}×{h}"
        );
    }
    // League seats are labelled points: a dot and a name beside it.
    let seats = html.select(&sel("svg.region-map circle.seat")).count();
    let names: Vec<String> = html
        .select(&sel("svg.region-map .labels text"))
        .map(|t| t.text().collect())
        .collect();
    assert_eq!(seats, names.len());
    assert!(names.len() >= 8, "{names:?}");
    assert!(names.iter().any(|n| n == "呼伦贝尔市"), "{names:?}");
    let arrow: String = html
        .select(&sel("svg.region-map .north-arrow text"))
        .next()
        .expect("a north arrow")
        .text()
        .collect();
    assert_eq!(arrow, "北");
}

#[test]
fn the_scale_bar_agrees_with_the_distance_between_two_markets() {
    let html = page("map/index.html");
    let bar = html
        .select(&sel("svg.region-map .scale-bar"))
        .next()
        .expect("a scale bar");
    let d = numbers(
        bar.select(&sel("path"))
            .next()
            .expect("path")
            .value()
            .attr("d")
            .expect("d"),
    );
    let length = (d[4] - d[0]).abs();
    let label: String = bar
        .select(&sel("text"))
        .next()
        .expect("label")
        .text()
        .collect();
    let km: f64 = label
        .trim_end_matches(" 公里")
        .parse()
        .expect("a length in 公里");
    let per_km = length / km;
    // 赤峰 红山区 and 呼伦贝尔 海拉尔区: 770 km apart, nearly north–south, where the
    // projection is true to scale.
    let files = market_files();
    let at = |id: &str| files.iter().find(|m| m.id == id).expect(id);
    let points = marker_points(&html);
    let (a, b) = (at("chifeng-hongshan"), at("hulunbuir-hailaer"));
    let (pa, pb) = (points[&a.id], points[&b.id]);
    let drawn = ((pa.0 - pb.0).powi(2) + (pa.1 - pb.1).powi(2)).sqrt() / per_km;
    let (p1, p2) = (a.lat.to_radians(), b.lat.to_radians());
    let dl = (b.lon - a.lon).to_radians();
    let h = ((p2 - p1) / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    let true_km = 2.0 * 6371.0 * h.sqrt().asin();
    assert!(
        (drawn / true_km - 1.0).abs() < 0.12,
        "the bar says {drawn:.0} km, the earth {true_km:.0} km"
    );
}

#[test]
fn a_map_with_an_outline_shows_its_review_number_and_source_bottom_left() {
    let root =
        sample_with_outline("review_number: GS（2024）0650号\nsource: 自然资源部标准地图服务");
    let out = root.path().join("out");
    build(root.path(), &out, &[]);
    let html = scraper::Html::parse_document(
        &std::fs::read_to_string(out.join("map/index.html")).expect("the map page"),
    );
    let svg = html.select(&sel("svg.region-map")).next().expect("the map");
    assert!(
        html.select(&sel("svg.region-map path.outline"))
            .next()
            .is_some()
    );
    let (w, _) = view_box(svg);
    let credits: Vec<(String, f64, f64)> = html
        .select(&sel("svg.region-map .map-credit"))
        .map(|t| {
            let x: f64 = t.value().attr("x").expect("x").parse().expect("x");
            let y: f64 = t.value().attr("y").expect("y").parse().expect("y");
            (t.text().collect(), x, y)
        })
        .collect();
    let texts: Vec<&str> = credits.iter().map(|c| c.0.as_str()).collect();
    assert_eq!(
        texts,
        ["来源：自然资源部标准地图服务", "审图号：GS（2024）0650号"]
    );
    let lowest_marker = marker_points(&html)
        .values()
        .map(|p| p.1)
        .fold(0.0, f64::max);
    for (text, x, y) in &credits {
        assert!(
            *x < w / 4.0 && *y > lowest_marker,
            "{text} at {x},{y}: bottom left"
        );
    }
    // The locator of every market page draws the outline, so it carries the number too.
    let market = std::fs::read_to_string(out.join("markets/hohhot-xincheng/index.html"))
        .expect("a market page");
    let market = scraper::Html::parse_document(&market);
    let credit: Vec<String> = market
        .select(&sel("svg.locator-map .map-credit"))
        .map(|t| t.text().collect())
        .collect();
    assert!(
        credit.iter().any(|c| c == "审图号：GS（2024）0650号"),
        "{credit:?}"
    );
    // The English pages say it in English, the number and source as approved (marked
    // as Chinese text).
    let en = std::fs::read_to_string(out.join("en/map/index.html")).expect("the English map");
    let en = scraper::Html::parse_document(&en);
    let credit: Vec<String> = en
        .select(&sel("svg.region-map .map-credit"))
        .map(|t| t.text().collect())
        .collect();
    assert_eq!(
        credit,
        [
            "Source: 自然资源部标准地图服务",
            "Map review number: GS（2024）0650号"
        ]
    );
    assert_eq!(
        en.select(&sel("svg.region-map .map-credit tspan[lang='zh-CN']"))
            .count(),
        2
    );
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
