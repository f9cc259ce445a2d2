//! Title phrases around a name: "Chủ tịch UBND huyện Can Lộc Đặng Trần Phong",
//! "Nguyễn Khắc Thận, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh phát biểu".
//!
//! A title phrase starts at a title of `data/titles.txt` and runs over words that can stand in
//! a title (lexicon words, capitalised words, acronyms, glue such as "số 2"). Before a name it
//! is the maximal phrase ending at the name; further phrases joined by "," or "-" before it
//! count when they start right after a clause boundary. After a name, phrases joined to it by
//! "," "-" "–" count while each starts with a title; a phrase running straight into another
//! name is that name's title, not this one's.

use super::context::{containing, starting_at, starting_in, Context};
use super::tokens::{Case, Gap};
use std::ops::Range;

/// The title phrases written before the name starting at word `name_start`, in text order.
/// `blocked[i]` marks words of other names.
pub fn before(cx: &Context, name_start: usize, blocked: &[bool]) -> Vec<Range<usize>> {
    let mut roles: Vec<Range<usize>> = Vec::new();
    if name_start == 0 || cx.gap(name_start) != Gap::Space {
        return roles;
    }
    // "Phó Chủ tịch UBND tỉnh, ông Nguyễn Văn A": a title before a comma and an honorific
    // counts when it opens its clause, like a further title of a chain.
    let appositive = cx
        .honorifics
        .iter()
        .find(|h| h.words.end == name_start && cx.gap(h.words.start) == Gap::Comma);
    let (mut end, mut first) = match appositive {
        Some(h) => (h.words.start, false),
        None => (name_start, true),
    };
    let mut adjacent = 0;
    for _ in 0..MAX_CHAIN {
        let start = stretch_back(cx, end, blocked);
        if start == end {
            break;
        }
        let Some(head) = cx
            .first_title_in(start..end)
            .map(|h| with_prefix(cx, h.words.start, start))
        else {
            if let Some(head) = title_across_comma(cx, start, blocked).filter(|_| first) {
                roles.push(head..end);
            }
            break;
        };
        let chained_ok = first || (head == start && starts_clause(cx, start));
        if !chained_ok {
            break;
        }
        let mut parts = split_at_titles(cx, head..end);
        parts.reverse();
        roles.extend(parts);
        if first {
            adjacent = roles.len();
        }
        if head != start || !matches!(cx.gap(start), Gap::Comma | Gap::Dash) {
            break;
        }
        if start > 0 && blocked[start - 1] {
            // "Đinh Trọng Xá-TUV, Bí thư Huyện ủy, đồng chí Nguyễn Văn Nhiễm": the chain
            // follows another name and is that name's.
            roles.truncate(adjacent);
            break;
        }
        end = start;
        first = false;
    }
    roles.reverse();
    roles
}

/// The first word of a title written before the body it belongs to, across a comma, when the
/// body starts at word `body_start` and the title opens its clause: "Phó Trưởng ban Dân vận,
/// Ủy ban Mặt trận Tổ quốc tỉnh Lê Thị A".
fn title_across_comma(cx: &Context, body_start: usize, blocked: &[bool]) -> Option<usize> {
    if cx.gap(body_start) != Gap::Comma || starting_at(&cx.bodies, body_start).is_none() {
        return None;
    }
    let start = stretch_back(cx, body_start, blocked);
    let head = cx
        .first_title_in(start..body_start)
        .map(|h| with_prefix(cx, h.words.start, start))?;
    (head == start && starts_clause(cx, start)).then_some(head)
}

