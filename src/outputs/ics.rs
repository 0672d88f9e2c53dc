//! iCalendar (RFC 5545): `/events.ics` with every upcoming fair and caravan stop, and
//! `/events/<id>/event.ics` for one event, so a worker's phone calendar can remind them.
//!
//! A small writer rather than a crate: the format needs only TEXT escaping (`\` `;`
//! `,` and newlines), CRLF line ends and folding at 75 octets on UTF-8 boundaries —
//! all unit-tested here. Times are written in UTC (`…Z`), converted from the site's
//! time zone, which every calendar reads without a VTIMEZONE. UIDs are stable
//! (`<id>@gigboard`, `<id>-stop-<n>@gigboard`) and DTSTAMP is the site's today at
//! midnight, so the same content and date give the same bytes.

use super::{OutFile, Outputs};
use crate::load::events::EventKind;
use crate::model::Site;
use crate::model::events::Event;
use crate::words::i18n::Strings;
use crate::words::scalars::LocalDateTime;

/// The largest line, in octets, before CRLF (RFC 5545 §3.1).
const MAX_OCTETS: usize = 75;

/// TEXT value escaping (RFC 5545 §3.3.11).
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.replace("\r\n", "\n").chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded (a CRLF and a space before any octet past 75, never
/// inside a UTF-8 character) and ended with CRLF.
pub fn fold(line: &str, out: &mut String) {
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > MAX_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

/// A local time of the site as UTC, `YYYYMMDDTHHMMSSZ`.
pub fn utc(site: &Site, dt: LocalDateTime) -> String {
    zoned(site, dt)
        .timestamp()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string()
}

/// A local time of the site in its zone.
pub fn zoned(site: &Site, dt: LocalDateTime) -> jiff::ZonedDateTime {
    site.zoned(dt.0)
}

/// One VEVENT's facts.
struct Entry {
    uid: String,
    start: LocalDateTime,
    end: LocalDateTime,
    summary: String,
    location: String,
    geo: Option<(f64, f64)>,
    description: String,
    category: String,
    url: Option<String>,
}

/// The VEVENTs of one event: one, or one for each stop of a caravan (only the stops
/// still to come when `upcoming_only`).
fn entries(site: &Site, t: &Strings, e: &Event, upcoming_only: bool) -> Vec<Entry> {
    let url = site
        .base_url
        .as_ref()
        .map(|b| format!("{b}events/{}/", e.id));
    let (colon, open, close) = (t.get("colon"), t.get("paren_open"), t.get("paren_close"));
    let mut about = vec![format!(
        "{}{colon}{}",
        t.get("event_organiser"),
        e.organiser
    )];
    if !e.bring.is_empty() {
        about.push(format!(
            "{}{colon}{}",
            t.get("event_bring"),
            e.bring.join(t.get("enum_sep"))
        ));
    }
    if let Some(phone) = &e.contact_phone {
        let name = e
            .contact_name
            .as_deref()
            .map(|n| format!("{open}{n}{close}"))
            .unwrap_or_default();
        about.push(format!("{}{colon}{phone}{name}", t.get("event_contact")));
    }
    about.push(t.get("event_free").to_string());
    if !e.description_text.trim().is_empty() {
        about.push(e.description_text.trim().to_string());
    }
    let category = t.get(&format!("event_kind_{}", e.kind.key())).to_string();
    let entry = |uid: String, summary: String, start, end, location: String, geo| Entry {
        uid,
        start,
        end,
        summary,
        location,
        geo,
        description: about.join("\n"),
        category: category.clone(),
        url: url.clone(),
    };
    if e.kind == EventKind::Caravan {
        return e
            .stops
            .iter()
            .enumerate()
            .filter(|(_, s)| !upcoming_only || s.is_upcoming(site.today))
            .map(|(i, s)| {
                let county = &site.counties[s.county].name;
                let summary = format!(
                    "{}{open}{}{colon}{county} {}{close}",
                    e.title,
                    t.get("event_stop_n").replace("{n}", &(i + 1).to_string()),
                    s.place
                );
                let geo = s
                    .location
                    .or(site.counties[s.county].location)
                    .map(|p| (p.lat, p.lon));
                entry(
                    format!("{}-stop-{}@gigboard", e.id, i + 1),
                    summary,
                    s.start,
                    s.end,
                    format!("{county} {}", s.place),
                    geo,
                )
            })
            .collect();
    }
    if upcoming_only && !e.is_upcoming(site.today) {
        return Vec::new();
    }
    let market = e.market.map(|m| &site.markets[m]);
    let location = match (market, &e.address) {
        (_, Some(a)) => a.clone(),
        (Some(m), None) => format!("{} {}", m.name, m.address),
        (None, None) => String::new(),
    };
    let geo = e
        .location
        .or(market.map(|m| m.location))
        .map(|p| (p.lat, p.lon));
    vec![entry(
        format!("{}@gigboard", e.id),
        e.title.clone(),
        e.start,
        e.end,
        location,
        geo,
    )]
}

fn calendar(site: &Site, name: &str, entries: &[Entry]) -> Vec<u8> {
    let stamp = utc(
        site,
        LocalDateTime(site.today.0.to_datetime(jiff::civil::Time::midnight())),
    );
    let mut out = String::new();
    let mut line = |l: String| fold(&l, &mut out);
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//gigboard//gigboard//ZH".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line(format!("X-WR-CALNAME:{}", escape_text(name)));
    line(format!("X-WR-TIMEZONE:{}", escape_text(&site.timezone)));
    for e in entries {
        line("BEGIN:VEVENT".into());
        line(format!("UID:{}", e.uid));
        line(format!("DTSTAMP:{stamp}"));
        line(format!("DTSTART:{}", utc(site, e.start)));
        line(format!("DTEND:{}", utc(site, e.end)));
        line(format!("SUMMARY:{}", escape_text(&e.summary)));
        if !e.location.is_empty() {
            line(format!("LOCATION:{}", escape_text(&e.location)));
        }
        if let Some((lat, lon)) = e.geo {
            line(format!("GEO:{lat:.6};{lon:.6}"));
        }
        line(format!("DESCRIPTION:{}", escape_text(&e.description)));
        line(format!("CATEGORIES:{}", escape_text(&e.category)));
        if let Some(url) = &e.url {
            line(format!("URL:{url}"));
        }
        line("STATUS:CONFIRMED".into());
        line("TRANSP:TRANSPARENT".into());
        line("END:VEVENT".into());
    }
    if entries.is_empty() {
        // A calendar needs at least one component (RFC 5545 §3.6): with no event, the
        // site's time zone (its offset today) is that component.
        let seconds = site.offset_on(site.today).seconds();
        let sign = if seconds < 0 { '-' } else { '+' };
        let offset = format!(
            "{sign}{:02}{:02}",
            seconds.abs() / 3600,
            seconds.abs() / 60 % 60
        );
        line("BEGIN:VTIMEZONE".into());
        line(format!("TZID:{}", escape_text(&site.timezone)));
        line("BEGIN:STANDARD".into());
        line("DTSTART:19700101T000000".into());
        line(format!("TZOFFSETFROM:{offset}"));
        line(format!("TZOFFSETTO:{offset}"));
        line("END:STANDARD".into());
        line("END:VTIMEZONE".into());
    }
    line("END:VCALENDAR".into());
    out.into_bytes()
}

/// `/events.ics` (upcoming events and stops, soonest first) and one file per event.
pub fn all(o: &Outputs<'_, '_>) -> Vec<OutFile> {
    let site = o.site;
    let mut upcoming: Vec<Entry> = site
        .events
        .iter()
        .flat_map(|e| entries(site, o.t, e, true))
        .collect();
    upcoming.sort_by(|a, b| (a.start, &a.uid).cmp(&(b.start, &b.uid)));
    let name = format!("{} · {}", site.title, o.t.get("events_title"));
    let mut out = vec![OutFile::new("events.ics", calendar(site, &name, &upcoming))];
    for e in &site.events {
        out.push(OutFile::new(
            format!("events/{}/event.ics", e.id),
            calendar(site, &e.title, &entries(site, o.t, e, false)),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(s: &str) -> String {
        let mut out = String::new();
        fold(s, &mut out);
        out
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(escape_text("一\r\n二\r三"), "一\\n二\\n三");
        assert_eq!(escape_text("tab\there"), "tabhere");
    }

    #[test]
    fn short_lines_are_not_folded() {
        assert_eq!(folded("SUMMARY:招聘会"), "SUMMARY:招聘会\r\n");
        let exact = format!("X:{}", "a".repeat(73));
        assert_eq!(folded(&exact), format!("{exact}\r\n"));
    }

    #[test]
    fn long_lines_fold_at_75_octets_on_character_boundaries() {
        let line = format!("SUMMARY:{}", "零工专场招聘会".repeat(20));
        let out = folded(&line);
        assert!(out.ends_with("\r\n"));
        let physical: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
        assert!(physical.len() > 3);
        for (i, p) in physical.iter().enumerate() {
            assert!(p.len() <= MAX_OCTETS, "line {i} has {} octets", p.len());
            assert_eq!(
                i > 0,
                p.starts_with(' '),
                "continuation lines start with a space"
            );
        }
        // Unfolding gives the line back.
        assert_eq!(out.trim_end_matches("\r\n").replace("\r\n ", ""), line);
    }

    #[test]
    fn ascii_lines_fill_each_physical_line() {
        let line = "D".repeat(200);
        let out = folded(&line);
        let physical: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
        assert_eq!(physical[0].len(), 75);
        assert_eq!(physical[1].len(), 75);
        assert_eq!(physical.concat().replace(' ', ""), line);
    }
}
