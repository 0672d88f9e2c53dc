//! The region map of `/map/`: every market a link over the region (its outline, if
//! any), the league seats named, in one layer per screen size laid out by
//! [`super::map_layout`]: markers a finger wide, groups that link to their list,
//! names clear of the markers.

use super::map_layout::{self as layout, Label, Marker, Place};
use super::svgmap::{
    BAND, MAP_PAD, MAP_WIDTH, escape, num, outline_path, region_projection, shape,
};
use crate::model::Site;
use crate::views::MarketView;
use crate::words::i18n::Strings;
use std::fmt::Write as _;

type Pt = (f64, f64);

/// A size the region map is laid out for: the narrowest it is shown at, in screen
/// pixels (map.css shows the layer of the screen's size, and the wide one in print).
pub struct Layer {
    pub key: &'static str,
    pub min_px: f64,
    /// How far a marker may be moved aside before it is grouped, in touch targets: on
    /// a phone the map is an overview, and groups are clearer than long lines.
    pub max_shift: f64,
}

/// Phones, up to 40rem: the map is the screen's full width (map.css), 320 px at least.
pub const NARROW: Layer = Layer {
    key: "narrow",
    min_px: 320.0,
    max_shift: 0.6,
};
/// From 40rem, and in print: one column as wide as the screen, or 3/5 of two columns
/// (at least 500 px: map.css keeps it so).
pub const WIDE: Layer = Layer {
    key: "wide",
    min_px: 500.0,
    max_shift: 1.0,
};

/// The region map and, per layer, the markets each group marker stands for (listed
/// under the map at `#mg-<layer>-<n>`, where the group links).
pub struct RegionMap {
    pub svg: String,
    pub groups: Vec<(&'static str, Vec<MapGroup>)>,
}

/// Markets drawn as one marker: their indices, and the leagues they are in.
pub struct MapGroup {
    pub id: String,
    pub leagues: Vec<usize>,
    pub markets: Vec<usize>,
}

/// What every layer draws from.
struct Scene<'a, 's> {
    site: &'s Site,
    markets: &'a [MarketView<'s>],
    points: Vec<layout::Point>,
    /// Each league's point on the map: its seat, or the centre of its markets.
    seats: Vec<Option<Pt>>,
    size: Pt,
    root: &'a str,
    t: &'a Strings,
    /// ` lang="…"` of the content and of the page, on a page in another language.
    lang: String,
    page_lang: String,
}

