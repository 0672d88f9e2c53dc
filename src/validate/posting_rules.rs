//! The rules a posting's pay and texts must meet: pay that is positive and not under
//! the county's wage floor, piece rates that say what a piece is, a real phone number,
//! and the worker-protection rules on every published text.

use super::record::At;
use super::rules;
use crate::diag::Diagnostics;
use crate::diag::Msg;
use crate::diag::catalogue::records as says;
use crate::load::records::RawPosting;
use crate::model::{PayModel, Site};
use crate::msg;
use crate::words::PayUnit;

pub(super) fn check_pay(
    site: &Site,
    ctx: &At<'_>,
    raw: &RawPosting,
    market: Option<usize>,
    diags: &mut Diagnostics,
) -> Option<PayModel> {
    let p = &raw.pay;
    let (min, max) = match (p.amount, p.min, p.max) {
        (Some(a), None, None) => (a, a),
        (None, Some(lo), Some(hi)) => (lo, hi),
        (None, Some(lo), None) => (lo, lo),
        _ => {
            ctx.error(diags, &["pay"], msg!(says::PAY_BOTH));
            return None;
        }
    };
    if !(min > 0.0 && max > 0.0 && min.is_finite() && max.is_finite()) {
        ctx.error(diags, &["pay"], msg!(says::PAY_POSITIVE));
        return None;
    }
    if max < min {
        ctx.error(
            diags,
            &["pay", "max"],
            msg!(says::PAY_RANGE, max = max, min = min),
        );
        return None;
    }
    let floor = market
        .and_then(|m| site.markets.get(m))
        .and_then(|m| site.counties.get(m.county))
        .and_then(|c| {
            site.wage
                .as_ref()
                .and_then(|w| w.floor(c.wage_class).map(|f| (w.effective, c, f)))
        });
    if let Some((effective, county, floor)) = floor {
        let (limit, what) = match p.unit {
            PayUnit::Hour => (
                floor.hourly,
                msg!(
                    says::FLOOR_HOURLY,
                    county = county.name,
                    amount = floor.hourly,
                    class = county.wage_class
                ),
            ),
            PayUnit::Month => (
                floor.monthly,
                msg!(
                    says::FLOOR_MONTHLY,
                    county = county.name,
                    amount = floor.monthly,
                    class = county.wage_class
                ),
            ),
            PayUnit::Day => (
                floor.hourly * 4.0,
                msg!(
                    says::FLOOR_DAILY,
                    county = county.name,
                    amount = format!("{:.1}", floor.hourly * 4.0),
                    hourly = floor.hourly
                ),
            ),
            PayUnit::Piece => (0.0, Msg::empty()),
        };
        if min < limit {
            ctx.error(
                diags,
                &["pay"],
                msg!(
                    says::BELOW_FLOOR,
                    min = min,
                    floor = what,
                    effective = effective
                ),
            );
        }
    }
    Some(PayModel {
        min,
        max,
        unit: p.unit,
    })
}

/// Digits of a phone number.
pub fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// The worker-protection rules on every published text of a posting.
pub(super) fn check_texts(ctx: &At<'_>, raw: &RawPosting, diags: &mut Diagnostics) {
    let mut texts: Vec<(&[&str], &str)> = vec![
        (&["title"], raw.title.as_str()),
        (&["employer", "name"], &raw.employer.name),
    ];
    if let Some(r) = &raw.requirements {
        texts.push((&["requirements"], r));
    }
    if let Some(b) = &raw.body {
        texts.push((&["body"], b));
    }
    if let Some(s) = &raw.source {
        texts.push((&["source"], s));
    }
    if let Some(h) = raw.conditions.as_ref().and_then(|c| c.hours.as_deref()) {
        texts.push((&["conditions", "hours"], h));
    }
    if let Some(a) = raw.location.as_ref().and_then(|l| l.address.as_deref()) {
        texts.push((&["location", "address"], a));
    }
    if let Some(n) = raw.contact.as_ref().and_then(|c| c.name.as_deref()) {
        texts.push((&["contact", "name"], n));
    }
    // Shown on the page and in jobs.json as who checked the posting.
    if let Some(v) = &raw.verified {
        texts.push((&["verified", "by"], &v.by));
    }
    for (field, text) in &texts {
        for f in rules::check_text(text) {
            if f.error {
                ctx.error(diags, field, f.message);
            } else {
                ctx.warning(diags, field, f.message);
            }
        }
    }
    // Who recruits must be who they say (人力资源市场暂行条例 第二十四条; 网络招聘服务管理规定
    // 第十五条): a credit code is checked, an agency shows its licence.
    if let Some(problem) = raw
        .employer
        .credit_code
        .as_deref()
        .and_then(super::credit_code::problem)
    {
        ctx.error(diags, &["employer", "credit_code"], problem);
    }
    if raw.employer.kind == crate::words::EmployerKind::Agency
        && raw
            .employer
            .licence
            .as_deref()
            .is_none_or(|l| l.trim().is_empty())
    {
        ctx.error(diags, &["employer", "licence"], msg!(says::AGENCY_LICENCE));
    }
    if let Some(problem) = raw
        .contact
        .as_ref()
        .and_then(|c| super::personal_data::phone_problem(&c.phone))
    {
        ctx.error(diags, &["contact", "phone"], problem);
    }
    if raw.source.as_deref().is_some_and(|s| s.trim().is_empty()) {
        ctx.error(diags, &["source"], msg!(says::REPOST_SOURCE));
    }
    if raw.pay.unit == crate::words::PayUnit::Piece {
        let texts = [
            raw.title.as_str(),
            raw.requirements.as_deref().unwrap_or(""),
            raw.body.as_deref().unwrap_or(""),
        ];
        if !rules::names_piece_unit(&texts) {
            ctx.error(diags, &["pay", "unit"], msg!(says::PIECE_UNIT));
        }
    }
}
