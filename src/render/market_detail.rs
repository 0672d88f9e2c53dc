//! What only a market's own page shows (lists use the lighter [`MarketView`]): phone
//! numbers grouped by purpose, services and facilities with icons, the locator map,
//! and the week's hours as data for the "open now" badge.
//!
//! The badge is progressive enhancement: `site.js` reads `data-hours` (weekly spans
//! and dated exceptions in minutes, and the site's UTC offset) and says whether the
//! market is open at the reader's real "now" in the site's time zone. Without JS the
//! page still shows today's hours and the week's table.

use super::svgmap;
use crate::model::{Market, Site};
use crate::views::{self, HotlineView, MarketView};
use crate::words::i18n::Strings;
use crate::words::{HotlineKind, MarketStatus};
use serde::Serialize;
use serde_json::json;

#[derive(Debug, Serialize)]
pub struct HotlineGroup<'a> {
    pub key: &'static str,
    pub label: &'a str,
    pub lines: Vec<HotlineView<'a>>,
}

#[derive(Debug, Serialize)]
pub struct Feature<'a> {
    pub key: &'static str,
    pub label: &'a str,
    pub icon: String,
}

#[derive(Debug, Serialize)]
pub struct MarketDetail<'a> {
    pub hotline_groups: Vec<HotlineGroup<'a>>,
    pub services: Vec<Feature<'a>>,
    pub facilities: Vec<Feature<'a>>,
    pub status_symbol: String,
    /// JSON for the "open now" badge; `None` unless the market is operating.
    pub hours_data: Option<String>,
    pub locator: String,
    pub coordinates: String,
    /// The market's description, its links relative to the market's page.
    pub description_html: Option<std::borrow::Cow<'a, str>>,
    /// 导航 to the market in the map apps.
    pub directions: crate::views::directions::Directions,
}

/// `{"offset":480,"week":[[[390,1050]],…],"closures":{"2027-01-01":[]}}`: Monday first,
/// spans in minutes since midnight; dated exceptions from today on.
fn hours_data(site: &Site, m: &Market) -> String {
    let week: Vec<Vec<[u16; 2]>> = (0..7)
        .map(|i| {
            let mut spans: Vec<[u16; 2]> = m
                .hours
                .iter()
                .filter(|r| r.days.contains(i))
                .map(|r| [r.open.0, r.close.0])
                .collect();
            spans.sort_unstable();
            spans
        })
        .collect();
    let closures: serde_json::Map<String, serde_json::Value> = m
        .closures
        .iter()
        .filter(|c| c.date >= site.today)
        .map(|c| {
            let spans: Vec<[u16; 2]> = c.span.iter().map(|(a, b)| [a.0, b.0]).collect();
            (c.date.to_string(), json!(spans))
        })
        .collect();
    json!({"offset": site.utc_offset_minutes(), "week": week, "closures": closures}).to_string()
}

fn features<'a, T: crate::words::Word>(
    items: &[T],
    prefix: &str,
    t: &'a Strings,
) -> Vec<Feature<'a>> {
    items
        .iter()
        .map(|i| {
            let key = i.key();
            Feature {
                label: t.get(&format!("{prefix}_{key}")),
                icon: crate::icons::icon(key),
                key,
            }
        })
        .collect()
}

impl<'a> MarketDetail<'a> {
    /// `content_lang` is the content's language on a page in another language: the
    /// place names drawn on the locator are marked with it.
    pub fn new(
        site: &'a Site,
        m: &'a Market,
        view: &MarketView<'_>,
        t: &'a Strings,
        content_lang: Option<&str>,
    ) -> Self {
        // `views::hotlines` sorts by kind (stably), in the order of `HotlineKind`.
        let mut hotline_groups: Vec<HotlineGroup> = Vec::new();
        for (line, kind) in views::hotlines(&m.hotlines, t)
            .into_iter()
            .zip(sorted_kinds(m))
        {
            let key = kind.key();
            match hotline_groups.last_mut() {
                Some(g) if g.key == key => g.lines.push(line),
                _ => hotline_groups.push(HotlineGroup {
                    label: t.get(&format!("hotline_{key}")),
                    key,
                    lines: vec![line],
                }),
            }
        }
        // Interface words and numbers only: the figure's caption names the place (in
        // Chinese, marked as such on a page in another language).
        let alt = format!(
            "{}{}",
            t.get("locator_alt"),
            coordinates_text(view.lat, view.lon, t)
        );
        MarketDetail {
            hotline_groups,
            services: features(&m.services, "service", t),
            facilities: features(&m.facilities, "facility", t),
            status_symbol: svgmap::legend_symbol(view.status_key),
            hours_data: (m.status == MarketStatus::Operating).then(|| hours_data(site, m)),
            locator: svgmap::locator_map(site, view, &alt, t, content_lang),
            coordinates: coordinates_text(view.lat, view.lon, t),
            description_html: None,
            directions: crate::views::directions::Directions::to(
                view.lat,
                view.lon,
                view.name,
                view.address,
            ),
        }
    }
}

/// The kinds of `views::hotlines(&m.hotlines)`, in the same (sorted) order.
fn sorted_kinds(m: &Market) -> Vec<HotlineKind> {
    let mut kinds: Vec<HotlineKind> = m.hotlines.iter().map(|h| h.kind).collect();
    kinds.sort();
    kinds
}

/// "（北纬 40.8383°，东经 111.6497°）", with the language's `coordinates_format`.
fn coordinates_text(lat: f64, lon: f64, t: &Strings) -> String {
    let ns = t.get(if lat >= 0.0 { "lat_north" } else { "lat_south" });
    let ew = t.get(if lon >= 0.0 { "lon_east" } else { "lon_west" });
    t.get("coordinates_format")
        .replace("{ns}", ns)
        .replace("{ew}", ew)
        .replace("{lat}", &format!("{:.4}", lat.abs()))
        .replace("{lon}", &format!("{:.4}", lon.abs()))
}
