//! The postings that hold each search key, and the files those lists are kept in.
//!
//! A key is one character or a pair of neighbouring characters of a posting's
//! lowercased text (never a space), or a filter (`c=<category>`, `r=<county>`,
//! `k=<pay unit>`, longer than two characters so no text key can equal it). A query
//! term of one or two characters is a key itself; a longer term is covered by pairs
//! and checked against the text (see `js/search.js`).
//!
//! A list is the postings' numbers (their board order, so the first is the best
//! ranked) as gaps from the previous number, each in base 32 with the last digit from
//! one alphabet and the others from a second: `13` (gap 1, gap 3) is two characters,
//! dense lists are mostly one character a posting and compress to a bit or two.
//!
//! Written by hand: no crate makes a script-loadable, substring-capable index for
//! Chinese text that works from `file://` (see the module above).

use rayon::prelude::*;
use std::collections::HashMap;

/// Digits that end a number.
const LAST: &[u8; 32] = b"0123456789abcdefghijklmnopqrstuv";
/// Digits before the last one.
const MORE: &[u8; 32] = b"wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$";

/// A list longer than this (in characters) gets a file of its own, named by its key;
/// the others share the hashed bucket files. At 100,000 postings the longest list is
/// about 60,000 characters and gzips to some 17 KB.
pub const OWN_FILE: usize = 2048;
/// About how many characters of lists a bucket file holds.
const BUCKET: usize = 16 * 1024;

/// Every key's list, sorted by key.
pub struct Lists {
    pub lists: Vec<(String, String)>,
}

/// Where the lists go: the keys with a file of their own, and the buckets.
pub struct Shelves<'l> {
    /// Keys whose list is in `w/<name>.js` (see [`own_name`]), sorted.
    pub own: Vec<&'l (String, String)>,
    /// Bucket `i` holds the lists of the keys whose [`hash`] modulo the number of
    /// buckets is `i`, sorted by key.
    pub buckets: Vec<Vec<&'l (String, String)>>,
}

/// A key of one or two characters (a pair is packed into one number while counting).
type Packed = u64;
const NO_SECOND: u64 = 0xFFFF_FFFF;

fn pack(a: char, b: Option<char>) -> Packed {
    ((a as u64) << 32) | b.map_or(NO_SECOND, |b| b as u64)
}

fn unpack(k: Packed) -> String {
    let first = char::from_u32((k >> 32) as u32);
    let second = char::from_u32((k & NO_SECOND) as u32);
    first.into_iter().chain(second).collect()
}

/// The keys of one text: its characters and pairs, each once.
fn text_keys(text: &str, out: &mut Vec<Packed>) {
    out.clear();
    let lower = text.to_lowercase();
    let mut chars = lower.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        out.push(pack(c, None));
        if let Some(&next) = chars.peek()
            && !next.is_whitespace()
        {
            out.push(pack(c, Some(next)));
        }
    }
    out.sort_unstable();
    out.dedup();
}

impl Lists {
    /// The lists of `count` postings whose text is `text(i)`, with the filter lists
    /// (each already in board order).
    pub fn build(
        count: usize,
        text: impl Fn(usize) -> String + Sync,
        filters: Vec<(String, Vec<usize>)>,
    ) -> Lists {
        const CHUNK: usize = 2048;
        let starts: Vec<usize> = (0..count).step_by(CHUNK).collect();
        // Each chunk counts on its own core; merged in order, every list stays sorted.
        let parts: Vec<HashMap<Packed, Vec<u32>>> = starts
            .par_iter()
            .map(|&start| {
                let mut found: HashMap<Packed, Vec<u32>> = HashMap::new();
                let mut keys = Vec::new();
                for i in start..(start + CHUNK).min(count) {
                    text_keys(&text(i), &mut keys);
                    for &k in &keys {
                        found.entry(k).or_default().push(i as u32);
                    }
                }
                found
            })
            .collect();
        let mut merged: HashMap<Packed, Vec<u32>> = HashMap::new();
        for part in parts {
            for (k, ids) in part {
                merged.entry(k).or_default().extend(ids);
            }
        }
        let mut lists: Vec<(String, String)> = merged
            .into_par_iter()
            .map(|(k, ids)| (unpack(k), encode(ids.iter().map(|&i| i as usize))))
            .chain(
                filters
                    .into_par_iter()
                    .map(|(k, ids)| (k, encode(ids.into_iter()))),
            )
            .collect();
        lists.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Lists { lists }
    }

