//! One segment read once: its words and where every lexicon of the stage hits them.

use super::lexicons;
use super::tokens::{Case, Gap, WordHit, Words};
use crate::lexicon::BuildKeyHasher;
use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

/// A segment with the lexicon hits that the people, organisation and place finders share.
#[derive(Debug)]
pub struct Context<'a> {
    /// The words.
    pub words: Words<'a>,
    /// Titles, ranks and memberships.
    pub titles: Vec<WordHit>,
    /// Organisations and organisation heads.
    pub bodies: Vec<WordHit>,
    /// Unit-kind words ("huyện", "TP").
    pub place_kinds: Vec<WordHit>,
    /// Names of administrative units.
    pub places: Vec<WordHit>,
    /// Honorifics.
    pub honorifics: Vec<WordHit>,
    /// Abbreviations.
    pub abbreviations: Vec<WordHit>,
    /// Heads of names that take a person's name, in any case ("trường mầm non", "đường").
    pub named_after: Vec<WordHit>,
    /// `marks[i]`: what word `i` and the gap before it are in, in bits ([`IN_HIT`],
    /// [`IN_NAME`], [`IN_TITLE_OR_BODY`], [`INNER_GAP`]); one more for the last gap.
    marks: Vec<u8>,
}

/// Organisation kinds whose names take a person's name ("Trường THPT Trần Phú", "đường
/// Nguyễn Thái Sơn", "Giải thưởng Lê Văn Thiêm").
const NAMED_AFTER: [&str; 8] = [
    "award",
    "fund",
    "school",
    "company",
    "press",
    "street",
    "institute",
    "hospital",
];

/// [`Context::marks`]: the word lies in a title, body, unit-kind or unit-name hit.
const IN_HIT: u8 = 1;
/// [`Context::marks`]: the word lies in a title or body hit.
const IN_TITLE_OR_BODY: u8 = 2;
/// [`Context::marks`]: the word is named: in a title or body hit, or continuing one in lower
/// case ([`mark_name_tails`]).
const IN_NAME: u8 = 4;
/// [`Context::marks`]: the gap before the word lies inside a title or body hit.
const INNER_GAP: u8 = 8;

/// The hit of `hits` (sorted, non-overlapping, as lexicon hits are) that contains word `i`.
pub fn containing(hits: &[WordHit], i: usize) -> Option<&WordHit> {
    let k = hits.partition_point(|h| h.words.end <= i);
    hits.get(k).filter(|h| h.words.start <= i)
}

/// The hit of `hits` that starts at word `i`.
pub fn starting_at(hits: &[WordHit], i: usize) -> Option<&WordHit> {
    containing(hits, i).filter(|h| h.words.start == i)
}

/// The hit of `hits` that ends just before word `i`.
pub fn ending_at(hits: &[WordHit], i: usize) -> Option<&WordHit> {
    containing(hits, i.checked_sub(1)?).filter(|h| h.words.end == i)
}

/// The hits of `hits` that start inside `words`.
pub fn starting_in(hits: &[WordHit], words: Range<usize>) -> &[WordHit] {
    let from = hits.partition_point(|h| h.words.start < words.start);
    let to = hits
        .partition_point(|h| h.words.start < words.end)
        .max(from);
    &hits[from..to]
}

/// Words that may stand inside a title phrase without being capitalised or in a lexicon.
const GLUE: [&str; 12] = [
    "số",
    "thứ",
    "nhất",
    "hai",
    "ba",
    "thường",
    "trực",
    "phụ",
    "trách",
    "nguyên",
    "quyền",
    "tân",
];

/// Marks the lower-case syllables of organisation names after a title or body: "Nội vụ" in
/// "Trưởng phòng Nội vụ", "Phụ nữ" in "Hội Phụ nữ", "chí Xây dựng" in "Tạp chí Xây dựng Đảng".
/// The words of title and body hits are marked [`IN_NAME`] in `marks`; a lower-case word after
/// a capitalised one (not a unit name) that follows a named word is marked too.
fn mark_name_tails(words: &Words, places: &[WordHit], marks: &mut [u8]) {
    let named = |marks: &[u8], i: usize| marks[i] & IN_NAME != 0;
    let in_place = |i: usize| containing(places, i).is_some();
    for i in 2..words.len() {
        if words.case(i) != Some(Case::Lower)
            || words.gaps[i] != Gap::Space
            || words.gaps[i - 1] != Gap::Space
        {
            continue;
        }
        let capitals_from_named = |marks: &[u8]| {
            (1..i)
                .rev()
                .take_while(|&j| words.case(j) == Some(Case::Title) && words.gaps[j] == Gap::Space)
                .last()
                .is_some_and(|first| {
                    let joined_by_and = first >= 2 && words.folded(first - 1) == "và";
                    (named(marks, first - 1) || (joined_by_and && named(marks, first - 2)))
                        && !in_place(i - 1)
                })
        };
        // Only after a capitalised word, or after a named one in lower case, is there a tail.
        let before = words.case(i - 1);
        let after_capital = before == Some(Case::Title) && capitals_from_named(marks);
        let before_capital =
            before == Some(Case::Lower) && named(marks, i - 1) && capital_ahead(words, i);
        if (after_capital || before_capital) && !ends_name(words.folded(i)) {
            marks[i - 1] |= IN_NAME;
            marks[i] |= IN_NAME;
        }
    }
}

