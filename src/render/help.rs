//! `/help/`: 困难零工帮扶. The plan asks markets to find work first for workers who
//! have waited long, earn little, have a disability or are older, to place those the
//! market cannot in 公益性岗位, and to give them free one-to-one guidance. This page
//! gathers what the site knows for them: the postings that welcome each group, the
//! public-welfare posts, the rights and legal-aid lines, and where to ask for guidance.

use super::{RenderError, Renderer};
use crate::sink::OutFile;
use crate::views::{self, HotlineView, Shown};
use crate::words::{EmployerKind, Hotline, HotlineKind, Service, Welcome};
use serde::Serialize;

/// The priority groups, in the order the page shows them.
pub const GROUPS: [Welcome; 4] = [
    Welcome::Older,
    Welcome::Disabled,
    Welcome::LongUnemployed,
    Welcome::LowIncome,
];

#[derive(Serialize)]
struct Group<'a> {
    key: &'static str,
    label: &'a str,
    postings: Vec<Shown<'a>>,
}

#[derive(Serialize)]
struct MarketLines<'a> {
    name: &'a str,
    path: String,
    lines: Vec<HotlineView<'a>>,
}

#[derive(Serialize)]
struct GuidanceMarket<'a> {
    name: &'a str,
    path: String,
    county: &'a str,
    address: &'a str,
    today_hours: String,
    offers: Vec<&'a str>,
    service_number: Option<&'a str>,
    service_tel: Option<String>,
}

#[derive(Serialize)]
struct League<'a, T> {
    name: &'a str,
    items: Vec<T>,
}

#[derive(Serialize)]
struct HelpPage<'a> {
    groups: Vec<Group<'a>>,
    public: Vec<Shown<'a>>,
    assistance: Vec<League<'a, MarketLines<'a>>>,
    guidance: Vec<League<'a, GuidanceMarket<'a>>>,
    training_count: usize,
    events_count: usize,
}

fn line<'a>(r: &Renderer<'a>, h: &'a Hotline) -> HotlineView<'a> {
    let kind = r.t.get(&format!("hotline_{}", h.kind.key()));
    HotlineView {
        kind,
        label: h.label.as_deref().unwrap_or(kind),
        number: &h.number,
        tel: views::tel(&h.number),
        hours: h.hours.as_deref(),
    }
}

/// One list per league of what `item` makes of each of its markets (leagues with none left out).
fn by_league<'a, T>(
    r: &Renderer<'a>,
    item: impl Fn(&'a crate::model::Market) -> Option<T>,
) -> Vec<League<'a, T>> {
    r.site
        .leagues
        .iter()
        .map(|l| League {
            name: &l.name,
            items: l
                .markets
                .iter()
                .filter_map(|&m| item(&r.site.markets[m]))
                .collect(),
        })
        .filter(|l| !l.items.is_empty())
        .collect()
}

const PATH: &str = "help/index.html";

pub fn page(r: &Renderer<'_>) -> Result<Vec<OutFile>, RenderError> {
    if !r.wants(PATH) {
        return Ok(vec![r.planned(PATH)]);
    }
    let site = r.site;
    let groups = GROUPS
        .iter()
        .map(|w| {
            let key = w.key();
            Group {
                label: r.t.get(&format!("help_group_{key}")),
                key,
                postings: (0..site.postings.len())
                    .filter(|&i| site.postings[i].welcomes.contains(w))
                    .map(|i| r.postings.shown(i))
                    .collect(),
            }
        })
        .collect();
    let public = (0..site.postings.len())
        .filter(|&i| site.postings[i].employer_kind == EmployerKind::Public)
        .map(|i| r.postings.shown(i))
        .collect();
    let assistance = by_league(r, |m| {
        let lines: Vec<_> = m
            .hotlines
            .iter()
            .filter(|h| matches!(h.kind, HotlineKind::Rights | HotlineKind::Legal))
            .map(|h| line(r, h))
            .collect();
        (!lines.is_empty()).then(|| MarketLines {
            name: &m.name,
            path: views::market_path(&m.id),
            lines,
        })
    });
    let guidance = by_league(r, |m| {
        let offers: Vec<&str> = [Service::Guidance, Service::Assistance]
            .iter()
            .filter(|s| m.services.contains(s))
            .map(|s| r.t.get(&format!("service_{}", s.key())))
            .collect();
        let service = m.hotlines.iter().find(|h| h.kind == HotlineKind::Service);
        (!offers.is_empty()).then(|| GuidanceMarket {
            name: &m.name,
            path: views::market_path(&m.id),
            county: &site.counties[m.county].name,
            address: &m.address,
            today_hours: m
                .spans_on(site.today)
                .iter()
                .map(|(a, b)| format!("{a}–{b}"))
                .collect::<Vec<_>>()
                .join(r.t.get("list_sep")),
            offers,
            service_number: service.map(|h| h.number.as_str()),
            service_tel: service.map(|h| views::tel(&h.number)),
        })
    });
    let data = HelpPage {
        groups,
        public,
        assistance,
        guidance,
        training_count: site
            .training
            .iter()
            .filter(|p| p.is_current(site.today))
            .count(),
        events_count: site
            .events
            .iter()
            .filter(|e| e.is_upcoming(site.today))
            .count(),
    };
    Ok(vec![r.page(
        "help.html",
        PATH,
        r.t.get("help_title"),
        Some(r.t.get("help_intro")),
        &data,
    )?])
}
