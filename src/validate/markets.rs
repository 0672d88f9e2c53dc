//! Market files: ids, counties, hours, closures, the seed's required functions.

use super::ids::check_slug;
use crate::diag::Msg;
use crate::diag::catalogue::records as says;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::Located;
use crate::load::records::MarketFile;
use crate::markdown;
use crate::model::{Closure, HoursRule, Market, Site};
use crate::msg;
use crate::words::{BASIC_FACILITIES, REQUIRED_SERVICES};
use crate::words::{Facility, MarketStatus, Service};
use std::collections::HashMap;

pub fn check(site: &mut Site, markets: &[Located<MarketFile>], diags: &mut Diagnostics) {
    let counties: HashMap<&str, usize> = site
        .counties
        .iter()
        .enumerate()
        .map(|(i, c)| (c.code.as_str(), i))
        .collect();
    let mut seen: HashMap<String, std::path::PathBuf> = HashMap::new();
    let mut checked = Vec::new();
    for located in markets {
        let (file, node, m) = (&located.file, &located.node, &located.value);
        let err = |diags: &mut Diagnostics, path: &[&str], msg: Msg| {
            diags.push(Diagnostic::error(
                file,
                node.pos_of(path),
                path.join("."),
                msg,
            ));
        };
        let id = m.id.clone().unwrap_or_else(|| {
            file.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        });
        if let Err(msg) = check_slug(&id) {
            err(diags, &["id"], msg);
        }
        if let Some(first) = seen.insert(id.to_ascii_lowercase(), file.clone()) {
            err(
                diags,
                &["id"],
                msg!(says::MARKET_ID_TAKEN, id = id, file = first.display()),
            );
        }
        let county = counties.get(m.county.as_str()).copied();
        if county.is_none() {
            err(
                diags,
                &["county"],
                msg!(says::COUNTY_UNKNOWN, county = m.county),
            );
        }
        if !(-90.0..=90.0).contains(&m.location.lat) || !(-180.0..=180.0).contains(&m.location.lon)
        {
            err(diags, &["location"], msg!(says::MARKET_LAT_LON));
        }
        if let Some(g) = m.grade
            && !(1..=5).contains(&g)
        {
            err(diags, &["grade"], msg!(says::GRADE, grade = g));
        }
        let hours = check_hours(m, file, node, diags);
        let closures = check_closures(m, file, node, diags);
        if m.status == MarketStatus::Operating {
            let missing: Vec<Msg> = REQUIRED_SERVICES
                .iter()
                .filter(|s| !m.services.contains(s))
                .map(|s| service_name(*s))
                .collect();
            if !missing.is_empty() {
                diags.push(Diagnostic::warning(
                    file,
                    node.pos_of(&["services"]),
                    "services",
                    msg!(says::FIVE_FUNCTIONS, missing = Msg::join(missing)),
                ));
            }
            let missing: Vec<Msg> = BASIC_FACILITIES
                .iter()
                .filter(|f| !m.facilities.contains(f))
                .filter_map(|f| facility_name(*f))
                .collect();
            if !missing.is_empty() {
                diags.push(Diagnostic::warning(
                    file,
                    node.pos_of(&["facilities"]),
                    "facilities",
                    msg!(says::FACILITIES, missing = Msg::join(missing)),
                ));
            }
            if m.hours.is_empty() {
                err(diags, &["hours"], msg!(says::NO_HOURS));
            }
        }
        if let Some(d) = m.description.as_deref() {
            super::links::collect(
                &mut site.root_links,
                file,
                node.pos_of(&["description"]),
                "description",
                d,
            );
        }
        let description_html = m.description.as_deref().map(|d| {
            let r = markdown::to_html(d);
            if r.html_removed {
                diags.push(Diagnostic::warning(
                    file,
                    node.pos_of(&["description"]),
                    "description",
                    msg!(says::RAW_HTML_DESCRIPTION),
                ));
            }
            r.html
        });
        checked.push(Market {
            id,
            name: m.name.clone(),
            name_mn: m.name_mn.clone(),
            county: county.unwrap_or(0),
            address: m.address.clone(),
            transit: m.transit.clone(),
            location: m.location,
            status: m.status,
            opened: m.opened,
            grade: m.grade,
            hours,
            closures,
            hotlines: m.hotlines.clone(),
            services: m.services.clone(),
            facilities: m.facilities.clone(),
            operator: m.operator.clone(),
            description_html,
            postings: Vec::new(),
        });
    }
    checked.sort_by(|a, b| (a.county, &a.id).cmp(&(b.county, &b.id)));
    site.markets = checked;
}

