//! The map's checks: the region outline named by `map.outline` in site.yaml must be
//! a readable GeoJSON polygon (it is drawn under every map); a market outside it is
//! probably a typo or swapped lat/lon; a county with no market at all is the gap the
//! plan (每个旗县至少建成1处零工市场) asks supervisors to close.
//!
//! An outline is a boundary line, so it comes with its review number and source
//! (`approval`).
//!
//! The county gap is a warning on `regions.yaml`, one per county at that county's
//! entry: an editor can jump to each, and `check` sorts them together.

use crate::diag::catalogue::site as says;
use crate::diag::{Diagnostic, Diagnostics, Msg};
use crate::load::Located;
use crate::load::content::Outline;
use crate::load::records::{MarketFile, RegionsFile, SiteConfig};
use crate::model::Site;
use crate::model::geo;
use crate::msg;

/// The outline, parsed; `None` (with an error) when it cannot be used.
pub fn outline(
    read: &Outline,
    config: &Located<SiteConfig>,
    diags: &mut Diagnostics,
) -> Option<geo::Outline> {
    let pos = config.node.pos_of(&["map", "outline"]);
    let mut fail = |msg: Msg| {
        diags.push(Diagnostic::error(&config.file, pos, "map.outline", msg));
        None
    };
    let (file, text) = match read {
        Outline::NotNamed => return None,
        Outline::NotInside(rel) => return fail(msg!(says::OUTLINE_PATH, value = rel)),
        Outline::Unreadable { file, error } => {
            return fail(msg!(
                says::OUTLINE_UNREADABLE,
                file = file.display(),
                reason = error
            ));
        }
        Outline::Read { file, text } => (file, text),
    };
    let outline = match geo::Outline::parse(text) {
        Ok(o) => o,
        Err(e) => {
            return fail(msg!(
                says::OUTLINE_NOT_GEOJSON,
                file = file.display(),
                reason = e
            ));
        }
    };
    approval(config, diags);
    Some(outline)
}

/// An outline draws a boundary line, and a public map with a national or administrative
/// boundary is published only after review, showing its 审图号 and source (地图管理条例
/// 第十五条). A map without an outline draws no boundary and needs neither.
fn approval(config: &Located<SiteConfig>, diags: &mut Diagnostics) {
    let map = &config.value.map;
    let given = |v: &Option<String>| v.as_deref().is_some_and(|t| !t.trim().is_empty());
    let at = config.node.pos_of(&["map", "outline"]);
    if !given(&map.review_number) {
        diags.push(Diagnostic::error(
            &config.file,
            at,
            "map.review_number",
            msg!(says::REVIEW_NUMBER_MISSING),
        ));
    } else if let Some(number) = map.review_number.as_deref()
        && !looks_like_review_number(number.trim())
    {
        diags.push(Diagnostic::warning(
            &config.file,
            config.node.pos_of(&["map", "review_number"]),
            "map.review_number",
            msg!(says::REVIEW_NUMBER_FORM, value = number),
        ));
    }
    if !given(&map.source) {
        diags.push(Diagnostic::error(
            &config.file,
            at,
            "map.source",
            msg!(says::MAP_SOURCE_MISSING),
        ));
    }
}

/// `GS（2024）0650号`, `GS(2019)1822号`, `蒙S（2023）012号`, `GS京（2022）1061号`: letters or a
/// province's character around an `S`, a year in brackets (either width), digits, 号.
fn looks_like_review_number(s: &str) -> bool {
    let Some(open) = s.find(['(', '（']) else {
        return false;
    };
    let (head, rest) = s.split_at(open);
    let rest = rest.trim_start_matches(['(', '（']);
    let Some(close) = rest.find([')', '）']) else {
        return false;
    };
    let (year, tail) = rest.split_at(close);
    let tail = tail.trim_start_matches([')', '）']);
    let Some(number) = tail.strip_suffix('号') else {
        return false;
    };
    head.contains('S')
        && head.chars().count() <= 4
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
}

/// Farther than this from its county's point in regions.yaml, a market's point is
/// probably a typo: the largest county of Inner Mongolia (额济纳旗, 114,600 km²) reaches
/// about 250 km from its seat.
const FAR_KM: f64 = 300.0;

