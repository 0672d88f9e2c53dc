//! Hand-written SVG for the maps: the small locator map of a market page, and what the
//! region map of `/map/` ([`super::region_map`]) shares with it. Plain strings, every
//! name XML-escaped; coordinates rounded to a tenth of a unit so output is small and
//! byte-identical from build to build. Works offline, printed and without JS.
//!
//! Every map has a north arrow and a scale bar in a band under the picture. A map that
//! draws the region outline draws a boundary line, so its band also carries the
//! outline's 审图号 and source (bottom left, where the map rules ask for them); a map
//! without an outline draws no boundary of any kind, only markets and league seats.
//!
//! A marker's status shows by colour *and* shape (filled circle = operating, triangle
//! = building, hollow diamond = planned, square = suspended, cross = closed; on the
//! region map and in legends on a disc ringed in the colour), so the legend does not
//! rely on colour alone.

use crate::model::Site;
use crate::model::geo::{BBox, Outline, Projection};
use crate::views::MarketView;
use crate::words::i18n::Strings;
use std::fmt::Write as _;

/// Width of the region map in SVG units; its height follows the region's shape.
pub const MAP_WIDTH: f64 = 1000.0;
pub(super) const MAP_PAD: f64 = 24.0;
const LOCATOR_WIDTH: f64 = 320.0;
/// Height of the band under the region map: north arrow, scale bar, review number.
pub(super) const BAND: f64 = 68.0;
/// The locator's band: its scale bar and, with an outline, the review number.
const LOCATOR_BAND: f64 = 30.0;

