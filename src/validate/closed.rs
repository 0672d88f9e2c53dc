//! Postings that are no longer open: which keep a page saying so (expired in the last
//! `expired_pages_days`, verified), and the one line `check` gives the feeds whose
//! postings have all expired (instead of a warning a posting, growing every day).

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::records::RawPosting;
use crate::model::Site;
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
        format!(
            "{feeds} 个岗位文件里的 {postings} 个岗位已全部过期，不再发布：运行 gigboard archive 把这些文件移到 content/archive/（{feeds} feed(s) hold only expired postings: `gigboard archive` moves them out of content/jobs/）"
        ),
    ));
}
