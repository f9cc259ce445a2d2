//! The command line's work over many files: finding articles in directories and reading them
//! on all cores, in a deterministic order.

pub mod archive;

use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// File extensions read as articles when a directory is given.
const ARTICLE_EXTENSIONS: [&str; 3] = ["txt", "html", "htm"];

/// The files named by `inputs`: files as given, directories walked recursively for article
/// files (extensions in `extensions`), each directory's files sorted by path.
pub fn collect_files(inputs: &[String], extensions: &[&str]) -> Result<Vec<String>, String> {
    let mut files = Vec::new();
    for input in inputs {
        let path = Path::new(input);
        if input != "-" && path.is_dir() {
            let mut found = Vec::new();
            walk(path, extensions, &mut found)?;
            found.sort();
            files.extend(found.into_iter().map(|p| p.to_string_lossy().into_owned()));
        } else {
            files.push(input.clone());
        }
    }
    Ok(files)
}

/// The extensions of article files, for [`collect_files`].
pub fn article_extensions() -> &'static [&'static str] {
    &ARTICLE_EXTENSIONS
}

fn walk(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.is_dir() {
            walk(&path, extensions, out)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// Runs `work` on every file on all cores; results come back in the order of `files`.
pub fn in_parallel<T: Send>(files: &[String], work: impl Fn(&str) -> T + Sync) -> Vec<T> {
    files.par_iter().map(|f| work(f)).collect()
}

/// Runs `work` on batches of up to `size` files on all cores (smaller batches when there
/// would be fewer than threads); the results of the batches come back one list, in the order
/// of `files`.
pub fn in_parallel_batches<T: Send>(
    files: &[String],
    size: usize,
    work: impl Fn(&[String]) -> Vec<T> + Sync,
) -> Vec<T> {
    let per_thread = files.len().div_ceil(rayon::current_num_threads());
    let size = size.min(per_thread).max(1);
    files.par_chunks(size).flat_map_iter(&work).collect()
}

/// `texts` cut into runs of consecutive texts of at most `bytes` in all, each run as long as
/// that allows; a text longer than `bytes` is a run alone.
pub fn size_bounded<'a, 't>(texts: &'a [&'t str], bytes: usize) -> Vec<&'a [&'t str]> {
    let mut runs = Vec::new();
    let (mut start, mut size) = (0, 0);
    for (k, text) in texts.iter().enumerate() {
        if k > start && size + text.len() > bytes {
            runs.push(&texts[start..k]);
            (start, size) = (k, 0);
        }
        size += text.len();
    }
    if start < texts.len() {
        runs.push(&texts[start..]);
    }
    runs
}

/// Reads a file (or standard input for "-") as text; invalid UTF-8 is replaced, not refused.
pub fn read_input(path: &str) -> Result<String, String> {
    use std::io::Read;
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("standard input: {e}"))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| format!("{path}: {e}"))?
    };
    Ok(String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// Writes "N articles in S s (R articles/s, M MB/s)" on standard error.
pub fn report_rate(articles: usize, bytes: usize, elapsed: std::time::Duration) {
    let seconds = elapsed.as_secs_f64().max(1e-9);
    eprintln!(
        "thidua: {articles} articles in {seconds:.3} s ({:.0} articles/s, {:.1} MB/s, {} threads)",
        articles as f64 / seconds,
        bytes as f64 / seconds / 1e6,
        rayon::current_num_threads()
    );
}

#[cfg(test)]
mod tests {
    use super::size_bounded;

    /// Texts, a bound, and the runs expected.
    type Case = (
        &'static [&'static str],
        usize,
        &'static [&'static [&'static str]],
    );

    #[test]
    fn size_bounded_runs_hold_every_text_in_order_within_the_bound() {
        let cases: [Case; 6] = [
            (&[], 10, &[]),
            (&["abc"], 10, &[&["abc"]]),
            (&["abc", "defg", "hij"], 7, &[&["abc", "defg"], &["hij"]]),
            (&["abc", "defg", "hij"], 6, &[&["abc"], &["defg"], &["hij"]]),
            (
                &["a", "longer than the bound", "b", "c"],
                3,
                &[&["a"], &["longer than the bound"], &["b", "c"]],
            ),
            (&["", "", "ab"], 0, &[&["", ""], &["ab"]]),
        ];
        for (texts, bytes, expected) in cases {
            assert_eq!(size_bounded(texts, bytes), expected, "{texts:?} {bytes}");
        }
    }
}
