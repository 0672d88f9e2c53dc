//! The market directory (动态管理名录) as data: `/markets.geojson` for map tools,
//! `/markets.json` for programs, `/markets.csv` for spreadsheets. Typed structs with
//! serde (never string templates); fields are documented in the README.

use crate::model::{Market, Site};
use crate::sheets::csv::Csv;
use crate::views::MarketView;
use crate::words::Hotline;
use crate::words::scalars::WEEKDAY_KEYS;
use serde::Serialize;

/// Bumped when a field of `/markets.json` changes meaning or goes away.
pub const FORMAT_VERSION: u32 = 1;

/// A market's page: absolute with a base_url, else relative to the site root.
pub fn market_url(site: &Site, id: &str) -> String {
    match &site.base_url {
        Some(base) => format!("{base}markets/{id}/"),
        None => format!("markets/{id}/index.html"),
    }
}

#[derive(Serialize)]
struct FeatureCollection<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    features: Vec<Feature<'a>>,
}

#[derive(Serialize)]
struct Feature<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    id: &'a str,
    geometry: Point,
    properties: Properties<'a>,
}

#[derive(Serialize)]
struct Point {
    #[serde(rename = "type")]
    kind: &'static str,
    /// GeoJSON order: longitude first.
    coordinates: [f64; 2],
}

#[derive(Serialize)]
struct Properties<'a> {
    id: &'a str,
    name: &'a str,
    county_code: &'a str,
    county: &'a str,
    league: &'a str,
    status: &'static str,
    status_label: &'a str,
    address: &'a str,
    hours_today: &'a str,
    service_phone: Option<&'a str>,
    url: String,
    postings: usize,
}

/// `/markets.geojson`.
pub fn geojson(site: &Site, views: &[MarketView<'_>]) -> Vec<u8> {
    let features = site
        .markets
        .iter()
        .zip(views)
        .map(|(m, v)| Feature {
            kind: "Feature",
            id: &m.id,
            geometry: Point {
                kind: "Point",
                coordinates: [m.location.lon, m.location.lat],
            },
            properties: Properties {
                id: &m.id,
                name: &m.name,
                county_code: &site.counties[m.county].code,
                county: v.county,
                league: v.league,
                status: m.status.key(),
                status_label: v.status,
                address: &m.address,
                hours_today: &v.today_hours,
                service_phone: v.service_number,
                url: market_url(site, &m.id),
                postings: m.postings.len(),
            },
        })
        .collect();
    to_json(&FeatureCollection {
        kind: "FeatureCollection",
        features,
    })
}

#[derive(Serialize)]
struct Directory<'a> {
    version: u32,
    title: &'a str,
    date: String,
    count: usize,
    markets: Vec<Entry<'a>>,
}

#[derive(Serialize)]
struct Code<'a> {
    code: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct Entry<'a> {
    id: &'a str,
    name: &'a str,
    name_mn: Option<&'a str>,
    league: Code<'a>,
    county: Code<'a>,
    status: &'static str,
    status_label: &'a str,
    address: &'a str,
    transit: Option<&'a str>,
    lat: f64,
    lon: f64,
    /// The system the market's file gave its point in, when not WGS84 (`lat`/`lon`
    /// are WGS84 whatever it was).
    #[serde(skip_serializing_if = "crate::crs::Crs::is_wgs84")]
    crs: crate::crs::Crs,
    opened: Option<String>,
    grade: Option<u8>,
    hours: Vec<Rule>,
    closures: Vec<ClosureEntry<'a>>,
    hours_today: &'a str,
    hotlines: &'a [Hotline],
    services: Vec<&'static str>,
    facilities: Vec<&'static str>,
    operator: Option<&'a str>,
    postings_today: usize,
    url: String,
}

#[derive(Serialize)]
struct Rule {
    days: Vec<&'static str>,
    open: String,
    close: String,
}