/// True when a capitalised word follows word `i` after at most two more lower-case words,
/// none of which ends a name ("tàu du lịch Hải Âu" after "thuyền trưởng").
fn capital_ahead(words: &Words, i: usize) -> bool {
    (i + 1..i + 4)
        .take_while(|&k| words.gaps.get(k) == Some(&Gap::Space))
        .find(|&k| words.case(k) != Some(Case::Lower) || ends_name(words.folded(k)))
        .is_some_and(|k| words.case(k) == Some(Case::Title))
}

/// Words that end an organisation name rather than continue it ("Đảng có", "Sở Y tế đã"):
/// function words and the first syllables of the verbs that follow a body in the news.
const NOT_NAME_TAIL: [&str; 82] = [
    "có", "đã", "và", "là", "được", "bị", "cho", "của", "tại", "với", "trong", "về", "đến", "dự",
    "phát", "trao", "tặng", "chủ", "cùng", "nhận", "đề", "thì", "sẽ", "đang", "vừa", "cũng", "các",
    "những", "này", "khi", "ghi", "chỉ", "tham", "trình", "ký", "đọc", "nêu", "làm", "đi", "vào",
    "đóng", "đón", "tổ", "tổng", "triển", "thực", "tiếp", "phối", "báo", "công", "giành", "vinh",
    "tuyên", "biểu", "khen", "hoàn", "đạt", "luôn", "vẫn", "chưa", "không", "còn", "đều", "rất",
    "đưa", "ban", "xét", "họp", "lãnh", "gửi", "thăm", "xác", "khẳng", "nhấn", "chia", "giải",
    "nói", "trả", "bày", "mong", "yêu", "thuộc",
];

/// True when `word` (folded) is one of [`NOT_NAME_TAIL`].
fn ends_name(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str, BuildKeyHasher>> = OnceLock::new();
    SET.get_or_init(|| NOT_NAME_TAIL.into_iter().collect())
        .contains(word)
}

impl<'a> Context<'a> {
    /// Reads a segment (`text` starting at `base` in `norm`; `fold` is its folded key).
    pub fn new(text: &'a str, fold: Cow<'a, str>, base: usize) -> Context<'a> {
        let words = Words::new(text, fold, base);
        let [titles, place_kinds, all_bodies, places, honorifics, abbreviations] =
            words.hits(lexicons::segment_lexicons(), lexicons::FROM_LOWER_CASE);
        // A unit kind wins over a body word inside it: "phố" in "thành phố" is no street.
        let all_bodies: Vec<WordHit> = all_bodies
            .into_iter()
            .filter(|h| {
                !containing(&place_kinds, h.words.start).is_some_and(|k| k.words.end >= h.words.end)
            })
            .collect();
        let named_after: Vec<WordHit> = all_bodies
            .iter()
            .filter(|h| {
                let kind = lexicons::bodies().fields(h.entry).get(1).copied();
                kind.is_some_and(|k| NAMED_AFTER.contains(&k))
            })
            .cloned()
            .collect();
        let bodies: Vec<WordHit> = all_bodies
            .into_iter()
            .filter(|h| {
                let open = lexicons::bodies().fields(h.entry).get(2) == Some(&"open");
                let named_next = words.gaps.get(h.words.end) == Some(&Gap::Space)
                    && matches!(
                        words.case(h.words.end),
                        Some(Case::Title | Case::Caps | Case::Acronym)
                    );
                !open || words.case(h.words.start) != Some(Case::Lower) || named_next
            })
            .collect();
        let honorifics: Vec<WordHit> = honorifics
            .into_iter()
            .filter(|h| {
                let i = h.words.start;
                let in_title = containing(&titles, i).is_some();
                !in_title && (words.case(i) == Some(Case::Lower) || words.gaps[i] != Gap::Space)
            })
            .collect();
        let mut marks = vec![0u8; words.len() + 1];
        let mark = |marks: &mut [u8], words: Range<usize>, bits: u8| {
            marks[words].iter_mut().for_each(|m| *m |= bits);
        };
        for hit in place_kinds.iter().chain(&places) {
            mark(&mut marks, hit.words.clone(), IN_HIT);
        }
        for hit in titles.iter().chain(&bodies) {
            mark(
                &mut marks,
                hit.words.clone(),
                IN_HIT | IN_TITLE_OR_BODY | IN_NAME,
            );
            mark(&mut marks, hit.words.start + 1..hit.words.end, INNER_GAP);
        }
        mark_name_tails(&words, &places, &mut marks);
        Context {
            words,
            named_after,
            titles,
            bodies,
            place_kinds,
            places,
            honorifics,
            abbreviations,
            marks,
        }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// The gap before word `i`, reading a gap inside a lexicon entry as a space.
    pub fn gap(&self, i: usize) -> Gap {
        if self.marks.get(i).is_some_and(|m| m & INNER_GAP != 0) {
            Gap::Space
        } else {
            self.words.gaps.get(i).copied().unwrap_or(Gap::Stop)
        }
    }

