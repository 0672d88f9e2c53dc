//! A small, independent iCalendar (RFC 5545) reader for the tests: it checks the
//! physical form (CRLF, 75-octet lines), unfolds, splits `NAME;PARAMS:VALUE` and checks
//! BEGIN/END balance — and, where installed, Python's `icalendar` as a second opinion.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// One content line: name, parameters, value (still escaped).
#[derive(Debug, Clone)]
struct Prop {
    name: String,
    value: String,
}

/// Checks the physical form (CRLF only, ≤ 75 octets a line), unfolds, splits each
/// line into `NAME;PARAMS:VALUE` and returns the components (name → properties),
/// checking that BEGIN and END balance.
fn read_ics(bytes: &[u8]) -> Vec<(String, Vec<Prop>)> {
    let text = std::str::from_utf8(bytes).expect("an .ics file is UTF-8");
    for (i, b) in bytes.iter().enumerate() {
        match b {
            b'\n' => assert!(i > 0 && bytes[i - 1] == b'\r', "a bare LF at byte {i}"),
            b'\r' => assert_eq!(bytes.get(i + 1), Some(&b'\n'), "a bare CR at byte {i}"),
            _ => {}
        }
    }
    let body = text.strip_suffix("\r\n").expect("the file ends with CRLF");
    let mut lines: Vec<String> = Vec::new();
    for physical in body.split("\r\n") {
        assert!(
            physical.len() <= 75,
            "a line of {} octets: {physical:?}",
            physical.len()
        );
        match physical
            .strip_prefix(' ')
            .or_else(|| physical.strip_prefix('\t'))
        {
            Some(rest) => lines
                .last_mut()
                .expect("a folded line continues another")
                .push_str(rest),
            None => lines.push(physical.to_string()),
        }
    }
    let mut stack: Vec<(String, Vec<Prop>)> = Vec::new();
    let mut done = Vec::new();
    for line in lines {
        let mut quoted = false;
        let colon = line
            .char_indices()
            .find(|&(_, c)| {
                quoted ^= c == '"';
                c == ':' && !quoted
            })
            .map(|(i, _)| i)
            .unwrap_or_else(|| panic!("no `:` in {line:?}"));
        let (head, value) = (&line[..colon], &line[colon + 1..]);
        let name = head
            .split(';')
            .next()
            .unwrap_or_default()
            .to_ascii_uppercase();
        assert!(
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
            "bad name in {line:?}"
        );
        match name.as_str() {
            "BEGIN" => stack.push((value.to_string(), Vec::new())),
            "END" => {
                let (open, props) = stack
                    .pop()
                    .unwrap_or_else(|| panic!("END:{value} without BEGIN"));
                assert_eq!(open, value, "END:{value} closes BEGIN:{open}");
                done.push((open, props));
            }
            _ => stack
                .last_mut()
                .expect("a property inside a component")
                .1
                .push(Prop {
                    name,
                    value: value.to_string(),
                }),
        }
    }
    assert!(
        stack.is_empty(),
        "unclosed: {:?}",
        stack.iter().map(|s| &s.0).collect::<Vec<_>>()
    );
    done
}

pub fn unescape(v: &str) -> String {
    let mut out = String::new();
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(o) => out.push(o),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The VEVENTs of a calendar, each as name → value, after checking the required ones.
pub fn vevents(bytes: &[u8]) -> Vec<BTreeMap<String, String>> {
    let components = read_ics(bytes);
    let calendar = components
        .iter()
        .find(|(n, _)| n == "VCALENDAR")
        .expect("a VCALENDAR");
    for required in ["VERSION", "PRODID"] {
        assert!(
            calendar.1.iter().any(|p| p.name == required),
            "VCALENDAR without {required}"
        );
    }
    let events: Vec<BTreeMap<String, String>> = components
        .iter()
        .filter(|(n, _)| n == "VEVENT")
        .map(|(_, props)| {
            props
                .iter()
                .map(|p| (p.name.clone(), p.value.clone()))
                .collect()
        })
        .collect();
    for e in &events {
        for required in ["UID", "DTSTAMP", "DTSTART", "SUMMARY"] {
            assert!(
                e.contains_key(required),
                "a VEVENT without {required}: {e:?}"
            );
        }
        for stamp in ["DTSTAMP", "DTSTART", "DTEND"] {
            let v = &e[stamp];
            assert!(
                v.len() == 16 && v.ends_with('Z') && v.as_bytes()[8] == b'T',
                "{stamp}:{v} is not a UTC date-time"
            );
        }
    }
    let uids: BTreeSet<&String> = events.iter().map(|e| &e["UID"]).collect();
    assert_eq!(uids.len(), events.len(), "UIDs are unique");
    events
}

/// Parses `path` with Python's icalendar when it is installed (required under CI).
pub fn python_icalendar_uids(path: &Path) -> Option<Vec<String>> {
    let has = std::process::Command::new("python3")
        .args(["-c", "import icalendar"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but Python's icalendar is missing (.ci/run installs it)"
        );
        eprintln!("skipping the Python icalendar cross-check: `pip install icalendar` to run it");
        return None;
    }
    let script = "import sys, icalendar\ncal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\nfor c in cal.walk():\n    assert not getattr(c, 'errors', None), (c.name, c.errors)\nfor e in cal.walk('VEVENT'):\n    assert e.decoded('DTSTART').tzinfo is not None\n    print(str(e['UID']))\n";
    let out = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(path)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "icalendar rejects {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    Some(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_string)
            .collect(),
    )
}