    /// Long lists on their own, the others in buckets; the number of buckets is a power
    /// of two, so that it changes (and every bucket with it) only when the index doubles.
    pub fn shelve(&self) -> Shelves<'_> {
        let (own, shared): (Vec<_>, Vec<_>) =
            self.lists.iter().partition(|(_, l)| l.len() > OWN_FILE);
        let total: usize = shared.iter().map(|(k, l)| k.len() + l.len() + 6).sum();
        let count = total.div_ceil(BUCKET).max(1).next_power_of_two();
        let mut buckets = vec![Vec::new(); count];
        for entry in shared {
            buckets[hash(&entry.0) as usize % count].push(entry);
        }
        Shelves { own, buckets }
    }
}

/// Numbers in increasing order, as gaps (the first from -1) in base 32.
pub fn encode(ids: impl Iterator<Item = usize>) -> String {
    let mut out = Vec::new();
    let mut digits = Vec::with_capacity(8);
    let mut previous: Option<usize> = None;
    for id in ids {
        let mut gap = match previous {
            Some(p) => id - p,
            None => id + 1,
        };
        previous = Some(id);
        digits.clear();
        digits.push(LAST[gap % 32]);
        gap /= 32;
        while gap > 0 {
            digits.push(MORE[gap % 32]);
            gap /= 32;
        }
        out.extend(digits.iter().rev());
    }
    // Only ASCII digits were pushed.
    String::from_utf8_lossy(&out).into_owned()
}

/// FNV-1a over the key's UTF-16 code units: what `js/search.js` computes in the browser.
pub fn hash(key: &str) -> u32 {
    key.encode_utf16().fold(0x811c_9dc5u32, |h, unit| {
        (h ^ u32::from(unit)).wrapping_mul(0x0100_0193)
    })
}

/// The file name of a key with a file of its own: its code points in hexadecimal,
/// joined by `-` (the same name from one build to the next, whatever else changed).
pub fn own_name(key: &str) -> String {
    key.chars()
        .map(|c| format!("{:x}", c as u32))
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(s: &str) -> Vec<usize> {
        let mut out = Vec::new();
        let (mut value, mut previous) = (0usize, -1i64);
        for b in s.bytes() {
            if let Some(d) = LAST.iter().position(|&x| x == b) {
                previous += (value * 32 + d) as i64;
                out.push(previous as usize);
                value = 0;
            } else if let Some(d) = MORE.iter().position(|&x| x == b) {
                value = value * 32 + d;
            } else {
                panic!("not a digit: {b}");
            }
        }
        out
    }

    #[test]
    fn lists_decode_to_the_numbers_they_were_made_from() {
        for ids in [
            vec![],
            vec![0],
            vec![0, 1, 2, 3],
            vec![31, 32, 33, 1000, 1031, 1032, 99_999, 1_000_000],
        ] {
            let text = encode(ids.iter().copied());
            assert_eq!(decode(&text), ids, "{text}");
        }
        assert_eq!(encode([0, 1, 2].into_iter()), "111");
        // 40 is a gap of 41 from -1: 1 × 32 + 9.
        assert_eq!(encode([40].into_iter()), "x9");
    }

    #[test]
    fn a_text_gives_its_characters_and_pairs_but_no_space() {
        let mut keys = Vec::new();
        text_keys("冷库 AB", &mut keys);
        let mut words: Vec<String> = keys.into_iter().map(unpack).collect();
        words.sort();
        assert_eq!(words, ["a", "ab", "b", "冷", "冷库", "库"]);
    }

    #[test]
    fn lists_are_in_board_order_and_long_ones_get_their_own_file() {
        let texts = ["冷库搬运", "冷库", "搬运工"];
        let many: Vec<usize> = (0..3000).collect();
        let lists = Lists::build(
            texts.len(),
            |i| texts[i].to_string(),
            vec![("r=150102".into(), many)],
        );
        let find = |k: &str| {
            lists
                .lists
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, l)| decode(l))
        };
        assert_eq!(find("冷库"), Some(vec![0, 1]));
        assert_eq!(find("搬运"), Some(vec![0, 2]));
        assert_eq!(find("库搬"), Some(vec![0]));
        assert_eq!(find("工"), Some(vec![2]));
        let shelves = lists.shelve();
        assert_eq!(shelves.own.len(), 1);
        assert_eq!(shelves.own[0].0, "r=150102");
        assert_eq!(shelves.buckets.len(), 1);
        assert_eq!(own_name("冷库"), "51b7-5e93");
    }

    #[test]
    fn the_hash_is_the_one_the_browser_computes() {
        // FNV-1a of "a" (one UTF-16 unit, 0x61), as any FNV table gives it.
        assert_eq!(hash("a"), 0xe40c_292c);
        assert_eq!(hash(""), 0x811c_9dc5);
    }
}
