//! People: names of 2–4 capitalised syllables, usually starting with a known surname, with the
//! title phrases written before or after them (see [`super::titles`]).
//!
//! A run of capitalised words can hold a place and a name with nothing between them
//! ("huyện Can Lộc Đặng Trần Phong"): the name starts at a surname and what stands before it
//! must be a known unit, body, title or honorific. A name without a title needs an honorific
//! ("ông Phạm Nhật Vượng") or three syllables; unit names, names inside organisation names
//! ("Trường THPT Lê Quý Đôn"), photo credits and bylines are not people. Mentions of one
//! name merge; "ông Phong" or "đồng chí Chủ tịch UBND huyện" later link to the one person
//! they can mean.

use super::context::Context;
use super::lexicons;
use super::tokens::{Case, Gap};
use super::{titles, FoundPerson};
use crate::text::fold;
use std::ops::Range;

/// Words that introduce a photo credit or a source, not a person of the article.
const CREDITS: [&str; 4] = ["ảnh", "nguồn", "theo", "video"];

/// One name found in a segment.
#[derive(Debug, Clone)]
struct Mention {
    name: String,
    roles: Vec<(String, Range<usize>)>,
    range: Range<usize>,
}

/// The people of the article's segments (`authors`, the bylines, left out), and for each
/// segment which words are parts of names.
pub fn find(contexts: &[Context], authors: &[String]) -> (Vec<FoundPerson>, Vec<Vec<bool>>) {
    let author_keys: Vec<String> = authors.iter().map(|a| key(a)).collect();
    let mut people: Vec<FoundPerson> = Vec::new();
    let mut blocked_by_segment = Vec::with_capacity(contexts.len());
    for cx in contexts {
        let names = names_in(cx);
        let mut blocked = vec![false; cx.len()];
        for name in &names {
            blocked[name.clone()].iter_mut().for_each(|b| *b = true);
        }
        for name in names {
            if let Some(m) = mention(cx, name, &blocked) {
                if !author_keys.contains(&key(&m.name)) {
                    add(&mut people, m);
                }
            }
        }
        blocked_by_segment.push(blocked);
    }
    for (cx, blocked) in contexts.iter().zip(&blocked_by_segment) {
        link_references(cx, blocked, &mut people);
    }
    for person in &mut people {
        person.mentions.sort_by_key(|r| r.start);
    }
    (people, blocked_by_segment)
}

