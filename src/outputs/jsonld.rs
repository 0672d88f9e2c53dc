//! schema.org JSON-LD, built with serde_json (never string templates) and escaped so
//! that no field can close the `<script>` element that carries it.

use crate::model::{Posting, Site};
use crate::words::{JobKind, PayUnit};
use serde_json::{Value, json};

/// JSON text safe inside `<script type="application/ld+json">`: `<`, `>` and `&` are
/// written as `\u003c` etc., which JSON parsers read back unchanged.
pub fn script_safe(value: &Value) -> String {
    // One pass over the finished text: serde_json hands a writer many small pieces,
    // and the `ScriptSafe` writer looking at each cost as much as the serialising.
    // Serialising a `Value` cannot fail.
    escape_for_script(serde_json::to_string(value).unwrap_or_default())
}

/// `json` with `<`, `>`, `&`, U+2028 and U+2029 written as JSON escapes (see
/// [`ScriptSafe`], which does the same to text streamed to a file). Most texts have
/// none: they are looked for with memchr's vector search and such a text is returned
/// as it is.
fn escape_for_script(json: String) -> String {
    let bytes = json.as_bytes();
    if memchr::memchr3(b'<', b'>', b'&', bytes).is_none()
        && memchr::memmem::find(bytes, "\u{2028}".as_bytes()).is_none()
        && memchr::memmem::find(bytes, "\u{2029}".as_bytes()).is_none()
    {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 32);
    let mut run = 0;
    for (i, b) in json.bytes().enumerate() {
        let escape = match b {
            b'<' => "\\u003c",
            b'>' => "\\u003e",
            b'&' => "\\u0026",
            // 0xE2 starts a character, so `i` is a boundary to slice at.
            0xE2 if json[i..].starts_with('\u{2028}') => "\\u2028",
            0xE2 if json[i..].starts_with('\u{2029}') => "\\u2029",
            _ => continue,
        };
        out.push_str(&json[run..i]);
        out.push_str(escape);
        run = i + if b == 0xE2 { 3 } else { 1 };
    }
    out.push_str(&json[run..]);
    out
}

/// A writer that passes JSON text on with `<`, `>`, `&`, U+2028 and U+2029 escaped, so
/// it can sit inside a `<script>` element (JSON has those only inside strings, where
/// the escapes mean the same characters). Used for whole files too (the search index),
/// written straight to disk.
pub struct ScriptSafe<W> {
    inner: W,
    /// How many bytes of a possible U+2028/U+2029 (E2 80 A8/A9) were held back.
    held: usize,
}

impl<W: std::io::Write> ScriptSafe<W> {
    pub fn new(inner: W) -> Self {
        ScriptSafe { inner, held: 0 }
    }

    pub fn into_inner(self) -> W {
        self.inner
    }

    fn release_held(&mut self) -> std::io::Result<()> {
        let held = [0xE2u8, 0x80];
        self.inner.write_all(&held[..self.held])?;
        self.held = 0;
        Ok(())
    }
}

