//! The layout of each QR version as rows of bits, so that the codewords' bits are
//! placed and the eight masks applied with word operations.

use super::MASKS;
use super::penalty::penalty_rows;
use qrcode::canvas::{Canvas, Module};
use qrcode::{Color, EcLevel};

/// What every code of one version shares, as rows of bits (bit x of row y is module
/// (x, y)), so that each of the eight masks is three word operations per row instead
/// of a copy of the canvas masked module by module (that was most of a sheet's work).
pub(super) struct Layout {
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
pub(super) fn rows(width: usize, on: impl Fn(usize) -> bool) -> Vec<u64> {
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
    pub(super) fn of(width: usize) -> Option<&'static Layout> {
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
    pub(super) fn place(&self, codewords: &[u8], ec: &[u8]) -> Vec<u64> {
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
    pub(super) fn best(&self, data_dark: Vec<u64>) -> Vec<bool> {
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
pub(super) fn version_of(width: usize) -> qrcode::Version {
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

#[cfg(test)]
mod tests {
    use super::super::{
        best_by_canvas, codewords, encode, masked, penalty::penalty_by_module, unmasked,
    };
    use super::*;

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
}
