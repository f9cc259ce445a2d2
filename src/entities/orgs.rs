//! Organisations: bodies of `data/bodies.txt` with what completes their name ("UBND huyện
//! Quỳnh Phụ", "Cụm thi đua số 1", "Sở Giáo dục và Đào tạo", "Công ty TNHH Minh Phát",
//! "Tập đoàn Vingroup"), and the members listed for an emulation cluster or bloc
//! ("Cụm thi đua số 1 gồm các đơn vị: Can Lộc, TP Hà Tĩnh, ...").

use super::context::{containing, starting_at, Context};
use super::lexicons;
use super::places::unit_name_at;
use super::tokens::{Case, Gap};
use super::{FoundEntity, KeyMap};
use std::ops::Range;

/// Longest organisation name read after an open head ("Công ty TNHH ...").
const MAX_NAME_WORDS: usize = 12;

/// Longest member list read after a cluster's name.
const MAX_LIST_WORDS: usize = 80;

/// Bodies that are too generic to report without a name or a number after them.
const BARE_GENERIC: [&str; 10] = [
    "hội đồng",
    "cụm",
    "khối",
    "cụm thi đua",
    "khối thi đua",
    "thi đua",
    "thi đua khen thưởng",
    "bch",
    "btv",
    "đảng bộ",
];

/// The organisations of the article's segments. `blocked[s][i]` marks words of names.
pub fn find(contexts: &[Context], blocked: &[Vec<bool>]) -> Vec<FoundEntity> {
    let mut orgs: Vec<FoundEntity> = Vec::new();
    let mut index: KeyMap<usize> = KeyMap::default();
    for (cx, blocked) in contexts.iter().zip(blocked) {
        for hit in cx
            .bodies
            .iter()
            .filter(|h| starts_with_capital(cx, h.words.start))
        {
            let fields = lexicons::bodies().fields(hit.entry);
            let kind = fields.get(1).copied().unwrap_or("organization");
            if kind == "award" || kind == "suffix" {
                continue;
            }
            let open = fields.get(2) == Some(&"open");
            let Some(words) = complete(cx, hit.words.clone(), open, blocked) else {
                continue;
            };
            let members = if kind == "cluster" {
                members_after(cx, words.end)
            } else {
                Vec::new()
            };
            add(&mut orgs, &mut index, cx, words, kind, members);
        }
    }
    orgs
}

fn starts_with_capital(cx: &Context, i: usize) -> bool {
    matches!(
        cx.words.case(i),
        Some(Case::Title | Case::Caps | Case::Acronym)
    )
}

/// The whole name of the body hit at `words`, or `None` when it names nothing in particular.
fn complete(
    cx: &Context,
    words: Range<usize>,
    open: bool,
    blocked: &[bool],
) -> Option<Range<usize>> {
    let mut end = words.end;
    if open && cx.words.case(words.start) == Some(Case::Caps) {
        return None;
    }
    if open {
        end = proper_name_end(cx, end, blocked);
        if end == words.end {
            return None;
        }
    }
    if cx.words.folded(end) == "số" && cx.words.case(end + 1) == Some(Case::Number) {
        end += 2;
    }
    if let Some(unit) = starting_at(&cx.places, end)
        .filter(|_| cx.gap(end) == Gap::Space && starts_with_capital(cx, end) && !blocked[end])
    {
        end = unit.words.end;
    }
    let body_follows = starting_at(&cx.bodies, end).is_some();
    if let Some(kind) = starting_at(&cx.place_kinds, end).filter(|_| !body_follows) {
        let unit = unit_name_at(cx, kind.words.end, blocked);
        let word = lexicons::place_kinds().fields(kind.entry)[0];
        if cx.gap(end) == Gap::Space && (unit.is_some() || word != "nước") {
            end = unit.map_or(kind.words.end, |n| n.end);
        }
    }
    let generic = || BARE_GENERIC.contains(&cx.words.folded_phrase(words.clone()).as_ref());
    (end > words.end || !generic()).then_some(words.start..end)
}

