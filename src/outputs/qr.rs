//! QR codes as inline SVG, for the printed job sheets.
//!
//! A worker reading a sheet pinned on the notice board scans the code to open the
//! posting's page on the phone (and call from there). The code is drawn as vector SVG
//! so it prints sharp at any size; its printed size is set by CSS, not here. The
//! `qrcode` crate chooses the mask deterministically, so the same address always gives
//! the same bytes, as the build's byte-identical output needs.

use qrcode::{Color, EcLevel, QrCode};
use std::fmt::Write as _;

/// The quiet zone around the code, in modules (the standard asks for four).
const QUIET: usize = 4;

/// An SVG element (no XML declaration, ready to put inline in HTML) that encodes `url`.
///
/// Error correction level M survives a crease or a pin hole through a module; the
/// four-module quiet zone is drawn in white so a code on a dark board still scans.
/// The element is `aria-hidden`: the same address is a link or text next to it.
///
/// The dark modules are drawn as one path of horizontal runs in module units (about a
/// quarter of the size of one square per module): a sheet carries dozens of codes.
pub fn svg(url: &str) -> Result<String, qrcode::types::QrError> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M)?;
    let width = code.width();
    let colors = code.to_colors();
    let size = width + 2 * QUIET;
    let mut path = String::with_capacity(width * width / 2);
    for y in 0..width {
        let row = &colors[y * width..(y + 1) * width];
        let mut x = 0;
        while x < width {
            if row[x] == Color::Dark {
                let start = x;
                while x < width && row[x] == Color::Dark {
                    x += 1;
                }
                let _ = write!(
                    path,
                    "M{} {}h{}v1h-{}z",
                    start + QUIET,
                    y + QUIET,
                    x - start,
                    x - start
                );
            } else {
                x += 1;
            }
        }
    }
    Ok(format!(
        r##"<svg class="qr" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="{px}" height="{px}" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/><path fill="#000" d="{path}"/></svg>"##,
        px = size * 4
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
