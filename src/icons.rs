//! Line icons for a market's services and facilities and a posting's working conditions: inline SVG (24 × 24, drawn with
//! `currentColor`), so they need no font or network and print as crisp as the text.
//! They are decorative (`aria-hidden`): the visible label next to each says it all.

/// The SVG drawing (inner elements) for a service or facility key; a plain tick for
/// anything without its own picture.
fn drawing(key: &str) -> &'static str {
    match key {
        "waiting" => r#"<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 3"/>"#,
        "postings" => {
            r#"<rect x="4" y="3" width="16" height="18" rx="2"/><path d="M8 8h8M8 12h8M8 16h5"/>"#
        }
        "quick_hire" => r#"<path d="M13 2 4 14h7l-1 8 9-12h-7z"/>"#,
        "training" => {
            r#"<path d="M3 5h6a3 3 0 0 1 3 3v12a2 2 0 0 0-2-2H3zM21 5h-6a3 3 0 0 0-3 3v12a2 2 0 0 1 2-2h7z"/>"#
        }
        "rights" => {
            r#"<path d="M12 3 4 6v6c0 5 3.5 8 8 9 4.5-1 8-4 8-9V6z"/><path d="m9 12 2 2 4-4"/>"#
        }
        "legal" => {
            r#"<path d="M12 3v18M7 21h10M5 7h14M5 7l-3 6a3 3 0 0 0 6 0zM19 7l-3 6a3 3 0 0 0 6 0z"/>"#
        }
        "guidance" => r#"<circle cx="12" cy="12" r="9"/><path d="m15.5 8.5-2 5-5 2 2-5z"/>"#,
        "assistance" => {
            r#"<path d="M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z"/>"#
        }
        "shelter" => r#"<path d="M3 11 12 4l9 7M6 10v10h12V10"/>"#,
        "heating" => {
            r#"<path d="M12 3c1 4 6 6 6 11a6 6 0 0 1-12 0c0-3 2-5 3-6 0 2 1 3 2 3 0-3 0-5 1-8z"/>"#
        }
        "cooling" => r#"<path d="M12 2v20M3.3 7l17.4 10M3.3 17 20.7 7"/>"#,
        "seating" => r#"<path d="M7 3v18M7 12h10v9M7 16h10"/>"#,
        "desks" => r#"<path d="M2 9h20M5 9v11M19 9v11M8 9v5h8V9"/>"#,
        "water" => r#"<path d="M12 3s-6 7-6 11a6 6 0 0 0 12 0c0-4-6-11-6-11z"/>"#,
        "charging" => r#"<path d="M9 2v5M15 2v5M6 7h12v4a6 6 0 0 1-12 0zM12 17v5"/>"#,
        "parking" => {
            r#"<rect x="3" y="3" width="18" height="18" rx="3"/><path d="M9 17V7h4a3 3 0 0 1 0 6H9"/>"#
        }
        "toilets" => {
            r#"<circle cx="7" cy="4.5" r="1.8"/><path d="M5 8h4v7H8v6H6v-6H5zM12 3v18"/><circle cx="17" cy="4.5" r="1.8"/><path d="M17 8l-3 8h6zM16 16v5M18 16v5"/>"#
        }
        "accessible" => {
            r#"<circle cx="12" cy="4" r="2"/><path d="M12 7v6h5l2 5M12 10h5M9.5 11a5.5 5.5 0 1 0 6 7.5"/>"#
        }
        "meals" => r#"<path d="M3 11h18a9 9 0 0 1-18 0zM8 3v4M12 2v5M16 3v4"/>"#,
        "lodging" => {
            r#"<path d="M3 5v15M3 14h18v6M21 14v-3a3 3 0 0 0-3-3h-8v6"/><circle cx="6.5" cy="10.5" r="1.8"/>"#
        }
        "transport" => {
            r#"<rect x="4" y="3" width="16" height="14" rx="2"/><path d="M4 11h16M7 17v3M17 17v3"/><circle cx="8" cy="14" r=".8"/><circle cx="16" cy="14" r=".8"/>"#
        }
        "safety_gear" => r#"<path d="M4 16a8 8 0 0 1 16 0zM2 16h20v3H2zM12 8V5"/>"#,
        "work_hours" => r#"<circle cx="12" cy="12" r="9"/><path d="M12 7v5h4"/>"#,
        "info_board" => r#"<circle cx="12" cy="12" r="9"/><path d="M12 11v6M12 7.5v.01"/>"#,
        _ => r#"<path d="m5 12 5 5 9-10"/>"#,
    }
}

/// A complete decorative `<svg>` for `key`.
pub fn icon(key: &str) -> String {
    format!(
        r#"<svg class="ico" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">{}</svg>"#,
        drawing(key)
    )
}