/// One past the capitalised words, acronyms and "và"/"-" joins naming an organisation.
fn proper_name_end(cx: &Context, start: usize, blocked: &[bool]) -> usize {
    let mut end = start;
    while end < cx.len()
        && end - start < MAX_NAME_WORDS
        && !blocked[end]
        && cx.gap(end) == Gap::Space
    {
        let unit_tail = end > start
            && cx.words.case(end - 1) == Some(Case::Title)
            && starting_at(&cx.places, end - 1).is_some_and(|h| h.words.contains(&end));
        let capital = matches!(cx.words.case(end), Some(Case::Title | Case::Acronym))
            || (end > start && cx.in_name_tail(end))
            || unit_tail;
        let joins = cx.words.folded(end) == "và"
            && matches!(
                cx.words.case(end + 1),
                Some(Case::Title | Case::Caps | Case::Acronym)
            )
            && starting_at(&cx.bodies, end + 1).is_none()
            && end > start;
        if !(capital || joins) {
            break;
        }
        end += 1;
    }
    end
}

/// The members listed after a cluster's name: "(Vũ Quang, Hương Sơn và huyện Kỳ Anh)" or
/// "gồm các đơn vị: Can Lộc, TP Hà Tĩnh, ...".
fn members_after(cx: &Context, end: usize) -> Vec<String> {
    let Some(start) = list_start(cx, end) else {
        return Vec::new();
    };
    let mut members = Vec::new();
    let mut item = start;
    let mut i = start;
    while i < cx.len() && i - start < MAX_LIST_WORDS {
        let is_and = cx.words.folded(i) == "và";
        let member_word = starts_with_capital(cx, i)
            || containing(&cx.place_kinds, i).is_some()
            || containing(&cx.places, i).is_some();
        if is_and || !member_word {
            if i > item {
                members.push(cx.words.phrase(item..i).into_owned());
            }
            if !is_and {
                return members;
            }
            item = i + 1;
        }
        i += 1;
        if i < cx.len() && cx.gap(i) != Gap::Space {
            if i > item {
                members.push(cx.words.phrase(item..i).into_owned());
            }
            if cx.gap(i) != Gap::Comma {
                return members;
            }
            item = i;
        }
    }
    if i > item {
        members.push(cx.words.phrase(item..i).into_owned());
    }
    members
}

/// Where a member list starts after word `end`: after "(" or after "gồm ...:".
fn list_start(cx: &Context, end: usize) -> Option<usize> {
    let words = &cx.words;
    let prev_end = words.tokens.get(end.checked_sub(1)?)?.range.end;
    let next_start = words.tokens.get(end)?.range.start;
    if words.text.get(prev_end..next_start)?.contains('(') {
        return Some(end);
    }
    if words.folded(end) != "gồm" {
        return None;
    }
    let colon = (end + 1..(end + 5).min(cx.len())).find(|&i| {
        words
            .text
            .get(words.tokens[i - 1].range.end..words.tokens[i].range.start)
            .is_some_and(|g| g.contains(':'))
    });
    Some(colon.unwrap_or(end + 1))
}

fn add(
    orgs: &mut Vec<FoundEntity>,
    index: &mut KeyMap<usize>,
    cx: &Context,
    words: Range<usize>,
    kind: &str,
    members: Vec<String>,
) {
    let key = cx.words.folded_phrase(words.clone());
    let range = cx.words.norm_range(words.clone());
    match index.get(key.as_ref()).and_then(|&i| orgs.get_mut(i)) {
        Some(o) => {
            o.mentions.push(range);
            if o.members.is_empty() {
                o.members = members;
            }
        }
        None => {
            let key = key.into_owned();
            index.insert(key.clone(), orgs.len());
            orgs.push(FoundEntity {
                name: cx.words.phrase(words).into_owned(),
                kind: kind.to_string(),
                members,
                mentions: vec![range],
                key,
            });
        }
    }
}
