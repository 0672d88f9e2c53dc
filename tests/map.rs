//! The market directory on the Inner Mongolia sample: market pages (hours, phone
//! links, closures, JSON-LD), the map index (one linked marker per market, no boundary
//! line unless an outline with its review number is given) and the directory as data
//! (GeoJSON, JSON, CSV).

mod common;
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

/// One number attribute of an element.
fn attr(e: scraper::ElementRef<'_>, name: &str) -> f64 {
    let v = e.value().attr(name).unwrap_or_else(|| panic!("no {name}"));
    v.parse().unwrap_or_else(|_| panic!("{name}={v}"))
}

/// The picture's width and height from `viewBox="0 0 w h"`.
fn view_box(svg: scraper::ElementRef<'_>) -> (f64, f64) {
    let v = numbers(svg.value().attr("viewBox").expect("a viewBox"));
    (v[2], v[3])
}

/// The map's layers, and the narrowest the map is shown at with each, in CSS pixels
/// (region_map.rs, map.css): up to 40rem a phone's, drawn edge to edge, so 320 px on the
/// narrowest screen (360 on the usual); from 40rem, and in print, at least 500 px.
/// `in_chromium_…` below measures what the browser really draws.
const LAYERS: [(&str, f64); 2] = [("narrow", 320.0), ("wide", 500.0)];

/// A marker as the SVG says: where, how large its disc and its touch target (radii).
#[derive(Debug)]
struct Drawn {
    class: String,
    /// The market, or the group's markets.
    markets: Vec<String>,
    href: String,
    at: (f64, f64),
    plate: f64,
    hit: f64,
}

impl Drawn {
    fn plate_box(&self) -> Rect {
        let (x, y, r) = (self.at.0, self.at.1, self.plate);
        (x - r, y - r, x + r, y + r)
    }
}

type Rect = (f64, f64, f64, f64);

