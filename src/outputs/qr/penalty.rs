//! The mask penalties of ISO/IEC 18004 the mask is chosen by: N1 (runs of five or
//! more), N2 (2×2 blocks) and N4 (balance), counted with word operations on rows of
//! bits, and module by module for codes wider than a word.

use super::layout::rows;

/// ISO/IEC 18004 penalties N1 (runs of five or more), N2 (2×2 blocks) and N4 (balance).
///
/// Codes of addresses are at most 64 modules wide (version 11): each row is one machine
/// word, and every rule is a few word operations per row (see [`penalty_rows`]). Wider
/// codes take the module-by-module way.
pub(super) fn penalty(dark: &[bool], w: usize) -> u32 {
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
pub(super) fn penalty_rows(rows: &[u64], w: usize) -> u32 {
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
pub(super) fn penalty_by_module(dark: &[bool], w: usize) -> u32 {
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
    use super::super::tests::addresses;
    use super::super::{MASKS, masked, unmasked};
    use super::*;

    #[test]
    fn word_penalty_is_the_module_by_module_penalty() {
        // Every mask of codes of many sizes, and random grids up to 64 wide.
        for url in &addresses() {
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
        let mut rng = crate::test_rng::Rng(7);
        for w in [1, 2, 5, 21, 33, 63, 64] {
            let dark: Vec<bool> = (0..w * w).map(|_| rng.below(3) != 0).collect();
            assert_eq!(penalty(&dark, w), penalty_by_module(&dark, w), "width {w}");
        }
    }
}
