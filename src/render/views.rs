//! Typed, borrowed views handed to templates. Built once per build and shared by
//! every page that lists them, so a posting is formatted once however often it shows.

use super::i18n::Strings;
use crate::load::records::{Hotline, HotlineKind, MarketStatus, PayUnit};
use crate::load::scalars::{Day, LocalDateTime, WEEKDAY_KEYS};
use crate::model::{Market, PayModel, Posting, Site};
use serde::Serialize;

pub fn posting_path(id: &str) -> String {
    format!("jobs/{id}/index.html")
}
pub fn market_path(id: &str) -> String {
    format!("markets/{id}/index.html")
}
pub fn category_path(slug: &str) -> String {
    format!("categories/{slug}/index.html")
}
pub fn league_path(code: &str) -> String {
    format!("regions/{code}/index.html")
}
pub fn county_path(league: &str, county: &str) -> String {
    format!("regions/{league}/{county}/index.html")
}

/// Digits and `+` only: what a `tel:` link may carry.
pub fn tel(number: &str) -> String {
    number
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect()
}

fn amount(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.2}").trim_end_matches('0').to_string()
    }
}

pub fn pay_text(pay: &PayModel, t: &Strings) -> String {
    let unit = t.get(match pay.unit {
        PayUnit::Hour => "per_hour",
        PayUnit::Day => "per_day",
        PayUnit::Piece => "per_piece",
        PayUnit::Month => "per_month",
    });
    if pay.min == pay.max {
        format!("{} {unit}", amount(pay.min))
    } else {
        format!("{}–{} {unit}", amount(pay.min), amount(pay.max))
    }
}

/// A date written with the language's pattern `key` (`date_long`: "{y}年{m}月{d}日 {w}",
/// `date_short`: "{m}月{d}日"; `{month}` is the month's name, `{w}` the weekday's).
fn date_with(key: &str, d: jiff::civil::Date, t: &Strings) -> String {
    const MONTHS: [&str; 12] = [
        "month_1", "month_2", "month_3", "month_4", "month_5", "month_6", "month_7", "month_8",
        "month_9", "month_10", "month_11", "month_12",
    ];
    const WEEKDAYS: [&str; 7] = [
        "weekday_mon",
        "weekday_tue",
        "weekday_wed",
        "weekday_thu",
        "weekday_fri",
        "weekday_sat",
        "weekday_sun",
    ];
    use std::fmt::Write as _;
    // One pass over the pattern: every posting has several dates.
    let pattern = t.get(key);
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let field = &rest[open..];
        let Some(close) = field.find('}') else {
            rest = field;
            break;
        };
        let month = usize::from(d.month().unsigned_abs()).clamp(1, 12);
        match &field[1..close] {
            "y" => {
                let _ = write!(out, "{}", d.year());
            }
            "m" => {
                let _ = write!(out, "{month}");
            }
            "d" => {
                let _ = write!(out, "{}", d.day());
            }
            "month" => out.push_str(t.get(MONTHS[month - 1])),
            "w" => out.push_str(t.get(WEEKDAYS[d.weekday().to_monday_zero_offset() as usize])),
            _ => out.push_str(&field[..=close]),
        }
        rest = &field[close + 1..];
    }
    out.push_str(rest);
    out
}

pub fn day_text(d: Day, t: &Strings) -> String {
    date_with("date_long", d.0, t)
}

fn short_day(d: Day, t: &Strings) -> String {
    date_with("date_short", d.0, t)
}

fn datetime_text(dt: LocalDateTime, t: &Strings) -> String {
    format!(
        "{} {:02}:{:02}",
        date_with("date_short", dt.0.date(), t),
        dt.0.hour(),
        dt.0.minute()
    )
}

/// Every posting's view, each formatted the first time a page needs it: `serve`
/// renders one page at a time and needs a handful, `build` needs them all.
pub struct Views<'a> {
    site: &'a Site,
    t: &'a Strings,
    views: Vec<std::sync::OnceLock<PostingView<'a>>>,
}

impl<'a> Views<'a> {
    pub fn new(site: &'a Site, t: &'a Strings) -> Self {
        Views {
            site,
            t,
            views: (0..site.postings.len())
                .map(|_| std::sync::OnceLock::new())
                .collect(),
        }
    }

    /// The view of the posting at model index `i`.
    pub fn get(&self, i: usize) -> &PostingView<'a> {
        self.views[i].get_or_init(|| PostingView::new(self.site, &self.site.postings[i], self.t))
    }

    /// Formats every view, on all cores (before a pass that needs them all).
    pub fn all(&self) -> impl Iterator<Item = &PostingView<'a>> {
        use rayon::prelude::*;
        (0..self.views.len()).into_par_iter().for_each(|i| {
            self.get(i);
        });
        (0..self.views.len()).map(|i| self.get(i))
    }

    pub fn len(&self) -> usize {
        self.views.len()
    }

    pub fn is_empty(&self) -> bool {
        self.views.is_empty()
    }
}