fn overlap(a: &Rect, b: &Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

fn layer_markers(html: &scraper::Html, layer: &str) -> Vec<Drawn> {
    html.select(&sel(&format!("svg.region-map .layer-{layer} a.mk")))
        .map(|a| {
            let t = numbers(a.value().attr("transform").expect("placed by transform"));
            let one = |s: &str| a.select(&sel(s)).next().unwrap_or_else(|| panic!("{s}"));
            let markets = a
                .value()
                .attr("data-market")
                .or(a.value().attr("data-markets"))
                .expect("data-market(s)");
            Drawn {
                class: a.value().attr("class").expect("class").to_string(),
                markets: markets.split(' ').map(str::to_string).collect(),
                href: a.value().attr("href").expect("href").to_string(),
                at: (t[0], t[1]),
                plate: attr(one(".plate"), "r"),
                hit: attr(one(".hit"), "r"),
            }
        })
        .collect()
}

/// A league's name on the map: its seat and the box its characters take, each as wide
/// as the font is high, from 0.88 of the size above the baseline to 0.12 below (the em
/// box of Chinese type).
#[derive(Debug)]
struct Name {
    text: String,
    seat: (f64, f64),
    bbox: Rect,
}

fn layer_names(html: &scraper::Html, layer: &str) -> Vec<Name> {
    let g = html
        .select(&sel(&format!("svg.region-map .layer-{layer} g.labels")))
        .next()
        .expect("the layer's names");
    let font = attr(g, "font-size");
    let seats: Vec<_> = g.select(&sel("circle.seat")).collect();
    let texts: Vec<_> = g.select(&sel("text")).collect();
    assert_eq!(seats.len(), texts.len(), "a seat for each name");
    seats
        .into_iter()
        .zip(texts)
        .map(|(c, t)| {
            let text: String = t.text().collect();
            let (x, y) = (attr(t, "x"), attr(t, "y"));
            let half = text.chars().count() as f64 * font / 2.0;
            Name {
                bbox: (x - half, y - 0.88 * font, x + half, y + 0.12 * font),
                seat: (attr(c, "cx"), attr(c, "cy")),
                text,
            }
        })
        .collect()
}

/// Where every marker of every layer is.
fn marker_points(html: &scraper::Html) -> Vec<(f64, f64)> {
    LAYERS
        .iter()
        .flat_map(|(layer, _)| layer_markers(html, layer))
        .map(|d| d.at)
        .collect()
}

/// The leagues of regions.yaml with their seats (lat, lon), by a line scan.
fn league_seats() -> Vec<(String, f64, f64)> {
    let text =
        std::fs::read_to_string(std::path::Path::new(sample::REPO).join("content/regions.yaml"))
            .expect("regions.yaml");
    let mut out = Vec::new();
    let mut name = None;
    for line in text.lines() {
        if let Some(n) = line.strip_prefix("    name: ") {
            name = Some(n.trim().to_string());
        } else if let Some(loc) = line.strip_prefix("    location: ") {
            let v = numbers(loc);
            out.push((name.take().expect("a name before"), v[0], v[1]));
        }
    }
    out
}

#[test]
fn each_layer_of_the_map_shows_every_market_once_and_each_group_links_its_list() {
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
    let files = market_files();
    let ids: BTreeSet<String> = files.iter().map(|m| m.id.clone()).collect();
    let band_top = html
        .select(&sel("svg.region-map .band-rule"))
        .next()
        .map(|l| numbers(l.value().attr("y1").expect("y1"))[0])
        .expect("the band under the map");
    for (layer, _) in LAYERS {
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        let mut groups = 0;
        for d in layer_markers(&html, layer) {
            let (x, y) = d.at;
            assert!(
                (0.0..=w).contains(&x) && (0.0..band_top).contains(&y),
                "{layer}: {d:?} outside {w}×{h}"
            );
            for id in &d.markets {
                *seen.entry(id.clone()).or_default() += 1;
            }
            if let [id] = &d.markets[..] {
                assert_eq!(d.href, format!("../markets/{id}/index.html"));
                assert!(
                    site().join("map").join(&d.href).is_file(),
                    "{} exists",
                    d.href
                );
                continue;
            }
            // A group links to the list of exactly its markets, under the map.
            groups += 1;
            assert!(d.class.contains("mk-group"), "{d:?}");
            let target = d.href.strip_prefix('#').expect("a link within the page");
            let list = html
                .select(&sel(&format!(".map-{layer} section#{target}")))
                .next()
                .unwrap_or_else(|| panic!("{layer}: no list #{target}"));
            let listed: BTreeSet<String> = list
                .select(&sel("a.dir-name"))
                .map(|a| {
                    let href = a.value().attr("href").expect("href");
                    href.trim_start_matches("../markets/")
                        .trim_end_matches("/index.html")
                        .to_string()
                })
                .collect();
            let drawn: BTreeSet<String> = d.markets.iter().cloned().collect();
            assert_eq!(listed, drawn, "{layer}: #{target}");
        }
        assert!(groups > 0, "{layer}: the sample's towns need groups");
        assert_eq!(
            seen.keys().cloned().collect::<BTreeSet<_>>(),
            ids,
            "{layer}: every market"
        );
        assert!(
            seen.values().all(|&n| n == 1),
            "{layer}: each market once: {seen:?}"
        );
        // Closed and suspended markets are never hidden in a group.
        for m in files
            .iter()
            .filter(|m| m.status == "closed" || m.status == "suspended")
        {
            assert!(
                layer_markers(&html, layer)
                    .iter()
                    .any(|d| d.markets == [m.id.clone()]
                        && d.class.contains(&format!("mk-{}", m.status))),
                "{layer}: {} ({}) has a marker of its own",
                m.id,
                m.status
            );
        }
    }
    // Every marker has an accessible name and a title.
    for a in html.select(&sel("svg.region-map a.mk")) {
        let label = a.value().attr("aria-label").expect("an accessible name");
        assert!(label.len() > 3);
        assert!(a.select(&sel("title")).next().is_some(), "{label}: <title>");
    }
    let arrow: String = html
        .select(&sel("svg.region-map .north-arrow text"))
        .next()
        .expect("a north arrow")
        .text()
        .collect();
    assert_eq!(arrow, "北");
}

#[test]
fn markers_are_finger_sized_and_nothing_covers_a_marker_or_a_league_name() {
    let html = page("map/index.html");
    let svg = html.select(&sel("svg.region-map")).next().expect("the map");
    let (w, _) = view_box(svg);
    let leagues: BTreeSet<String> = league_seats().into_iter().map(|l| l.0).collect();
    assert_eq!(leagues.len(), 12);
    for (layer, px) in LAYERS {
        // CSS pixels per SVG unit where the layer is smallest.
        let scale = px / w;
        let markers = layer_markers(&html, layer);
        let names = layer_names(&html, layer);
        for d in &markers {
            assert!(
                2.0 * d.plate * scale >= 24.0,
                "{layer}: {d:?} is drawn {:.1} px wide",
                2.0 * d.plate * scale
            );
            assert!(
                2.0 * d.hit * scale >= 44.0,
                "{layer}: {d:?} is touched in {:.1} px",
                2.0 * d.hit * scale
            );
        }
        for (i, a) in markers.iter().enumerate() {
            for b in &markers[i + 1..] {
                assert!(
                    !overlap(&a.plate_box(), &b.plate_box()),
                    "{layer}: {a:?} and {b:?} overlap"
                );
                let apart = (a.at.0 - b.at.0).hypot(a.at.1 - b.at.1);
                assert!(
                    apart + 0.2 >= a.hit + b.hit,
                    "{layer}: the touch targets of {a:?} and {b:?} overlap"
                );
            }
        }
        let named: BTreeSet<String> = names.iter().map(|n| n.text.clone()).collect();
        assert_eq!(named, leagues, "{layer}: every league is named");
        for (i, n) in names.iter().enumerate() {
            for d in &markers {
                assert!(
                    !overlap(&n.bbox, &d.plate_box()),
                    "{layer}: {d:?} covers {n:?}"
                );
            }
            for m in &names[i + 1..] {
                assert!(!overlap(&n.bbox, &m.bbox), "{layer}: {n:?} and {m:?}");
            }
            // Beside its seat (or the marker drawn over it), or joined to it by a line.
            let reach = markers
                .iter()
                .map(|d| ((d.at.0 - n.seat.0).hypot(d.at.1 - n.seat.1), d.plate))
                .filter(|&(apart, r)| apart < r)
                .map(|(apart, r)| apart + r)
                .fold(0.0, f64::max);
            let near = (n.seat.0.clamp(n.bbox.0, n.bbox.2) - n.seat.0)
                .hypot(n.seat.1.clamp(n.bbox.1, n.bbox.3) - n.seat.1)
                - reach;
            let lines = html
                .select(&sel(&format!(
                    "svg.region-map .layer-{layer} .leaders path"
                )))
                .map(|p| numbers(p.value().attr("d").expect("d")))
                .filter(|v| (v[0] - n.seat.0).abs() < 0.2 && (v[1] - n.seat.1).abs() < 0.2)
                .count();
            assert!(
                near * scale <= 20.0 || lines > 0,
                "{layer}: {n:?} is {:.0} px from its seat with no line",
                near * scale
            );
        }
    }
}

/// What `tests/browser/map.mjs` measured of the sample's map at these widths.
fn in_chromium(widths: &[&str]) -> Option<serde_json::Value> {
    let modules = common::browser::require(
        "in_chromium_markers_are_finger_sized_apart_and_clear_of_names",
        common::browser::browser_tools(),
        "node, Chromium, playwright-core or axe-core",
    )?;
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "--now".as_ref(),
        "2026-11-27T09:30:00+08:00".as_ref(),
        site().as_os_str(),
        "map/index.html".as_ref(),
    ];
    args.extend(widths.iter().map(std::ffi::OsStr::new));
    Some(common::browser::run_script("map.mjs", &modules, &args))
}

