//! What was odd about the input: empty, HTML, not Vietnamese, no article.

use super::features::word_count_up_to;
use super::{Article, SegmentKind};
use crate::model::Warning;
use crate::text::letters::{is_letter, is_vietnamese_letter};
use crate::text::Text;

/// Share of words with a Vietnamese-only letter below which a text is not Vietnamese
/// (running Vietnamese news has about four words in five marked; English and Chinese none).
const MIN_VIETNAMESE_SHARE: f64 = 0.3;

/// Fewest words of article text (lead, body, captions) for the input to read as an article.
const MIN_ARTICLE_WORDS: usize = 25;

fn warning(code: &str, message: &str) -> Warning {
    Warning {
        code: code.into(),
        message: message.into(),
    }
}

/// The warnings for `article` read from `text`.
pub fn warnings(article: &Article, text: &Text) -> Vec<Warning> {
    let mut out = Vec::new();
    if text.was_html {
        out.push(warning(
            "html",
            "the input was HTML; tags were stripped and the text read",
        ));
    }
    if text.norm.trim().is_empty() {
        out.push(warning("empty", "the input has no text"));
        return out;
    }
    if !is_vietnamese(&text.norm) {
        out.push(warning(
            "not_vietnamese",
            "the input does not read as Vietnamese; results will be poor",
        ));
    }
    if !has_article_words(article) {
        out.push(warning(
            "no_article",
            "the input does not look like a news article (too little article text)",
        ));
    }
    out
}

/// True when the article text (lead, body, captions) has at least [`MIN_ARTICLE_WORDS`]
/// words, counted only that far.
fn has_article_words(article: &Article) -> bool {
    let mut words = 0;
    for s in article
        .segments
        .iter()
        .filter(|s| s.kind != SegmentKind::Title)
    {
        words += word_count_up_to(&s.text, MIN_ARTICLE_WORDS - words);
        if words == MIN_ARTICLE_WORDS {
            return true;
        }
    }
    false
}

/// True when enough words carry a Vietnamese-only letter. Words are runs of letters, so
/// text without spaces (Chinese, Japanese) counts as few long unmarked words, and text
/// without letters (digits, symbols) is not Vietnamese.
///
/// Read a block at a time, and settled as soon as the words already marked are enough even
/// if all the rest were unmarked words: new words are a letter or more apart, so the rest
/// of `n` bytes starts at most `n / 2 + 1` of them. Running Vietnamese is mostly settled
/// about halfway through.
pub fn is_vietnamese(s: &str) -> bool {
    let mut reading = WordCount::default();
    let mut rest = s;
    while !rest.is_empty() {
        let block = crate::text::ceil_char_boundary(rest, VIETNAMESE_BLOCK);
        reading.read(&rest[..block]);
        rest = &rest[block..];
        if enough_marked(reading.marked, reading.words + rest.len() / 2 + 1) {
            return true;
        }
    }
    reading.words > 0 && enough_marked(reading.marked, reading.words)
}

/// True when `marked` words of `words` are at least [`MIN_VIETNAMESE_SHARE`] of them.
fn enough_marked(marked: usize, words: usize) -> bool {
    marked as f64 >= MIN_VIETNAMESE_SHARE * words as f64
}

/// Bytes [`is_vietnamese`] reads between two checks of whether it is settled.
const VIETNAMESE_BLOCK: usize = 512;

/// The words of a text read so far, and those with a Vietnamese-only letter.
#[derive(Debug, Default)]
struct WordCount {
    words: usize,
    marked: usize,
    /// True when the reading is in a word.
    in_word: bool,
    /// True when the word it is in is counted as marked.
    word_marked: bool,
}

impl WordCount {
    /// Reads on through `s`, the text's next characters.
    fn read(&mut self, s: &str) {
        for c in s.chars() {
            if !is_letter(c) {
                self.in_word = false;
                continue;
            }
            if !self.in_word {
                (self.in_word, self.word_marked) = (true, false);
                self.words += 1;
            }
            if !self.word_marked && is_vietnamese_letter(c) {
                self.word_marked = true;
                self.marked += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reading agrees with a count of the words split on other characters than letters
    /// on the corpora and the dev set, their lines, and texts of one character between
    /// Vietnamese and English words.
    #[test]
    fn the_reading_agrees_with_the_reference() {
        let reference = |s: &str| {
            let words: Vec<&str> = s
                .split(|c| !is_letter(c))
                .filter(|w| !w.is_empty())
                .collect();
            let marked = words
                .iter()
                .filter(|w| w.chars().any(is_vietnamese_letter))
                .count();
            !words.is_empty() && (marked as f64) >= MIN_VIETNAMESE_SHARE * words.len() as f64
        };
        let mut texts = crate::test_texts::lines(&[]);
        texts.extend(crate::test_texts::texts_under(&[
            "tests/corpus",
            crate::test_texts::DEVSET,
        ]));
        for (c, _) in crate::test_texts::non_ascii_chars().step_by(7) {
            texts.push(format!("the {c}ệ and{c} xã ủy{c}ban {c}{c} of"));
        }
        // Long texts whose share of marked words crosses the threshold late or never, in
        // blocks of every phase: the reading may only settle early when the rest cannot
        // change the answer.
        for (marked, plain) in [(1, 2), (3, 7), (1, 3), (2, 5), (3, 10)] {
            for words in [100, 170, 300, 1000] {
                let mut text = String::new();
                for k in 0..words {
                    text.push_str(if k % (marked + plain) < marked {
                        "ệ "
                    } else {
                        "the "
                    });
                    if k + 1 == words / 2 {
                        text.push_str(&"x".repeat(k % 7));
                    }
                }
                texts.push(text.clone());
                texts.push(format!("{} {text}", "một ".repeat(words / 3)));
                let marked_first = "một ".repeat(words / 8);
                texts.push(format!("{marked_first}{text}{}", " a".repeat(2 * words)));
            }
        }
        for text in &texts {
            assert_eq!(is_vietnamese(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn vietnamese_is_told_from_other_languages() {
        assert!(is_vietnamese(
            "Chiều 29/12, tại Can Lộc, Cụm thi đua số 1 tổ chức hội nghị tổng kết."
        ));
        assert!(!is_vietnamese(
            "The provincial emulation council held its annual review meeting on Monday."
        ));
        assert!(!is_vietnamese("省委书记出席了年度总结会议并发表讲话。"));
    }
}
