//! Pages that outlive their posting. A QR code on yesterday's printed sheet, or a link
//! shared in a chat, must not end on "page not found": for `expired_pages_days` after a
//! posting expires (and while it is marked 已招满) its address keeps a small page that
//! says so, shows what the posting was, and sends the worker to the market's live
//! postings and phone. It is `noindex`, has no JobPosting, and no list, feed, sitemap
//! or search index names it.

use super::Renderer;
use super::families::{Files, MarketBrief};
use crate::views::{self, PostingView};
use serde::Serialize;

#[derive(Serialize)]
struct ClosedPage<'a> {
    /// Names no day (see `partials/site_nav.html`): the page stays the same file.
    dateless: bool,
    p: PostingView<'a>,
    /// 已招满 (else 已过期).
    filled: bool,
    market: MarketBrief<'a>,
}

pub(super) fn pages(r: &Renderer<'_>) -> Files {
    r.site
        .closed
        .iter()
        .map(|c| {
            let path = views::posting_path(&c.posting.id);
            if !r.wants(&path) {
                return Ok(r.planned(&path));
            }
            let market = &r.markets[c.posting.market];
            let state = r.t.get(if c.filled {
                "posting_filled"
            } else {
                "posting_expired"
            });
            let data = ClosedPage {
                dateless: true,
                p: PostingView::new(r.site, &c.posting, r.t),
                filled: c.filled,
                market: MarketBrief::of(market),
            };
            let title = format!("{state}{}{}", r.t.get("colon"), c.posting.title);
            r.page("posting_closed.html", &path, &title, Some(state), &data)
        })
        .collect()
}
