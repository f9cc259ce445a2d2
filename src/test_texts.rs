//! Real texts for the tests that check a fast path against its definition: the corpora under
//! `tests/corpus` and the dev set beside the project (`../shared/devset`, skipped when absent).

use std::path::PathBuf;

/// The texts of every file under each of `dirs` (relative to the crate root, searched
/// recursively); a directory that does not exist gives nothing.
pub fn texts_under(dirs: &[&str]) -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut pending: Vec<PathBuf> = dirs.iter().map(|d| root.join(d)).collect();
    let mut texts = Vec::new();
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                texts.push(text);
            }
        }
    }
    texts
}

/// The dev set's articles (none when `../shared/devset` is absent).
pub const DEVSET: &str = "../shared/devset";

/// The lines of `extra` and of every text of the corpora and the dev set: the inputs of the
/// tests of line readers.
pub fn lines(extra: &[&str]) -> Vec<String> {
    let mut texts: Vec<String> = extra.iter().map(|t| t.to_string()).collect();
    texts.extend(texts_under(&["tests/corpus", DEVSET]));
    let lines = texts
        .iter()
        .flat_map(|text| text.lines().map(str::to_owned));
    lines.collect()
}

/// Every character from U+0080 to U+1FFFF with its UTF-8 bytes: the inputs of the tests of
/// readings of characters off their bytes.
pub fn non_ascii_chars() -> impl Iterator<Item = (char, Vec<u8>)> {
    let chars = (0x80..0x2_0000).filter_map(char::from_u32);
    chars.map(|c| (c, c.to_string().into_bytes()))
}

/// [`lines`], folded.
pub fn folded_lines(extra: &[&str]) -> Vec<String> {
    lines(extra)
        .iter()
        .map(|line| crate::text::fold(line))
        .collect()
}