/// The comparison key of a name or title: folded, white space collapsed.
fn key(s: &str) -> String {
    fold(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The plausible names of a segment, as word ranges.
fn names_in(cx: &Context) -> Vec<Range<usize>> {
    let mut names = Vec::new();
    let mut i = 0;
    while i < cx.len() {
        let Some(style @ (Case::Title | Case::Caps)) = cx.words.case(i) else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        while end < cx.len()
            && cx.words.case(end) == Some(style)
            && cx.words.gaps[end] == Gap::Space
            && cx.title_at(end).is_none()
        {
            end += 1;
        }
        if let Some(name) = split_run(cx, i..end).filter(|n| plausible(cx, n.clone())) {
            names.push(name);
        }
        i = end;
    }
    names
}

/// The name at the end of a run of capitalised words, if any: "Can Lộc Đặng Trần Phong"
/// gives "Đặng Trần Phong" because "Can Lộc" is a unit.
fn split_run(cx: &Context, run: Range<usize>) -> Option<Range<usize>> {
    let run_end = run.end;
    let valid = |start: usize| {
        let len = run_end - start;
        (2..=4).contains(&len)
            && (is_surname(cx, start)
                || (len == 3 && is_middle_name(cx, start + 1) && !cx.in_lexicon(start)))
    };
    let after_known_prefix = (run.start + 1..run.end)
        .find(|&s| valid(s) && known_prefix(cx, run.start..s))
        .map(|s| s..run_end);
    after_known_prefix.or_else(|| valid(run.start).then(|| run.clone()))
}

/// True when `words` (before a name in the same capitalised run) are a unit, body, title or
/// honorific; a single word must be a title, body, unit kind or honorific, not a unit name.
fn known_prefix(cx: &Context, words: Range<usize>) -> bool {
    if words.len() == 1 {
        let i = words.start;
        let unit_after_kind = cx.places.iter().any(|h| h.words == (i..i + 1))
            && Context::hit_ending_at(&cx.place_kinds, i).is_some();
        return unit_after_kind
            || cx
                .titles
                .iter()
                .chain(&cx.bodies)
                .chain(&cx.place_kinds)
                .chain(&cx.honorifics)
                .any(|h| h.words == (i..i + 1));
    }
    cx.covered_within(words)
}

fn is_surname(cx: &Context, i: usize) -> bool {
    lexicons::surnames().lookup(cx.words.folded(i)).is_some()
}

fn is_middle_name(cx: &Context, i: usize) -> bool {
    lexicons::middle_names()
        .lookup(cx.words.folded(i))
        .is_some()
}

/// False for what only looks like a name: a unit ("Hà Tĩnh", "xã Lê Lợi"), part of an
/// organisation's name, a title, a photo credit.
fn plausible(cx: &Context, name: Range<usize>) -> bool {
    let gaz = lexicons::gazetteer();
    let after_unit_kind = cx.gap(name.start) == Gap::Space
        && Context::hit_ending_at(&cx.place_kinds, name.start).is_some();
    let is_unit = cx
        .places
        .iter()
        .any(|h| h.words == name && (after_unit_kind || gaz.is_major(h.entry)));
    let inside_lexicon = cx
        .bodies
        .iter()
        .chain(&cx.titles)
        .any(|h| h.words.start <= name.start && h.words.end >= name.end);
    let named_after_body = |end: usize| Context::hit_ending_at(&cx.named_after, end).is_some();
    // "Trường THPT Trần Phú", "Trường THPT chuyên Võ Nguyên Giáp"
    let before = name.start.checked_sub(1);
    let named_after = cx.gap(name.start) == Gap::Space
        && (named_after_body(name.start)
            || before.is_some_and(|b| {
                cx.words.case(b) == Some(Case::Lower)
                    && cx.gap(b) == Gap::Space
                    && named_after_body(b)
            }));
    let credit = name.start > 0 && CREDITS.contains(&cx.words.folded(name.start - 1));
    !(is_unit || inside_lexicon || named_after || credit)
}

/// The mention of `name` with its titles, when it is a person of the article.
fn mention(cx: &Context, name: Range<usize>, blocked: &[bool]) -> Option<Mention> {
    let mut roles = titles::before(cx, name.start, blocked);
    roles.extend(titles::after(cx, name.end, blocked));
    let honorific = cx.honorific_before(name.start);
    // A two-syllable name needs its title right before it ("Tổng Bí thư Tô Lâm"), not a
    // stretch of unknown words ("... Tổ chức Dân tộc Mã Lai").
    let titled_right_before = name
        .start
        .checked_sub(1)
        .is_some_and(|b| cx.in_hit(b) || cx.words.case(b) == Some(Case::Acronym));
    let weak_title = name.len() == 2
        && !honorific
        && !roles.is_empty()
        && roles.iter().all(|r| r.end == name.start)
        && !titled_right_before;
    if weak_title {
        return None;
    }
    let byline = is_byline(cx, &name);
    let untitled_ok = name.len() >= 3 && is_surname(cx, name.start) && !byline;
    if roles.is_empty() && !honorific && !untitled_ok {
        return None;
    }
    Some(Mention {
        name: cx.words.phrase(name.clone()),
        roles: roles
            .into_iter()
            .map(|r| (cx.words.phrase(r.clone()), cx.words.norm_range(r)))
            .collect(),
        range: cx.words.norm_range(name),
    })
}

/// True when the segment is a byline: the name first, then nothing, or a short unit after a
/// dash or comma ("Phan Thị Bích Hạnh - Thanh tra Sở Tài chính"), with no final period.
fn is_byline(cx: &Context, name: &Range<usize>) -> bool {
    let ends_sentence = cx.words.text.trim_end().ends_with(['.', '!', '?', ':']);
    name.start == 0
        && !ends_sentence
        && (name.end == cx.len() || (cx.gap(name.end) != Gap::Space && cx.len() <= name.end + 8))
}

/// Adds a mention to the person of the same name, or as a new person.
fn add(people: &mut Vec<FoundPerson>, m: Mention) {
    let k = key(&m.name);
    let index = match people.iter().position(|p| key(&p.name) == k) {
        Some(i) => i,
        None => {
            people.push(FoundPerson {
                name: m.name,
                ..FoundPerson::default()
            });
            people.len() - 1
        }
    };
    let person = &mut people[index];
    person.mentions.push(m.range);
    for (role, range) in m.roles {
        person.role_ranges.push(range);
        add_role(&mut person.roles, role);
    }
}

/// Adds a title unless a longer one already says it; a longer one replaces a shorter.
fn add_role(roles: &mut Vec<String>, role: String) {
    let k = key(&role);
    if roles.iter().any(|r| key(r).starts_with(&k)) {
        return;
    }
    if let Some(shorter) = roles.iter_mut().find(|r| k.starts_with(&key(r))) {
        *shorter = role;
        return;
    }
    roles.push(role);
}

/// Links "ông Phong", "bà Xuân" and "đồng chí Chủ tịch UBND huyện" to the one person they
/// can mean.
fn link_references(cx: &Context, blocked: &[bool], people: &mut [FoundPerson]) {
    for h in &cx.honorifics {
        let i = h.words.end;
        if i >= cx.len() || blocked[i] || cx.gap(i) != Gap::Space {
            continue;
        }
        let (words, found) = if cx.title_at(i).is_some() {
            let Some(role) = titles::after_honorific(cx, i, blocked) else {
                continue;
            };
            let k = cx.words.folded_phrase(role.clone());
            (role, by_role(people, &k))
        } else if is_capital(cx, i) && !next_is_capital(cx, i) {
            (i..i + 1, by_given_name(people, cx.words.folded(i)))
        } else {
            continue;
        };
        if let Some(p) = found {
            let range = cx.words.norm_range(words);
            if !people[p].mentions.contains(&range) {
                people[p].mentions.push(range);
            }
        }
    }
}

fn next_is_capital(cx: &Context, i: usize) -> bool {
    i + 1 < cx.len() && cx.words.gaps[i + 1] == Gap::Space && is_capital(cx, i + 1)
}

fn is_capital(cx: &Context, i: usize) -> bool {
    matches!(cx.words.case(i), Some(Case::Title | Case::Caps))
}

/// The one person whose last name word is `given` (folded).
fn by_given_name(people: &[FoundPerson], given: &str) -> Option<usize> {
    unique(people, |p| key(&p.name).rsplit(' ').next() == Some(given))
}

/// The one person who holds the title `role` (folded).
fn by_role(people: &[FoundPerson], role: &str) -> Option<usize> {
    unique(people, |p| p.roles.iter().any(|r| key(r) == role))
}

fn unique(people: &[FoundPerson], pred: impl Fn(&FoundPerson) -> bool) -> Option<usize> {
    let mut hits = people.iter().enumerate().filter(|(_, p)| pred(p));
    match (hits.next(), hits.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(text: &str, authors: &[&str]) -> Vec<FoundPerson> {
        let contexts = [Context::new(text, 0)];
        let authors: Vec<String> = authors.iter().map(|a| a.to_string()).collect();
        find(&contexts, &authors).0
    }

    #[test]
    fn later_references_link_to_the_one_person_they_can_mean() {
        let text = "Chủ tịch UBND huyện Can Lộc Đặng Trần Phong chủ trì. Ông Phong cho biết \
                    kết quả. Đồng chí Chủ tịch UBND huyện Can Lộc trao giấy khen.";
        let found = people(text, &[]);
        assert_eq!(found.len(), 1);
        let spans: Vec<&str> = found[0].mentions.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            spans,
            ["Đặng Trần Phong", "Phong", "Chủ tịch UBND huyện Can Lộc"]
        );
    }

    #[test]
    fn an_ambiguous_reference_links_to_nobody() {
        let text = "Ông Nguyễn Văn Hùng, Giám đốc Sở Nội vụ và ông Trần Văn Hùng, Chánh Văn \
                    phòng dự. Ông Hùng phát biểu.";
        let found = people(text, &[]);
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|p| p.mentions.len() == 1));
    }

    #[test]
    fn authors_are_not_people_of_the_article() {
        let text = "Ông Hoàng Văn Long phát biểu.";
        assert!(people(text, &["Hoàng Văn Long"]).is_empty());
        assert_eq!(people(text, &[]).len(), 1);
    }
}
