//! The market display screens (电子屏): `/kiosk/<market>/`.
//!
//! A screen in the waiting hall shows today's postings to people standing metres away,
//! with nobody at the controls. So the page is landscape (1920×1080), its type is very
//! large, and it runs itself: every posting is rendered, six to a `<section>`
//! ("screenful"); `js/kiosk.js` shows one section at a time and moves on every
//! `kiosk.seconds_per_page` seconds, keeps a clock, and reloads the page every
//! `kiosk.reload_minutes` minutes so a republished site appears on its own (it first
//! checks that the page is reachable, so a network drop never leaves the screen on a
//! browser error page).
//!
//! Without JavaScript every section is shown one under the other, so the screen shows
//! the first screenful; a `<meta http-equiv="refresh">` inside `<noscript>` reloads the
//! page with the same period. It sits in `<noscript>` so that with JavaScript on, only
//! the script's careful reload runs.

use super::Renderer;
use crate::views::{self, HotlineView, MarketView, Shown};
use crate::words::{Hotline, HotlineKind};
use rayon::prelude::*;
use serde::Serialize;

use super::families::Files;

/// Postings per screenful: two rows of three cards at 1920×1080 with very large type.
const PER_SCREEN: usize = 6;

#[derive(Serialize)]
struct Screen<'a> {
    number: usize,
    /// `第 2 / 7 屏`.
    label: String,
    postings: Vec<Card<'a>>,
}

/// One posting on the screen.
#[derive(Serialize)]
struct Card<'a> {
    p: Shown<'a>,
    /// Work starts at the market itself: "here" is shorter than the address.
    at_market: bool,
    /// "今天 07:30" when work starts today.
    start: Option<String>,
}

#[derive(Serialize)]
struct Kiosk<'a> {
    m: &'a MarketView<'a>,
    /// Service, complaint and rights lines: what fits in the screen's footer.
    hotlines: Vec<HotlineView<'a>>,
    screens: Vec<Screen<'a>>,
    count: usize,
    seconds_per_page: u32,
    reload_seconds: u64,
    timezone: &'a str,
    /// 扫码看今日岗位: the market's page, large enough to read from 1.5 m (None without
    /// a base_url).
    qr: Option<String>,
}

/// One screen page per market, including markets with no postings today (the screen
/// then shows the hours and hotlines, and picks up tomorrow's postings on reload).
pub fn screens(r: &Renderer<'_>) -> Files {
    let site = r.site;
    site.markets
        .par_iter()
        .zip(&r.markets)
        .map(|(m, view)| {
            let path = super::print::kiosk_path(&m.id);
            if !r.wants(&path) {
                return Ok(r.planned(&path));
            }
            let chunks: Vec<&[usize]> = m.postings.chunks(PER_SCREEN).collect();
            let total = chunks.len();
            let screens = chunks
                .into_iter()
                .enumerate()
                .map(|(i, chunk)| Screen {
                    number: i + 1,
                    label: r
                        .t
                        .get("kiosk_screen_of")
                        .replace("{n}", &(i + 1).to_string())
                        .replace("{m}", &total.to_string()),
                    postings: chunk
                        .iter()
                        .map(|&i| Card {
                            p: r.postings.shown(i),
                            at_market: site.postings[i].place.is_none(),
                            start: super::print::start_text(r, i),
                        })
                        .collect(),
                })
                .collect();
            let data = Kiosk {
                m: view,
                hotlines: footer_hotlines(&m.hotlines, r),
                screens,
                count: m.postings.len(),
                seconds_per_page: site.kiosk.seconds_per_page,
                reload_seconds: u64::from(site.kiosk.reload_minutes) * 60,
                timezone: &site.timezone,
                qr: site.base_url.as_deref().and_then(|base| {
                    crate::outputs::qr::svg(&format!("{base}markets/{}/", m.id)).ok()
                }),
            };
            let title = format!("{} {}", m.name, r.t.get("kiosk"));
            r.page("kiosk.html", &path, &title, None, &data)
        })
        .collect()
}

/// The market's service, complaint and rights lines, or the site's when it has none.
fn footer_hotlines<'a>(own: &'a [Hotline], r: &Renderer<'a>) -> Vec<HotlineView<'a>> {
    let pick = |list: &'a [Hotline]| -> Vec<HotlineView<'a>> {
        let mut chosen: Vec<&'a Hotline> = list
            .iter()
            .filter(|h| {
                matches!(
                    h.kind,
                    HotlineKind::Service | HotlineKind::Complaint | HotlineKind::Rights
                )
            })
            .collect();
        chosen.sort_by_key(|h| h.kind);
        chosen
            .into_iter()
            .flat_map(|h| views::hotlines(std::slice::from_ref(h), r.t))
            .collect()
    };
    let lines = pick(own);
    if lines.is_empty() {
        pick(&r.site.hotlines)
    } else {
        lines
    }
}
