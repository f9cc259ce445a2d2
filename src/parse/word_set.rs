//! Small sets of words found together in one byte scan of a short window, where building a
//! substring searcher per word would cost more than the scan.

/// A few words looked for together in one byte scan (at most 16): each byte tells which of
/// them can start there, so only those are compared.
pub(crate) struct WordSet<const N: usize> {
    /// The words, folded.
    words: [&'static str; N],
    /// For each byte, the words (bit `k` for `words[k]`) whose first byte it is.
    starting: [u16; 256],
}

impl<const N: usize> WordSet<N> {
    /// The set of `words` (non-empty, at most 16).
    pub(crate) const fn new(words: [&'static str; N]) -> WordSet<N> {
        assert!(N <= 16, "a word set holds at most 16 words");
        let mut starting = [0u16; 256];
        let mut k = 0;
        while k < N {
            starting[words[k].as_bytes()[0] as usize] |= 1 << k;
            k += 1;
        }
        WordSet { words, starting }
    }

    /// Word `k` of the set.
    pub(crate) fn word(&self, k: usize) -> &'static str {
        self.words[k]
    }

    /// The words `bytes[i..]` starts with, as bits (bit `k` for `words[k]`).
    pub(crate) fn starting_at(&self, bytes: &[u8], i: usize) -> u16 {
        let mut candidates = self.starting[usize::from(bytes[i])];
        let mut found = 0;
        while candidates != 0 {
            let k = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            if bytes[i..].starts_with(self.words[k].as_bytes()) {
                found |= 1 << k;
            }
        }
        found
    }

    /// Every occurrence in `s` of a word of the set: (start, word index), in text order.
    pub(crate) fn occurrences<'a>(
        &'a self,
        s: &'a str,
    ) -> impl Iterator<Item = (usize, usize)> + 'a {
        let bytes = s.as_bytes();
        (0..bytes.len()).flat_map(move |i| {
            let mut found = self.starting_at(bytes, i);
            std::iter::from_fn(move || {
                (found != 0).then(|| {
                    let k = found.trailing_zeros() as usize;
                    found &= found - 1;
                    (i, k)
                })
            })
        })
    }

    /// The start of the last occurrence in `s` of each word (`None` where it has none), in
    /// one backward scan.
    pub(crate) fn last_each(&self, s: &str) -> [Option<usize>; N] {
        let bytes = s.as_bytes();
        let mut last = [None; N];
        let mut missing: u32 = (1 << N) - 1;
        for i in (0..bytes.len()).rev() {
            let mut new = u32::from(self.starting_at(bytes, i)) & missing;
            missing &= !new;
            while new != 0 {
                last[new.trailing_zeros() as usize] = Some(i);
                new &= new - 1;
            }
            if missing == 0 {
                break;
            }
        }
        last
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_word_is_found_last_where_it_starts_last() {
        let set = WordSet::new(["kế hoạch", "ab", "abc", "b"]);
        let ab = "kế hoạch, kế hoạch năm ".len();
        assert_eq!(
            set.last_each("kế hoạch, kế hoạch năm ab"),
            [Some("kế hoạch, ".len()), Some(ab), None, Some(ab + 1)]
        );
        assert_eq!(set.last_each(""), [None; 4]);
        assert_eq!(
            set.occurrences("abc ab").collect::<Vec<_>>(),
            [(0, 1), (0, 2), (1, 3), (4, 1), (5, 3)]
        );
        assert_eq!(set.starting_at(b"abc", 0), 0b0110);
        assert_eq!(set.starting_at(b"abc", 1), 0b1000);
    }
}