/// Text for SVG/XML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A coordinate with one decimal, never `-0.0`.
pub(super) fn num(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    let r = if r == 0.0 { 0.0 } else { r };
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// The outline as one SVG path (`M x,y L … Z` per ring); points that round to the
/// same spot as the previous one are dropped.
pub fn outline_path(outline: &Outline, p: &Projection) -> String {
    let mut d = String::new();
    for ring in outline.polygons.iter().flatten() {
        let mut last = String::new();
        for (i, &(lon, lat)) in ring.iter().enumerate() {
            let (x, y) = p.project(lon, lat);
            let pt = format!("{},{}", num(x), num(y));
            if pt == last {
                continue;
            }
            d.push_str(if i == 0 { "M" } else { "L" });
            d.push_str(&pt);
            last = pt;
        }
        d.push('Z');
    }
    d
}

/// The marker of a status, centred on 0,0; `s` is its half-size.
pub fn shape(status_key: &str, s: f64) -> String {
    let (a, h) = (num(s), num(s * 1.15));
    match status_key {
        "operating" => format!(r#"<circle class="shape" r="{a}"/>"#),
        "building" => format!(
            r#"<path class="shape" d="M0,-{h}L{h},{b}L-{h},{b}Z"/>"#,
            b = num(s * 0.85)
        ),
        "planned" => format!(r#"<path class="shape" d="M0,-{h}L{h},0L0,{h}L-{h},0Z"/>"#),
        "suspended" => format!(
            r#"<rect class="shape" x="-{a}" y="-{a}" width="{w}" height="{w}"/>"#,
            w = num(2.0 * s)
        ),
        _ => format!(r#"<path class="shape" d="M-{a},-{a}L{a},{a}M{a},-{a}L-{a},{a}"/>"#),
    }
}

/// A stand-alone legend symbol, drawn as on the region map: the status's shape on a
/// disc (decorative: the label next to it says the status).
pub fn legend_symbol(status_key: &str) -> String {
    legend_svg(
        &format!("mk mk-{status_key}"),
        &format!(
            r#"<circle class="plate" r="11"/>{}"#,
            shape(status_key, 7.0)
        ),
    )
}

/// The legend's group marker (a count on a disc) and moved marker (a line to a dot).
pub fn legend_group_and_moved() -> (String, String) {
    (
        legend_svg(
            "mk mk-group",
            r#"<circle class="plate" r="11"/><text y="4.5" font-size="13">3</text>"#,
        ),
        legend_svg(
            "",
            r#"<g class="leaders"><path d="M-9,9L5,-5"/><circle cx="-9" cy="9" r="2.5"/></g><circle class="plate" cx="5" cy="-5" r="6"/>"#,
        ),
    )
}

fn legend_svg(class: &str, body: &str) -> String {
    format!(
        r#"<svg class="legend-symbol {class}" viewBox="-12 -12 24 24" width="24" height="24" aria-hidden="true" focusable="false">{body}</svg>"#
    )
}

/// The projection of the region map: the outline and every market fit in the picture.
pub fn region_projection(site: &Site, width: f64, pad: f64) -> Option<Projection> {
    let outline = site.outline.iter().flat_map(Outline::points);
    let markets = site
        .markets
        .iter()
        .map(|m| (m.location.lon, m.location.lat));
    let mut b = BBox::of(outline.chain(markets))?;
    if site.outline.is_none() {
        // No outline: a neighbourhood box a little larger than the markets and the
        // league seats near them (the seats name the places on the map).
        let near = |lon: f64, lat: f64| {
            let (dx, dy) = ((b.east - b.west).max(1.0), (b.north - b.south).max(1.0));
            lon > b.west - dx / 4.0
                && lon < b.east + dx / 4.0
                && lat > b.south - dy / 4.0
                && lat < b.north + dy / 4.0
        };
        let seats: Vec<(f64, f64)> = site
            .leagues
            .iter()
            .filter_map(|l| l.location)
            .map(|l| (l.lon, l.lat))
            .filter(|&(lon, lat)| near(lon, lat))
            .collect();
        for (lon, lat) in seats {
            b.extend(lon, lat);
        }
        let m = 0.25_f64.max(0.05 * (b.east - b.west).max(b.north - b.south));
        // As wide as tall on the picture: a degree of longitude is cos φ shorter.
        let ml = m / ((b.north + b.south) / 2.0).to_radians().cos().max(0.1);
        b.extend(b.west - ml, b.south - m);
        b.extend(b.east + ml, b.north + m);
    }
    Some(Projection::fit(b, width, pad))
}

/// A market page's locator: the region outline with the market's point, as an image
/// with a text alternative (the page also says the address and coordinates).
/// `lang` marks the place name drawn on it when the page is in another language.
pub fn locator_map(
    site: &Site,
    v: &MarketView<'_>,
    alt: &str,
    t: &Strings,
    lang: Option<&str>,
) -> String {
    let Some(p) = region_projection(site, LOCATOR_WIDTH, 10.0) else {
        return String::new();
    };
    let lang = lang.map_or(String::new(), |l| format!(r#" lang="{}""#, escape(l)));
    let (x, y) = p.project(v.lon, v.lat);
    let mut svg = format!(
        r#"<svg class="locator-map" viewBox="0 0 {} {}" role="img" aria-labelledby="locator-title" xmlns="http://www.w3.org/2000/svg"><title id="locator-title">{}</title>"#,
        num(p.width),
        num(p.height + LOCATOR_BAND),
        escape(alt)
    );
    if let Some(outline) = &site.outline {
        let _ = write!(
            svg,
            r#"<path class="outline" d="{}"/>"#,
            outline_path(outline, &p)
        );
    }
    let _ = write!(
        svg,
        r#"<g class="crosshair"><path d="M{x},0V{h}M0,{y}H{w}"/></g><g class="mk mk-{key}" transform="translate({x} {y})">{shape}</g>"#,
        x = num(x),
        y = num(y),
        h = num(p.height),
        w = num(p.width),
        key = escape(v.status_key),
        shape = shape(v.status_key, 7.0),
    );
    // Every league seat as a dot, and the market's own league named: where the market
    // is, in the words of the signs on the road.
    svg.push_str(r#"<g class="seats" aria-hidden="true">"#);
    for loc in site.leagues.iter().filter_map(|l| l.location) {
        let (sx, sy) = p.project(loc.lon, loc.lat);
        let _ = write!(
            svg,
            r#"<circle class="seat" cx="{}" cy="{}" r="2.5"/>"#,
            num(sx),
            num(sy)
        );
    }
    svg.push_str("</g>");
    if let Some(loc) = site
        .leagues
        .iter()
        .find(|l| l.name == v.league)
        .and_then(|l| l.location)
    {
        let (sx, sy) = p.project(loc.lon, loc.lat);
        let w = v.league.chars().count() as f64 * 12.0;
        let tx = sx.clamp(w / 2.0 + 2.0, p.width - w / 2.0 - 2.0);
        let ty = if sy > 24.0 { sy - 7.0 } else { sy + 18.0 };
        let _ = write!(
            svg,
            r#"<g class="labels" aria-hidden="true"{}><text x="{}" y="{}">{}</text></g>"#,
            lang,
            num(tx),
            num(ty),
            escape(v.league)
        );
    }
    super::map_band::band(&mut svg, site, &p, t, &lang, LOCATOR_BAND, 9.0);
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_escaped() {
        assert_eq!(
            escape(r#"<a href="x">A & B's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;A &amp; B&#39;s&lt;/a&gt;"
        );
    }

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.3");
        assert_eq!(num(-0.04), "0");
    }

    #[test]
    fn every_status_has_its_own_shape() {
        let shapes: std::collections::BTreeSet<String> =
            ["operating", "building", "planned", "suspended", "closed"]
                .iter()
                .map(|k| shape(k, 7.0))
                .collect();
        assert_eq!(shapes.len(), 5);
    }

    #[test]
    fn outline_path_closes_every_ring() {
        let o = Outline::parse(
            r#"{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]]]}"#,
        )
        .expect("valid");
        let b = o.bbox().expect("a box");
        let p = Projection::fit(b, 100.0, 0.0);
        let d = outline_path(&o, &p);
        assert!(d.starts_with("M0,") && d.contains("L100,"), "{d}");
        assert!(d.ends_with('Z'));
    }
}