/// The title phrases written after the name ending before word `name_end`, in text order.
pub fn after(cx: &Context, name_end: usize, blocked: &[bool]) -> Vec<Range<usize>> {
    let mut roles: Vec<Range<usize>> = Vec::new();
    let Some(mut start) = first_word_after_name(cx, name_end) else {
        return roles;
    };
    if let Some(kin) = kinship_after_dash(cx, start) {
        roles.push(kin);
        return roles;
    }
    for _ in 0..MAX_CHAIN {
        let stretch_end = stretch_forward(cx, start, blocked);
        if stretch_end == start {
            break;
        }
        if blocked.get(stretch_end).copied().unwrap_or(false) && cx.gap(stretch_end) == Gap::Space {
            break; // the phrase is the next name's title
        }
        if introduces_name(cx, start) {
            break; // "Lê Văn A, ca sĩ Minh Hà": the next person's title
        }
        let end = trim_end(cx, start..stretch_end);
        let headed = cx.title_at(start).is_some()
            || (is_prefix(cx, start) && cx.title_at(start + 1).is_some());
        let gap = cx.gap(start);
        match roles.last_mut() {
            _ if headed => roles.extend(split_at_titles(cx, start..end)),
            Some(last) if gap == Gap::Dash => last.end = end,
            // "hội viên Hội Cựu chiến binh khu phố 5, phường Tân Thuận, quận 7": the units
            // after a comma place the body of the title before them.
            Some(last) if gap == Gap::Comma && starting_at(&cx.place_kinds, start).is_some() => {
                last.end = end
            }
            // "Thiếu uý Nguyễn Văn A - Đội Cảnh sát giao thông số 12": the unit the person
            // serves in, after a dash.
            None if gap == Gap::Dash && starting_at(&cx.bodies, start).is_some() => {
                roles.push(start..end)
            }
            _ => break,
        }
        if stretch_end >= cx.len() || !matches!(cx.gap(stretch_end), Gap::Comma | Gap::Dash) {
            break;
        }
        start = stretch_end;
    }
    roles
}

/// True when a title written in lower case starts at word `start` and two capitalised words
/// that are no title or body follow it: a name with its title ("ca sĩ Minh Hà"), not a unit.
fn introduces_name(cx: &Context, start: usize) -> bool {
    let Some(title) = cx.title_at(start) else {
        return false;
    };
    let capital_name_word = |i: usize| {
        let in_title_or_body = [&cx.titles, &cx.bodies]
            .iter()
            .any(|hits| containing(hits, i).is_some());
        cx.gap(i) == Gap::Space && cx.words.case(i) == Some(Case::Title) && !in_title_or_body
    };
    let next = title.words.end;
    cx.words.case(start) == Some(Case::Lower)
        && capital_name_word(next)
        && capital_name_word(next + 1)
}

/// Kinship words that describe a person by another one ("mẹ Phước", "cha Phước").
const KINSHIP: [&str; 6] = ["mẹ", "cha", "bố", "vợ", "chồng", "con"];

/// "Bà Trần Thị A - mẹ Phước - ...": a kinship word and the capitalised name after a dash.
fn kinship_after_dash(cx: &Context, start: usize) -> Option<Range<usize>> {
    if cx.gap(start) != Gap::Dash || !KINSHIP.contains(&cx.words.folded(start)) {
        return None;
    }
    let mut end = start + 1;
    while end < cx.len()
        && cx.gap(end) == Gap::Space
        && matches!(cx.words.case(end), Some(Case::Title | Case::Caps))
    {
        end += 1;
    }
    (end > start + 1).then_some(start..end)
}

/// Longest stretch of words read as one title phrase; real ones are far shorter.
const MAX_ROLE_WORDS: usize = 30;

/// Most title phrases chained before or after one name.
const MAX_CHAIN: usize = 8;

/// Words written before a title that belong to it: "nguyên Chủ tịch", "quyền Giám đốc".
const TITLE_PREFIXES: [&str; 3] = ["nguyên", "quyền", "tân"];

fn is_prefix(cx: &Context, i: usize) -> bool {
    TITLE_PREFIXES.contains(&cx.words.folded(i))
}

/// `head`, or the word before it when that is a title prefix inside the phrase from `floor`.
fn with_prefix(cx: &Context, head: usize, floor: usize) -> usize {
    if head > floor && is_prefix(cx, head - 1) {
        head - 1
    } else {
        head
    }
}

