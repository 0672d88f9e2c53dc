//! Small value types editors write as text: dates, local date-times, clock times and
//! day sets. Each parses with a message that shows the expected form.

use crate::diag::Msg;
use crate::diag::catalogue::reading as says;
use crate::msg;
use serde::de::{self, Deserialize, Deserializer};
use serde::{Serialize, Serializer};
use std::fmt;

fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    String::deserialize(d)
}

/// A calendar date, written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub jiff::civil::Date);

impl Day {
    pub fn parse(s: &str) -> Result<Day, Msg> {
        let t = s.trim();
        let ok = t.len() == 10 && t.as_bytes()[4] == b'-' && t.as_bytes()[7] == b'-';
        match t.parse::<jiff::civil::Date>() {
            Ok(d) if ok => Ok(Day(d)),
            _ => Err(msg!(says::NOT_A_DATE, value = t)),
        }
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Day::parse(&text(d)?).map_err(|m| de::Error::custom(m.carried()))
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A local date and time in the site's time zone, written `YYYY-MM-DDTHH:MM` (a space
/// instead of the `T` is fine too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LocalDateTime(pub jiff::civil::DateTime);

impl LocalDateTime {
    pub fn parse(s: &str) -> Result<Self, Msg> {
        let t = s.trim().replacen(' ', "T", 1);
        if t.len() >= 16
            && t.as_bytes().get(10) == Some(&b'T')
            && let Ok(dt) = t.parse::<jiff::civil::DateTime>()
        {
            return Ok(LocalDateTime(dt));
        }
        Err(msg!(says::NOT_A_DATE_TIME, value = s.trim()))
    }

    pub fn day(&self) -> Day {
        Day(self.0.date())
    }
}

impl<'de> Deserialize<'de> for LocalDateTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        LocalDateTime::parse(&text(d)?).map_err(|m| de::Error::custom(m.carried()))
    }
}

/// A time of day in minutes since midnight, written `HH:MM`; `24:00` is the end of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Clock(pub u16);

impl Clock {
    pub fn parse(s: &str) -> Result<Clock, Msg> {
        let t = s.trim();
        let err = || msg!(says::NOT_A_TIME, value = t);
        let (h, m) = t.split_once(':').ok_or_else(err)?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return Err(err());
        }
        let h: u16 = h.parse().map_err(|_| err())?;
        let m: u16 = m.parse().map_err(|_| err())?;
        if m > 59 || h > 24 || (h == 24 && m > 0) {
            return Err(err());
        }
        Ok(Clock(h * 60 + m))
    }
}

impl fmt::Display for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl<'de> Deserialize<'de> for Clock {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Clock::parse(&text(d)?).map_err(|m| de::Error::custom(m.carried()))
    }
}

impl Serialize for Clock {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

pub const WEEKDAY_KEYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// A set of weekdays: `mon-fri`, `sat,sun`, `sat`, `daily`. Bit 0 is Monday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DaySet(pub u8);

impl DaySet {
    pub fn parse(s: &str) -> Result<DaySet, Msg> {
        let t = s.trim().to_ascii_lowercase();
        let err = || msg!(says::NOT_DAYS, value = s.trim());
        if t == "daily" || t == "mon-sun" {
            return Ok(DaySet(0x7f));
        }
        let index = |k: &str| WEEKDAY_KEYS.iter().position(|w| *w == k.trim());
        let mut bits = 0u8;
        for part in t.split(',') {
            match part.split_once('-') {
                Some((a, b)) => {
                    let (a, b) = (index(a).ok_or_else(err)?, index(b).ok_or_else(err)?);
                    if a > b {
                        return Err(err());
                    }
                    (a..=b).for_each(|i| bits |= 1 << i);
                }
                None => bits |= 1 << index(part).ok_or_else(err)?,
            }
        }
        Ok(DaySet(bits))
    }

    /// Monday = 0.
    pub fn contains(&self, weekday_index: usize) -> bool {
        self.0 & (1 << weekday_index) != 0
    }
}

impl<'de> Deserialize<'de> for DaySet {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        DaySet::parse(&text(d)?).map_err(|m| de::Error::custom(m.carried()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(Day::parse("2026-11-27").is_ok());
        assert!(Day::parse("2026-02-30").is_err());
        assert!(
            Day::parse("27/11/2026")
                .expect_err("bad")
                .contains("YYYY-MM-DD")
        );
    }

    #[test]
    fn date_times() {
        assert!(LocalDateTime::parse("2026-11-27T07:30").is_ok());
        assert!(LocalDateTime::parse("2026-11-27 07:30").is_ok());
        assert!(LocalDateTime::parse("2026-11-27").is_err());
        assert!(LocalDateTime::parse("2026-11-27T25:00").is_err());
    }

    #[test]
    fn clocks() {
        assert_eq!(Clock::parse("06:30"), Ok(Clock(390)));
        assert_eq!(Clock::parse("24:00"), Ok(Clock(1440)));
        assert!(Clock::parse("6").is_err());
        assert!(Clock::parse("12:60").is_err());
        assert_eq!(Clock(390).to_string(), "06:30");
    }

    #[test]
    fn day_sets() {
        assert_eq!(DaySet::parse("mon-fri"), Ok(DaySet(0b0011111)));
        assert_eq!(DaySet::parse("sat,sun"), Ok(DaySet(0b1100000)));
        assert_eq!(DaySet::parse("daily"), Ok(DaySet(0x7f)));
        assert!(DaySet::parse("fri-mon").is_err());
        assert!(DaySet::parse("weekday").is_err());
    }
}