#[derive(Serialize)]
struct ClosureEntry<'a> {
    date: String,
    closed: bool,
    open: Option<String>,
    close: Option<String>,
    note: Option<&'a str>,
}

fn entry<'a>(site: &'a Site, m: &'a Market, v: &'a MarketView<'a>) -> Entry<'a> {
    let county = &site.counties[m.county];
    let league = &site.leagues[county.league];
    Entry {
        id: &m.id,
        name: &m.name,
        name_mn: m.name_mn.as_deref(),
        league: Code {
            code: &league.code,
            name: &league.name,
        },
        county: Code {
            code: &county.code,
            name: &county.name,
        },
        status: m.status.key(),
        status_label: v.status,
        address: &m.address,
        transit: m.transit.as_deref(),
        lat: m.location.lat,
        lon: m.location.lon,
        crs: m.location.crs,
        opened: m.opened.map(|d| d.to_string()),
        grade: m.grade,
        hours: m
            .hours
            .iter()
            .map(|r| Rule {
                days: (0..7)
                    .filter(|&i| r.days.contains(i))
                    .map(|i| WEEKDAY_KEYS[i])
                    .collect(),
                open: r.open.to_string(),
                close: r.close.to_string(),
            })
            .collect(),
        closures: m
            .closures
            .iter()
            .map(|c| ClosureEntry {
                date: c.date.to_string(),
                closed: c.span.is_none(),
                open: c.span.map(|s| s.0.to_string()),
                close: c.span.map(|s| s.1.to_string()),
                note: c.note.as_deref(),
            })
            .collect(),
        hours_today: &v.today_hours,
        hotlines: &m.hotlines,
        services: m.services.iter().map(|s| s.key()).collect(),
        facilities: m.facilities.iter().map(|f| f.key()).collect(),
        operator: m.operator.as_deref(),
        postings_today: m.postings.len(),
        url: market_url(site, &m.id),
    }
}

/// `/markets.json`.
pub fn json(site: &Site, views: &[MarketView<'_>]) -> Vec<u8> {
    to_json(&Directory {
        version: FORMAT_VERSION,
        title: &site.title,
        date: site.today.to_string(),
        count: site.markets.len(),
        markets: site
            .markets
            .iter()
            .zip(views)
            .map(|(m, v)| entry(site, m, v))
            .collect(),
    })
}

/// The market directory as a table: the columns of `/markets.csv` (documented in the
/// README) and one row per market; `gigboard export markets` writes the same.
pub fn table(site: &Site, views: &[MarketView<'_>]) -> (Vec<&'static str>, Vec<Vec<String>>) {
    let header = vec![
        "编号",
        "名称",
        "盟市",
        "旗县代码",
        "旗县",
        "状态",
        "地址",
        "纬度",
        "经度",
        "今日开放",
        "服务电话",
        "今日岗位数",
        "等级",
        "启用日期",
        "网址",
    ];
    let rows = site
        .markets
        .iter()
        .zip(views)
        .map(|(m, v)| {
            vec![
                m.id.clone(),
                m.name.clone(),
                v.league.to_string(),
                site.counties[m.county].code.clone(),
                v.county.to_string(),
                v.status.to_string(),
                m.address.clone(),
                m.location.lat.to_string(),
                m.location.lon.to_string(),
                v.today_hours.clone(),
                v.service_number.unwrap_or_default().to_string(),
                m.postings.len().to_string(),
                m.grade.map(|g| g.to_string()).unwrap_or_default(),
                m.opened.map(|d| d.to_string()).unwrap_or_default(),
                market_url(site, &m.id),
            ]
        })
        .collect();
    (header, rows)
}

/// `/markets.csv`: [`table`] as CSV.
pub fn csv(site: &Site, views: &[MarketView<'_>]) -> Vec<u8> {
    let (header, rows) = table(site, views);
    let mut out = Csv::new(&header);
    for row in rows {
        out.row(row);
    }
    out.into_bytes()
}

fn to_json<T: Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}
