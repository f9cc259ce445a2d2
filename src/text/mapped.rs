//! A string built piece by piece, remembering where each byte came from in the input; and
//! where the bytes of the text later stages read came from ([`Origin`]).

/// A derived string with, for each of its bytes (and one past the end), the UTF-16 offset
/// in the caller's input that byte stands for.
#[derive(Debug, Clone, Default)]
pub struct Mapped {
    /// The derived text.
    pub text: String,
    /// `map[i]` is the input offset of byte `i`; `map[text.len()]` is the end.
    pub map: Vec<u32>,
}

impl Mapped {
    /// An empty string with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Mapped {
        Mapped {
            text: String::with_capacity(capacity),
            map: Vec::with_capacity(capacity + 1),
        }
    }

    /// The input itself, each byte mapped to the UTF-16 offset of its character.
    pub fn identity(input: &str) -> Mapped {
        let mut map = Vec::with_capacity(input.len() + 1);
        let mut at = 0u32;
        let mut char_start = 0u32;
        map.extend(input.bytes().map(|b| {
            // A byte that does not continue a character starts one: it advances the offset by
            // the UTF-16 length of the character before it.
            if b & 0xC0 != 0x80 {
                char_start = at;
                at += if b >= 0xF0 { 2 } else { 1 };
            }
            char_start
        }));
        map.push(at);
        Mapped {
            text: input.to_string(),
            map,
        }
    }

    /// Appends one character standing for the input's `orig_start..`: all its bytes map to
    /// `orig_start` (what [`Mapped::push_str`] does for a one-character piece).
    pub fn push_char(&mut self, c: char, orig_start: u32) {
        let len = c.len_utf8();
        self.map.extend(std::iter::repeat(orig_start).take(len));
        self.text.push(c);
    }

    /// Appends `piece`, which stands for the input's `orig_start..orig_end`. Its first byte
    /// maps to `orig_start`; the others map to `orig_start` too unless the piece has the
    /// same UTF-16 length as the input stretch, in which case they map exactly.
    pub fn push_str(&mut self, piece: &str, orig_start: u32, orig_end: u32) {
        let same_length = piece.encode_utf16().count() as u32 == orig_end - orig_start;
        let mut at = orig_start;
        for c in piece.chars() {
            for _ in 0..c.len_utf8() {
                self.map.push(at);
            }
            if same_length {
                at += c.len_utf16() as u32;
            }
        }
        self.text.push_str(piece);
    }

    /// Closes the map with the input offset one past the last byte.
    pub fn finish(&mut self, orig_end: u32) {
        self.map.push(orig_end);
    }
}

/// Where each byte of `Text::norm` came from in the caller's input, as a UTF-16 offset.
#[derive(Debug, Clone)]
pub enum Origin {
    /// The text is the input itself (most inputs need no clean-up): offsets are counted on
    /// it from the nearest checkpoint, the UTF-16 offset of every [`CHECKPOINT`]-th byte.
    Same(Vec<u32>),
    /// A derived text ([`Mapped::map`]): the offset of each byte, and one past the end.
    Table(Vec<u32>),
}

/// Bytes between two checkpoints of [`Origin::Same`].
pub const CHECKPOINT: usize = 16;

impl Origin {
    /// The origin of `text` when it is the input itself.
    pub fn same(text: &str) -> Origin {
        let mut at = 0u32;
        let mut checkpoints = Vec::with_capacity(text.len() / CHECKPOINT + 1);
        checkpoints.push(0);
        let mut blocks = text.as_bytes().chunks_exact(CHECKPOINT);
        // Whole blocks are counted by a loop of fixed length, which vectorises.
        for block in blocks
            .by_ref()
            .filter_map(|b| <&[u8; CHECKPOINT]>::try_from(b).ok())
        {
            at += u32::from(block.iter().fold(0, |n, &b| n + utf16_units_of(b)));
            checkpoints.push(at);
        }
        if !blocks.remainder().is_empty() {
            at += utf16_units(blocks.remainder());
            checkpoints.push(at);
        }
        Origin::Same(checkpoints)
    }

    /// The UTF-16 offset in the input of byte `at` of `text` (at most `text.len()`): that
    /// of the character the byte belongs to, as in [`Mapped::map`].
    pub fn utf16(&self, text: &str, at: usize) -> u32 {
        match self {
            Origin::Table(map) => map[at],
            Origin::Same(checkpoints) => {
                let at = super::floor_char_boundary(text, at);
                let block = at / CHECKPOINT;
                let from = block * CHECKPOINT;
                checkpoints[block] + utf16_units(&text.as_bytes()[from..at])
            }
        }
    }
}

/// UTF-16 code units of the character that byte `b` starts: none for a continuation byte,
/// two for a 4-byte character, else one.
fn utf16_units_of(b: u8) -> u8 {
    u8::from(b & 0xC0 != 0x80) + u8::from(b >= 0xF0)
}

/// UTF-16 code units of the characters that start in `bytes`: one for each byte that is not
/// a continuation byte, two for a 4-byte character.
fn utf16_units(bytes: &[u8]) -> u32 {
    // Counted in byte-wide sums (at most 2 a byte, 254 a chunk): a loop that vectorises.
    bytes
        .chunks(127)
        .map(|chunk| {
            let units = chunk.iter().fold(0, |n, &b| n + utf16_units_of(b));
            u32::from(units)
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counting from checkpoints gives the offsets the identity map lists, at every byte.
    #[test]
    fn checkpoints_give_the_identity_map() {
        let long = "Hội nghị 😀 thi đua “khen thưởng” 𝔸 ".repeat(9);
        for text in ["", "a", "😀", "ệ😀x", long.as_str(), long.trim_end()] {
            let table = Mapped::identity(text).map;
            let same = Origin::same(text);
            for (at, &expected) in table.iter().enumerate() {
                assert_eq!(same.utf16(text, at), expected, "{text:?} at {at}");
            }
        }
    }
}
