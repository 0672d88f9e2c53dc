//! Typed, borrowed views handed to templates. Built once per build and shared by
//! every page that lists them, so a posting is formatted once however often it shows.

pub mod conditions;
pub mod directions;
mod market;

use crate::model::{PayModel, Posting, Site};
use crate::words::i18n::Strings;
use crate::words::scalars::{Day, LocalDateTime};
use crate::words::{Hotline, PayUnit};
use serde::Serialize;

/// The `..` prefix that leads from a page back to the site root.
pub fn root_prefix(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

pub use market::{DayHours, LabelView, MarketView};

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
    /// Each view as a template value, made the first time a page shows it; empty when
    /// the site has more than [`KEEP_VALUES`] postings.
    values: Vec<std::sync::OnceLock<Option<tera::Value>>>,
    /// Each body's plain text, kept by its posting page (which parses the body for its
    /// HTML and gets the text with it) for the feeds and jobs.json that carry it; empty
    /// above [`KEEP_VALUES`] postings.
    texts: Vec<std::sync::OnceLock<String>>,
}

/// Up to this many postings, each posting's template value is kept once made. A
/// posting is on six or seven pages (its own, the job list, its category's, league's,
/// county's and market's lists, the kiosk…), and turning a view into a template value
/// was the costliest part of putting a page's data together; a kept value is shared
/// by every page at the cost of one pointer. A value and a body's text take about
/// 5 kB, so a national board above this size makes them again where they are needed
/// rather than hold gigabytes.
pub const KEEP_VALUES: usize = 100_000;

impl<'a> Views<'a> {
    pub fn new(site: &'a Site, t: &'a Strings) -> Self {
        let n = site.postings.len();
        let keep = if n <= KEEP_VALUES { n } else { 0 };
        Views {
            site,
            t,
            views: (0..n).map(|_| std::sync::OnceLock::new()).collect(),
            values: (0..keep).map(|_| std::sync::OnceLock::new()).collect(),
            texts: (0..keep).map(|_| std::sync::OnceLock::new()).collect(),
        }
    }

    /// Keeps the plain text of posting `i`'s body (see `texts`), when texts are kept.
    pub fn keep_text(&self, i: usize, text: &str) {
        if let Some(slot) = self.texts.get(i) {
            slot.get_or_init(|| text.to_string());
        }
    }

    /// The plain text of posting `i`'s body, if its page kept it.
    pub fn kept_text(&self, i: usize) -> Option<&str> {
        self.texts.get(i).and_then(|t| t.get()).map(String::as_str)
    }

    /// The view of the posting at model index `i`.
    pub fn get(&self, i: usize) -> &PostingView<'a> {
        self.views[i].get_or_init(|| PostingView::new(self.site, &self.site.postings[i], self.t))
    }

    /// The posting at model index `i` as a page shows it (see [`Shown`]).
    pub fn shown(&self, i: usize) -> Shown<'_> {
        Shown {
            view: self.get(i),
            value: self.values.get(i),
        }
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

/// A posting in a page's data: serialises as its [`PostingView`], through the kept
/// template value when there is one (Tera takes a value it is given as it is, so the
/// view is turned into one once per build instead of once per page).
#[derive(Clone, Copy)]
pub struct Shown<'r> {
    view: &'r PostingView<'r>,
    /// Where its value is kept, if values are kept.
    value: Option<&'r std::sync::OnceLock<Option<tera::Value>>>,
}

impl Serialize for Shown<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let kept = self.value.and_then(|slot| {
            slot.get_or_init(|| tera::Value::try_from_serializable(self.view).ok())
                .as_ref()
        });
        match kept {
            Some(value) => value.serialize(serializer),
            None => self.view.serialize(serializer),
        }
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
    pub credit_code: Option<&'a str>,
    pub licence: Option<&'a str>,
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
    /// 工作条件 given as yes or no, each with its icon and words.
    pub conditions: Vec<conditions::ConditionView<'a>>,
    /// 工作时间 in the editor's words.
    pub work_hours: Option<&'a str>,
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
            employer_kind: t.get(&format!("employer_{}", p.employer_kind.key())),
            credit_code: p.employer_credit_code.as_deref(),
            licence: p.employer_licence.as_deref(),
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
                .map(|w| t.get(&format!("welcome_{}", w.key())))
                .collect(),
            conditions: p
                .conditions
                .as_ref()
                .map_or(Vec::new(), |c| conditions::condition_views(c, t)),
            work_hours: p.conditions.as_ref().and_then(|c| c.hours.as_deref()),
            verified_by: &p.verified_by,
            verified_on: short_day(p.verified_on, t),
            kind: t.get(&format!("kind_{}", p.kind.key())),
            source: p.source.as_deref(),
            market: &market.name,
            market_path: market_path(&market.id),
            county: &county.name,
            league: &league.name,
        }
    }
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
            let kind = t.get(&format!("hotline_{}", h.kind.key()));
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
pub struct LinkView<'a> {
    pub label: &'a str,
    pub path: String,
    pub count: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sample site, checked, and its own language's strings (for `Views::new`).
    fn sample() -> (crate::Prepared, Strings) {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let prepared = crate::prepare(root, &Default::default()).expect("the sample builds");
        let (t, _) = Strings::load_language(&prepared.theme.i18n, &prepared.site.language)
            .expect("the site's language");
        (prepared, t)
    }

    /// A posting shown through its kept template value gives the template what its view
    /// gives, the first time (when the value is made) and after (when it is shared).
    #[test]
    fn a_kept_value_is_the_view_itself() {
        let (prepared, t) = sample();
        let views = Views::new(&prepared.site, &t);
        assert!(views.len() > 100 && views.len() <= KEEP_VALUES);
        fn json<T: Serialize>(v: &T) -> String {
            serde_json::to_string(v).expect("serialises")
        }
        for i in 0..views.len() {
            let direct = tera::Value::from_serializable(views.get(i));
            let made = tera::Value::from_serializable(&views.shown(i));
            let shared = tera::Value::from_serializable(&views.shown(i));
            assert!(views.values[i].get().is_some_and(Option::is_some), "kept");
            let not_kept = Shown {
                view: views.get(i),
                value: None,
            };
            let expected = json(&direct);
            assert_eq!(json(&made), expected);
            assert_eq!(json(&shared), expected);
            assert_eq!(json(&tera::Value::from_serializable(&not_kept)), expected);
        }
    }

    /// The text a posting page keeps (from the parse that made its HTML) is the text
    /// the feeds and jobs.json would make on their own.
    #[test]
    fn a_kept_text_is_the_body_text() {
        let (prepared, t) = sample();
        let site = &prepared.site;
        let views = Views::new(site, &t);
        let mut kept = 0;
        for (i, p) in site.postings.iter().enumerate() {
            assert_eq!(views.kept_text(i), None);
            if let Some(body) = &p.body {
                views.keep_text(i, &body.rendered().text);
                assert_eq!(views.kept_text(i), Some(p.body_text().as_str()), "{}", p.id);
                kept += 1;
            }
        }
        assert!(kept > 100, "{kept}");
    }
}
