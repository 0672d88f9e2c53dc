//! The band under every map: a north arrow and a scale bar, and — on a map that draws
//! the region outline, a boundary line — the outline's 审图号 and source at the bottom
//! left, where the map rules ask for them (地图管理条例 第十五条).

use super::svgmap::{escape, num};
use crate::model::Site;
use crate::model::geo::Projection;
use crate::words::i18n::Strings;
use std::fmt::Write as _;

/// The band under a map: a north arrow and a scale bar on the right; with an outline,
/// the review number and the source on the left. `size` is the text size.
/// `lang` (` lang="zh-CN"` or empty) marks the number and source on a page in another
/// language.
pub(super) fn band(
    svg: &mut String,
    site: &Site,
    p: &Projection,
    t: &Strings,
    lang: &str,
    height: f64,
    size: f64,
) {
    let top = p.height;
    let base = top + height - size * 0.6;
    let _ = write!(
        svg,
        r#"<g class="map-band" style="font-size:{}px"><line class="band-rule" x1="0" y1="{}" x2="{}" y2="{}"/>"#,
        num(size),
        num(top),
        num(p.width),
        num(top)
    );
    // Scale bar: a round length near a sixth of the picture's width.
    let per_km = p.units_per_km();
    let km = nice_length(p.width / 6.0 / per_km);
    let len = km * per_km;
    let right = p.width - size * 0.8;
    let left = right - len;
    let bar_y = base - size * 1.2;
    let _ = write!(
        svg,
        r#"<g class="scale-bar"><path d="M{l},{a}V{b}H{r}V{a}"/><text x="{mid}" y="{base}">{km} {unit}</text></g>"#,
        l = num(left),
        r = num(right),
        a = num(bar_y - size * 0.5),
        b = num(bar_y),
        mid = num((left + right) / 2.0),
        base = num(base),
        km = km,
        unit = escape(t.get("map_km")),
    );
    // North arrow left of the scale bar.
    let nx = left - size * 2.0;
    let _ = write!(
        svg,
        r#"<g class="north-arrow" transform="translate({x} {y})"><path d="M0,-{h}L{w},0L0,-{k}L-{w},0Z"/><text y="{ty}">{n}</text></g>"#,
        x = num(nx),
        y = num(base - size * 1.0),
        h = num(size * 1.6),
        k = num(size * 0.5),
        w = num(size * 0.5),
        ty = num(size * 1.0),
        n = escape(t.get("map_north")),
    );
    if site.outline.is_some() {
        let mut line = |y: f64, label: &str, value: Option<&str>| {
            if let Some(v) = value {
                let _ = write!(
                    svg,
                    r#"<text class="map-credit" x="{}" y="{}">{}{}<tspan{lang}>{}</tspan></text>"#,
                    num(size * 0.5),
                    num(y),
                    escape(t.get(label)),
                    escape(t.get("colon")),
                    escape(v)
                );
            }
        };
        line(base - size * 1.25, "map_source", site.map_source.as_deref());
        line(base, "map_review_number", site.map_review_number.as_deref());
    }
    svg.push_str("</g>");
}

/// The longest 1, 2 or 5 × 10ⁿ kilometres not over `max_km` (at least 1).
fn nice_length(max_km: f64) -> f64 {
    let mut best = 1.0;
    let mut pow = 1.0;
    while pow <= max_km {
        for step in [1.0, 2.0, 5.0] {
            if step * pow <= max_km {
                best = step * pow;
            }
        }
        pow *= 10.0;
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_bars_are_round_lengths() {
        assert_eq!(nice_length(0.3), 1.0);
        assert_eq!(nice_length(1.0), 1.0);
        assert_eq!(nice_length(4.9), 2.0);
        assert_eq!(nice_length(137.0), 100.0);
        assert_eq!(nice_length(260.0), 200.0);
        assert_eq!(nice_length(999.0), 500.0);
    }
}
