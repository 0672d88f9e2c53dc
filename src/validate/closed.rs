//! Postings that are no longer open: which keep a page saying so (expired in the last
//! `expired_pages_days`, verified), and the one line `check` gives the feeds whose
//! postings have all expired (instead of a warning a posting, growing every day).

use crate::diag::catalogue::site as says;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::records::RawPosting;
use crate::model::Site;
use crate::msg;
use std::path::Path;

/// A verified posting that expired within the site's `expired_pages_days`: its page
/// stays, saying so (an unverified one never had a page).
pub(super) fn recently_closed(site: &Site, raw: &RawPosting) -> bool {
    let verified = raw.verified.as_ref().is_some_and(|v| v.on <= raw.expires);
    let since = site
        .today
        .0
        .checked_sub(jiff::Span::new().days(i64::from(site.closed_days)))
        .unwrap_or(site.today.0);
    verified && raw.expires.0 >= since
}

/// One line for the feeds whose postings have all expired (`counts`: each feed's
/// postings and expired postings), pointing to `gigboard archive`.
pub fn archivable(counts: impl Iterator<Item = (usize, usize)>, diags: &mut Diagnostics) {
    let (feeds, postings) = counts
        .filter(|&(total, expired)| total > 0 && expired == total)
        .fold((0, 0), |(f, p), (_, expired)| (f + 1, p + expired));
    if feeds == 0 {
        return;
    }
    diags.push(Diagnostic::warning(
        Path::new("content/jobs"),
        crate::diag::Pos::FILE,
        "",
        msg!(says::ALL_EXPIRED_FEEDS, feeds = feeds, postings = postings),
    ));
}
