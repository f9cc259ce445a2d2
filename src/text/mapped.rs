//! A string built piece by piece, remembering where each byte came from in the input.

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
