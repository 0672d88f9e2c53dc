//! schema.org JSON-LD, built with serde_json (never string templates) and escaped so
//! that no field can close the `<script>` element that carries it.

use crate::load::records::{JobKind, PayUnit};
use crate::model::{Posting, Site};
use serde_json::{Value, json};

/// JSON text safe inside `<script type="application/ld+json">`: `<`, `>` and `&` are
/// written as `\u003c` etc., which JSON parsers read back unchanged.
pub fn script_safe(value: &Value) -> String {
    let text = value.to_string();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

fn unit_text(unit: PayUnit) -> &'static str {
    match unit {
        PayUnit::Hour => "HOUR",
        PayUnit::Day => "DAY",
        PayUnit::Month => "MONTH",
        PayUnit::Piece => "",
    }
}

fn employment_type(kind: JobKind) -> Value {
    match kind {
        JobKind::Day => json!(["TEMPORARY", "PER_DIEM"]),
        JobKind::PartTime => json!("PART_TIME"),
        JobKind::Piece => json!("CONTRACTOR"),
        JobKind::FullTime => json!("FULL_TIME"),
    }
}

/// The JobPosting of one posting page. Everything in it is visible on the page.
pub fn job_posting(site: &Site, p: &Posting, description: &str) -> Value {
    let market = &site.markets[p.market];
    let county = &site.counties[market.county];
    let league = &site.leagues[county.league];
    let location = p.place_location.unwrap_or(market.location);
    let mut value = if p.pay.min == p.pay.max {
        json!({"@type": "QuantitativeValue", "value": p.pay.min, "unitText": unit_text(p.pay.unit)})
    } else {
        json!({"@type": "QuantitativeValue", "minValue": p.pay.min, "maxValue": p.pay.max, "unitText": unit_text(p.pay.unit)})
    };
    let mut ld = json!({
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": p.title,
        "description": description,
        "identifier": {"@type": "PropertyValue", "name": site.title, "value": p.id},
        "datePosted": p.posted.to_string(),
        "validThrough": format!("{}T23:59:59+08:00", p.expires),
        "employmentType": employment_type(p.kind),
        "hiringOrganization": {"@type": "Organization", "name": p.employer},
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": p.place.as_deref().unwrap_or(&market.address),
                "addressLocality": county.name,
                "addressRegion": league.name,
                "addressCountry": "CN"
            },
            "geo": {"@type": "GeoCoordinates", "latitude": location.lat, "longitude": location.lon}
        },
        "totalJobOpenings": p.headcount,
        "directApply": false,
    });
    // unitText takes HOUR, DAY, WEEK, MONTH or YEAR: a piece rate gives the amount
    // without a unit, and the description says what one piece is.
    if p.pay.unit == PayUnit::Piece
        && let Some(v) = value.as_object_mut()
    {
        v.remove("unitText");
    }
    ld["baseSalary"] = json!({"@type": "MonetaryAmount", "currency": "CNY", "value": value});
    if let Some(start) = p.start {
        ld["jobStartDate"] = json!(start.day().to_string());
    }
    if let Some(phone) = &p.contact_phone {
        ld["applicationContact"] =
            json!({"@type": "ContactPoint", "telephone": phone, "name": p.contact_name});
    }
    if let Some(base) = &site.base_url {
        ld["url"] = json!(format!("{base}jobs/{}/", p.id));
    }
    ld
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cannot_close_the_script() {
        let v = json!({"title": "</script><script>alert(1)</script>"});
        let s = script_safe(&v);
        assert!(!s.contains("</script"));
        let back: Value = serde_json::from_str(&s).expect("still JSON");
        assert_eq!(back, v);
    }
}