/// Without an outline, a market is checked against its county's point: swapped or
/// mistyped numbers put it hundreds of kilometres away.
fn far_from_county(site: &Site, m: &Located<MarketFile>, diags: &mut Diagnostics) {
    let loc = m.value.location;
    let Some(county) = site.counties.iter().find(|c| c.code == m.value.county) else {
        return;
    };
    let Some(seat) = county.location else { return };
    let km = distance_km(loc.lat, loc.lon, seat.lat, seat.lon);
    if km <= FAR_KM {
        return;
    }
    let swapped = distance_km(loc.lon, loc.lat, seat.lat, seat.lon) <= FAR_KM;
    let place = |hint: Msg| {
        msg!(
            says::FAR_FROM_COUNTY,
            lat = loc.lat,
            lon = loc.lon,
            km = format!("{km:.0}"),
            county = county.name,
            code = county.code,
            hint = hint
        )
    };
    misplaced(m, place, swapped, diags);
}

/// A warning that a market's point is `place` (with a hint when swapping lat and lon
/// would put it right).
fn misplaced(
    m: &Located<MarketFile>,
    place: impl Fn(Msg) -> Msg,
    swapped: bool,
    diags: &mut Diagnostics,
) {
    let hint = if swapped {
        msg!(says::HINT_SWAPPED)
    } else {
        msg!(says::HINT_CHECK_NUMBERS)
    };
    diags.push(Diagnostic::warning(
        &m.file,
        m.node.pos_of(&["location"]),
        "location",
        place(hint),
    ));
}

/// Great-circle distance on a sphere of the Earth's mean radius.
fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().clamp(0.0, 1.0).asin()
}

/// Markets outside the outline (or far from their county without one), and counties
/// with no market at all.
pub fn check(
    site: &Site,
    markets: &[Located<MarketFile>],
    regions: Option<&Located<RegionsFile>>,
    outline_name: Option<&str>,
    diags: &mut Diagnostics,
) {
    for m in markets {
        let loc = m.value.location;
        if !(-90.0..=90.0).contains(&loc.lat) || !(-180.0..=180.0).contains(&loc.lon) {
            continue; // already an error
        }
        let Some(outline) = &site.outline else {
            far_from_county(site, m, diags);
            continue;
        };
        if outline.contains(loc.lon, loc.lat) {
            continue;
        }
        let place = |hint: Msg| {
            msg!(
                says::OUTSIDE_OUTLINE,
                lat = loc.lat,
                lon = loc.lon,
                outline = outline_name.unwrap_or("map.outline"),
                hint = hint
            )
        };
        misplaced(m, place, outline.contains(loc.lat, loc.lon), diags);
    }
    let Some(regions) = regions else { return };
    let mut served = vec![false; site.counties.len()];
    for m in &site.markets {
        if let Some(s) = served.get_mut(m.county) {
            *s = true;
        }
    }
    let leagues_node = regions.node.get("leagues");
    let mut index = 0;
    for (li, league) in regions.value.leagues.iter().enumerate() {
        let counties_node = leagues_node
            .and_then(|n| n.item(li))
            .and_then(|n| n.get("counties"));
        for (ci, county) in league.counties.iter().enumerate() {
            if !served.get(index).copied().unwrap_or(true) {
                let pos = counties_node
                    .and_then(|n| n.item(ci))
                    .map(|n| n.pos)
                    .unwrap_or(regions.node.pos);
                diags.push(Diagnostic::warning(
                    &regions.file,
                    pos,
                    format!("leagues[{li}].counties[{ci}]"),
                    msg!(
                        says::COUNTY_WITHOUT_MARKET,
                        name = county.name,
                        code = county.code
                    ),
                ));
            }
            index += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{distance_km, looks_like_review_number};

    #[test]
    fn distances_between_league_seats() {
        // 呼和浩特 (40.842, 111.749) to 包头 (40.658, 109.840): about 162 km.
        let d = distance_km(40.842, 111.749, 40.658, 109.840);
        assert!((155.0..170.0).contains(&d), "{d}");
        assert!(distance_km(40.0, 110.0, 40.0, 110.0) < 1e-9);
    }

    #[test]
    fn review_numbers_as_printed_on_approved_maps() {
        for ok in [
            "GS（2024）0650号",
            "GS(2019)1822号",
            "蒙S（2023）012号",
            "GS京（2022）1061号",
        ] {
            assert!(looks_like_review_number(ok), "{ok}");
        }
        for bad in [
            "",
            "0650",
            "GS2024-0650",
            "审图号GS（2024）0650号",
            "GS（24）0650号",
            "GS（2024）号",
        ] {
            assert!(!looks_like_review_number(bad), "{bad}");
        }
    }
}
