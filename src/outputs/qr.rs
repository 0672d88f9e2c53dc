//! QR codes as inline SVG, for the printed job sheets.
//!
//! A worker reading a sheet pinned on the notice board scans the code to open the
//! posting's page on the phone (and call from there). The code is drawn as vector SVG
//! so it prints sharp at any size; its printed size is set by CSS, not here. The
//! `qrcode` crate chooses the mask deterministically, so the same address always gives
//! the same bytes, as the build's byte-identical output needs.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// Pixels per module in the SVG's own coordinates. Only the `viewBox` matters when CSS
/// sizes the image; this keeps the intrinsic size sensible where CSS is missing.
const MODULE_PX: u32 = 4;

/// An SVG element (no XML declaration, ready to put inline in HTML) that encodes `url`.
///
/// Error correction level M survives a crease or a pin hole through a module; the
/// four-module quiet zone is drawn in white so a code on a dark board still scans.
/// The element is `aria-hidden`: the same address is a link or text next to it.
pub fn svg(url: &str) -> Result<String, qrcode::types::QrError> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M)?;
    let image = code
        .render::<svg::Color>()
        .quiet_zone(true)
        .module_dimensions(MODULE_PX, MODULE_PX)
        .dark_color(svg::Color("#000"))
        .light_color(svg::Color("#fff"))
        .build();
    // Inline SVG in HTML takes no XML declaration.
    let body = match image.find("<svg") {
        Some(at) => &image[at..],
        None => image.as_str(),
    };
    Ok(body.replacen(
        "<svg ",
        r#"<svg class="qr" aria-hidden="true" focusable="false" "#,
        1,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://gig.example.org.cn/jobs/hohhot-xincheng-20261127-01/";

    #[test]
    fn is_an_inline_svg_element() {
        let s = svg(URL).expect("a short address fits in a QR code");
        assert!(s.starts_with("<svg "), "{s}");
        assert!(s.contains("<svg"));
        assert!(s.contains("viewBox="));
        assert!(!s.contains("<?xml"));
        assert!(s.ends_with("</svg>"));
    }

    #[test]
    fn same_address_gives_the_same_bytes() {
        let a = svg(URL).expect("encodes");
        let b = svg(URL).expect("encodes");
        assert_eq!(a.as_bytes(), b.as_bytes());
        let other = svg("https://gig.example.org.cn/jobs/other/").expect("encodes");
        assert_ne!(a, other);
    }

    #[test]
    fn too_long_is_an_error_not_a_panic() {
        let long = "x".repeat(5000);
        assert!(svg(&long).is_err());
    }
}
