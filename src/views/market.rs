//! The view of a market that lists, maps and pages show: name, place, today's hours,
//! this week's, services and facilities, hotlines. Built once per build (the
//! renderer keeps one per market) and borrowed by every page that shows the market.

use super::{HotlineView, county_path, day_text, hotlines, league_path, market_path, tel};
use crate::model::{Market, Site};
use crate::words::i18n::Strings;
use crate::words::scalars::{Day, WEEKDAY_KEYS};
use crate::words::{HotlineKind, MarketStatus};
use serde::Serialize;
#[derive(Debug, Serialize)]
pub struct LabelView<'a> {
    pub key: &'static str,
    pub label: &'a str,
}

#[derive(Debug, Serialize)]
pub struct DayHours {
    pub label: String,
    /// `YYYY-MM-DD` for a dated row (this week, exceptions); `None` for weekly rules.
    pub date: Option<String>,
    pub spans: String,
    pub note: Option<String>,
    pub is_today: bool,
    pub changed: bool,
}

/// A market as lists and pages show it.
#[derive(Debug, Serialize)]
pub struct MarketView<'a> {
    pub id: &'a str,
    pub path: String,
    pub name: &'a str,
    pub name_mn: Option<&'a str>,
    pub county: &'a str,
    pub county_mn: Option<&'a str>,
    pub county_path: String,
    pub league: &'a str,
    pub league_mn: Option<&'a str>,
    pub league_path: String,
    pub address: &'a str,
    pub transit: Option<&'a str>,
    pub lat: f64,
    pub lon: f64,
    pub status: &'a str,
    pub status_key: &'static str,
    pub operating: bool,
    pub opened: Option<String>,
    pub grade: Option<u8>,
    pub today_hours: String,
    /// The weekly rules in one line, days with the same hours together
    /// (星期一至星期五 08:30–17:30，星期六至星期日 休息): what a page that must not change
    /// from one day to the next says (a posting's).
    pub week_hours: String,
    /// The weekly rules, one row per weekday.
    pub weekly: Vec<DayHours>,
    /// This week (Monday to Sunday), closures applied.
    pub this_week: Vec<DayHours>,
    /// Dated exceptions from today on.
    pub upcoming: Vec<DayHours>,
    pub hotlines: Vec<HotlineView<'a>>,
    pub service_tel: Option<String>,
    pub service_number: Option<&'a str>,
    pub services: Vec<LabelView<'a>>,
    pub facilities: Vec<LabelView<'a>>,
    pub operator: Option<&'a str>,
    pub description_html: Option<&'a str>,
    pub posting_count: usize,
}

/// Weekdays with the same hours run together: `星期一至星期五 08:30–17:30`.
fn week_line(weekly: &[DayHours], t: &Strings) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < weekly.len() {
        let mut j = i;
        while j + 1 < weekly.len() && weekly[j + 1].spans == weekly[i].spans {
            j += 1;
        }
        let days = if j == i {
            weekly[i].label.clone()
        } else {
            format!(
                "{}{}{}",
                weekly[i].label,
                t.get("range_to"),
                weekly[j].label
            )
        };
        parts.push(format!("{days} {}", weekly[i].spans));
        i = j + 1;
    }
    parts.join(t.get("group_sep"))
}

fn spans_text(
    spans: &[(crate::words::scalars::Clock, crate::words::scalars::Clock)],
    t: &Strings,
) -> String {
    if spans.is_empty() {
        return t.get("closed_all_day").to_string();
    }
    spans
        .iter()
        .map(|(a, b)| format!("{a}–{b}"))
        .collect::<Vec<_>>()
        .join(t.get("list_sep"))
}

