//! The daily job sheets for the notice board: `/print/<market>/`, `/print/` and the
//! region-wide quick-hire sheet.
//!
//! Market staff print today's sheet every morning and pin it up; many readers are older
//! and read from a distance, and take the number down or scan the code with a phone. So
//! the sheet is its own standalone page (`print.html` with `css/print.css`, not
//! `base.html`): nothing of the screen chrome can print, the type is large and black on
//! white, the table header repeats on every page, no posting is split across pages, and
//! each posting carries a QR code to its page at the site's `base_url`. Without a
//! `base_url` there is no address to encode, and the sheet says so instead. A market pins
//! up one or two pages a day, so the sheet is dense: a compact market block, then each
//! posting one row group (its conditions on a second row beside the code), eight or more
//! to an A4 page.
//!
//! The region-wide quick-hire sheet lives at `/print/all/quick-hires/`: one level deeper
//! than the market sheets (`/print/<id>/`), so no market id can ever collide with it.

use super::{RenderError, Renderer};
use crate::outputs::qr;
use crate::sink::OutFile;
use crate::views::{self, HotlineView, MarketView, Shown};
use crate::words::{Hotline, HotlineKind};
use rayon::prelude::*;
use serde::Serialize;

use super::families::Files;

/// Where the region-wide quick-hire sheet is written (see the module docs).
pub const QUICK_SHEET_PATH: &str = "print/all/quick-hires/index.html";

pub fn sheet_path(market_id: &str) -> String {
    format!("print/{market_id}/index.html")
}

pub fn kiosk_path(market_id: &str) -> String {
    format!("kiosk/{market_id}/index.html")
}

/// One posting on a sheet.
#[derive(Serialize)]
struct SheetRow<'a> {
    p: Shown<'a>,
    /// Inline SVG of the posting's address; None when the site has no base_url.
    qr: Option<String>,
    /// The work starts at the market itself (the posting names no other place), so a
    /// market's sheet says "here" instead of repeating the address from its head.
    at_market: bool,
    /// When work starts, "today 07:30" when it is today.
    start: Option<String>,
}

#[derive(Serialize)]
struct Sheet<'a> {
    heading: &'a str,
    /// None on the region-wide sheet.
    m: Option<&'a MarketView<'a>>,
    /// Today's note of a closure or changed hours (e.g. 元旦休市).
    today_note: Option<String>,
    rows: Vec<SheetRow<'a>>,
    /// Live postings in all; `rows` holds the first `print.max_postings` of them.
    total: usize,
    /// Postings not printed, and where the site lists them all.
    more: usize,
    more_address: String,
    /// Show each posting's market (the region-wide sheet).
    show_market: bool,
    /// 扫码导航: a QR code of the market in 高德 (any phone's camera opens it).
    nav_qr: Option<String>,
    /// The complaint lines repeated at the foot of every printed page.
    complaint: Vec<HotlineView<'a>>,
    has_base_url: bool,
    /// `@page` rules with the running head and the page numbers, already CSS-escaped.
    page_css: String,
    /// Links shown on screen only.
    back_path: String,
    kiosk_path: Option<String>,
}

/// Where a reader finds the postings a sheet had no room for: the page's web address,
/// or its path on the site when there is no `base_url`.
fn address(r: &Renderer<'_>, path: &str) -> String {
    let folder = path.strip_suffix("index.html").unwrap_or(path);
    match &r.site.base_url {
        Some(base) => format!("{base}{folder}"),
        None => format!("/{folder}"),
    }
}

/// Text as a CSS string literal: safe inside `<style>` whatever the content says.
fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push_str("\\a "),
            '<' => out.push_str("\\3c "),
            '>' => out.push_str("\\3e "),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// CSS `content` for a pattern like `第 {n} 页 / 共 {m} 页`: counters for the placeholders.
fn page_counter_content(pattern: &str) -> String {
    let mut parts = Vec::new();
    let mut rest = pattern;
    loop {
        let next = [("{n}", "counter(page)"), ("{m}", "counter(pages)")]
            .into_iter()
            .filter_map(|(key, counter)| rest.find(key).map(|at| (at, key, counter)))
            .min_by_key(|&(at, _, _)| at);
        let Some((at, key, counter)) = next else {
            break;
        };
        if at > 0 {
            parts.push(css_string(&rest[..at]));
        }
        parts.push(counter.to_string());
        rest = &rest[at + key.len()..];
    }
    if !rest.is_empty() || parts.is_empty() {
        parts.push(css_string(rest));
    }
    parts.join(" ")
}