#[test]
fn in_chromium_markers_are_finger_sized_apart_and_clear_of_names() {
    let Some(report) = in_chromium(&["320", "360", "960", "1280"]) else {
        return;
    };
    let leagues: BTreeSet<String> = league_seats().into_iter().map(|l| l.0).collect();
    let rect = |v: &serde_json::Value| -> Rect {
        let n: Vec<f64> = v
            .as_array()
            .expect("a box")
            .iter()
            .map(|x| x.as_f64().expect("a number"))
            .collect();
        (n[0], n[1], n[2], n[3])
    };
    for entry in report["widths"].as_array().expect("widths") {
        let width = entry["width"].as_u64().expect("width");
        let scroll = &entry["scroll"];
        assert!(
            scroll[0].as_f64() <= scroll[1].as_f64(),
            "{width} px: the page scrolls sideways {scroll}"
        );
        assert_eq!(entry["errors"], serde_json::json!([]), "{width} px");
        let markers = entry["markers"].as_array().expect("markers");
        assert!(markers.len() >= 8, "{width} px: {} markers", markers.len());
        let plates: Vec<Rect> = markers.iter().map(|m| rect(&m["plate"])).collect();
        let hits: Vec<Rect> = markers.iter().map(|m| rect(&m["hit"])).collect();
        let mut smallest: f64 = f64::MAX;
        for (i, p) in plates.iter().enumerate() {
            smallest = smallest.min(p.2 - p.0).min(p.3 - p.1);
            assert!(
                p.2 - p.0 >= 24.0 && p.3 - p.1 >= 24.0,
                "{width} px: {} drawn {:.1} px",
                markers[i],
                p.2 - p.0
            );
            let h = hits[i];
            assert!(
                h.2 - h.0 >= 44.0,
                "{width} px: {} touched in {:.1} px",
                markers[i],
                h.2 - h.0
            );
            for (j, q) in plates.iter().enumerate().skip(i + 1) {
                assert!(
                    !overlap(p, q),
                    "{width} px: {} and {} overlap",
                    markers[i],
                    markers[j]
                );
                // Touch targets are discs: their centres at least their radii apart.
                let c = |r: &Rect| ((r.0 + r.2) / 2.0, (r.1 + r.3) / 2.0);
                let (a, b) = (c(&h), c(&hits[j]));
                let apart = (a.0 - b.0).hypot(a.1 - b.1);
                let radii = (h.2 - h.0 + hits[j].2 - hits[j].0) / 2.0;
                assert!(
                    apart + 0.5 >= radii,
                    "{width} px: touch targets of {} and {} overlap",
                    markers[i],
                    markers[j]
                );
            }
        }
        eprintln!(
            "{width} px: {} markers, the smallest drawn {smallest:.1} px",
            markers.len()
        );
        let labels = entry["labels"].as_array().expect("labels");
        let named: BTreeSet<String> = labels
            .iter()
            .map(|l| l["name"].as_str().expect("name").to_string())
            .collect();
        assert_eq!(named, leagues, "{width} px: every league is named");
        for (i, l) in labels.iter().enumerate() {
            let b = rect(&l["box"]);
            for (m, p) in markers.iter().zip(&plates) {
                assert!(!overlap(&b, p), "{width} px: {m} covers {l}");
            }
            for k in &labels[i + 1..] {
                assert!(!overlap(&b, &rect(&k["box"])), "{width} px: {l} and {k}");
            }
        }
        for status in ["mk-closed", "mk-suspended"] {
            assert!(
                markers
                    .iter()
                    .any(|m| m["class"].as_str().is_some_and(|c| c.contains(status))),
                "{width} px: no {status} marker shows"
            );
        }
        let group = &entry["group"];
        assert!(
            group["in_view"] == true && group["on_top"] == true,
            "{width} px: choosing a group shows its list: {group}"
        );
        if width == 360 {
            let serious: Vec<&serde_json::Value> = entry["violations"]
                .as_array()
                .expect("axe ran")
                .iter()
                .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
                .collect();
            assert!(serious.is_empty(), "axe at 360 px: {serious:#?}");
        }
    }
}

#[test]
fn the_scale_bar_agrees_with_the_distance_between_two_league_seats() {
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
    // 赤峰 and 呼伦贝尔: 770 km apart, nearly north–south, where the projection is
    // true to scale. The seats are drawn where they are; the names may move.
    let seats = league_seats();
    let at = |name: &str| {
        let (_, lat, lon) = seats.iter().find(|s| s.0 == name).expect(name);
        let drawn = layer_names(&html, "wide")
            .into_iter()
            .find(|n| n.text == name)
            .expect(name)
            .seat;
        (*lat, *lon, drawn)
    };
    let ((la, oa, pa), (lb, ob, pb)) = (at("赤峰市"), at("呼伦贝尔市"));
    let drawn = ((pa.0 - pb.0).powi(2) + (pa.1 - pb.1).powi(2)).sqrt() / per_km;
    let (p1, p2) = (la.to_radians(), lb.to_radians());
    let dl = (ob - oa).to_radians();
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
        .into_iter()
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
