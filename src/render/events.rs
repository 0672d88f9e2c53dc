//! `/events/` (coming first, soonest first; past ones in an archive below) and one page
//! per fair or caravan, with its Event JSON-LD and its own `.ics`. Also the short
//! "近期活动" list a market page shows, and the family entry for training and help.

use super::Renderer;
use crate::load::events::EventKind;
use crate::model::Market;
use crate::model::events::Event;
use crate::outputs::{event_ld, jsonld};
use crate::views::{self, HotlineView};
use crate::words::scalars::LocalDateTime;
use serde::Serialize;

use super::families::Files;

/// The events, training and help pages (one line in `families::all`).
pub fn all(r: &Renderer<'_>) -> Files {
    let mut out = pages(r)?;
    out.extend(super::training::pages(r)?);
    out.extend(super::help::page(r)?);
    Ok(out)
}

pub fn event_path(id: &str) -> String {
    format!("events/{id}/index.html")
}

/// A date in the language's own pattern: `date_short` with the weekday in brackets
/// (`12月5日（星期六）`, `5 December (Saturday)`) this year, `date_long` in another.
pub fn date_text(r: &Renderer<'_>, d: jiff::civil::Date, weekday: bool) -> String {
    let t = r.t;
    let long = d.year() != r.site.today.0.year();
    let wd = t.get(&format!(
        "weekday_{}",
        crate::words::scalars::WEEKDAY_KEYS[d.weekday().to_monday_zero_offset() as usize]
    ));
    let text = t
        .get(if long { "date_long" } else { "date_short" })
        .replace("{y}", &d.year().to_string())
        .replace("{month}", t.get(&format!("month_{}", d.month())))
        .replace("{m}", &d.month().to_string())
        .replace("{d}", &d.day().to_string())
        .replace("{w}", wd);
    if weekday && !long {
        format!("{text}{}{wd}{}", t.get("paren_open"), t.get("paren_close"))
    } else {
        text
    }
}

/// `12月5日（星期六） 09:00–12:00`, or from–to across days.
pub fn when_text(r: &Renderer<'_>, start: LocalDateTime, end: LocalDateTime) -> String {
    let day = |dt: LocalDateTime| date_text(r, dt.0.date(), true);
    let clock = |dt: LocalDateTime| format!("{:02}:{:02}", dt.0.hour(), dt.0.minute());
    if start.0.date() == end.0.date() {
        // Word joiners keep `09:00–11:30` on one line.
        format!(
            "{} {}\u{2060}–\u{2060}{}",
            day(start),
            clock(start),
            clock(end)
        )
    } else {
        format!(
            "{} {} – {} {}",
            day(start),
            clock(start),
            day(end),
            clock(end)
        )
    }
}

/// An event as lists show it.
#[derive(Serialize)]
pub struct EventCard<'a> {
    pub id: &'a str,
    pub path: String,
    pub title: &'a str,
    pub kind: &'a str,
    pub kind_key: &'static str,
    pub when: String,
    pub start_iso: String,
    /// The market, the address, or a caravan's route (county → county).
    pub place: String,
    pub upcoming: bool,
}

impl<'a> EventCard<'a> {
    pub fn new(r: &Renderer<'a>, e: &'a Event) -> Self {
        let site = r.site;
        let place = if e.kind == EventKind::Caravan {
            let route: Vec<&str> = e
                .stops
                .iter()
                .map(|s| site.counties[s.county].name.as_str())
                .collect();
            format!(
                "{}{}{}",
                r.t.get("event_route")
                    .replace("{n}", &e.stops.len().to_string()),
                r.t.get("colon"),
                route.join(" → ")
            )
        } else {
            match (e.market.map(|m| &site.markets[m]), &e.address) {
                (Some(m), Some(a)) => format!("{a} · {}", m.name),
                (Some(m), None) => m.name.clone(),
                (None, Some(a)) => a.clone(),
                (None, None) => String::new(),
            }
        };
        let key = e.kind.key();
        EventCard {
            id: &e.id,
            path: event_path(&e.id),
            title: &e.title,
            kind: r.t.get(&format!("event_kind_{key}")),
            kind_key: key,
            when: when_text(r, e.start, e.end),
            start_iso: e.start.0.to_string(),
            place,
            upcoming: e.is_upcoming(site.today),
        }
    }
}

/// Upcoming events at this market, and caravan stops in its county.
pub fn for_market<'a>(r: &Renderer<'a>, m: &Market) -> Vec<EventCard<'a>> {
    let site = r.site;
    let mut out = Vec::new();
    for e in site.events.iter().filter(|e| e.is_upcoming(site.today)) {
        if e.market.is_some_and(|i| site.markets[i].id == m.id) {
            out.push(EventCard::new(r, e));
        }
        for s in e
            .stops
            .iter()
            .filter(|s| s.county == m.county && s.is_upcoming(site.today))
        {
            let mut card = EventCard::new(r, e);
            card.when = when_text(r, s.start, s.end);
            card.start_iso = s.start.0.to_string();
            card.place = format!("{} {}", site.counties[s.county].name, s.place);
            out.push(card);
        }
    }
    out
}