impl<W: std::io::Write> std::io::Write for ScriptSafe<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut run = 0;
        for (i, &b) in buf.iter().enumerate() {
            if self.held > 0 {
                match (self.held, b) {
                    (1, 0x80) => {
                        self.held = 2;
                        run = i + 1;
                        continue;
                    }
                    (2, 0xA8 | 0xA9) => {
                        self.held = 0;
                        self.inner
                            .write_all(if b == 0xA8 { b"\\u2028" } else { b"\\u2029" })?;
                        run = i + 1;
                        continue;
                    }
                    _ => {
                        self.release_held()?;
                        run = i;
                    }
                }
            }
            let escape: &[u8] = match b {
                b'<' => b"\\u003c",
                b'>' => b"\\u003e",
                b'&' => b"\\u0026",
                0xE2 => b"",
                _ => continue,
            };
            self.inner.write_all(&buf[run..i])?;
            self.inner.write_all(escape)?;
            if b == 0xE2 {
                self.held = 1;
            }
            run = i + 1;
        }
        self.inner.write_all(&buf[run..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.release_held()?;
        self.inner.flush()
    }
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

/// The JobPosting of one posting page. Everything in it is visible on the page:
/// `description` is its HTML, `benefits` the conditions it promises, in the page's words.
pub fn job_posting(site: &Site, p: &Posting, description: &str, benefits: &str) -> Value {
    let market = &site.markets[p.market];
    let county = &site.counties[market.county];
    let league = &site.leagues[county.league];
    let location = p.place_location.unwrap_or(market.location);
    let value = if p.pay.min == p.pay.max {
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
        "validThrough": site.local_rfc3339(p.expires, "23:59:59"),
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
    // unitText takes HOUR, DAY, WEEK, MONTH or YEAR: a piece rate has none of them, and
    // an amount without its unit would read as CNY per nothing. Piece work keeps its pay
    // in the description ("pay: 1.2 元/件"), which says what one piece is.
    if p.pay.unit != PayUnit::Piece {
        ld["baseSalary"] = json!({"@type": "MonetaryAmount", "currency": "CNY", "value": value});
    }
    if let Some(hours) = p.conditions.as_ref().and_then(|c| c.hours.as_ref()) {
        ld["workHours"] = json!(hours);
    }
    if !benefits.is_empty() {
        ld["jobBenefits"] = json!(benefits);
    }
    if let Some(code) = &p.employer_credit_code {
        // The unified social credit code is also the organisation's tax number.
        ld["hiringOrganization"]["taxID"] = json!(code);
    }
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
    fn script_safe_writer_escapes_across_any_split() {
        use std::io::Write;
        let text = "a<b>&c\u{2028}d\u{2029}e\u{2020}f–g\u{e2}<\u{2028}";
        let expected: String = text
            .chars()
            .map(|c| match c {
                '<' => "\\u003c".to_string(),
                '>' => "\\u003e".to_string(),
                '&' => "\\u0026".to_string(),
                '\u{2028}' => "\\u2028".to_string(),
                '\u{2029}' => "\\u2029".to_string(),
                c => c.to_string(),
            })
            .collect();
        for chunk in 1..=text.len() {
            let mut out = ScriptSafe::new(Vec::new());
            for part in text.as_bytes().chunks(chunk) {
                out.write_all(part).expect("into memory");
            }
            out.flush().expect("into memory");
            assert_eq!(
                String::from_utf8(out.into_inner()).expect("UTF-8"),
                expected,
                "chunks of {chunk}"
            );
        }
    }

    #[test]
    fn escaping_the_whole_text_equals_the_streaming_writer() {
        use std::io::Write;
        let v = json!({"t": "a<b>&c\u{2028}d\u{2029}e\u{2020}f–g\u{e2}<\u{2028}零工", "n": [1, 2]});
        let mut out = ScriptSafe::new(Vec::new());
        serde_json::to_writer(&mut out, &v).expect("into memory");
        out.flush().expect("into memory");
        let streamed = String::from_utf8(out.into_inner()).expect("UTF-8");
        assert_eq!(script_safe(&v), streamed);
        assert!(streamed.contains("\\u2028") && streamed.contains("\\u003c"));
        // Texts without any of those bytes come back as they are; each one alone is found.
        let plain = json!({"t": "零工市场 “求职不收费” — 12333", "n": [1, 2]});
        assert_eq!(
            script_safe(&plain),
            serde_json::to_string(&plain).expect("JSON")
        );
        for one in ["<", ">", "&", "\u{2028}", "\u{2029}"] {
            let v = json!({ "t": format!("零工{one}市场") });
            assert!(!script_safe(&v).contains(one), "{one:?}");
        }
    }

    #[test]
    fn cannot_close_the_script() {
        let v = json!({"title": "</script><script>alert(1)</script>"});
        let s = script_safe(&v);
        assert!(!s.contains("</script"));
        let back: Value = serde_json::from_str(&s).expect("still JSON");
        assert_eq!(back, v);
    }
}
