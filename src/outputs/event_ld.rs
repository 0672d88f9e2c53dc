//! schema.org `Event` JSON-LD for an event page, built with serde_json. A caravan is
//! one Event whose `location` lists every stop and whose `subEvent`s are the stops,
//! each with its own dates and place, so search engines can show "where and when".

use super::ics::zoned;
use crate::model::Site;
use crate::model::events::Event;
use crate::words::LatLon;
use crate::words::scalars::LocalDateTime;
use serde_json::{Value, json};

fn iso(site: &Site, dt: LocalDateTime) -> String {
    zoned(site, dt).strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

fn place(
    name: &str,
    street: &str,
    county: Option<usize>,
    site: &Site,
    geo: Option<LatLon>,
) -> Value {
    let mut address =
        json!({"@type": "PostalAddress", "streetAddress": street, "addressCountry": "CN"});
    if let Some(c) = county.and_then(|c| site.counties.get(c)) {
        address["addressLocality"] = json!(c.name);
        if let Some(l) = site.leagues.get(c.league) {
            address["addressRegion"] = json!(l.name);
        }
    }
    let mut p = json!({"@type": "Place", "name": name, "address": address});
    if let Some(g) = geo {
        p["geo"] = json!({"@type": "GeoCoordinates", "latitude": g.lat, "longitude": g.lon});
    }
    p
}

/// The Event of one event page. Everything in it is visible on the page.
pub fn event(site: &Site, e: &Event) -> Value {
    let market = e.market.map(|m| &site.markets[m]);
    let stops: Vec<Value> = e
        .stops
        .iter()
        .map(|s| {
            let county = &site.counties[s.county];
            let name = format!("{} {}", county.name, s.place);
            let geo = s.location.or(county.location);
            json!({
                "@type": "Event",
                "name": format!("{} · {name}", e.title),
                "startDate": iso(site, s.start),
                "endDate": iso(site, s.end),
                "eventStatus": "https://schema.org/EventScheduled",
                "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
                "location": place(&name, &s.place, Some(s.county), site, geo),
            })
        })
        .collect();
    let location = if stops.is_empty() {
        let name = market
            .map(|m| m.name.as_str())
            .or(e.address.as_deref())
            .unwrap_or(&e.title);
        let street = e
            .address
            .as_deref()
            .or(market.map(|m| m.address.as_str()))
            .unwrap_or_default();
        place(
            name,
            street,
            market.map(|m| m.county),
            site,
            e.location.or(market.map(|m| m.location)),
        )
    } else {
        Value::Array(stops.iter().map(|s| s["location"].clone()).collect())
    };
    let mut ld = json!({
        "@context": "https://schema.org/",
        "@type": "Event",
        "name": e.title,
        "startDate": iso(site, e.start),
        "endDate": iso(site, e.end),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "isAccessibleForFree": true,
        "location": location,
        "organizer": {"@type": "Organization", "name": e.organiser},
    });
    if !e.description_text.trim().is_empty() {
        ld["description"] = json!(e.description_text.trim());
    }
    if !stops.is_empty() {
        ld["subEvent"] = Value::Array(stops);
    }
    if let Some(base) = &site.base_url {
        ld["url"] = json!(format!("{base}events/{}/", e.id));
    }
    ld
}