/// The running head (from page 2 on) and the page numbers, as `@page` margin boxes
/// (Chromium 131+; older browsers print no numbers and lose nothing else).
fn page_css(r: &Renderer<'_>, heading: &str) -> String {
    let today = views::day_text(r.site.today, r.t);
    format!(
        "@page {{ @top-left {{ content: {}; }} @top-right {{ content: {}; }} @bottom-center {{ content: {}; }} }}\n@page :first {{ @top-left {{ content: none; }} @top-right {{ content: none; }} }}",
        css_string(heading),
        css_string(&today),
        page_counter_content(r.t.get("print_page_of")),
    )
}

/// When posting `i` (a model index) starts: "今天 07:30" when that is today, else its
/// date and time as everywhere else.
pub(super) fn start_text(r: &Renderer<'_>, i: usize) -> Option<String> {
    match r.site.postings[i].start {
        Some(dt) if dt.0.date() == r.site.today.0 => Some(format!(
            "{} {:02}:{:02}",
            r.t.get("print_today"),
            dt.0.hour(),
            dt.0.minute()
        )),
        _ => r.postings.get(i).start.clone(),
    }
}

/// Complaint and rights lines of `list`, in the usual order.
fn complaint_lines<'a>(list: &'a [Hotline], r: &Renderer<'a>) -> Vec<HotlineView<'a>> {
    let mut lines: Vec<&'a Hotline> = list
        .iter()
        .filter(|h| matches!(h.kind, HotlineKind::Complaint | HotlineKind::Rights))
        .collect();
    lines.sort_by_key(|h| h.kind);
    lines
        .into_iter()
        .flat_map(|h| views::hotlines(std::slice::from_ref(h), r.t))
        .collect()
}

/// The market's own complaint lines, or the site's when the market lists none.
fn complaint_for<'a>(own: &'a [Hotline], r: &Renderer<'a>) -> Vec<HotlineView<'a>> {
    let lines = complaint_lines(own, r);
    if lines.is_empty() {
        complaint_lines(&r.site.hotlines, r)
    } else {
        lines
    }
}

/// The QR code of the posting at model index `i`; None without a base_url.
fn qr_code(r: &Renderer<'_>, i: usize) -> Result<Option<String>, RenderError> {
    let draw = || {
        let Some(base) = r.site.base_url.as_deref() else {
            return Ok(None);
        };
        let url = format!("{base}jobs/{}/", r.site.postings[i].id);
        qr::svg(&url).map(Some).map_err(|e| {
            format!(
                "cannot draw the QR code of {url} for the printed sheets: {e}; is base_url too long?"
            )
        })
    };
    // Kept only when another sheet will show it again: a quick hire (the region-wide
    // sheet) or any posting of a site in several languages.
    let shown_again = r.site.postings[i].quick_hire || !r.site.languages.is_empty();
    let code = if shown_again {
        r.qr_codes.0[i].get_or_init(draw).clone()
    } else {
        draw()
    };
    code.map_err(RenderError::QrCode)
}

/// Every posting's QR code, by model index: drawn at most once per build, however many
/// sheets (its market's, the quick-hire sheet) and languages show it.
pub struct QrCodes(Vec<std::sync::OnceLock<Result<Option<String>, String>>>);

impl QrCodes {
    pub fn new(postings: usize) -> Self {
        QrCodes((0..postings).map(|_| std::sync::OnceLock::new()).collect())
    }
}

