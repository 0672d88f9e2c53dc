//! QR codes as inline SVG, for the printed job sheets.
//!
//! A worker reading a sheet pinned on the notice board scans the code to open the
//! posting's page on the phone (and call from there). The code is drawn as vector SVG
//! so it prints sharp at any size; its printed size is set by CSS, not here. The
//! `qrcode` crate chooses the mask deterministically, so the same address always gives
//! the same bytes, as the build's byte-identical output needs.

use qrcode::canvas::{Canvas, MaskPattern, Module};
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

/// What every code of one version shares, as rows of bits (bit x of row y is module
/// (x, y)), so that each of the eight masks is three word operations per row instead
/// of a copy of the canvas masked module by module (that was most of a sheet's work).
struct Layout {
    width: usize,
    /// The data modules: the ones a mask inverts (the tests read the crate's drawing
    /// through it; building places bits by `order`).
    #[cfg(test)]
    data: Vec<u64>,
    /// For each mask, the data modules it inverts.
    inverts: [Vec<u64>; 8],
    /// For each mask, the dark modules of the function patterns (the format
    /// information that names the mask is one of them).
    patterns: [Vec<u64>; 8],
    /// The data modules (x, y) in the order the codewords' bits fill them.
    order: Vec<(u8, u8)>,
}

/// Versions whose width fits in a machine word (1 to 11: up to 61 modules).
const WORD_VERSIONS: usize = 11;

static LAYOUTS: [std::sync::OnceLock<Layout>; WORD_VERSIONS] =
    [const { std::sync::OnceLock::new() }; WORD_VERSIONS];

/// Rows of bits of a `width`-wide code: bit x of row y is set where `on(y * width + x)`.
fn rows(width: usize, on: impl Fn(usize) -> bool) -> Vec<u64> {
    (0..width)
        .map(|y| {
            (0..width)
                .filter(|&x| on(y * width + x))
                .fold(0u64, |row, x| row | (1 << x))
        })
        .collect()
}

impl Layout {
    /// The layout of a code `width` modules wide, made from the crate's own drawing the
    /// first time it is needed; None for codes wider than a word.
    fn of(width: usize) -> Option<&'static Layout> {
        let index = (width.checked_sub(17)? / 4).checked_sub(1)?;
        let slot = LAYOUTS.get(index)?;
        Some(slot.get_or_init(|| Layout::new(width)))
    }

    fn new(width: usize) -> Layout {
        // The function patterns alone, every other module empty: a mask turns an empty
        // module dark where it inverts, and draws the format information.
        let mut empty = Canvas::new(version_of(width), EcLevel::M);
        empty.draw_all_functional_patterns();
        let is_data: Vec<bool> = (0..width * width)
            .map(|i| empty.get((i % width) as i16, (i / width) as i16) == Module::Empty)
            .collect();
        let masked = MASKS.map(|mask| {
            let mut c = empty.clone();
            c.apply_mask(mask);
            c.into_colors()
        });
        let dark = |m: usize, i: usize| masked[m][i] == Color::Dark;
        Layout {
            width,
            order: placement(width, &is_data),
            #[cfg(test)]
            data: rows(width, |i| is_data[i]),
            inverts: std::array::from_fn(|m| rows(width, |i| is_data[i] && dark(m, i))),
            patterns: std::array::from_fn(|m| rows(width, |i| !is_data[i] && dark(m, i))),
        }
    }

    /// The dark data modules of the code of these codewords (no mask applied yet):
    /// what the crate's `draw_data` draws, bit by bit into the rows.
    fn place(&self, codewords: &[u8], ec: &[u8]) -> Vec<u64> {
        let mut rows = vec![0u64; self.width];
        let bits = codewords
            .iter()
            .chain(ec)
            .flat_map(|byte| (0..8).rev().map(move |bit| byte >> bit & 1 == 1));
        for (&(x, y), dark) in self.order.iter().zip(bits) {
            if dark {
                rows[usize::from(y)] |= 1 << x;
            }
        }
        rows
    }

    /// The dark data modules of `canvas` (data drawn, no mask applied yet).
    #[cfg(test)]
    fn data_dark(&self, canvas: &Canvas) -> Vec<u64> {
        let w = self.width;
        rows(w, |i| canvas.get((i % w) as i16, (i / w) as i16).is_dark())
            .iter()
            .zip(&self.data)
            .map(|(row, data)| row & data)
            .collect()
    }

    /// The code under mask `m` (an index into [`MASKS`]), from its dark data modules.
    fn masked(&self, data_dark: &[u64], m: usize) -> Vec<u64> {
        (0..self.width)
            .map(|y| (data_dark[y] ^ self.inverts[m][y]) | self.patterns[m][y])
            .collect()
    }

    /// The modules of the code whose dark data modules are `data_dark`, under the mask
    /// with the lowest [`penalty`], row by row.
    fn best(&self, data_dark: Vec<u64>) -> Vec<bool> {
        let w = self.width;
        let mut best: Option<(u32, Vec<u64>)> = None;
        for m in 0..MASKS.len() {
            let rows = self.masked(&data_dark, m);
            let score = penalty_rows(&rows, w);
            if best.as_ref().is_none_or(|(b, _)| score < *b) {
                best = Some((score, rows));
            }
        }
        let rows = best.map(|(_, r)| r).unwrap_or_default();
        (0..w * w)
            .map(|i| rows[i / w] >> (i % w) & 1 == 1)
            .collect()
    }
}

