//! The records editors write, exactly as the spec names their fields.
//!
//! Every struct rejects unknown fields (the decoder reports each one with a hint).
//! These are raw: cross-references (markets, counties, categories) and rules are
//! checked by `validate`, which turns them into the model.

use crate::crs::Crs;
use crate::words::scalars::{Clock, Day, DaySet, LocalDateTime};
use crate::words::{
    EmployerKind, Facility, Hotline, JobKind, LatLon, MarketStatus, PayUnit, PostingStatus,
    Service, Welcome,
};
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// `site.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default = "default_language")]
    pub language: String,
    /// Extra interface languages (beyond `language`), each written again under `/<lang>/`.
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default = "default_timezone")]
    pub timezone: String,
    /// Pins "today" (the sample uses it so it shows a full board on any day).
    #[serde(default)]
    pub date: Option<Day>,
    #[serde(default)]
    pub base_url: Option<String>,
    #[serde(default)]
    pub theme: Option<String>,
    /// The organiser's logo, a path under `content/static/` (shown in the header).
    #[serde(default)]
    pub logo: Option<String>,
    /// The header's and links' colour, `#RRGGBB`: white text on it must stay readable.
    #[serde(default)]
    pub brand_color: Option<String>,
    #[serde(default = "default_paginate")]
    pub paginate: u32,
    #[serde(default)]
    pub hotlines: Vec<Hotline>,
    pub categories: Ordered<String>,
    #[serde(default)]
    pub minimum_wage: Option<MinimumWage>,
    #[serde(default)]
    pub footer: Footer,
    #[serde(default)]
    pub map: MapConfig,
    #[serde(default)]
    pub kiosk: KioskConfig,
    #[serde(default)]
    pub print: PrintConfig,
    /// How long the page of an expired posting stays, saying it has expired (a QR code
    /// on yesterday's sheet, a shared link), before the address is gone.
    #[serde(default = "default_expired_pages_days")]
    pub expired_pages_days: u32,
}

fn default_expired_pages_days() -> u32 {
    30
}

fn default_language() -> String {
    "zh-CN".into()
}
/// The time zone of a site that names none: Inner Mongolia's.
pub const DEFAULT_TIMEZONE: &str = "Asia/Shanghai";

