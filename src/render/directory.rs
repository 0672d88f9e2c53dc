//! The market directory family: `/map/` (the electronic map 电子地图 — an SVG of every
//! market over the region outline, beside the directory grouped by league and county),
//! the directory as data (`/markets.geojson`, `/markets.json`, `/markets.csv`) and
//! the construction-status report (see [`super::status`]).

use super::{RenderError, Renderer, region_map, status, svgmap};
use crate::outputs::{directory, status as status_table};
use crate::sink::OutFile;
use crate::views::{self, MarketView};
use serde::Serialize;

use super::families::Files;

#[derive(Serialize)]
struct LegendItem<'a> {
    key: &'static str,
    label: &'a str,
    symbol: String,
    count: usize,
}

#[derive(Serialize)]
struct DirMarket<'a> {
    m: &'a MarketView<'a>,
    symbol: String,
}

#[derive(Serialize)]
struct DirCounty<'a> {
    name: &'a str,
    path: String,
    markets: Vec<DirMarket<'a>>,
}

#[derive(Serialize)]
struct DirLeague<'a> {
    name: &'a str,
    name_mn: Option<&'a str>,
    path: String,
    count: usize,
    counties: Vec<DirCounty<'a>>,
}

/// The markets one group marker of a map layer stands for (the marker links here),
/// by league.
#[derive(Serialize)]
struct GroupView<'a> {
    id: String,
    name: String,
    count: usize,
    leagues: Vec<GroupLeague<'a>>,
}

#[derive(Serialize)]
struct GroupLeague<'a> {
    name: &'a str,
    markets: Vec<DirMarket<'a>>,
}

#[derive(Serialize)]
struct LayerGroups<'a> {
    key: &'static str,
    groups: Vec<GroupView<'a>>,
}

#[derive(Serialize)]
struct MapPage<'a> {
    svg: String,
    legend: Vec<LegendItem<'a>>,
    /// The legend's symbols of a group and of a moved marker.
    group_symbol: String,
    moved_symbol: String,
    groups: Vec<LayerGroups<'a>>,
    leagues: Vec<DirLeague<'a>>,
    attribution: Option<&'a str>,
    count: usize,
}

const MAP_PATH: &str = "map/index.html";

/// Every file of the family.
pub fn all(r: &Renderer<'_>) -> Files {
    let site = r.site;
    let views = &r.markets;
    let mut out = vec![map_page(r, views)?];
    out.push(r.data_file("markets.geojson", || directory::geojson(site, views)));
    out.push(r.data_file("markets.json", || directory::json(site, views)));
    out.push(r.data_file("markets.csv", || directory::csv(site, views)));
    out.extend(status::files(r)?);
    Ok(out)
}

fn map_page(r: &Renderer<'_>, views: &[MarketView<'_>]) -> Result<OutFile, RenderError> {
    if !r.wants(MAP_PATH) {
        return Ok(r.planned(MAP_PATH));
    }
    let site = r.site;
    let t = r.t;
    let legend = status_table::STATUSES
        .iter()
        .map(|s| {
            let key = s.key();
            LegendItem {
                label: t.get(&format!("status_{key}")),
                symbol: svgmap::legend_symbol(key),
                count: site.markets.iter().filter(|m| m.status == *s).count(),
                key,
            }
        })
        .collect();
    let leagues = site
        .leagues
        .iter()
        .filter(|l| !l.markets.is_empty())
        .map(|l| DirLeague {
            name: &l.name,
            name_mn: l.name_mn.as_deref(),
            path: views::league_path(&l.code),
            count: l.markets.len(),
            counties: l
                .counties
                .iter()
                .map(|&ci| &site.counties[ci])
                .filter(|c| !c.markets.is_empty())
                .map(|c| DirCounty {
                    name: &c.name,
                    path: views::county_path(&l.code, &c.code),
                    markets: c
                        .markets
                        .iter()
                        .map(|&mi| DirMarket {
                            m: &views[mi],
                            symbol: svgmap::legend_symbol(views[mi].status_key),
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let title = format!(
        "{}（{} {}）",
        t.get("map_title"),
        site.markets.len(),
        t.get("markets_count")
    );
    let map = region_map::region_map(
        site,
        views,
        &super::root_prefix(MAP_PATH),
        &title,
        t,
        r.content_lang.map(|c| (c, r.page_lang.as_str())),
    );
    let groups = group_lists(site, views, map.groups);
    let (group_symbol, moved_symbol) = svgmap::legend_group_and_moved();
    let data = MapPage {
        svg: map.svg,
        legend,
        group_symbol,
        moved_symbol,
        groups,
        leagues,
        attribution: site.map_attribution.as_deref(),
        count: site.markets.len(),
    };
    r.page(
        "map.html",
        MAP_PATH,
        t.get("map_title"),
        Some(t.get("map_intro")),
        &data,
    )
}

/// The lists of markets the map's group markers link to, per layer, by league.
fn group_lists<'a>(
    site: &'a crate::model::Site,
    views: &'a [MarketView<'a>],
    layers: Vec<(&'static str, Vec<region_map::MapGroup>)>,
) -> Vec<LayerGroups<'a>> {
    let league_of = |mi: usize| site.counties[site.markets[mi].county].league;
    layers
        .into_iter()
        .map(|(key, groups)| LayerGroups {
            key,
            groups: groups
                .into_iter()
                .map(|g| GroupView {
                    name: g
                        .leagues
                        .iter()
                        .map(|&l| site.leagues[l].name.as_str())
                        .collect::<Vec<_>>()
                        .join("、"),
                    count: g.markets.len(),
                    leagues: g
                        .leagues
                        .iter()
                        .map(|&l| GroupLeague {
                            name: &site.leagues[l].name,
                            markets: g
                                .markets
                                .iter()
                                .filter(|&&mi| league_of(mi) == l)
                                .map(|&mi| DirMarket {
                                    m: &views[mi],
                                    symbol: svgmap::legend_symbol(views[mi].status_key),
                                })
                                .collect(),
                        })
                        .collect(),
                    id: g.id,
                })
                .collect(),
        })
        .collect()
}