/// The version of a code `width` modules wide.
fn version_of(width: usize) -> qrcode::Version {
    qrcode::Version::Normal(i16::try_from((width.saturating_sub(17)) / 4).unwrap_or(1))
}

/// Where the codewords' bits go, in order (ISO/IEC 18004, 7.7.3): up and down
/// two-module-wide columns from the bottom right corner, the right module first, past
/// the vertical timing pattern, skipping every function module. The walk is the one the
/// crate's `draw_data` takes (`DataModuleIter`); a test compares them for every version.
fn placement(width: usize, is_data: &[bool]) -> Vec<(u8, u8)> {
    const TIMING_COLUMN: i32 = 6;
    let w = i32::try_from(width).unwrap_or(0);
    let (mut x, mut y) = (w - 1, w - 1);
    let mut order = Vec::with_capacity(width * width);
    loop {
        let column = if x <= TIMING_COLUMN { x + 1 } else { x };
        if column <= 0 {
            break;
        }
        let at = usize::try_from(y * w + x).unwrap_or(usize::MAX);
        if is_data.get(at) == Some(&true) {
            order.push((x as u8, y as u8));
        }
        match (w - column) % 4 {
            2 if y > 0 => (x, y) = (x + 1, y - 1),
            0 if y < w - 1 => (x, y) = (x + 1, y + 1),
            0 | 2 if x == TIMING_COLUMN + 1 => x -= 2,
            _ => x -= 1,
        }
    }
    order
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

/// ISO/IEC 18004 penalties N1 (runs of five or more), N2 (2×2 blocks) and N4 (balance).
///
/// Codes of addresses are at most 64 modules wide (version 11): each row is one machine
/// word, and every rule is a few word operations per row (see [`penalty_rows`]). Wider
/// codes take the module-by-module way.
fn penalty(dark: &[bool], w: usize) -> u32 {
    if w == 0 || w > 64 {
        return penalty_by_module(dark, w);
    }
    penalty_rows(&rows(w, |i| dark[i]), w)
}

/// [`penalty`] of a code given as rows of bits (bit x of row y is module (x, y)),
/// at most 64 wide.
///
/// A run of `n ≥ 5` modules of one colour scores `n − 2`. Where five modules in a line
/// are alike, a word of "alike with the next" bits has four set bits in a row; a run of
/// `n` holds `n − 4` such places, and one of them starts it, so a line scores the count
/// of such places plus two per start. Columns are counted the same way a whole row at a
/// time: "alike with the module below" is a word per row pair.
fn penalty_rows(rows: &[u64], w: usize) -> u32 {
    let full = if w == 64 { u64::MAX } else { (1u64 << w) - 1 };
    // Bit x of a row's `alike` is set where modules x and x+1 have the same colour.
    let pair = full >> 1;
    let alike = |row: u64| !(row ^ (row >> 1)) & pair;
    let mut score = 0u32;
    for &row in rows {
        let same = alike(row);
        let five = same & (same >> 1) & (same >> 2) & (same >> 3);
        score += five.count_ones() + 2 * (five & !(five << 1)).count_ones();
    }
    // Bit x of `below[y]` is set where modules (x, y) and (x, y + 1) are alike.
    let below: Vec<u64> = rows.windows(2).map(|p| !(p[0] ^ p[1]) & full).collect();
    let mut above = 0u64;
    for four in below.windows(4) {
        let five = four[0] & four[1] & four[2] & four[3];
        score += five.count_ones() + 2 * (five & !above).count_ones();
        above = five;
    }
    // A 2×2 block: alike across in both rows and alike down at x and x + 1.
    for (y, down) in below.iter().enumerate() {
        let blocks = alike(rows[y]) & alike(rows[y + 1]) & down;
        score += 3 * blocks.count_ones();
    }
    let dark_count: u32 = rows.iter().map(|r| r.count_ones()).sum();
    let percent = (dark_count as usize * 100 / (w * w)) as i64;
    score + ((percent - 50).unsigned_abs() as u32 / 5) * 10
}

/// [`penalty`] module by module: for codes wider than a machine word, and as the
/// reference its tests compare with.
fn penalty_by_module(dark: &[bool], w: usize) -> u32 {
    fn runs(score: &mut u32, mut cells: impl Iterator<Item = bool>) {
        let Some(mut last) = cells.next() else { return };
        let mut run = 1u32;
        for c in cells {
            if c == last {
                run += 1;
            } else {
                if run >= 5 {
                    *score += run - 2;
                }
                last = c;
                run = 1;
            }
        }
        if run >= 5 {
            *score += run - 2;
        }
    }
    let mut score = 0u32;
    for line in 0..w {
        runs(&mut score, dark[line * w..(line + 1) * w].iter().copied());
        runs(&mut score, (0..w).map(|i| dark[i * w + line]));
    }
    for y in 0..w.saturating_sub(1) {
        let (top, bottom) = (&dark[y * w..(y + 1) * w], &dark[(y + 1) * w..(y + 2) * w]);
        for x in 0..w - 1 {
            let d = top[x];
            if d == top[x + 1] && d == bottom[x] && d == bottom[x + 1] {
                score += 3;
            }
        }
    }
    let dark_count = dark.iter().filter(|d| **d).count();
    let percent = (dark_count * 100 / dark.len().max(1)) as i64;
    score + ((percent - 50).unsigned_abs() as u32 / 5) * 10
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
    fn modules_match_the_crate_but_for_the_mask_choice() {
        // Same version and size as the crate's own encoder.
        let (ours, width) = encode(URL.as_bytes()).expect("encodes");
        let theirs = qrcode::QrCode::with_error_correction_level(URL.as_bytes(), EcLevel::M)
            .expect("encodes");
        assert_eq!(width, theirs.width());
        assert_eq!(ours.len(), width * width);
    }

    #[test]
    fn word_penalty_is_the_module_by_module_penalty() {
        // Every mask of codes of many sizes, and random grids up to 64 wide.
        for url in [
            URL,
            "https://x.cn/j/1/",
            &format!("https://x.cn/{}", "a".repeat(200)),
        ] {
            let (canvas, w) = unmasked(url.as_bytes()).expect("encodes");
            for mask in MASKS {
                let dark = masked(&canvas, mask);
                assert_eq!(
                    penalty(&dark, w),
                    penalty_by_module(&dark, w),
                    "{url} {mask:?}"
                );
            }
        }
        let mut seed = 7u64;
        for w in [1, 2, 5, 21, 33, 63, 64] {
            let dark: Vec<bool> = (0..w * w)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    !(seed >> 33).is_multiple_of(3)
                })
                .collect();
            assert_eq!(penalty(&dark, w), penalty_by_module(&dark, w), "width {w}");
        }
    }

    /// The mask chosen module by module on copies of the canvas, as before layouts.
    fn encode_by_canvas(data: &[u8]) -> (Vec<bool>, usize) {
        let (canvas, width) = unmasked(data).expect("encodes");
        (best_by_canvas(&canvas, width, penalty_by_module), width)
    }

    #[test]
    fn masks_as_word_operations_equal_the_crates_masking_for_every_version() {
        let mut widths = std::collections::BTreeSet::new();
        for len in (1..=350).step_by(7) {
            let url = "k".repeat(len);
            let (canvas, w) = unmasked(url.as_bytes()).expect("encodes");
            widths.insert(w);
            let Some(layout) = Layout::of(w) else {
                assert!(w > 64, "{w}");
                continue;
            };
            let data_dark = layout.data_dark(&canvas);
            let (codewords, ec, _) = codewords(url.as_bytes()).expect("encodes");
            assert_eq!(layout.place(&codewords, &ec), data_dark, "{len}: placement");
            for (m, mask) in MASKS.into_iter().enumerate() {
                let dark = masked(&canvas, mask);
                let expected = rows(w, |i| dark[i]);
                assert_eq!(layout.masked(&data_dark, m), expected, "{len} {mask:?}");
            }
            assert_eq!(
                encode(url.as_bytes()).expect("encodes"),
                encode_by_canvas(url.as_bytes())
            );
        }
        // Versions 1 to 11 (21 to 61 modules) and some wider ones.
        assert!(
            (21..=61).step_by(4).all(|w| widths.contains(&w)),
            "{widths:?}"
        );
        assert!(widths.iter().any(|&w| w > 64));
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
        for url in [
            URL,
            "https://x.cn/j/1/",
            &format!("https://x.cn/{}", "a".repeat(300)),
        ] {
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
