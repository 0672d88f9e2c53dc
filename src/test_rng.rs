//! A small deterministic random source for the tests that compare a fast way with a
//! plain one on generated inputs (xorshift: the same inputs on every run and machine).

pub struct Rng(pub u64);

impl Rng {
    /// A number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }

    /// Fewer than `max` pieces, each picked from `pieces`, one after another.
    pub fn text(&mut self, pieces: &[&str], max: usize) -> String {
        let n = self.below(max);
        (0..n).map(|_| self.pick(pieces)).collect()
    }
}
