//! Model: the checked site, ready to render.
//!
//! Everything here has passed validation: references are indices, dates are real,
//! only live postings (verified, not expired, already posted) are present. Indices by
//! market, county, league and category are built once so renderers never search.

use crate::load::records::{Footer, WageFloor};
use crate::words::scalars::{Clock, Day, DaySet, LocalDateTime};
use crate::words::{
    EmployerKind, Facility, Hotline, JobKind, LatLon, MarketStatus, PayUnit, Service, Welcome,
};
pub mod events;
pub mod geo;
pub mod index;

use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct Site {
    pub title: String,
    pub description: Option<String>,
    pub language: String,
    /// Extra interface languages, each a whole copy of the HTML site under `/<lang>/`.
    pub languages: Vec<String>,
    /// The zone's name as site.yaml gives it (for calendars: X-WR-TIMEZONE, the kiosk).
    pub timezone: String,
    /// The site's time zone, resolved once when the settings are checked: every local
    /// date and time of the site (feeds, calendars, opening hours) is in it.
    pub zone: jiff::tz::TimeZone,
    /// "Today" for expiry and daily sheets.
    pub today: Day,
    /// Absolute base URL with a trailing slash, when configured.
    pub base_url: Option<String>,
    pub theme: Option<String>,
    /// The logo's path under the site root (a static file), checked.
    pub logo: Option<String>,
    /// The brand colour `#rrggbb`, checked for contrast with white.
    pub brand_color: Option<String>,
    pub paginate: usize,
    pub hotlines: Vec<Hotline>,
    pub footer: Footer,
    pub wage: Option<Wage>,
    pub map_attribution: Option<String>,
    /// 审图号 and source of the outline, drawn on every map that draws it.
    pub map_review_number: Option<String>,
    pub map_source: Option<String>,
    /// The region outline from `map.outline` (read and checked by validate).
    pub outline: Option<geo::Outline>,
    /// Status reports as filed (`content/reports/status-YYYY-MM-DD.csv`), by date.
    pub filed_reports: Vec<(Day, Vec<u8>)>,
    /// Paging and reload periods of the market display screens.
    pub kiosk: crate::load::records::KioskConfig,
    /// Postings printed on one daily sheet (`print.max_postings`).
    pub print_max: usize,
    pub categories: Vec<Category>,
    pub leagues: Vec<League>,
    pub counties: Vec<County>,
    pub markets: Vec<Market>,
    /// Postings no longer open whose pages stay, saying so: expired in the last
    /// `expired_pages_days`, or filled. By id.
    pub closed: Vec<ClosedPosting>,
    /// `expired_pages_days` of site.yaml.
    pub closed_days: u32,
    /// Market ids (and file names) of market files that could not be checked: their own
    /// error is the one to fix, so their feeds are not also told the market is missing.
    pub unchecked_markets: Vec<String>,
    /// Live postings, in board order: quick hires first, then newest, then id.
    pub postings: Vec<std::sync::Arc<Posting>>,
    pub pages: Vec<Page>,
    /// Job fairs and caravans by start time, then id; training programmes likewise.
    pub events: Vec<events::Event>,
    pub training: Vec<events::Training>,
    /// Files under `content/static/`, relative to it.
    pub statics: Vec<PathBuf>,
    /// Root-relative links in the markdown of markets, events, training and pages
    /// (postings keep theirs per feed), checked once the whole site is known.
    pub root_links: Vec<RootLink>,
    pub stats: Stats,
}

/// Counts for the summary line and the status of the build.
#[derive(Debug, Clone, Copy, Default)]
pub struct Stats {
    pub postings_total: usize,
    pub expired: usize,
    /// Marked `status: filled` (已招满) before they expired.
    pub filled: usize,
    pub unverified: usize,
    pub scheduled: usize,
}

#[derive(Debug, Clone)]
pub struct Wage {
    pub effective: Day,
    pub classes: Vec<(u8, WageFloor)>,
}

impl Wage {
    pub fn floor(&self, class: u8) -> Option<WageFloor> {
        self.classes
            .iter()
            .find(|(c, _)| *c == class)
            .map(|(_, f)| *f)
    }
}