#[derive(Serialize)]
struct EventsIndex<'a> {
    upcoming: Vec<EventCard<'a>>,
    past: Vec<EventCard<'a>>,
}

#[derive(Serialize)]
struct StopView<'a> {
    /// 第 n 站.
    label: String,
    when: String,
    start_iso: String,
    county: &'a str,
    county_path: String,
    place: &'a str,
    upcoming: bool,
    /// 导航 to the stop, when its point is given.
    directions: Option<views::directions::Directions>,
}

#[derive(Serialize)]
struct EmployerView<'a> {
    name: &'a str,
    jobs: String,
    headcount: Option<u32>,
}

#[derive(Serialize)]
struct EventPage<'a> {
    e: EventCard<'a>,
    /// 导航 to the event's place (its own point, else its market's).
    directions: Option<views::directions::Directions>,
    organiser: &'a str,
    market: Option<&'a views::MarketView<'a>>,
    address: Option<&'a str>,
    stops: Vec<StopView<'a>>,
    employers: Vec<EmployerView<'a>>,
    /// 共招 n 人, when the employers say how many.
    headcount: Option<String>,
    bring: &'a [String],
    contact_name: Option<&'a str>,
    phone: Option<&'a str>,
    tel: Option<String>,
    description_html: Option<std::borrow::Cow<'a, str>>,
    hotlines: Vec<HotlineView<'a>>,
    jsonld: String,
}

fn pages(r: &Renderer<'_>) -> Files {
    let site = r.site;
    let (mut upcoming, mut past): (Vec<_>, Vec<_>) =
        site.events.iter().partition(|e| e.is_upcoming(site.today));
    upcoming.sort_by(|a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
    past.sort_by(|a, b| (b.start, &a.id).cmp(&(a.start, &b.id)));
    let index = EventsIndex {
        upcoming: upcoming.into_iter().map(|e| EventCard::new(r, e)).collect(),
        past: past.into_iter().map(|e| EventCard::new(r, e)).collect(),
    };
    let mut out = vec![r.page(
        "events.html",
        "events/index.html",
        r.t.get("events_title"),
        Some(r.t.get("events_intro")),
        &index,
    )?];
    for e in &site.events {
        let market = e.market.map(|m| &site.markets[m]);
        let name = e.address.as_deref().unwrap_or(&e.title);
        let directions = match (e.location, market) {
            (Some(at), _) => Some(views::directions::Directions::to(
                at.lat, at.lon, name, name,
            )),
            (None, Some(m)) => Some(views::directions::Directions::to(
                m.location.lat,
                m.location.lon,
                &m.name,
                &m.address,
            )),
            (None, None) => None,
        };
        let data = EventPage {
            directions,
            e: EventCard::new(r, e),
            organiser: &e.organiser,
            market: e.market.map(|m| &r.markets[m]),
            address: e.address.as_deref(),
            stops: e
                .stops
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let county = &site.counties[s.county];
                    StopView {
                        label: r.t.get("event_stop_n").replace("{n}", &(i + 1).to_string()),
                        when: when_text(r, s.start, s.end),
                        start_iso: s.start.0.to_string(),
                        county: &county.name,
                        county_path: views::county_path(
                            &site.leagues[county.league].code,
                            &county.code,
                        ),
                        place: &s.place,
                        upcoming: s.is_upcoming(site.today),
                        directions: s.location.map(|at| {
                            views::directions::Directions::to(at.lat, at.lon, &s.place, &s.place)
                        }),
                    }
                })
                .collect(),
            employers: e
                .employers
                .iter()
                .map(|x| EmployerView {
                    name: &x.name,
                    jobs: x.jobs.join(r.t.get("enum_sep")),
                    headcount: x.headcount,
                })
                .collect(),
            headcount: Some(e.employers.iter().filter_map(|x| x.headcount).sum::<u32>())
                .filter(|n| *n > 0)
                .map(|n| {
                    r.t.get("event_headcount_total")
                        .replace("{n}", &n.to_string())
                }),
            bring: &e.bring,
            contact_name: e.contact_name.as_deref(),
            phone: e.contact_phone.as_deref(),
            tel: e.contact_phone.as_deref().map(views::tel),
            description_html: e
                .description_html
                .as_deref()
                .map(|h| r.content_html(h, &event_path(&e.id))),
            hotlines: market
                .map(|m| views::hotlines(&m.hotlines, r.t))
                .unwrap_or_default(),
            jsonld: jsonld::script_safe(&event_ld::event(site, e)),
        };
        let summary = format!("{} · {}", data.e.when, data.e.place);
        out.push(r.page(
            "event.html",
            &event_path(&e.id),
            &e.title,
            Some(&summary),
            &data,
        )?);
    }
    Ok(out)
}
