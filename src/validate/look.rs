//! A bureau's own look, checked: the logo must be a picture among the site's static
//! files, and the brand colour must keep white text on it (and links in it on white)
//! readable — WCAG 2's 4.5:1 for normal text, the ratio named when it falls short.

use crate::diag::catalogue::site as says;
use crate::diag::{Diagnostic, Diagnostics, Msg};
use crate::load::Located;
use crate::load::records::SiteConfig;
use crate::msg;

/// Kinds of picture a browser shows as a logo.
const LOGO_KINDS: [&str; 6] = ["png", "jpg", "jpeg", "svg", "webp", "gif"];

/// `logo`, when it names a picture among the site's static files.
pub fn logo(
    config: &Located<SiteConfig>,
    statics: &[std::path::PathBuf],
    diags: &mut Diagnostics,
) -> Option<String> {
    let given = config.value.logo.as_deref()?.trim().trim_start_matches('/');
    let mut fail = |msg: Msg| {
        diags.push(Diagnostic::error(
            &config.file,
            config.node.pos_of(&["logo"]),
            "logo",
            msg,
        ));
        None
    };
    let path = std::path::Path::new(given);
    let picture = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| LOGO_KINDS.contains(&e.to_ascii_lowercase().as_str()));
    if !picture {
        return fail(msg!(
            says::LOGO_NOT_A_PICTURE,
            value = given,
            kinds = LOGO_KINDS.join(", ")
        ));
    }
    if !statics.iter().any(|s| s == path) {
        return fail(msg!(says::LOGO_MISSING, value = given));
    }
    Some(given.to_string())
}

/// WCAG's contrast the header's white text needs on the brand colour (and links in the
/// brand colour on white): 4.5:1 for normal text.
const MIN_CONTRAST: f64 = 4.5;

/// `brand_color`, when it is a colour white text can be read on.
pub fn brand_color(config: &Located<SiteConfig>, diags: &mut Diagnostics) -> Option<String> {
    let given = config.value.brand_color.as_deref()?.trim();
    let pos = config.node.pos_of(&["brand_color"]);
    let Some(rgb) = parse_hex_color(given) else {
        diags.push(Diagnostic::error(
            &config.file,
            pos,
            "brand_color",
            msg!(says::NOT_A_COLOUR, value = given),
        ));
        return None;
    };
    let ratio = contrast_with_white(rgb);
    if ratio < MIN_CONTRAST {
        diags.push(Diagnostic::error(
            &config.file,
            pos,
            "brand_color",
            msg!(
                says::LOW_CONTRAST,
                value = given,
                ratio = format!("{ratio:.1}"),
                min = MIN_CONTRAST
            ),
        ));
        return None;
    }
    Some(given.to_ascii_lowercase())
}

/// `#rrggbb` as three bytes.
fn parse_hex_color(s: &str) -> Option<[u8; 3]> {
    let hex = s.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// WCAG 2 contrast ratio of white against `rgb`.
fn contrast_with_white(rgb: [u8; 3]) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]);
    1.05 / (l + 0.05)
}