#[derive(Debug, Serialize)]
pub struct PostingView<'a> {
    pub id: &'a str,
    pub path: String,
    pub title: &'a str,
    pub category: &'a str,
    pub category_path: String,
    pub employer: &'a str,
    pub employer_kind: &'a str,
    pub pay: String,
    pub headcount: u32,
    pub place: &'a str,
    pub start: Option<String>,
    pub end: Option<String>,
    pub posted: String,
    pub expires: String,
    pub expires_iso: String,
    pub quick_hire: bool,
    pub contact_name: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub tel: Option<String>,
    pub requirements: Option<&'a str>,
    pub welcomes: Vec<&'a str>,
    pub verified_by: &'a str,
    pub verified_on: String,
    pub kind: &'a str,
    pub source: Option<&'a str>,
    pub market: &'a str,
    pub market_path: String,
    pub county: &'a str,
    pub league: &'a str,
}

impl<'a> PostingView<'a> {
    pub fn new(site: &'a Site, p: &'a Posting, t: &'a Strings) -> Self {
        let market = &site.markets[p.market];
        let county = &site.counties[market.county];
        let league = &site.leagues[county.league];
        let category = &site.categories[p.category];
        PostingView {
            id: &p.id,
            path: posting_path(&p.id),
            title: &p.title,
            category: &category.label,
            category_path: category_path(&category.slug),
            employer: &p.employer,
            employer_kind: t.get(&format!("employer_{}", enum_key(&p.employer_kind))),
            pay: pay_text(&p.pay, t),
            headcount: p.headcount,
            place: p.place.as_deref().unwrap_or(&market.address),
            start: p.start.map(|dt| datetime_text(dt, t)),
            end: p.end.map(|dt| datetime_text(dt, t)),
            posted: short_day(p.posted, t),
            expires: short_day(p.expires, t),
            expires_iso: p.expires.to_string(),
            quick_hire: p.quick_hire,
            contact_name: p.contact_name.as_deref(),
            phone: p.contact_phone.as_deref(),
            tel: p.contact_phone.as_deref().map(tel),
            requirements: p.requirements.as_deref(),
            welcomes: p
                .welcomes
                .iter()
                .map(|w| t.get(&format!("welcome_{}", enum_key(w))))
                .collect(),
            verified_by: &p.verified_by,
            verified_on: short_day(p.verified_on, t),
            kind: t.get(&format!("kind_{}", enum_key(&p.kind))),
            source: p.source.as_deref(),
            market: &market.name,
            market_path: market_path(&market.id),
            county: &county.name,
            league: &league.name,
        }
    }
}

/// The snake_case name serde gives a unit variant (`LongUnemployed` → `long_unemployed`).
pub fn enum_key<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

#[derive(Debug, Serialize)]
pub struct HotlineView<'a> {
    pub kind: &'a str,
    pub label: &'a str,
    pub number: &'a str,
    pub tel: String,
    pub hours: Option<&'a str>,
}

pub fn hotlines<'a>(list: &'a [Hotline], t: &'a Strings) -> Vec<HotlineView<'a>> {
    let mut sorted: Vec<&Hotline> = list.iter().collect();
    sorted.sort_by_key(|h| h.kind);
    sorted
        .into_iter()
        .map(|h| {
            let kind = t.get(&format!("hotline_{}", enum_key(&h.kind)));
            HotlineView {
                kind,
                label: h.label.as_deref().unwrap_or(kind),
                number: &h.number,
                tel: tel(&h.number),
                hours: h.hours.as_deref(),
            }
        })
        .collect()
}

#[derive(Debug, Serialize)]
pub struct LabelView<'a> {
    pub key: String,
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
    pub status_key: String,
    pub operating: bool,
    pub opened: Option<String>,
    pub grade: Option<u8>,
    pub today_hours: String,
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

fn spans_text(
    spans: &[(crate::load::scalars::Clock, crate::load::scalars::Clock)],
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
        let weekly = (0..7)
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
            status: t.get(&format!("status_{}", enum_key(&m.status))),
            status_key: enum_key(&m.status),
            operating: m.status == MarketStatus::Operating,
            opened: m.opened.map(|d| day_text(d, t)),
            grade: m.grade,
            // A market that is not operating is not "closed today": say what it is.
            today_hours: if m.status == MarketStatus::Operating {
                spans_text(&m.spans_on(today), t)
            } else {
                format!(
                    "{}{}{}",
                    t.get(&format!("status_{}", enum_key(&m.status))),
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
            services: m
                .services
                .iter()
                .map(|s| {
                    let key = enum_key(s);
                    LabelView {
                        label: t.get(&format!("service_{key}")),
                        key,
                    }
                })
                .collect(),
            facilities: m
                .facilities
                .iter()
                .map(|f| {
                    let key = enum_key(f);
                    LabelView {
                        label: t.get(&format!("facility_{key}")),
                        key,
                    }
                })
                .collect(),
            operator: m.operator.as_deref(),
            description_html: m.description_html.as_deref(),
            posting_count: m.postings.len(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct LinkView<'a> {
    pub label: &'a str,
    pub path: String,
    pub count: usize,
}
