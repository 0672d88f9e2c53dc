//! The home page's county board. A worker chooses a county once; the phone remembers it
//! (`js/site.js`, no account) and the home page then starts with that county's quick
//! hires and postings. Each county's first cards are a small script beside its region
//! page (`regions/<league>/<county>/cards.js`), loaded with `<script>` so that it works
//! from `file://` (a USB stick) too; without JavaScript the chooser's links lead to the
//! county pages, which list the same postings.

use super::Renderer;
use super::families::Files;
use crate::views;
use serde::Serialize;

/// How many of a county's postings the home page shows before "all of them".
const CARDS_PER_COUNTY: usize = 12;

/// A county in the home page's chooser.
#[derive(Serialize)]
pub(super) struct CountyChoice<'a> {
    code: &'a str,
    name: &'a str,
    /// Its region page (the chooser's link without JavaScript).
    path: String,
    /// Its cards script.
    cards: String,
    postings: usize,
}

/// A league's counties in the chooser.
#[derive(Serialize)]
pub(super) struct LeagueChoice<'a> {
    name: &'a str,
    counties: Vec<CountyChoice<'a>>,
}

fn cards_path(league: &str, county: &str) -> String {
    format!("regions/{league}/{county}/{CARDS_FILE}")
}

const CARDS_FILE: &str = "cards.js";

/// Whether `path` is a county's cards script (in any language's tree).
pub(super) fn is_cards(path: &str) -> bool {
    let in_regions = path.starts_with("regions/") || path.contains("/regions/");
    in_regions && path.rsplit('/').next() == Some(CARDS_FILE)
}

/// The chooser: every league with its counties, in the order of `regions.yaml`.
pub(super) fn choices<'a>(r: &Renderer<'a>) -> Vec<LeagueChoice<'a>> {
    let site = r.site;
    site.leagues
        .iter()
        .map(|l| LeagueChoice {
            name: &l.name,
            counties: l
                .counties
                .iter()
                .map(|&ci| {
                    let c = &site.counties[ci];
                    CountyChoice {
                        code: &c.code,
                        name: &c.name,
                        path: views::county_path(&l.code, &c.code),
                        cards: cards_path(&l.code, &c.code),
                        postings: c.postings.len(),
                    }
                })
                .collect(),
        })
        .filter(|l| !l.counties.is_empty())
        .collect()
}

/// What a cards script hands to the page: `gigboardCounty({…})`.
#[derive(Serialize)]
struct CountyCards<'a> {
    code: &'a str,
    name: &'a str,
    count: usize,
    /// The county's page, from the home page.
    path: String,
    /// The first cards, with links as the home page needs them.
    html: String,
}

#[derive(Serialize)]
struct CardsData<'a> {
    postings: Vec<views::Shown<'a>>,
}

/// One cards script per county (with or without postings: a remembered county that has
/// none today says so).
pub(super) fn scripts(r: &Renderer<'_>) -> Files {
    let site = r.site;
    let mut out = Vec::new();
    for l in &site.leagues {
        for &ci in &l.counties {
            let c = &site.counties[ci];
            let path = cards_path(&l.code, &c.code);
            if !r.wants(&path) {
                out.push(r.planned(&path));
                continue;
            }
            let shown = &c.postings[..c.postings.len().min(CARDS_PER_COUNTY)];
            let html = r.fragment(
                "partials/county_cards.html",
                "index.html",
                &CardsData {
                    postings: r.postings_at(shown),
                },
            )?;
            let cards = CountyCards {
                code: &c.code,
                name: &c.name,
                count: c.postings.len(),
                path: views::county_path(&l.code, &c.code),
                html,
            };
            // JSON is JavaScript; `</` is escaped so no card text can end a script.
            let json = serde_json::to_string(&cards)
                .unwrap_or_default()
                .replace("</", "<\\/");
            let script = format!(
                "// The first postings of {} for the home page (js/site.js).\nwindow.gigboardCounty&&gigboardCounty({json});\n",
                c.code
            );
            out.push(r.tree_file(&path, script.into_bytes())?);
        }
    }
    Ok(out)
}
