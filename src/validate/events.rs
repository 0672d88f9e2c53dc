//! Job fairs and recruitment caravans: where and when (markets, counties and times
//! that exist and make sense), and the same worker-protection rules as postings — a
//! fair that asks for a 报名费 is the fraud the plan tells markets to stamp out.
//!
//! A caravan's top-level `start`/`end` may be left out: they are then its first stop's
//! start and its last stop's end. When written, they must cover every stop.

use super::record::{
    At, contact, description, duplicates, locate, market_ref, record_id, text_rules,
};
use crate::diag::Diagnostics;
use crate::diag::catalogue::records as says;
use crate::load::Located;
use crate::load::events::{EventKind, RawEvent, RawTraining};
use crate::load::records::WorkPlace;
use crate::load::yaml::shorten;
use crate::model::Site;
use crate::model::events::{Event, Stop};
use crate::msg;
use crate::words::LatLon;

/// Checks `content/events/` and `content/training/` into the model.
pub fn check_all(
    events: &[Located<RawEvent>],
    training: &[Located<RawTraining>],
    site: &mut Site,
    diags: &mut Diagnostics,
) {
    for r in events {
        texts_and_links(
            site,
            &r.file,
            &r.node,
            r.value.description.as_deref(),
            diags,
        );
    }
    let mut checked: Vec<Event> = events
        .iter()
        .filter_map(|r| check_event(site, r, diags))
        .collect();
    checked.sort_by(|a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
    duplicates(
        events
            .iter()
            .map(|r| (record_id(r), r.file.as_path(), &r.node)),
        says::WHAT_EVENT,
        diags,
    );
    for r in training {
        texts_and_links(
            site,
            &r.file,
            &r.node,
            r.value.description.as_deref(),
            diags,
        );
    }
    let mut programmes: Vec<_> = training
        .iter()
        .filter_map(|r| super::training::check(site, r, diags))
        .collect();
    programmes.sort_by(|a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
    duplicates(
        training
            .iter()
            .map(|r| (record_id(r), r.file.as_path(), &r.node)),
        says::WHAT_TRAINING,
        diags,
    );
    site.events = checked;
    site.training = programmes;
}

/// The text rules of every field of a record, and the site links of its description
/// (checked once every page is known).
fn texts_and_links(
    site: &mut Site,
    file: &std::path::Path,
    node: &crate::load::yaml::Node,
    description: Option<&str>,
    diags: &mut Diagnostics,
) {
    super::texts::every_text(file, node, diags);
    if let Some(d) = description {
        let pos = node.pos_of(&["description"]);
        super::links::collect(&mut site.root_links, file, pos, "description", d);
    }
}

fn coordinates(at: &At<'_>, diags: &mut Diagnostics, field: &[&str], p: LatLon) -> Option<LatLon> {
    let ok = (-90.0..=90.0).contains(&p.lat) && (-180.0..=180.0).contains(&p.lon);
    if !ok {
        at.error(diags, field, msg!(says::MARKET_LAT_LON));
    }
    ok.then_some(p)
}

fn place(at: &At<'_>, diags: &mut Diagnostics, w: &WorkPlace) -> (Option<String>, Option<LatLon>) {
    let address = w.address.as_ref().filter(|a| !a.trim().is_empty());
    match address {
        Some(a) => text_rules(at, diags, &["location", "address"], a),
        None => at.error(diags, &["location"], msg!(says::EVENT_ADDRESS)),
    }
    let point = match (w.lat, w.lon) {
        (Some(lat), Some(lon)) => {
            coordinates(at, diags, &["location"], LatLon::converted(w.crs, lat, lon))
        }
        (None, None) => None,
        _ => {
            at.error(diags, &["location"], msg!(says::LAT_AND_LON));
            None
        }
    };
    (address.cloned(), point)
}

fn check_event(site: &Site, r: &Located<RawEvent>, diags: &mut Diagnostics) -> Option<Event> {
    let e = &r.value;
    let before = diags.error_count();
    let (at, id) = locate(r, diags);
    if e.title.trim().is_empty() {
        at.error(diags, &["title"], msg!(says::TITLE_EMPTY));
    }
    let market = e
        .market
        .as_deref()
        .and_then(|m| market_ref(site, &at, diags, m));
    let (address, location) = e
        .location
        .as_ref()
        .map(|w| place(&at, diags, w))
        .unwrap_or_default();
    let stops = check_stops(site, &at, e, diags);
    let caravan = e.kind == EventKind::Caravan;
    if !caravan && e.market.is_none() && e.location.is_none() {
        at.error(diags, &[], msg!(says::EVENT_WHERE));
    }
    let span = match (e.start, e.end, stops.first(), stops.last()) {
        (Some(s), Some(end), _, _) => Some((s, end)),
        (s, end, Some(first), Some(last)) if caravan => {
            Some((s.unwrap_or(first.start), end.unwrap_or(last.end)))
        }
        _ if caravan => None, // no stops: already reported
        _ => {
            at.error(
                diags,
                &[if e.start.is_none() { "start" } else { "end" }],
                msg!(says::FAIR_TIMES),
            );
            None
        }
    };
    if let Some((s, end)) = span
        && end <= s
    {
        at.error(diags, &["end"], msg!(says::EVENT_ENDS));
    }
    if let Some((s, end)) = span {
        for (i, stop) in stops.iter().enumerate() {
            if stop.start < s || stop.end > end {
                at.error(
                    diags,
                    &["stops"],
                    msg!(says::STOP_OUTSIDE, n = i + 1, place = stop.place),
                );
            }
        }
    }
    text_rules(&at, diags, &["title"], &e.title);
    text_rules(&at, diags, &["organiser"], &e.organiser);
    for (i, b) in e.bring.iter().enumerate() {
        let sub = At {
            path: format!("bring[{i}]"),
            ..at_of(&at, "bring", i)
        };
        text_rules(&sub, diags, &[], b);
    }
    for (i, emp) in e.employers.iter().enumerate() {
        let sub = At {
            path: format!("employers[{i}]"),
            ..at_of(&at, "employers", i)
        };
        if emp.name.trim().is_empty() {
            sub.error(diags, &["name"], msg!(says::EMPLOYER_NAME_EMPTY));
        }
        text_rules(&sub, diags, &["name"], &emp.name);
        for j in &emp.jobs {
            text_rules(&sub, diags, &["jobs"], j);
        }
        if emp.headcount == Some(0) {
            sub.error(diags, &["headcount"], msg!(says::EVENT_HEADCOUNT));
        }
    }
    contact(&at, diags, e.contact.as_ref());
    let (description_html, description_text) = description(&at, diags, e.description.as_deref());
    let (start, end) = span?;
    if diags.error_count() > before {
        return None;
    }
    Some(Event {
        id,
        title: e.title.trim().to_string(),
        kind: e.kind,
        market,
        address,
        location,
        start,
        end,
        organiser: e.organiser.clone(),
        bring: e.bring.clone(),
        employers: e.employers.clone(),
        contact_name: e.contact.as_ref().and_then(|c| c.name.clone()),
        contact_phone: e.contact.as_ref().map(|c| c.phone.clone()),
        description_html,
        description_text,
        stops,
    })
}

/// The subtree of the `i`-th item of list `key` (the parent when it is missing).
fn at_of<'a>(at: &At<'a>, key: &str, i: usize) -> At<'a> {
    let node = at.node.get(key).and_then(|n| n.item(i)).unwrap_or(at.node);
    At {
        file: at.file,
        node,
        path: at.path.clone(),
    }
}

