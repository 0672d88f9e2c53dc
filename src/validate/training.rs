//! Training programmes: dates, the market or address, the subsidies, and what the
//! worker pays. `cost` is required so that a free course says so (`cost: 0`, shown as
//! 免费); a course that costs money is allowed, but the price lives in `cost` — fee
//! wording in the texts (培训费、报名费…) is an error, as on postings.

use super::record::{contact, description, locate, market_ref, text_rules};
use crate::diag::Diagnostics;
use crate::diag::catalogue::records as says;
use crate::load::Located;
use crate::load::events::RawTraining;
use crate::model::Site;
use crate::model::events::Training;
use crate::msg;

pub fn check(site: &Site, r: &Located<RawTraining>, diags: &mut Diagnostics) -> Option<Training> {
    let t = &r.value;
    let before = diags.error_count();
    let (at, id) = locate(r, diags);
    for (field, text) in [
        ("title", &t.title),
        ("trade", &t.trade),
        ("provider", &t.provider),
        ("enrol", &t.enrol),
    ] {
        if text.trim().is_empty() {
            at.error(diags, &[field], msg!(says::EMPTY_FIELD, field = field));
        }
        text_rules(&at, diags, &[field], text);
    }
    for (field, text) in [
        ("schedule", &t.schedule),
        ("duration", &t.duration),
        ("address", &t.address),
    ] {
        if let Some(text) = text {
            text_rules(&at, diags, &[field], text);
        }
    }
    let market = t
        .market
        .as_deref()
        .and_then(|m| market_ref(site, &at, diags, m));
    if t.market.is_none() && t.address.as_deref().is_none_or(|a| a.trim().is_empty()) {
        at.error(diags, &[], msg!(says::COURSE_WHERE));
    }
    if t.end < t.start {
        at.error(
            diags,
            &["end"],
            msg!(says::COURSE_ENDS, end = t.end, start = t.start),
        );
    }
    if !(t.cost.is_finite() && t.cost >= 0.0) {
        at.error(diags, &["cost"], msg!(says::COURSE_COST));
    }
    let subsidy = t.subsidy.clone().unwrap_or_default();
    for (field, amount) in [("training", subsidy.training), ("living", subsidy.living)] {
        if amount.is_some_and(|a| !(a.is_finite() && a >= 0.0)) {
            at.error(diags, &["subsidy", field], msg!(says::SUBSIDY));
        }
    }
    if let Some(who) = &subsidy.who {
        text_rules(&at, diags, &["subsidy", "who"], who);
    }
    contact(&at, diags, t.contact.as_ref());
    let (description_html, _) = description(&at, diags, t.description.as_deref());
    if diags.error_count() > before {
        return None;
    }
    Some(Training {
        id,
        title: t.title.trim().to_string(),
        trade: t.trade.trim().to_string(),
        provider: t.provider.clone(),
        market,
        address: t.address.clone().filter(|a| !a.trim().is_empty()),
        schedule: t.schedule.clone(),
        start: t.start,
        end: t.end,
        duration: t.duration.clone(),
        cost: t.cost,
        subsidy_training: subsidy.training.filter(|a| *a > 0.0),
        subsidy_living: subsidy.living.filter(|a| *a > 0.0),
        subsidy_who: subsidy.who,
        enrol: t.enrol.clone(),
        contact_name: t.contact.as_ref().and_then(|c| c.name.clone()),
        contact_phone: t.contact.as_ref().map(|c| c.phone.clone()),
        description_html,
    })
}
