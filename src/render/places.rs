//! The place pages: regions (leagues and counties, with their markets and postings)
//! and the market directory with one page per market.

use super::Renderer;
use super::families::{Files, MarketBrief};
use super::lists::{Pages, paginated};
use crate::outputs::jsonld;
use crate::sink::OutFile;
use crate::views::{self, MarketView, Shown};
use rayon::prelude::*;
use serde::Serialize;

#[derive(Serialize)]
struct LeagueRow<'a> {
    name: &'a str,
    name_mn: Option<&'a str>,
    path: String,
    markets: usize,
    postings: usize,
    counties: Vec<CountyRow<'a>>,
}

#[derive(Serialize, Clone)]
struct CountyRow<'a> {
    code: &'a str,
    name: &'a str,
    name_mn: Option<&'a str>,
    path: String,
    markets: usize,
    operating: usize,
    postings: usize,
}

#[derive(Serialize)]
struct Regions<'a> {
    leagues: Vec<LeagueRow<'a>>,
}

#[derive(Serialize)]
struct RegionHead<'a> {
    league: &'a str,
    league_path: String,
    county: Option<&'a str>,
    counties: Vec<CountyRow<'a>>,
    markets: Vec<MarketLine<'a>>,
    /// The region's live postings (a league's page shows only the first of them).
    total: usize,
}

/// What a region page lists of a market. Every page of a region's list carries it, so
/// it holds only what the list shows (the full market view has the week's hours,
/// services and facilities, and would be serialised again for each page).
#[derive(Serialize)]
struct MarketLine<'a> {
    name: &'a str,
    path: String,
    status: &'a str,
    status_key: &'static str,
    today_hours: String,
    service_tel: Option<String>,
    service_number: Option<&'a str>,
}

impl<'a> From<&MarketView<'a>> for MarketLine<'a> {
    fn from(m: &MarketView<'a>) -> Self {
        MarketLine {
            name: m.name,
            path: m.path.clone(),
            status: m.status,
            status_key: m.status_key,
            today_hours: m.today_hours.clone(),
            service_tel: m.service_tel.clone(),
            service_number: m.service_number,
        }
    }
}

pub(super) fn regions(r: &Renderer<'_>) -> Files {
    let site = r.site;
    let county_row = |ci: usize| {
        let c = &site.counties[ci];
        let league = &site.leagues[c.league];
        CountyRow {
            code: &c.code,
            name: &c.name,
            name_mn: c.name_mn.as_deref(),
            path: views::county_path(&league.code, &c.code),
            markets: c.markets.len(),
            operating: c
                .markets
                .iter()
                .filter(|&&m| site.markets[m].status == crate::words::MarketStatus::Operating)
                .count(),
            postings: c.postings.len(),
        }
    };
    let leagues: Vec<LeagueRow> = site
        .leagues
        .iter()
        .map(|l| LeagueRow {
            name: &l.name,
            name_mn: l.name_mn.as_deref(),
            path: views::league_path(&l.code),
            markets: l.markets.len(),
            postings: l.postings.len(),
            counties: l.counties.iter().map(|&ci| county_row(ci)).collect(),
        })
        .collect();
    let mut out = Vec::new();
    let market_views = |ids: &[usize]| -> Vec<MarketLine> {
        ids.iter()
            .map(|&m| MarketLine::from(&r.markets[m]))
            .collect()
    };
    for (li, l) in site.leagues.iter().enumerate() {
        let head = RegionHead {
            league: &l.name,
            league_path: views::league_path(&l.code),
            county: None,
            counties: leagues[li].counties.clone(),
            markets: market_views(&l.markets),
            total: l.postings.len(),
        };
        // A league's page leads to its counties' boards and shows one page of its
        // postings (quick hires, then the newest): its whole list would repeat every
        // county's, hundreds of kilometres apart, and be rewritten by each edit.
        let first = &l.postings[..l.postings.len().min(site.paginate)];
        out.extend(paginated(
            r,
            "league.html",
            &format!("regions/{}/", l.code),
            &l.name,
            &head,
            first,
        )?);
        for &ci in &l.counties {
            let c = &site.counties[ci];
            let head = RegionHead {
                league: &l.name,
                league_path: views::league_path(&l.code),
                county: Some(&c.name),
                counties: Vec::new(),
                markets: market_views(&c.markets),
                total: c.postings.len(),
            };
            out.extend(paginated(
                r,
                "county.html",
                &format!("regions/{}/{}/", l.code, c.code),
                &c.name,
                &head,
                &c.postings,
            )?);
        }
    }
    out.extend(super::county_board::scripts(r)?);
    out.push(r.page(
        "regions.html",
        "regions/index.html",
        r.t.get("regions"),
        None,
        &Regions { leagues },
    )?);
    Ok(out)
}

