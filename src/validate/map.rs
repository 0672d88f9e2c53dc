//! The map's checks: the region outline named by `map.outline` in site.yaml must be
//! a readable GeoJSON polygon (it is drawn under every map); a market outside it is
//! probably a typo or swapped lat/lon; a county with no market at all is the gap the
//! plan (每个旗县至少建成1处零工市场) asks supervisors to close.
//!
//! The county gap is a warning on `regions.yaml`, one per county at that county's
//! entry: an editor can jump to each, and `check` sorts them together.

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::records::{MarketFile, RegionsFile, SiteConfig};
use crate::load::{Located, SiteRoot};
use crate::model::Site;
use crate::model::geo::Outline;
use std::path::{Component, Path};

/// Reads and parses the outline; `None` (with an error) when it cannot be used.
pub fn outline(
    root: &SiteRoot,
    config: &Located<SiteConfig>,
    diags: &mut Diagnostics,
) -> Option<Outline> {
    let rel = config.value.map.outline.as_deref()?;
    let pos = config.node.pos_of(&["map", "outline"]);
    let mut fail = |msg: String| {
        diags.push(Diagnostic::error(&config.file, pos, "map.outline", msg));
        None
    };
    let rel_path = Path::new(rel);
    if rel.trim().is_empty()
        || rel_path
            .components()
            .any(|c| !matches!(c, Component::Normal(_)))
    {
        return fail(format!(
            "`{rel}` is not a path inside content/static/; write it like data/outline.geojson"
        ));
    }
    let shown = Path::new("content").join("static").join(rel_path);
    let text = match std::fs::read_to_string(root.root.join(&shown)) {
        Ok(t) => t,
        Err(e) => {
            return fail(format!(
                "cannot read the map outline {}: {e}",
                shown.display()
            ));
        }
    };
    match Outline::parse(&text) {
        Ok(o) => Some(o),
        Err(e) => fail(format!(
            "{} is not a usable GeoJSON outline: {e}",
            shown.display()
        )),
    }
}

/// Markets outside the outline, and counties with no market at all.
pub fn check(
    site: &Site,
    markets: &[Located<MarketFile>],
    regions: Option<&Located<RegionsFile>>,
    outline_name: Option<&str>,
    diags: &mut Diagnostics,
) {
    if let Some(outline) = &site.outline {
        for m in markets {
            let loc = m.value.location;
            if !(-90.0..=90.0).contains(&loc.lat) || !(-180.0..=180.0).contains(&loc.lon) {
                continue; // already an error
            }
            if outline.contains(loc.lon, loc.lat) {
                continue;
            }
            let hint = if outline.contains(loc.lat, loc.lon) {
                "; lat and lon look swapped"
            } else {
                "; check the numbers (WGS84 degrees, lat first)"
            };
            diags.push(Diagnostic::warning(
                &m.file,
                m.node.pos_of(&["location"]),
                "location",
                format!(
                    "lat {} lon {} is outside the region outline ({}){hint}",
                    loc.lat,
                    loc.lon,
                    outline_name.unwrap_or("map.outline")
                ),
            ));
        }
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
                    format!(
                        "{} ({}) has no market in content/markets/ yet: the plan asks for at least one gig market in every county",
                        county.name, county.code
                    ),
                ));
            }
            index += 1;
        }
    }
}
