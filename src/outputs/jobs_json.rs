//! `/jobs.json`: every live posting as structured data for mini-programs and screens.
//! The schema is documented in the README ("jobs.json"); field names are stable and
//! `version` changes only when a field changes meaning or disappears.

use super::Outputs;
use crate::load::records::Conditions;
use crate::words::{EmployerKind, JobKind, LatLon, PayUnit, Welcome};
use serde::Serialize;

pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Job<'a> {
    id: &'a str,
    /// Page of the posting, relative to the site root.
    path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    title: &'a str,
    category: Named<'a>,
    employer: Employer<'a>,
    pay: Pay,
    headcount: u32,
    place: &'a str,
    location: LatLon,
    start: Option<String>,
    end: Option<String>,
    posted: String,
    expires: String,
    quick_hire: bool,
    kind: JobKind,
    contact: Option<Contact<'a>>,
    requirements: Option<&'a str>,
    body: std::borrow::Cow<'a, str>,
    welcomes: &'a [Welcome],
    /// 工作条件: only the ones the posting gives.
    #[serde(skip_serializing_if = "Option::is_none")]
    conditions: Option<&'a Conditions>,
    verified: Verified<'a>,
    source: Option<&'a str>,
    market: Named<'a>,
    county: Named<'a>,
    league: Named<'a>,
}

#[derive(Serialize)]
struct Named<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct Employer<'a> {
    name: &'a str,
    kind: EmployerKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    credit_code: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    licence: Option<&'a str>,
}

#[derive(Serialize)]
struct Pay {
    min: f64,
    max: f64,
    unit: PayUnit,
    currency: &'static str,
    text: String,
}

#[derive(Serialize)]
struct Contact<'a> {
    name: Option<&'a str>,
    phone: &'a str,
}

#[derive(Serialize)]
struct Verified<'a> {
    by: &'a str,
    on: String,
}

/// Writes the file posting by posting (it is a gigabyte at 400,000 postings). The
/// bodies' texts are taken from `texts` where pages or feeds made them already, and
/// made here for the others (a text is a parse of the posting's markdown).
pub fn write(
    o: &Outputs<'_, '_>,
    texts: &super::feeds::Texts<'_, '_>,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let site = o.site;
    let job = |i: usize| {
        let (p, v) = (&site.postings[i], o.views.get(i));
        {
            let market = &site.markets[p.market];
            let county = &site.counties[market.county];
            let league = &site.leagues[county.league];
            let category = &site.categories[p.category];
            Job {
                id: &p.id,
                path: v.path.clone(),
                url: site.base_url.as_ref().map(|b| format!("{b}jobs/{}/", p.id)),
                title: &p.title,
                category: Named {
                    id: &category.slug,
                    name: &category.label,
                },
                employer: Employer {
                    name: &p.employer,
                    kind: p.employer_kind,
                    credit_code: p.employer_credit_code.as_deref(),
                    licence: p.employer_licence.as_deref(),
                },
                pay: Pay {
                    min: p.pay.min,
                    max: p.pay.max,
                    unit: p.pay.unit,
                    currency: "CNY",
                    text: v.pay.clone(),
                },
                headcount: p.headcount,
                place: v.place,
                location: p.place_location.unwrap_or(market.location),
                start: p.start.map(|s| s.0.to_string()),
                end: p.end.map(|s| s.0.to_string()),
                posted: p.posted.to_string(),
                expires: p.expires.to_string(),
                quick_hire: p.quick_hire,
                kind: p.kind,
                contact: p.contact_phone.as_deref().map(|phone| Contact {
                    name: p.contact_name.as_deref(),
                    phone,
                }),
                requirements: p.requirements.as_deref(),
                body: texts.get(i),
                welcomes: &p.welcomes,
                conditions: p.conditions.as_ref(),
                verified: Verified {
                    by: &p.verified_by,
                    on: p.verified_on.to_string(),
                },
                source: p.source.as_deref(),
                market: Named {
                    id: &market.id,
                    name: &market.name,
                },
                county: Named {
                    id: &county.code,
                    name: &county.name,
                },
                league: Named {
                    id: &league.code,
                    name: &league.name,
                },
            }
        }
    };
    // {"version":…,"site":…,"today":…,"count":…,"postings":[…]}
    write!(w, "{{\"version\":{VERSION},\"site\":")?;
    serde_json::to_writer(&mut *w, &site.title)?;
    write!(
        w,
        ",\"today\":\"{}\",\"count\":{},\"postings\":",
        site.today,
        site.postings.len()
    )?;
    super::json_array(w, site.postings.len(), job)?;
    w.write_all(b"}")
}
