//! Checked job fairs, caravans and training programmes.
//!
//! Every reference is an index and every time is real. A caravan's own `start`/`end`
//! always span its stops (computed from them when the editor left them out), so
//! "is it still coming?" is one comparison for every kind of event.

use crate::load::events::{EventEmployer, EventKind};
use crate::words::LatLon;
use crate::words::scalars::{Day, LocalDateTime};

#[derive(Debug, Clone)]
pub struct Event {
    pub id: String,
    pub title: String,
    pub kind: EventKind,
    /// Index into `Site::markets`.
    pub market: Option<usize>,
    /// A free address (`location.address`), when not (only) at a market.
    pub address: Option<String>,
    pub location: Option<LatLon>,
    pub start: LocalDateTime,
    pub end: LocalDateTime,
    pub organiser: String,
    pub bring: Vec<String>,
    pub employers: Vec<EventEmployer>,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    /// Sanitised HTML from the markdown description, and the same as plain text.
    pub description_html: Option<String>,
    pub description_text: String,
    /// A caravan's stops in time order; empty for other kinds.
    pub stops: Vec<Stop>,
}

#[derive(Debug, Clone)]
pub struct Stop {
    /// Index into `Site::counties`.
    pub county: usize,
    pub place: String,
    pub start: LocalDateTime,
    pub end: LocalDateTime,
    pub location: Option<LatLon>,
}

impl Event {
    /// Still to come or under way on `today` (the site knows days, not hours).
    pub fn is_upcoming(&self, today: Day) -> bool {
        self.end.day() >= today
    }
}

impl Stop {
    pub fn is_upcoming(&self, today: Day) -> bool {
        self.end.day() >= today
    }
}

#[derive(Debug, Clone)]
pub struct Training {
    pub id: String,
    pub title: String,
    pub trade: String,
    pub provider: String,
    pub market: Option<usize>,
    pub address: Option<String>,
    pub schedule: Option<String>,
    pub start: Day,
    pub end: Day,
    pub duration: Option<String>,
    /// Yuan the worker pays; 0 for a free course.
    pub cost: f64,
    /// 培训补贴 (yuan a person), 生活费补贴 (yuan a day) and who qualifies.
    pub subsidy_training: Option<f64>,
    pub subsidy_living: Option<f64>,
    pub subsidy_who: Option<String>,
    pub enrol: String,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub description_html: Option<String>,
}

impl Training {
    /// Not over yet on `today`.
    pub fn is_current(&self, today: Day) -> bool {
        self.end >= today
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> LocalDateTime {
        LocalDateTime::parse(s).expect("a date-time")
    }

    #[test]
    fn an_event_is_coming_until_the_end_of_its_last_day() {
        let stop = Stop {
            county: 0,
            place: "村委会".into(),
            start: at("2026-11-27T09:00"),
            end: at("2026-11-27T15:00"),
            location: None,
        };
        let day = |s: &str| Day::parse(s).expect("a date");
        assert!(stop.is_upcoming(day("2026-11-26")));
        assert!(stop.is_upcoming(day("2026-11-27")), "still on today");
        assert!(!stop.is_upcoming(day("2026-11-28")));
    }
}
