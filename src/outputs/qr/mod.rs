//! QR codes as inline SVG, for the printed job sheets.
//!
//! A worker reading a sheet pinned on the notice board scans the code to open the
//! posting's page on the phone (and call from there). The code is drawn as vector SVG
//! so it prints sharp at any size; its printed size is set by CSS, not here. The
//! `qrcode` crate makes the codewords; the mask is chosen here (`layout`, `penalty`),
//! deterministically, so the same address always gives the same bytes, as the build's
//! byte-identical output needs.

mod layout;
mod penalty;

use layout::Layout;
use penalty::penalty;
use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::{Color, EcLevel};

/// The quiet zone around the code, in modules (the standard asks for four).
const QUIET: usize = 4;

/// An SVG element (no XML declaration, ready to put inline in HTML) that encodes `url`.
///
/// Error correction level M survives a crease or a pin hole through a module; the
/// four-module quiet zone is drawn in white so a code on a dark board still scans.
/// The element is `aria-hidden`: the same address is a link or text next to it.
///
/// The dark modules are drawn as one path of horizontal strokes one module wide, a
/// stroke per run of dark modules in a row, each after the first reached by a relative
/// move (`M4 4.5h7m3 0h2…`): about half the bytes of a rectangle per run, and a sheet
/// carries dozens of codes.
pub fn svg(url: &str) -> Result<String, qrcode::types::QrError> {
    let (dark, width) = encode(url.as_bytes())?;
    let size = width + 2 * QUIET;
    // Bytes: every character of the path is ASCII.
    let mut path = Vec::with_capacity(width * width / 2);
    for y in 0..width {
        let row = &dark[y * width..(y + 1) * width];
        // Where the pen is after the row's last stroke.
        let mut pen: Option<usize> = None;
        let mut x = 0;
        while x < width {
            if !row[x] {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && row[x] {
                x += 1;
            }
            match pen {
                // The row's first run: to its start, on the middle of the row.
                None => {
                    path.push(b'M');
                    push_num(&mut path, start + QUIET);
                    path.push(b' ');
                    push_num(&mut path, y + QUIET);
                    path.extend_from_slice(b".5h");
                }
                Some(end) => {
                    path.push(b'm');
                    push_num(&mut path, start - end);
                    path.extend_from_slice(b" 0h");
                }
            }
            push_num(&mut path, x - start);
            pen = Some(x);
        }
    }
    Ok(format!(
        r##"<svg class="qr" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="{px}" height="{px}" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/><path fill="none" stroke="#000" d="{path}"/></svg>"##,
        path = std::str::from_utf8(&path).unwrap_or_default(),
        px = size * 4
    ))
}

/// Decimal digits of a small number (a module position), without the formatting
/// machinery: the path of a sheet's codes is thousands of them.
fn push_num(out: &mut Vec<u8>, n: usize) {
    // Positions and run lengths are below 100 but for the widest codes.
    if n >= 100 {
        push_num(out, n / 10);
    } else if n >= 10 {
        out.push(b'0' + (n / 10) as u8);
    }
    out.push(b'0' + (n % 10) as u8);
}

const MASKS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

/// The modules of the QR code of `data` (row by row, `width × width`).
///
/// What `QrCode::with_error_correction_level` does, except the choice of mask: the
/// crate scores the eight masks with all four penalty rules of ISO/IEC 18004, and its
/// finder-pattern rule made QR codes half of the whole build's work. Here the mask is
/// chosen by the three cheap rules (runs, 2×2 blocks, dark balance), which still steer
/// away from the large blank or solid areas that make a code hard to scan; any mask
/// decodes.
fn encode(data: &[u8]) -> Result<(Vec<bool>, usize), qrcode::types::QrError> {
    let (codewords, ec, version) = codewords(data)?;
    let width = usize::try_from(version.width()).unwrap_or(0);
    if let Some(layout) = Layout::of(width) {
        return Ok((layout.best(layout.place(&codewords, &ec)), width));
    }
    let canvas = drawn(&codewords, &ec, version);
    Ok((best_by_canvas(&canvas, width, penalty), width))
}

/// The modules of `canvas` under the mask `score` rates lowest, each mask applied to
/// a copy of the canvas module by module (codes wider than a word).
fn best_by_canvas(canvas: &Canvas, width: usize, score: fn(&[bool], usize) -> u32) -> Vec<bool> {
    let mut best: Option<(u32, Vec<bool>)> = None;
    for mask in MASKS {
        let dark = masked(canvas, mask);
        let s = score(&dark, width);
        if best.as_ref().is_none_or(|(b, _)| s < *b) {
            best = Some((s, dark));
        }
    }
    best.map(|(_, d)| d).unwrap_or_default()
}

/// The data and error correction codewords of `data`, and the code's version.
fn codewords(data: &[u8]) -> Result<(Vec<u8>, Vec<u8>, qrcode::Version), qrcode::types::QrError> {
    let bits = qrcode::bits::encode_auto(data, EcLevel::M)?;
    let version = bits.version();
    let (codewords, ec) = qrcode::ec::construct_codewords(&bits.into_bytes(), version, EcLevel::M)?;
    Ok((codewords, ec, version))
}

/// The crate's drawing of a code: every module drawn, no mask applied yet.
fn drawn(codewords: &[u8], ec: &[u8], version: qrcode::Version) -> Canvas {
    let mut canvas = Canvas::new(version, EcLevel::M);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(codewords, ec);
    canvas
}

/// The code of `data` with every module drawn but no mask applied yet, and its width.
#[cfg(test)]
fn unmasked(data: &[u8]) -> Result<(Canvas, usize), qrcode::types::QrError> {
    let (codewords, ec, version) = codewords(data)?;
    let canvas = drawn(&codewords, &ec, version);
    Ok((canvas, usize::try_from(version.width()).unwrap_or(0)))
}

/// The dark modules of `canvas` under `mask`, row by row.
fn masked(canvas: &Canvas, mask: MaskPattern) -> Vec<bool> {
    let mut c = canvas.clone();
    c.apply_mask(mask);
    c.into_colors()
        .into_iter()
        .map(|m| m == Color::Dark)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://gig.example.org.cn/jobs/hohhot-xincheng-20261127-01/";

    /// Addresses of codes of several sizes: small, tiny, one just under a machine
    /// word wide (version 10) and one wider (version 13).
    pub(super) fn addresses() -> [String; 4] {
        [
            URL.to_string(),
            "https://x.cn/j/1/".to_string(),
            format!("https://x.cn/{}", "a".repeat(200)),
            format!("https://x.cn/{}", "a".repeat(300)),
        ]
    }

    /// What a page embeds: an SVG element (no XML declaration), sized by its modules
    /// with the quiet zone, on a white background a scanner can find the code on, and
    /// hidden from screen readers (the address is written beside it).
    #[test]
    fn is_a_white_svg_element_sized_by_its_modules() {
        let s = svg(URL).expect("a short address fits in a QR code");
        let doc = roxmltree::Document::parse(&s).expect("well-formed XML");
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        assert_eq!(
            root.tag_name().namespace(),
            Some("http://www.w3.org/2000/svg")
        );
        assert!(!s.starts_with("<?xml"), "embedded in HTML, no declaration");
        let (_, width) = encode(URL.as_bytes()).expect("encodes");
        let size = width + 2 * QUIET;
        assert_eq!(
            root.attribute("viewBox"),
            Some(&*format!("0 0 {size} {size}"))
        );
        assert_eq!(root.attribute("aria-hidden"), Some("true"));
        let background = root
            .children()
            .find(|n| n.has_tag_name("rect"))
            .expect("a background");
        assert_eq!(background.attribute("fill"), Some("#fff"));
        assert_eq!(background.attribute("width"), Some(&*size.to_string()));
        assert_eq!(background.attribute("height"), Some(&*size.to_string()));
    }

    #[test]
    fn modules_match_the_crate_but_for_the_mask_choice() {
        // Same version and size as the crate's own encoder.
        let (ours, width) = encode(URL.as_bytes()).expect("encodes");
        let theirs = qrcode::QrCode::with_error_correction_level(URL.as_bytes(), EcLevel::M)
            .expect("encodes");
        assert_eq!(width, theirs.width());
        assert_eq!(ours.len(), width * width);
    }

    /// The modules the path of `svg` paints: each `h` stroke covers the modules of its
    /// row from the pen to its end.
    fn painted(svg: &str, size: usize) -> Vec<bool> {
        let d = svg
            .split(" d=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("a path");
        let mut grid = vec![false; size * size];
        let (mut x, mut y) = (0.0f64, 0.0f64);
        let mut rest = d;
        while let Some(command) = rest.chars().next() {
            let end = rest[1..]
                .find(['M', 'm', 'h'])
                .map_or(rest.len(), |i| i + 1);
            let numbers: Vec<f64> = rest[1..end]
                .split(' ')
                .map(|n| n.parse().expect("a number"))
                .collect();
            match (command, numbers.as_slice()) {
                ('M', [a, b]) => (x, y) = (*a, *b),
                ('m', [a, b]) => (x, y) = (x + a, y + b),
                ('h', [n]) => {
                    assert_eq!(y.fract(), 0.5, "strokes run along a row's middle");
                    let row = y.floor() as usize;
                    for col in x as usize..(x + n) as usize {
                        assert!(!grid[row * size + col], "painted twice");
                        grid[row * size + col] = true;
                    }
                    x += n;
                }
                other => panic!("unexpected path command {other:?}"),
            }
            rest = &rest[end..];
        }
        grid
    }

    #[test]
    fn the_path_paints_exactly_the_dark_modules() {
        for url in &addresses() {
            let (dark, width) = encode(url.as_bytes()).expect("encodes");
            let size = width + 2 * QUIET;
            let grid = painted(&svg(url).expect("encodes"), size);
            for y in 0..size {
                for x in 0..size {
                    let inside =
                        (QUIET..QUIET + width).contains(&x) && (QUIET..QUIET + width).contains(&y);
                    let expected = inside && dark[(y - QUIET) * width + (x - QUIET)];
                    assert_eq!(grid[y * size + x], expected, "{url}: module ({x}, {y})");
                }
            }
        }
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        for n in [0, 7, 10, 42, 99, 100, 305, 12_345] {
            let mut out = Vec::new();
            push_num(&mut out, n);
            assert_eq!(out, n.to_string().into_bytes());
        }
    }

    #[test]
    fn too_long_is_an_error_not_a_panic() {
        let long = "x".repeat(5000);
        assert!(svg(&long).is_err());
    }
}