#[derive(Serialize)]
struct MarketsIndex<'a> {
    groups: Vec<MarketGroup<'a>>,
    count: usize,
}

#[derive(Serialize)]
struct MarketGroup<'a> {
    league: &'a str,
    markets: Vec<&'a MarketView<'a>>,
}

#[derive(Serialize)]
struct MarketPage<'a> {
    m: &'a MarketView<'a>,
    /// The first page of the market's postings (`paginate` of them); `pager` leads to
    /// the others at `markets/<id>/page/<n>/`, so a busy market's page stays light
    /// on a phone.
    postings: Vec<Shown<'a>>,
    /// All of the market's postings.
    count: usize,
    pager: super::lists::Pager,
    jsonld: Option<String>,
    detail: super::market_detail::MarketDetail<'a>,
    events: Vec<super::events::EventCard<'a>>,
}

pub(super) fn markets(r: &Renderer<'_>) -> Files {
    let site = r.site;
    let groups = site
        .leagues
        .iter()
        .filter(|l| !l.markets.is_empty())
        .map(|l| MarketGroup {
            league: &l.name,
            markets: l.markets.iter().map(|&m| &r.markets[m]).collect(),
        })
        .collect();
    let mut out = vec![r.page(
        "markets.html",
        "markets/index.html",
        r.t.get("markets"),
        None,
        &MarketsIndex {
            groups,
            count: site.markets.len(),
        },
    )?];
    let pages: Result<Vec<Vec<OutFile>>, _> = site
        .markets
        .par_iter()
        .enumerate()
        .map(|(i, m)| {
            let dir = format!("markets/{}/", m.id);
            let list = Pages::new(r, &dir, &m.postings);
            let mut files = list.render(
                r,
                2,
                "market_jobs.html",
                &m.name,
                &MarketJobsHead {
                    market: MarketBrief::of(&r.markets[i]),
                },
            )?;
            let path = views::market_path(&m.id);
            if !r.wants(&path) {
                files.push(r.planned(&path));
                return Ok(files);
            }
            let view = &r.markets[i];
            let title = view.name;
            let summary = format!("{} · {}", view.address, view.today_hours);
            let ld = crate::outputs::market_ld::government_service(site, m, r.t);
            let mut detail =
                super::market_detail::MarketDetail::new(site, m, view, r.t, r.content_lang);
            detail.description_html = view.description_html.map(|h| r.content_html(h, &path));
            let data = MarketPage {
                postings: r.postings_at(list.slice(1)),
                count: m.postings.len(),
                pager: list.pager(1),
                detail,
                events: super::events::for_market(r, m),
                m: view,
                jsonld: Some(jsonld::script_safe(&ld)),
            };
            files.push(r.page("market.html", &path, title, Some(&summary), &data)?);
            Ok(files)
        })
        .collect();
    out.extend(pages?.into_iter().flatten());
    Ok(out)
}

/// Above the market's postings from page 2 on: which market, and the way back to it.
#[derive(Serialize)]
struct MarketJobsHead<'a> {
    market: MarketBrief<'a>,
}