impl<'a> MarketView<'a> {
    pub fn new(site: &'a Site, m: &'a Market, t: &'a Strings) -> Self {
        let county = &site.counties[m.county];
        let league = &site.leagues[county.league];
        let today = site.today;
        let weekday = today.0.weekday().to_monday_zero_offset() as i64;
        let weekly: Vec<DayHours> = (0..7)
            .map(|i| {
                let spans: Vec<_> = m
                    .hours
                    .iter()
                    .filter(|r| r.days.contains(i))
                    .map(|r| (r.open, r.close))
                    .collect();
                let mut spans = spans;
                spans.sort();
                DayHours {
                    label: t.get(&format!("weekday_{}", WEEKDAY_KEYS[i])).to_string(),
                    date: None,
                    spans: spans_text(&spans, t),
                    note: None,
                    is_today: i as i64 == weekday,
                    changed: false,
                }
            })
            .collect();
        let this_week = (0..7)
            .filter_map(|i| {
                today
                    .0
                    .checked_add(jiff::Span::new().days(i - weekday))
                    .ok()
            })
            .map(|d| {
                let day = Day(d);
                let closure = m.closure_on(day);
                DayHours {
                    label: day_text(day, t),
                    date: Some(day.to_string()),
                    spans: spans_text(&m.spans_on(day), t),
                    note: closure.and_then(|c| c.note.clone()),
                    is_today: day == today,
                    changed: closure.is_some(),
                }
            })
            .collect();
        let upcoming = m
            .closures
            .iter()
            .filter(|c| c.date >= today)
            .map(|c| DayHours {
                label: day_text(c.date, t),
                date: Some(c.date.to_string()),
                spans: spans_text(&c.span.into_iter().collect::<Vec<_>>(), t),
                note: c.note.clone(),
                is_today: c.date == today,
                changed: true,
            })
            .collect();
        let service = m.hotlines.iter().find(|h| h.kind == HotlineKind::Service);
        MarketView {
            id: &m.id,
            path: market_path(&m.id),
            name: &m.name,
            name_mn: m.name_mn.as_deref(),
            county: &county.name,
            county_mn: county.name_mn.as_deref(),
            county_path: county_path(&league.code, &county.code),
            league: &league.name,
            league_mn: league.name_mn.as_deref(),
            league_path: league_path(&league.code),
            address: &m.address,
            transit: m.transit.as_deref(),
            lat: m.location.lat,
            lon: m.location.lon,
            status: t.get(&format!("status_{}", m.status.key())),
            status_key: m.status.key(),
            operating: m.status == MarketStatus::Operating,
            opened: m.opened.map(|d| day_text(d, t)),
            grade: m.grade,
            // A market that is not operating is not "closed today": say what it is.
            today_hours: if m.status == MarketStatus::Operating {
                spans_text(&m.spans_on(today), t)
            } else {
                format!(
                    "{}{}{}",
                    t.get(&format!("status_{}", m.status.key())),
                    t.get("list_sep"),
                    t.get("not_open_yet")
                )
            },
            week_hours: if m.status == MarketStatus::Operating {
                week_line(&weekly, t)
            } else {
                format!(
                    "{}{}{}",
                    t.get(&format!("status_{}", m.status.key())),
                    t.get("list_sep"),
                    t.get("not_open_yet")
                )
            },
            weekly,
            this_week,
            upcoming,
            hotlines: hotlines(&m.hotlines, t),
            service_tel: service.map(|h| tel(&h.number)),
            service_number: service.map(|h| h.number.as_str()),
            services: labels(&m.services, "service", t),
            facilities: labels(&m.facilities, "facility", t),
            operator: m.operator.as_deref(),
            description_html: m.description_html.as_deref(),
            posting_count: m.postings.len(),
        }
    }
}

/// Each of `items` with its key and its label (the UI string `<kind>_<key>`).
fn labels<'a, T: crate::words::Word>(
    items: &[T],
    kind: &str,
    t: &'a Strings,
) -> Vec<LabelView<'a>> {
    items
        .iter()
        .map(|item| {
            let key = item.key();
            LabelView {
                label: t.get(&format!("{kind}_{key}")),
                key,
            }
        })
        .collect()
}