/// One of the plan's five functions as the message names it: the key an editor
/// writes, and in Chinese its name.
fn service_name(s: Service) -> Msg {
    match s {
        Service::Waiting => msg!(says::SERVICE_WAITING),
        Service::Postings => msg!(says::SERVICE_POSTINGS),
        Service::Training => msg!(says::SERVICE_TRAINING),
        Service::Rights => msg!(says::SERVICE_RIGHTS),
        Service::Legal => msg!(says::SERVICE_LEGAL),
        other => Msg {
            code: String::new(),
            zh: service_key(other).to_string(),
            en: service_key(other).to_string(),
        },
    }
}

/// A basic facility as the message names it (the four of `BASIC_FACILITIES`).
fn facility_name(f: Facility) -> Option<Msg> {
    Some(match f {
        Facility::Seating => msg!(says::FACILITY_SEATING),
        Facility::Water => msg!(says::FACILITY_WATER),
        Facility::Toilets => msg!(says::FACILITY_TOILETS),
        Facility::InfoBoard => msg!(says::FACILITY_INFO_BOARD),
        _ => return None,
    })
}

pub fn service_key(s: Service) -> &'static str {
    match s {
        Service::Waiting => "waiting",
        Service::Postings => "postings",
        Service::QuickHire => "quick_hire",
        Service::Training => "training",
        Service::Rights => "rights",
        Service::Legal => "legal",
        Service::Guidance => "guidance",
        Service::Assistance => "assistance",
    }
}

fn check_hours(
    m: &MarketFile,
    file: &std::path::Path,
    node: &crate::load::yaml::Node,
    diags: &mut Diagnostics,
) -> Vec<HoursRule> {
    let hours_node = node.get("hours");
    let mut rules = Vec::new();
    for (i, r) in m.hours.iter().enumerate() {
        let pos = hours_node
            .and_then(|n| n.item(i))
            .map(|n| n.pos)
            .unwrap_or(node.pos);
        if r.close <= r.open {
            diags.push(Diagnostic::error(
                file,
                pos,
                format!("hours[{i}]"),
                msg!(says::CLOSES_BEFORE_OPENS, close = r.close, open = r.open),
            ));
            continue;
        }
        for (j, other) in rules.iter().enumerate() {
            let o: &HoursRule = other;
            if o.days.0 & r.days.0 != 0 && r.open < o.close && o.open < r.close {
                diags.push(Diagnostic::error(
                    file,
                    pos,
                    format!("hours[{i}]"),
                    msg!(
                        says::HOURS_OVERLAP,
                        other = j + 1,
                        open = o.open,
                        close = o.close
                    ),
                ));
            }
        }
        rules.push(HoursRule {
            days: r.days,
            open: r.open,
            close: r.close,
        });
    }
    rules
}

fn check_closures(
    m: &MarketFile,
    file: &std::path::Path,
    node: &crate::load::yaml::Node,
    diags: &mut Diagnostics,
) -> Vec<Closure> {
    let list = node.get("closures");
    let mut out: Vec<Closure> = Vec::new();
    for (i, c) in m.closures.iter().enumerate() {
        let pos = list
            .and_then(|n| n.item(i))
            .map(|n| n.pos)
            .unwrap_or(node.pos);
        let path = format!("closures[{i}]");
        let span = match (c.closed, c.open, c.close) {
            (true, None, None) => None,
            (true, _, _) => {
                diags.push(Diagnostic::error(
                    file,
                    pos,
                    path,
                    msg!(says::CLOSED_WITH_HOURS),
                ));
                continue;
            }
            (false, Some(open), Some(close)) if close > open => Some((open, close)),
            (false, Some(open), Some(close)) => {
                diags.push(Diagnostic::error(
                    file,
                    pos,
                    path,
                    msg!(says::CLOSES_BEFORE_OPENS, close = close, open = open),
                ));
                continue;
            }
            _ => {
                diags.push(Diagnostic::error(file, pos, path, msg!(says::CLOSURE_HALF)));
                continue;
            }
        };
        if out.iter().any(|o| o.date == c.date) {
            diags.push(Diagnostic::error(
                file,
                pos,
                format!("closures[{i}].date"),
                msg!(says::DATE_TWICE, date = c.date),
            ));
            continue;
        }
        out.push(Closure {
            date: c.date,
            span,
            note: c.note.clone(),
        });
    }
    out.sort_by_key(|c| c.date);
    out
}