fn default_timezone() -> String {
    DEFAULT_TIMEZONE.into()
}
fn default_paginate() -> u32 {
    30
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MinimumWage {
    pub effective: Day,
    pub classes: BTreeMap<u8, WageFloor>,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct WageFloor {
    pub hourly: f64,
    pub monthly: f64,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Footer {
    pub publisher: Option<String>,
    pub icp: Option<String>,
    pub police: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapConfig {
    /// GeoJSON outline, a path under `content/static/`.
    pub outline: Option<String>,
    /// 审图号: the review number of the approved map the outline comes from. A map
    /// that draws a national or administrative boundary is published only with it.
    pub review_number: Option<String>,
    /// Where the outline comes from (drawn beside the review number), e.g. 自然资源部标准地图服务.
    pub source: Option<String>,
    pub attribution: Option<String>,
    /// Optional tile URL for an interactive layer; the SVG map never needs it.
    pub tiles: Option<String>,
}

/// `print:` in site.yaml: how much a daily sheet holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct PrintConfig {
    /// Postings printed on one sheet, in board order; the sheet says how many more
    /// there are and where to see them. A hundred rows is already some 20 A4 pages: a
    /// notice board holds a few, and a region-wide board of thousands of postings
    /// would print as a book nobody pins up.
    pub max_postings: u32,
}

impl Default for PrintConfig {
    fn default() -> Self {
        PrintConfig { max_postings: 100 }
    }
}

/// `kiosk:` in site.yaml: how the market display screens (`/kiosk/<market>/`) page and reload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct KioskConfig {
    /// How long each screenful of postings stays up.
    pub seconds_per_page: u32,
    /// How often the screen reloads itself, so a republished site shows without a touch.
    pub reload_minutes: u32,
}

impl Default for KioskConfig {
    fn default() -> Self {
        KioskConfig {
            seconds_per_page: 12,
            reload_minutes: 10,
        }
    }
}

/// `regions.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionsFile {
    pub leagues: Vec<League>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct League {
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub name_mn: Option<String>,
    #[serde(default)]
    pub location: Option<LatLon>,
    #[serde(default)]
    pub counties: Vec<County>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct County {
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub name_mn: Option<String>,
    #[serde(default)]
    pub location: Option<LatLon>,
    pub wage_class: u8,
}

/// `markets/<id>.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarketFile {
    #[serde(default)]
    pub id: Option<String>,
    pub name: String,
    #[serde(default)]
    pub name_mn: Option<String>,
    pub county: String,
    pub address: String,
    #[serde(default)]
    pub transit: Option<String>,
    pub location: LatLon,
    pub status: MarketStatus,
    #[serde(default)]
    pub opened: Option<Day>,
    #[serde(default)]
    pub grade: Option<u8>,
    #[serde(default)]
    pub hours: Vec<HoursRule>,
    #[serde(default)]
    pub closures: Vec<Closure>,
    #[serde(default)]
    pub hotlines: Vec<Hotline>,
    #[serde(default)]
    pub services: Vec<Service>,
    #[serde(default)]
    pub facilities: Vec<Facility>,
    #[serde(default)]
    pub operator: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HoursRule {
    pub days: DaySet,
    pub open: Clock,
    pub close: Clock,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Closure {
    pub date: Day,
    #[serde(default)]
    pub closed: bool,
    #[serde(default)]
    pub open: Option<Clock>,
    #[serde(default)]
    pub close: Option<Clock>,
    #[serde(default)]
    pub note: Option<String>,
}

/// The top of a job feed file; its postings are decoded one by one.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedHeader {
    #[serde(default)]
    pub market: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub postings: serde::de::IgnoredAny,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPosting {
    pub id: String,
    pub title: String,
    pub category: String,
    pub employer: Employer,
    pub pay: Pay,
    #[serde(default = "one")]
    pub headcount: u32,
    #[serde(default)]
    pub location: Option<WorkPlace>,
    #[serde(default)]
    pub start: Option<LocalDateTime>,
    #[serde(default)]
    pub end: Option<LocalDateTime>,
    pub posted: Day,
    pub expires: Day,
    #[serde(default)]
    pub quick_hire: bool,
    #[serde(default)]
    pub contact: Option<Contact>,
    #[serde(default)]
    pub requirements: Option<String>,
    #[serde(default)]
    pub body: Option<String>,
    #[serde(default)]
    pub welcomes: Vec<Welcome>,
    /// 工作条件: what comes with the work, shown as icons with words.
    #[serde(default)]
    pub conditions: Option<Conditions>,
    #[serde(default)]
    pub verified: Option<Verified>,
    #[serde(default)]
    pub kind: JobKind,
    /// `filled` (已招满): taken off the board before it expires; its page says so.
    #[serde(default)]
    pub status: PostingStatus,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub market: Option<String>,
    /// Notes for editors only (anything below it): never published anywhere.
    #[serde(default)]
    pub private: Option<serde::de::IgnoredAny>,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Employer {
    pub name: String,
    #[serde(default)]
    pub kind: EmployerKind,
    /// 统一社会信用代码 (GB 32100-2015), shown on the posting page and in `jobs.json`.
    #[serde(default)]
    pub credit_code: Option<String>,
    /// 人力资源服务许可证 number: required of an agency.
    #[serde(default)]
    pub licence: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pay {
    #[serde(default)]
    pub amount: Option<f64>,
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    pub unit: PayUnit,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkPlace {
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub lat: Option<f64>,
    #[serde(default)]
    pub lon: Option<f64>,
    /// The system `lat`/`lon` are in (WGS84 when left out).
    #[serde(default)]
    pub crs: Crs,
}

impl WorkPlace {
    /// The point, in WGS84, when both numbers are given.
    pub fn point(&self) -> Option<LatLon> {
        Some(LatLon::converted(self.crs, self.lat?, self.lon?))
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(default)]
    pub name: Option<String>,
    pub phone: String,
}

/// A posting's 工作条件. Each yes/no is shown only when given: "管饭" and "不管饭" both
/// matter to a worker deciding whether to go, and saying nothing promises nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Conditions {
    /// 管饭: meals on the job.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meals: Option<bool>,
    /// 包住: a place to sleep.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lodging: Option<bool>,
    /// 接送: the employer takes workers to the site and back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transport: Option<bool>,
    /// 劳保用品: gloves, helmet, boots as the work needs (else workers bring their own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub safety_gear: Option<bool>,
    /// 工作时间 in words, e.g. `07:30–17:30，午休 1 小时`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
}

impl Conditions {
    /// The yes/no conditions in the order they are shown, with their keys.
    pub fn flags(&self) -> [(&'static str, Option<bool>); 4] {
        [
            ("meals", self.meals),
            ("lodging", self.lodging),
            ("transport", self.transport),
            ("safety_gear", self.safety_gear),
        ]
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verified {
    pub by: String,
    pub on: Day,
}

/// Front matter of a markdown page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageMeta {
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub slug: Option<String>,
    #[serde(default)]
    pub weight: Option<i32>,
}

/// A mapping that keeps the editor's order (categories appear on the site as written).
#[derive(Debug, Clone, Default)]
pub struct Ordered<V>(pub Vec<(String, V)>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Ordered<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V_<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for V_<V> {
            type Value = Ordered<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a group of `slug: label` lines")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, V>()? {
                    out.push((k, v));
                }
                Ok(Ordered(out))
            }
        }
        d.deserialize_map(V_(std::marker::PhantomData))
    }
}
