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
pub fn is_vietnamese(s: &str) -> bool {
    let (mut words, mut marked) = (0usize, 0usize);
    // Where the reading is: outside a word, in an unmarked word, in a marked word.
    let (mut in_word, mut word_marked) = (false, false);
    for c in s.chars() {
        if !is_letter(c) {
            in_word = false;
            continue;
        }
        if !in_word {
            (in_word, word_marked) = (true, false);
            words += 1;
        }
        if !word_marked && is_vietnamese_letter(c) {
            word_marked = true;
            marked += 1;
        }
    }
    words > 0 && (marked as f64) >= MIN_VIETNAMESE_SHARE * words as f64
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