fn check_stops(site: &Site, at: &At<'_>, e: &RawEvent, diags: &mut Diagnostics) -> Vec<Stop> {
    if e.kind != EventKind::Caravan {
        if !e.stops.is_empty() {
            at.error(diags, &["stops"], msg!(says::STOPS_ONLY_CARAVAN));
        }
        return Vec::new();
    }
    if e.stops.is_empty() {
        at.error(diags, &["kind"], msg!(says::CARAVAN_ROUTE));
    }
    let mut out = Vec::new();
    for (i, s) in e.stops.iter().enumerate() {
        let sub = At {
            path: format!("stops[{i}]"),
            ..at_of(at, "stops", i)
        };
        let county = site.counties.iter().position(|c| c.code == s.county);
        if county.is_none() {
            sub.error(
                diags,
                &["county"],
                msg!(says::STOP_COUNTY, county = shorten(&s.county)),
            );
        }
        if s.end <= s.start {
            sub.error(diags, &["end"], msg!(says::STOP_ENDS));
        }
        if s.place.trim().is_empty() {
            sub.error(diags, &["place"], msg!(says::STOP_PLACE));
        }
        text_rules(&sub, diags, &["place"], &s.place);
        let location = s
            .location
            .and_then(|p| coordinates(&sub, diags, &["location"], p));
        if let Some(prev) = i.checked_sub(1).and_then(|p| e.stops.get(p))
            && s.start < prev.end
        {
            sub.warning(diags, &["start"], msg!(says::STOP_ORDER));
        }
        if let Some(county) = county {
            out.push(Stop {
                county,
                place: s.place.trim().to_string(),
                start: s.start,
                end: s.end,
                location,
            });
        }
    }
    out.sort_by_key(|s| s.start);
    out
}