    /// The title hit starting at word `i`.
    pub fn title_at(&self, i: usize) -> Option<&WordHit> {
        starting_at(&self.titles, i)
    }

    /// The first title hit starting inside `words`.
    pub fn first_title_in(&self, words: Range<usize>) -> Option<&WordHit> {
        starting_in(&self.titles, words).first()
    }

    /// True when word `i` ends an honorific ("ông", "đồng chí") written just before word `i + 1`.
    pub fn honorific_before(&self, i: usize) -> bool {
        self.gap(i) == Gap::Space && ending_at(&self.honorifics, i).is_some()
    }

    /// True when word `i` continues an organisation name in lower case ("vụ" in "Phòng Nội vụ").
    pub fn in_name_tail(&self, i: usize) -> bool {
        self.marks
            .get(i)
            .is_some_and(|m| m & (IN_NAME | IN_TITLE_OR_BODY) == IN_NAME)
    }

    /// True when word `i` lies in a title, body, unit-kind or unit-name hit, or continues an
    /// organisation name ([`Context::in_name_tail`]).
    pub fn in_lexicon(&self, i: usize) -> bool {
        self.marks
            .get(i)
            .is_some_and(|m| m & (IN_HIT | IN_NAME) != 0)
    }

    /// True when word `i` lies in a title, body, unit-kind or unit-name hit itself.
    pub fn in_hit(&self, i: usize) -> bool {
        self.in_lexicon(i) && !self.in_name_tail(i)
    }

    /// True when every word of `words` lies in a title, body, unit-kind, unit-name or honorific
    /// hit that stays inside `words`.
    pub fn covered_within(&self, words: Range<usize>) -> bool {
        let lists = [
            &self.titles,
            &self.bodies,
            &self.place_kinds,
            &self.places,
            &self.honorifics,
        ];
        words.clone().all(|i| {
            lists
                .iter()
                .any(|hits| containing(hits, i).is_some_and(|h| h.words.end <= words.end))
        })
    }

    /// True when word `i` can stand inside a title phrase: in a lexicon, capitalised, an
    /// acronym, glue ("số", "thứ nhất", "và" before a capital) or a number after "số".
    pub fn role_word(&self, i: usize) -> bool {
        let Some(case) = self.words.case(i) else {
            return false;
        };
        if self.in_lexicon(i) || matches!(case, Case::Title | Case::Caps | Case::Acronym) {
            return true;
        }
        let word = self.words.folded(i);
        match case {
            // "số 2", "Vùng 4", "Tiểu đoàn 3", "Quân khu 4"
            Case::Number => {
                i > 0
                    && self.gap(i) == Gap::Space
                    && (self.words.folded(i - 1) == "số"
                        || self.in_lexicon(i - 1)
                        || matches!(self.words.case(i - 1), Some(Case::Title | Case::Caps)))
            }
            _ if word == "và" => {
                self.gap(i + 1) == Gap::Space
                    && matches!(
                        self.words.case(i + 1),
                        Some(Case::Title | Case::Caps | Case::Acronym)
                    )
            }
            _ => GLUE.contains(&word),
        }
    }

    /// True when word `i` may end a title phrase (glue may not).
    pub fn ends_role(&self, i: usize) -> bool {
        let word = self.words.folded(i);
        self.in_lexicon(i) || !(GLUE.contains(&word) || word == "và")
    }
}