#[derive(Debug, Clone)]
pub struct Category {
    pub slug: String,
    pub label: String,
    pub postings: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct League {
    pub code: String,
    pub name: String,
    pub name_mn: Option<String>,
    pub location: Option<LatLon>,
    pub counties: Vec<usize>,
    pub markets: Vec<usize>,
    pub postings: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct County {
    pub code: String,
    pub name: String,
    pub name_mn: Option<String>,
    pub location: Option<LatLon>,
    pub wage_class: u8,
    pub league: usize,
    pub markets: Vec<usize>,
    pub postings: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct Market {
    pub id: String,
    pub name: String,
    pub name_mn: Option<String>,
    pub county: usize,
    pub address: String,
    pub transit: Option<String>,
    pub location: LatLon,
    pub status: MarketStatus,
    pub opened: Option<Day>,
    pub grade: Option<u8>,
    pub hours: Vec<HoursRule>,
    pub closures: Vec<Closure>,
    pub hotlines: Vec<Hotline>,
    pub services: Vec<Service>,
    pub facilities: Vec<Facility>,
    pub operator: Option<String>,
    /// Sanitised HTML from the markdown description.
    pub description_html: Option<String>,
    pub postings: Vec<usize>,
}

#[derive(Debug, Clone, Copy)]
pub struct HoursRule {
    pub days: DaySet,
    pub open: Clock,
    pub close: Clock,
}

#[derive(Debug, Clone)]
pub struct Closure {
    pub date: Day,
    /// None: closed all day. Some: the day's only opening span.
    pub span: Option<(Clock, Clock)>,
    pub note: Option<String>,
}

impl Market {
    /// Opening spans on a given day, closures applied.
    pub fn spans_on(&self, day: Day) -> Vec<(Clock, Clock)> {
        if let Some(c) = self.closures.iter().find(|c| c.date == day) {
            return c.span.into_iter().collect();
        }
        let weekday = day.0.weekday().to_monday_zero_offset() as usize;
        let mut spans: Vec<(Clock, Clock)> = self
            .hours
            .iter()
            .filter(|r| r.days.contains(weekday))
            .map(|r| (r.open, r.close))
            .collect();
        spans.sort();
        spans
    }

    pub fn closure_on(&self, day: Day) -> Option<&Closure> {
        self.closures.iter().find(|c| c.date == day)
    }
}

/// A posting that is no longer open, and why.
#[derive(Debug, Clone)]
pub struct ClosedPosting {
    pub posting: std::sync::Arc<Posting>,
    /// 已招满 (else 已过期).
    pub filled: bool,
}

#[derive(Debug, Clone)]
pub struct Posting {
    pub id: String,
    pub title: String,
    pub category: usize,
    pub employer: String,
    pub employer_kind: EmployerKind,
    /// 统一社会信用代码, checked.
    pub employer_credit_code: Option<String>,
    /// 人力资源服务许可证 number (an agency's).
    pub employer_licence: Option<String>,
    pub pay: PayModel,
    pub headcount: u32,
    pub place: Option<String>,
    pub place_location: Option<LatLon>,
    pub start: Option<LocalDateTime>,
    pub end: Option<LocalDateTime>,
    pub posted: Day,
    pub expires: Day,
    pub quick_hire: bool,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub requirements: Option<String>,
    /// The markdown body, as written; turned into HTML and text only by the pages and
    /// files that show it (`check` never does, and no page holds every body's HTML).
    pub body: Option<Body>,
    pub welcomes: Vec<Welcome>,
    /// 工作条件 as given (meals, lodging, transport, safety gear, hours).
    pub conditions: Option<crate::load::records::Conditions>,
    pub verified_by: String,
    pub verified_on: Day,
    pub kind: JobKind,
    pub source: Option<String>,
    pub market: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PayModel {
    pub min: f64,
    /// Equal to `min` for a single amount.
    pub max: f64,
    pub unit: PayUnit,
}

/// A root-relative address written in content (`[地图](/map/)`), where it is written:
/// the pages make it relative, and `check` warns when it points to no page.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RootLink {
    pub file: std::path::PathBuf,
    pub pos: crate::diag::Pos,
    pub field: String,
    pub target: String,
}

#[derive(Debug, Clone)]
pub struct Page {
    pub slug: String,
    pub title: String,
    pub description: Option<String>,
    pub weight: i32,
    pub html: String,
}

/// A posting's markdown body, as written. Its HTML and text are made when a page or
/// file shows them and not kept: at a million postings the texts alone are a gigabyte.
#[derive(Debug, Clone)]
pub struct Body {
    source: String,
}

impl Body {
    pub fn new(source: String) -> Self {
        Body { source }
    }

    /// Sanitised HTML and the plain text, from one parse (the posting page).
    pub fn rendered(&self) -> crate::markdown::Rendered {
        crate::markdown::to_html(&self.source)
    }

    /// The plain text (see [`crate::markdown::to_text`]).
    pub fn text(&self) -> String {
        crate::markdown::to_text(&self.source)
    }
}

impl Posting {
    /// The body's plain text, empty when there is no body.
    pub fn body_text(&self) -> String {
        self.body.as_ref().map(Body::text).unwrap_or_default()
    }
}

impl Site {
    /// A local date and time of the site, placed in its zone (a time the zone skips or
    /// repeats is taken as the zone's rules say).
    pub fn zoned(&self, dt: jiff::civil::DateTime) -> jiff::ZonedDateTime {
        dt.to_zoned_datetime(self.zone.clone()).unwrap_or_default()
    }

    /// The zone's offset from UTC at noon of `day`.
    pub fn offset_on(&self, day: Day) -> jiff::tz::Offset {
        self.zone
            .to_offset(self.zoned(day.0.at(12, 0, 0, 0)).timestamp())
    }

    /// Minutes east of UTC of the site's zone on its today (Asia/Shanghai: 480): what
    /// page scripts add to the reader's clock to count days and hours as the site does.
    pub fn utc_offset_minutes(&self) -> i32 {
        self.offset_on(self.today).seconds() / 60
    }

    /// Midnight of `day` in the site's zone, as RFC 3339 (`2026-11-27T00:00:00+08:00`).
    pub fn midnight_rfc3339(&self, day: Day) -> String {
        self.local_rfc3339(day, "00:00:00")
    }

    /// `time` (`HH:MM:SS`) of `day` in the site's zone, as RFC 3339.
    pub fn local_rfc3339(&self, day: Day, time: &str) -> String {
        let seconds = self.offset_on(day).seconds();
        let sign = if seconds < 0 { '-' } else { '+' };
        let minutes = seconds.abs() / 60;
        format!("{day}T{time}{sign}{:02}:{:02}", minutes / 60, minutes % 60)
    }
}
