//! schema.org JSON-LD of a market page: a `GovernmentService` (the free gig-market
//! service) provided at a `GovernmentOffice` that carries the place's facts — address,
//! coordinates, phone numbers by purpose, opening hours with the dated exceptions, and
//! facilities. Built with serde_json and embedded through [`super::jsonld::script_safe`];
//! everything in it is also visible on the page.

use crate::model::{Market, Site};
use crate::words::HotlineKind;
use crate::words::i18n::Strings;
use crate::words::scalars::{Clock, Day};
use serde_json::{Value, json};

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// schema.org times: `24:00` (end of day) is written as the last second of the day.
fn time(c: Clock) -> String {
    if c.0 >= 24 * 60 {
        "23:59:59".into()
    } else {
        c.to_string()
    }
}

/// Weekly rules, then one specification per dated exception from `today` on; a closed
/// day is opens = closes = 00:00, as schema.org documents.
pub fn opening_hours(m: &Market, today: Day) -> Vec<Value> {
    let mut out: Vec<Value> = m
        .hours
        .iter()
        .map(|r| {
            let days: Vec<String> = (0..7)
                .filter(|&i| r.days.contains(i))
                .map(|i| format!("https://schema.org/{}", DAYS[i]))
                .collect();
            json!({
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": days,
                "opens": time(r.open),
                "closes": time(r.close),
            })
        })
        .collect();
    for c in m.closures.iter().filter(|c| c.date >= today) {
        let (opens, closes) = match c.span {
            Some((a, b)) => (time(a), time(b)),
            None => ("00:00".to_string(), "00:00".to_string()),
        };
        let mut spec = json!({
            "@type": "OpeningHoursSpecification",
            "validFrom": c.date.to_string(),
            "validThrough": c.date.to_string(),
            "opens": opens,
            "closes": closes,
        });
        if let Some(note) = &c.note {
            spec["description"] = json!(note);
        }
        out.push(spec);
    }
    out
}

/// The GovernmentService of one market page.
pub fn government_service(site: &Site, m: &Market, t: &Strings) -> Value {
    let county = &site.counties[m.county];
    let league = &site.leagues[county.league];
    let contact_points: Vec<Value> = m
        .hotlines
        .iter()
        .map(|h| {
            let kind = t.get(&format!("hotline_{}", h.kind.key()));
            let mut cp = json!({
                "@type": "ContactPoint",
                "contactType": kind,
                "telephone": h.number,
                "areaServed": county.name,
                "availableLanguage": "zh-CN",
            });
            if let Some(label) = &h.label {
                cp["name"] = json!(label);
            }
            if let Some(hours) = &h.hours {
                cp["description"] = json!(format!("{}：{hours}", t.get("hours")));
            }
            cp
        })
        .collect();
    let amenities: Vec<Value> = m
        .facilities
        .iter()
        .map(|f| {
            json!({
                "@type": "LocationFeatureSpecification",
                "name": t.get(&format!("facility_{}", f.key())),
                "value": true,
            })
        })
        .collect();
    let mut office = json!({
        "@type": "GovernmentOffice",
        "@id": "#office",
        "name": m.name,
        "isAccessibleForFree": true,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": m.address,
            "addressLocality": county.name,
            "addressRegion": league.name,
            "addressCountry": "CN",
        },
        "geo": {"@type": "GeoCoordinates", "latitude": m.location.lat, "longitude": m.location.lon},
        "contactPoint": contact_points,
        "openingHoursSpecification": opening_hours(m, site.today),
        "amenityFeature": amenities,
    });
    if let Some(service) = m.hotlines.iter().find(|h| h.kind == HotlineKind::Service) {
        office["telephone"] = json!(service.number);
    }
    let services: Vec<&str> = m
        .services
        .iter()
        .map(|s| t.get(&format!("service_{}", s.key())))
        .collect();
    let mut ld = json!({
        "@context": "https://schema.org/",
        "@type": "GovernmentService",
        "name": m.name,
        "serviceType": t.get("ld_service_type"),
        "description": services.join("、"),
        "areaServed": {"@type": "AdministrativeArea", "name": format!("{}{}", league.name, county.name)},
        "provider": office,
        "availableChannel": {
            "@type": "ServiceChannel",
            "name": t.get("ld_channel"),
            "serviceLocation": {"@id": "#office"},
        },
    });
    if let Some(operator) = &m.operator {
        ld["serviceOperator"] = json!({"@type": "Organization", "name": operator});
    }
    if let Some(base) = &site.base_url {
        let url = json!(format!("{base}markets/{}/", m.id));
        // The office (the place) is on the same page as its service: both name it.
        ld["provider"]["url"] = url.clone();
        ld["url"] = url;
    }
    ld
}
