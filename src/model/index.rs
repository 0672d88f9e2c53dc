//! Indices of the model: postings by market, county, league and category, in board order.

use super::Site;
use std::cmp::Reverse;

/// Sorts postings into board order and fills every index. Called once, after validation.
pub fn build(site: &mut Site) {
    site.postings.sort_by(|a, b| {
        (Reverse(a.quick_hire), Reverse(a.posted), &a.id).cmp(&(
            Reverse(b.quick_hire),
            Reverse(b.posted),
            &b.id,
        ))
    });
    site.pages
        .sort_by(|a, b| (a.weight, &a.slug).cmp(&(b.weight, &b.slug)));
    for (mi, m) in site.markets.iter().enumerate() {
        if let Some(c) = site.counties.get_mut(m.county) {
            c.markets.push(mi);
            let league = c.league;
            if let Some(l) = site.leagues.get_mut(league) {
                l.markets.push(mi);
            }
        }
    }
    for (pi, p) in site.postings.iter().enumerate() {
        site.categories[p.category].postings.push(pi);
        let market = &mut site.markets[p.market];
        market.postings.push(pi);
        let county = &mut site.counties[market.county];
        county.postings.push(pi);
        site.leagues[county.league].postings.push(pi);
    }
}
