//! The page families: board, job lists, posting pages, categories, regions, markets,
//! markdown pages and the 404 page. Each function returns its output files.

use super::lists::paginated;
use super::{RenderError, Renderer, svgmap};
use crate::outputs::jsonld;
use crate::sink::OutFile;
use crate::views::{self, LinkView, MarketView, Shown};
use rayon::prelude::*;
use serde::Serialize;

pub(super) type Files = Result<Vec<OutFile>, RenderError>;

type Family = fn(&Renderer<'_>) -> Files;

/// Every family, named for `--timings`, with the first folders of the paths it writes
/// (`None`: anywhere, as markdown pages choose their own).
const FAMILIES: &[(&str, Family, Option<&[&str]>)] = &[
    ("board", board, Some(&["index.html"])),
    ("job lists", job_lists, Some(&["jobs/"])),
    ("posting pages", posting_pages, Some(&["jobs/"])),
    ("closed postings", super::closed::pages, Some(&["jobs/"])),
    ("categories", categories, Some(&["categories/"])),
    ("regions", super::places::regions, Some(&["regions/"])),
    ("markets", super::places::markets, Some(&["markets/"])),
    ("markdown pages", pages, None),
    ("404", not_found, Some(&["404.html"])),
    ("print sheets", super::print::sheets, Some(&["print/"])),
    ("posters", super::poster::posters, Some(&["print/"])),
    ("kiosk screens", super::kiosk::screens, Some(&["kiosk/"])),
    (
        "map and directory",
        super::directory::all,
        Some(&["map/", "markets.", "reports/"]),
    ),
    ("search", search, Some(&["search/"])),
    (
        "events, training, help",
        super::events::all,
        Some(&["events/", "training/", "help/"]),
    ),
];

pub fn all(r: &Renderer<'_>) -> Files {
    let mut out = Vec::new();
    for (name, family, folders) in FAMILIES {
        // Asked for one page (`serve`), only the families that can write it run.
        let skip = match (r.just(), folders) {
            (Some(path), Some(folders)) => !folders.iter().any(|f| path.starts_with(f)),
            _ => false,
        };
        if !skip {
            let started = std::time::Instant::now();
            out.extend(family(r)?);
            r.spent(name, started.elapsed());
        }
    }
    Ok(out)
}

/// How many postings of each category the home board shows before "more": few, so
/// that on a phone the board stays a few screens long (the chosen county's postings
/// come first, and each category's page has them all).
const BOARD_PER_CATEGORY: usize = 6;
const BOARD_QUICK_HIRES: usize = 12;

#[derive(Serialize)]
struct BoardSection<'a> {
    label: &'a str,
    path: String,
    count: usize,
    postings: Vec<Shown<'a>>,
}

#[derive(Serialize)]
struct Board<'a> {
    quick: Vec<Shown<'a>>,
    quick_count: usize,
    sections: Vec<BoardSection<'a>>,
    total: usize,
    markets: Vec<LinkView<'a>>,
    /// The county chooser (see `county_board`).
    leagues: Vec<super::county_board::LeagueChoice<'a>>,
}

fn board(r: &Renderer<'_>) -> Files {
    if !r.wants("index.html") {
        return Ok(vec![r.planned("index.html")]);
    }
    let site = r.site;
    let quick: Vec<Shown> = (0..site.postings.len())
        .filter(|&i| site.postings[i].quick_hire)
        .map(|i| r.postings.shown(i))
        .collect();
    let sections = site
        .categories
        .iter()
        .filter(|c| !c.postings.is_empty())
        .map(|c| BoardSection {
            label: &c.label,
            path: views::category_path(&c.slug),
            count: c.postings.len(),
            postings: c
                .postings
                .iter()
                .filter(|&&i| !site.postings[i].quick_hire)
                .take(BOARD_PER_CATEGORY)
                .map(|&i| r.postings.shown(i))
                .collect(),
        })
        .collect();
    let markets = site
        .markets
        .iter()
        .filter(|m| !m.postings.is_empty())
        .map(|m| LinkView {
            label: &m.name,
            path: views::market_path(&m.id),
            count: m.postings.len(),
        })
        .collect();
    let data = Board {
        quick_count: quick.len(),
        quick: quick.into_iter().take(BOARD_QUICK_HIRES).collect(),
        sections,
        total: site.postings.len(),
        markets,
        leagues: super::county_board::choices(r),
    };
    Ok(vec![r.page(
        "index.html",
        "index.html",
        &site.title,
        site.description.as_deref(),
        &data,
    )?])
}