/// The first word of a title phrase joined to a name by "," "-" or "–", after an optional
/// remark in brackets ("Nguyễn Văn Dũng (thứ 7 tính từ phải qua)- Chủ tịch ..."), or opening
/// the brackets after the name, maybe after an age ("(35 tuổi, thuyền trưởng ...)").
fn first_word_after_name(cx: &Context, name_end: usize) -> Option<usize> {
    if name_end >= cx.len() {
        return None;
    }
    if matches!(cx.gap(name_end), Gap::Comma | Gap::Dash) {
        return Some(name_end);
    }
    let words = &cx.words;
    let from = words.tokens.get(name_end.checked_sub(1)?)?.range.end;
    let rest = words.text.get(from..)?;
    let trimmed = rest.trim_start();
    if !trimmed.starts_with('(') {
        return None;
    }
    if cx.title_at(name_end).is_some() {
        return Some(name_end); // "Nguyễn Văn A (Chủ tịch UBND xã)"
    }
    // "Lê Văn B (35 tuổi, thuyền trưởng tàu cá Hải Long)"
    let after_age = name_end + 2;
    let aged = words.case(name_end) == Some(Case::Number)
        && words.folded(name_end + 1) == "tuổi"
        && cx.gap(after_age) == Gap::Comma;
    if aged && cx.title_at(after_age).is_some() {
        return Some(after_age);
    }
    let close = from + (rest.len() - trimmed.len()) + trimmed.find(')')?;
    let next = words.tokens.iter().position(|t| t.range.start > close)?;
    let between = words.text.get(close + 1..words.tokens[next].range.start)?;
    between.contains(['-', '–', ',']).then_some(next)
}

/// The first word of the longest run of title words ending before `end` (joined by spaces).
fn stretch_back(cx: &Context, end: usize, blocked: &[bool]) -> usize {
    let mut start = end;
    while start > 0
        && end - start < MAX_ROLE_WORDS
        && (start == end || cx.gap(start) == Gap::Space)
        && cx.role_word(start - 1)
        && !blocked[start - 1]
        && !cx.honorific_before(start)
    {
        start -= 1;
    }
    start
}

/// One past the last word of the run of title words starting at `start`.
fn stretch_forward(cx: &Context, start: usize, blocked: &[bool]) -> usize {
    let mut end = start;
    while end < cx.len()
        && end - start < MAX_ROLE_WORDS
        && (end == start || cx.gap(end) == Gap::Space)
        && cx.role_word(end)
        && !blocked[end]
    {
        end += 1;
    }
    end
}

/// True when a title phrase starting at word `i` opens a clause: at the segment's start,
/// after punctuation, or after an honorific.
fn starts_clause(cx: &Context, i: usize) -> bool {
    i == 0 || cx.gap(i) != Gap::Space || cx.honorific_before(i)
}

/// `words` without trailing glue ("và", "số").
fn trim_end(cx: &Context, words: Range<usize>) -> usize {
    let mut end = words.end;
    while end > words.start + 1 && !cx.ends_role(end - 1) {
        end -= 1;
    }
    end
}

/// Cuts a title phrase at every title inside it: "Giám đốc Công an tỉnh Thiếu tướng" gives
/// two roles.
fn split_at_titles(cx: &Context, words: Range<usize>) -> Vec<Range<usize>> {
    let end = trim_end(cx, words.clone());
    let mut cuts: Vec<usize> = starting_in(&cx.titles, words.start + 1..end)
        .iter()
        .map(|h| h.words.start)
        .filter(|&s| !(s == words.start + 1 && is_prefix(cx, words.start)))
        .collect();
    cuts.dedup();
    let mut roles = Vec::new();
    let mut from = words.start;
    for cut in cuts {
        roles.push(from..trim_end(cx, from..cut));
        from = cut;
    }
    roles.push(from..end);
    roles
}

/// The title phrase starting at word `start` after an honorific when no name follows it
/// ("đồng chí Chủ tịch UBND huyện trao ..."): a reference to a person named elsewhere.
pub fn after_honorific(cx: &Context, start: usize, blocked: &[bool]) -> Option<Range<usize>> {
    cx.title_at(start)?;
    let end = stretch_forward(cx, start, blocked);
    let runs_into_name = blocked.get(end).copied().unwrap_or(false) && cx.gap(end) == Gap::Space;
    (!runs_into_name && end > start).then(|| {
        let cut = starting_in(&cx.titles, start + 1..end)
            .first()
            .map_or(end, |h| h.words.start);
        start..trim_end(cx, start..cut)
    })
}