/// Every market's sheet, the region-wide quick-hire sheet and the index of sheets.
pub fn sheets(r: &Renderer<'_>) -> Files {
    let site = r.site;
    let rows = |indices: &[usize]| -> Result<Vec<SheetRow<'_>>, RenderError> {
        indices[..indices.len().min(site.print_max)]
            .par_iter()
            .map(|&i| {
                Ok(SheetRow {
                    p: r.postings.shown(i),
                    qr: qr_code(r, i)?,
                    at_market: site.postings[i].place.is_none(),
                    start: start_text(r, i),
                })
            })
            .collect()
    };
    let mut out: Vec<OutFile> = site
        .markets
        .par_iter()
        .zip(&r.markets)
        .map(|(m, view)| {
            let path = sheet_path(&m.id);
            if !r.wants(&path) {
                return Ok(r.planned(&path));
            }
            let title = format!("{} {}", m.name, r.t.get("print_sheet_title"));
            let nav = views::directions::Directions::to(
                m.location.lat,
                m.location.lon,
                &m.name,
                &m.address,
            );
            let nav_qr = qr::svg(&nav.amap).ok();
            let data = Sheet {
                nav_qr,
                heading: &m.name,
                today_note: m.closure_on(site.today).and_then(|c| c.note.clone()),
                rows: rows(&m.postings)?,
                total: m.postings.len(),
                more: m.postings.len().saturating_sub(site.print_max),
                more_address: address(r, &views::market_path(&m.id)),
                show_market: false,
                complaint: complaint_for(&m.hotlines, r),
                has_base_url: site.base_url.is_some(),
                page_css: page_css(r, &m.name),
                back_path: view.path.clone(),
                kiosk_path: Some(kiosk_path(&m.id)),
                m: Some(view),
            };
            r.page("print.html", &path, &title, None, &data)
        })
        .collect::<Files>()?;
    // Grouped by league and market (in site order), so a reader finds the nearby ones.
    let quick: Vec<usize> = site
        .leagues
        .iter()
        .flat_map(|l| &l.markets)
        .flat_map(|&mi| &site.markets[mi].postings)
        .copied()
        .filter(|&i| site.postings[i].quick_hire)
        .collect();
    let heading = r.t.get("print_quick_sheet");
    out.push(if !r.wants(QUICK_SHEET_PATH) {
        r.planned(QUICK_SHEET_PATH)
    } else {
        r.page(
            "print.html",
            QUICK_SHEET_PATH,
            heading,
            None,
            &Sheet {
                heading,
                nav_qr: None,
                m: None,
                today_note: None,
                rows: rows(&quick)?,
                total: quick.len(),
                more: quick.len().saturating_sub(site.print_max),
                more_address: address(r, "index.html"),
                show_market: true,
                complaint: complaint_lines(&site.hotlines, r),
                has_base_url: site.base_url.is_some(),
                page_css: page_css(r, heading),
                back_path: "print/index.html".into(),
                kiosk_path: None,
            },
        )?
    });
    out.push(index(r, quick.len())?);
    Ok(out)
}

#[derive(Serialize)]
struct SheetLink<'a> {
    name: &'a str,
    county: &'a str,
    status: &'a str,
    operating: bool,
    count: usize,
    quick: usize,
    sheet: String,
    kiosk: String,
    poster: String,
    market: String,
}

#[derive(Serialize)]
struct SheetGroup<'a> {
    league: &'a str,
    count: usize,
    markets: Vec<SheetLink<'a>>,
}

#[derive(Serialize)]
struct PrintIndex<'a> {
    groups: Vec<SheetGroup<'a>>,
    quick_path: &'a str,
    quick_count: usize,
    total: usize,
    has_base_url: bool,
    /// How the screens page and reload, in words.
    kiosk_note: String,
}

/// `/print/`: every sheet and screen, by league, with today's counts.
fn index(r: &Renderer<'_>, quick_count: usize) -> Result<OutFile, RenderError> {
    let site = r.site;
    let groups = site
        .leagues
        .iter()
        .filter(|l| !l.markets.is_empty())
        .map(|l| SheetGroup {
            league: &l.name,
            count: l.postings.len(),
            markets: l
                .markets
                .iter()
                .map(|&mi| {
                    let m = &site.markets[mi];
                    SheetLink {
                        name: &m.name,
                        county: &site.counties[m.county].name,
                        status: r.t.get(&format!("status_{}", m.status.key())),
                        operating: m.status == crate::words::MarketStatus::Operating,
                        count: m.postings.len(),
                        quick: m
                            .postings
                            .iter()
                            .filter(|&&i| site.postings[i].quick_hire)
                            .count(),
                        sheet: sheet_path(&m.id),
                        kiosk: kiosk_path(&m.id),
                        poster: super::poster::poster_path(&m.id, false),
                        market: views::market_path(&m.id),
                    }
                })
                .collect(),
        })
        .collect();
    r.page(
        "print_index.html",
        "print/index.html",
        r.t.get("print_index"),
        None,
        &PrintIndex {
            groups,
            quick_path: QUICK_SHEET_PATH,
            quick_count,
            total: site.postings.len(),
            has_base_url: site.base_url.is_some(),
            kiosk_note: r
                .t
                .get("kiosk_intro")
                .replace("{s}", &site.kiosk.seconds_per_page.to_string())
                .replace("{r}", &site.kiosk.reload_minutes.to_string()),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_strings_cannot_break_out() {
        assert_eq!(css_string("市场"), "\"市场\"");
        assert_eq!(css_string("a\"b\\c"), "\"a\\\"b\\\\c\"");
        let s = css_string("</style><script>");
        assert!(!s.contains('<') && !s.contains('>'), "{s}");
    }

    #[test]
    fn page_numbers_become_counters() {
        assert_eq!(
            page_counter_content("第 {n} 页 / 共 {m} 页"),
            "\"第 \" counter(page) \" 页 / 共 \" counter(pages) \" 页\""
        );
        assert_eq!(
            page_counter_content("Page {n} of {m}"),
            "\"Page \" counter(page) \" of \" counter(pages)"
        );
        assert_eq!(page_counter_content("{n}"), "counter(page)");
        assert_eq!(page_counter_content(""), "\"\"");
    }
}