fn job_lists(r: &Renderer<'_>) -> Files {
    let all: Vec<usize> = (0..r.site.postings.len()).collect();
    paginated(r, "jobs.html", "jobs/", r.t.get("all_jobs"), &(), &all)
}

#[derive(Serialize)]
struct PostingPage<'a> {
    /// Names no day (see `partials/site_nav.html`): the page stays the same file.
    dateless: bool,
    p: Shown<'a>,
    /// The body as sanitised HTML: only this page shows it, so it is not in the view.
    body_html: Option<String>,
    market: MarketBrief<'a>,
    /// Only on the site's own language (see the page's loop).
    jsonld: Option<String>,
    /// 导航 to where the work is (its own place, else its market).
    directions: views::directions::Directions,
}

/// What a posting page shows of its market: built per page, so kept small (the full
/// `MarketView` has the week's hours, services, facilities… and is serialised per page).
#[derive(Serialize)]
pub(super) struct MarketBrief<'a> {
    name: &'a str,
    path: &'a str,
    address: &'a str,
    today_hours: &'a str,
    week_hours: &'a str,
    hotlines: &'a [views::HotlineView<'a>],
}

impl<'a> MarketBrief<'a> {
    pub(super) fn of(m: &'a MarketView<'a>) -> Self {
        MarketBrief {
            name: m.name,
            path: &m.path,
            address: m.address,
            today_hours: &m.today_hours,
            week_hours: &m.week_hours,
            hotlines: &m.hotlines,
        }
    }
}

/// The JobPosting's description, in HTML as search engines ask: the body as the page
/// shows it, then the requirements, the conditions and the pay (every word is on the page).
fn job_description(
    r: &Renderer<'_>,
    model: &crate::model::Posting,
    pay: &str,
    body: Option<&crate::markdown::Rendered>,
) -> String {
    let t = r.t;
    let mut html = body.map_or(String::new(), |b| b.html.trim().to_string());
    let mut line = |label: &str, text: &str| {
        html.push_str(&format!(
            "<p>{}{}{}</p>",
            svgmap::escape(t.get(label)),
            svgmap::escape(t.get("colon")),
            svgmap::escape(text)
        ));
    };
    if let Some(req) = &model.requirements {
        line("requirements", req);
    }
    if let Some(c) = &model.conditions {
        let said: Vec<String> = views::conditions::condition_words(c, t);
        if !said.is_empty() {
            line("conditions", &said.join(t.get("enum_sep")));
        }
    }
    line("pay", pay);
    html
}

fn posting_pages(r: &Renderer<'_>) -> Files {
    r.site
        .postings
        .par_iter()
        .enumerate()
        .map(|(i, model)| {
            let path = views::posting_path(&model.id);
            if !r.wants(&path) {
                return Ok(r.planned(&path));
            }
            let view = r.postings.get(i);
            let body = model.body.as_ref().map(crate::model::Body::rendered);
            if let Some(b) = &body {
                r.postings.keep_text(i, &b.text);
            }
            let description = job_description(r, model, &view.pay, body.as_ref());
            // One JobPosting per posting: on the Chinese page, which the others name as
            // canonical (the same url and identifier on three pages is three postings).
            let jsonld = r.is_root_tree().then(|| {
                let benefits = model.conditions.as_ref().map_or(String::new(), |c| {
                    views::conditions::condition_benefits(c, r.t).join(r.t.get("enum_sep"))
                });
                jsonld::script_safe(&jsonld::job_posting(r.site, model, &description, &benefits))
            });
            let market = &r.site.markets[model.market];
            let directions = match model.place_location {
                Some(at) => {
                    views::directions::Directions::to(at.lat, at.lon, view.place, view.place)
                }
                None => views::directions::Directions::to(
                    market.location.lat,
                    market.location.lon,
                    &market.name,
                    &market.address,
                ),
            };
            let data = PostingPage {
                dateless: true,
                directions,
                p: r.postings.shown(i),
                body_html: body.map(|b| r.content_html(&b.html, &view.path).into_owned()),
                market: MarketBrief::of(&r.markets[model.market]),
                jsonld,
            };
            let summary = format!("{} · {} · {}", view.pay, view.market, view.county);
            r.page(
                "posting.html",
                &view.path,
                view.title,
                Some(&summary),
                &data,
            )
        })
        .collect()
}