/// The `/map/` SVG: outline, and per layer the league names and one linked marker per
/// market or group of markets; the band with north arrow and scale bar. `markets` are
/// the views of `site.markets`, in order. `root` leads from the page to the site root;
/// `title` names the map for assistive technology. Each market's marker is named by
/// the market and county and described (`<desc>`) by its status; a group's by its
/// leagues and count. `langs` (content, page) on a page in another language marks the
/// Chinese names.
pub fn region_map(
    site: &Site,
    markets: &[MarketView<'_>],
    root: &str,
    title: &str,
    t: &Strings,
    langs: Option<(&str, &str)>,
) -> RegionMap {
    let Some(p) = region_projection(site, MAP_WIDTH, MAP_PAD) else {
        return RegionMap {
            svg: String::new(),
            groups: Vec::new(),
        };
    };
    let attr = |l: &str| format!(r#" lang="{}""#, escape(l));
    let points: Vec<layout::Point> = markets
        .iter()
        .zip(&site.markets)
        .map(|(v, m)| layout::Point {
            at: p.project(v.lon, v.lat),
            league: site.counties[m.county].league,
            alone: matches!(v.status_key, "closed" | "suspended"),
        })
        .collect();
    let size = (p.width, p.height);
    let seats = site
        .leagues
        .iter()
        .map(|l| {
            let at = match l.location {
                Some(loc) => p.project(loc.lon, loc.lat),
                None if !l.markets.is_empty() => {
                    let n = l.markets.len() as f64;
                    let sum = l.markets.iter().fold((0.0, 0.0), |(x, y), &m| {
                        (x + points[m].at.0, y + points[m].at.1)
                    });
                    (sum.0 / n, sum.1 / n)
                }
                None => return None,
            };
            let on_map = (0.0..=size.0).contains(&at.0) && (0.0..=size.1).contains(&at.1);
            on_map.then_some(at)
        })
        .collect();
    let scene = Scene {
        site,
        markets,
        points,
        seats,
        size,
        root,
        t,
        lang: langs.map_or(String::new(), |(content, _)| attr(content)),
        page_lang: langs.map_or(String::new(), |(_, page)| attr(page)),
    };
    let mut svg = format!(
        r#"<svg class="region-map" viewBox="0 0 {} {}" role="group" aria-labelledby="region-map-title" xmlns="http://www.w3.org/2000/svg"><title id="region-map-title">{}</title>"#,
        num(p.width),
        num(p.height + BAND),
        escape(title)
    );
    if let Some(outline) = &site.outline {
        let _ = write!(
            svg,
            r#"<path class="outline" d="{}"/>"#,
            outline_path(outline, &p)
        );
    }
    let groups = [NARROW, WIDE]
        .iter()
        .map(|layer| (layer.key, draw_layer(&mut svg, &scene, layer)))
        .collect();
    super::map_band::band(&mut svg, site, &p, t, &scene.lang, BAND, 21.0);
    svg.push_str("</svg>");
    RegionMap { svg, groups }
}

/// One layer: `<g class="layer layer-<key>">` with the lines of moved markers and far
/// names, the seats and names, and the markers. Returns its groups.
fn draw_layer(svg: &mut String, s: &Scene<'_, '_>, layer: &Layer) -> Vec<MapGroup> {
    // SVG units per screen pixel at the layer's narrowest.
    let u = MAP_WIDTH / layer.min_px;
    let ms = layout::markers(&s.points, layout::TOUCH_PX * u, layer.max_shift, s.size);
    let radius = |m: &Marker| {
        let px = if m.members.len() > 1 {
            layout::GROUP_PX
        } else {
            layout::MARKER_PX
        };
        px * u / 2.0
    };
    let dot = layout::DOT_PX * u / 2.0;
    let font = layout::LABEL_PX * u;
    let labels = place_names(s, &ms, &radius, dot, font);

    let _ = write!(
        svg,
        r#"<g class="layer layer-{}"><g class="leaders" aria-hidden="true">"#,
        layer.key
    );
    let line = |svg: &mut String, (a, b): (Pt, Pt)| {
        let _ = write!(
            svg,
            r#"<path d="M{},{}L{},{}"/>"#,
            num(a.0),
            num(a.1),
            num(b.0),
            num(b.1)
        );
    };
    for m in ms.iter().filter(|m| m.moved()) {
        line(svg, (m.anchor, m.at));
        let _ = write!(
            svg,
            r#"<circle cx="{}" cy="{}" r="{}"/>"#,
            num(m.anchor.0),
            num(m.anchor.1),
            num(dot * 0.7)
        );
    }
    for leader in labels.iter().flatten().filter_map(|l| l.leader) {
        line(svg, leader);
    }
    let _ = write!(
        svg,
        r#"</g><g class="labels" aria-hidden="true" font-size="{}"{}>"#,
        num(font),
        s.lang
    );
    for ((l, seat), label) in s.site.leagues.iter().zip(&s.seats).zip(&labels) {
        let (Some(seat), Some(label)) = (seat, label) else {
            continue;
        };
        let _ = write!(
            svg,
            r#"<circle class="seat" cx="{}" cy="{}" r="{}"/><text x="{}" y="{}">{}</text>"#,
            num(seat.0),
            num(seat.1),
            num(dot),
            num(label.centre.0),
            num(label.centre.1 + font * layout::BASELINE),
            escape(&l.name)
        );
    }
    svg.push_str(r#"</g><g class="markers">"#);
    let mut groups = Vec::new();
    for m in &ms {
        if let [i] = m.members[..] {
            market_marker(svg, s, &s.markets[i], m, radius(m), u);
        } else {
            let id = format!("mg-{}-{}", layer.key, groups.len() + 1);
            groups.push(group_marker(svg, s, m, id, radius(m), u));
        }
    }
    svg.push_str("</g></g>");
    groups
}

/// Where the league names go: clear of the markers, the dots of seats and of moved
/// markets' places, and the lines to them.
fn place_names(
    s: &Scene<'_, '_>,
    ms: &[Marker],
    radius: &dyn Fn(&Marker) -> f64,
    dot: f64,
    font: f64,
) -> Vec<Option<Label>> {
    let dot_box = |(x, y): Pt| (x - dot, y - dot, x + dot, y + dot);
    let moved = || ms.iter().filter(|m| m.moved());
    let boxes = ms
        .iter()
        .map(|m| {
            let r = radius(m);
            (m.at.0 - r, m.at.1 - r, m.at.0 + r, m.at.1 + r)
        })
        .chain(s.seats.iter().flatten().map(|&p| dot_box(p)))
        .chain(moved().map(|m| dot_box(m.anchor)))
        .collect();
    let obstacles = layout::Obstacles {
        boxes,
        lines: moved().map(|m| (m.anchor, m.at)).collect(),
    };
    let places: Vec<Option<Place>> = s
        .site
        .leagues
        .iter()
        .zip(&s.seats)
        .map(|(l, seat)| {
            seat.map(|seat| Place {
                seat,
                chars: l.name.chars().count(),
                // The marker drawn over the seat, if any, stands for it.
                reach: ms
                    .iter()
                    .map(|m| ((m.at.0 - seat.0).hypot(m.at.1 - seat.1), radius(m)))
                    .filter(|&(d, r)| d < r)
                    .map(|(d, r)| d + r)
                    .fold(0.0, f64::max),
            })
        })
        .collect();
    layout::labels(&places, &obstacles, font, s.size)
}

/// A market's marker: the status's shape on a disc, a link to the market's page.
fn market_marker(
    svg: &mut String,
    s: &Scene<'_, '_>,
    v: &MarketView<'_>,
    m: &Marker,
    r: f64,
    u: f64,
) {
    let name = format!("{}（{}）", v.name, v.county);
    let _ = write!(
        svg,
        r#"<a class="mk mk-{key}" href="{root}{path}" data-market="{id}" aria-label="{name}" transform="translate({x} {y})"{lang}><title>{name}</title><desc{page_lang}>{status}</desc><circle class="hit" r="{hit}"/><circle class="plate" r="{r}"/>{shape}</a>"#,
        key = escape(v.status_key),
        root = s.root,
        path = escape(&v.path),
        id = escape(v.id),
        name = escape(&name),
        x = num(m.at.0),
        y = num(m.at.1),
        lang = s.lang,
        page_lang = s.page_lang,
        status = escape(v.status),
        hit = num(layout::TOUCH_PX * u / 2.0),
        r = num(r),
        shape = shape(v.status_key, r * 0.62),
    );
}

/// A group's marker: its count on a disc, a link to its list under the map.
fn group_marker(
    svg: &mut String,
    s: &Scene<'_, '_>,
    m: &Marker,
    id: String,
    r: f64,
    u: f64,
) -> MapGroup {
    let mut leagues: Vec<usize> = m.members.iter().map(|&i| s.points[i].league).collect();
    leagues.sort_unstable();
    leagues.dedup();
    let names: Vec<&str> = leagues
        .iter()
        .map(|&l| s.site.leagues[l].name.as_str())
        .collect();
    // The names are Chinese content, the count's words the page's language: each marked
    // as such. The name ends with the count the marker shows (a visible label is part of
    // the accessible name).
    let label = format!(
        "{}{}{}",
        names.join("、"),
        s.t.get("colon"),
        m.members.len()
    );
    let count_text = format!("{} {}", m.members.len(), s.t.get("markets_count"));
    let ids: Vec<&str> = m.members.iter().map(|&i| s.markets[i].id).collect();
    let count = layout::COUNT_PX * u;
    let _ = write!(
        svg,
        r##"<a class="mk mk-group" href="#{id}" data-markets="{ids}" aria-label="{label}" transform="translate({x} {y})"{lang}><title>{label}</title><desc{page_lang}>{count_text}</desc><circle class="hit" r="{hit}"/><circle class="plate" r="{r}"/><text y="{ty}" font-size="{fs}">{n}</text></a>"##,
        ids = escape(&ids.join(" ")),
        label = escape(&label),
        count_text = escape(&count_text),
        lang = s.lang,
        page_lang = s.page_lang,
        x = num(m.at.0),
        y = num(m.at.1),
        hit = num(layout::TOUCH_PX * u / 2.0),
        r = num(r),
        ty = num(count * 0.36),
        fs = num(count),
        n = m.members.len(),
    );
    MapGroup {
        id,
        leagues,
        markets: m.members.clone(),
    }
}