#[derive(Serialize)]
struct Categories<'a> {
    categories: Vec<LinkView<'a>>,
}

fn categories(r: &Renderer<'_>) -> Files {
    let site = r.site;
    let links = site
        .categories
        .iter()
        .map(|c| LinkView {
            label: &c.label,
            path: views::category_path(&c.slug),
            count: c.postings.len(),
        })
        .collect();
    let mut out = vec![r.page(
        "categories.html",
        "categories/index.html",
        r.t.get("categories"),
        None,
        &Categories { categories: links },
    )?];
    for c in &site.categories {
        out.extend(paginated(
            r,
            "jobs.html",
            &format!("categories/{}/", c.slug),
            &c.label,
            &(),
            &c.postings,
        )?);
    }
    Ok(out)
}

#[derive(Serialize)]
struct MdPage<'a> {
    html: std::borrow::Cow<'a, str>,
}

fn pages(r: &Renderer<'_>) -> Files {
    r.site
        .pages
        .iter()
        .map(|p| {
            let path = format!("{}/index.html", p.slug);
            let html = r.content_html(&p.html, &path);
            r.page(
                "page.html",
                &path,
                &p.title,
                p.description.as_deref(),
                &MdPage { html },
            )
        })
        .collect()
}

#[derive(Serialize)]
struct NotFound {
    /// `[[id, name, board], …]` of every market, longest id first: the page's script
    /// names the market whose id begins the missing posting's id (`gigboard new posting`
    /// makes ids as `<market>-<date>-<n>`), once its closed page has gone too.
    markets_json: String,
    /// Where this language's pages are on the server: the path of `base_url` (`/`
    /// without one) and `""` or `en/`.
    base_path: String,
}

/// The path part of `base_url` (`https://host/gig/` → `/gig/`), `/` without one.
fn site_path(base_url: Option<&str>) -> &str {
    base_url
        .and_then(|b| b.split_once("://"))
        .and_then(|(_, rest)| rest.find('/').map(|at| &rest[at..]))
        .unwrap_or("/")
}

fn not_found(r: &Renderer<'_>) -> Files {
    if !r.wants("404.html") {
        return Ok(vec![r.planned("404.html")]);
    }
    let mut markets: Vec<_> = r
        .markets
        .iter()
        .map(|m| [m.id, m.name, m.path.as_str()])
        .collect();
    markets.sort_by_key(|m| std::cmp::Reverse(m[0].len()));
    let data = NotFound {
        markets_json: serde_json::to_string(&markets).unwrap_or_default(),
        base_path: format!("{}{}", site_path(r.site.base_url.as_deref()), r.prefix),
    };
    Ok(vec![r.page(
        "404.html",
        "404.html",
        r.t.get("not_found"),
        None,
        &data,
    )?])
}

#[derive(Serialize)]
struct SearchPage<'a> {
    categories: Vec<LinkView<'a>>,
    counties: Vec<SearchCounty<'a>>,
}

#[derive(Serialize)]
struct SearchCounty<'a> {
    code: &'a str,
    name: &'a str,
    league: &'a str,
}

/// The search page: a form that works with the index script, and plain links to the
/// category and region lists for browsers without JavaScript.
fn search(r: &Renderer<'_>) -> Files {
    let site = r.site;
    let data = SearchPage {
        categories: site
            .categories
            .iter()
            .map(|c| LinkView {
                label: &c.label,
                path: c.slug.clone(),
                count: c.postings.len(),
            })
            .collect(),
        counties: site
            .counties
            .iter()
            .filter(|c| !c.postings.is_empty())
            .map(|c| SearchCounty {
                code: &c.code,
                name: &c.name,
                league: &site.leagues[c.league].name,
            })
            .collect(),
    };
    Ok(vec![r.page(
        "search.html",
        "search/index.html",
        r.t.get("search"),
        None,
        &data,
    )?])
}
