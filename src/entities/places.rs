//! Places: a unit-kind word and a name ("huyện Can Lộc", "TP Hà Tĩnh", "xã Bưng Riềng"),
//! or the bare name of a province, city, district or town from the gazetteer ("Hà Tĩnh").

use super::context::{ending_at, starting_at, Context};
use super::lexicons;
use super::tokens::{Case, Gap};
use super::{FoundEntity, KeyMap};
use std::ops::Range;

/// Unit kinds that name no place of their own ("Phó Chủ tịch nước", "Trung ương").
const NOT_PLACES: [&str; 2] = ["nước", "trung ương"];

/// The places of the article's segments. `blocked[s][i]` marks words of people's names.
pub fn find(contexts: &[Context], blocked: &[Vec<bool>]) -> Vec<FoundEntity> {
    let mut places: Vec<FoundEntity> = Vec::new();
    let mut index: KeyMap<usize> = KeyMap::default();
    for (cx, blocked) in contexts.iter().zip(blocked) {
        for (words, name, kind) in with_unit_kind(cx, blocked).chain(bare_names(cx, blocked)) {
            add(&mut places, &mut index, cx, words, name, kind);
        }
    }
    places
}

/// "huyện Can Lộc": (whole phrase, the name's words, kind).
fn with_unit_kind<'a>(
    cx: &'a Context,
    blocked: &'a [bool],
) -> impl Iterator<Item = (Range<usize>, Range<usize>, &'static str)> + 'a {
    cx.place_kinds.iter().filter_map(move |k| {
        let kind = lexicons::place_kinds().fields(k.entry).get(1).copied()?;
        if NOT_PLACES.contains(&kind) {
            return None;
        }
        let name = unit_name_at(cx, k.words.end, blocked)?;
        Some((k.words.start..name.end, name, kind))
    })
}

/// The unit name starting at word `i`: a gazetteer name, else capitalised words or a number
/// ("phường 1"), stopping before a person's name.
pub fn unit_name_at(cx: &Context, i: usize, blocked: &[bool]) -> Option<Range<usize>> {
    if i >= cx.len() || cx.gap(i) != Gap::Space || blocked[i] {
        return None;
    }
    if let Some(h) = starting_at(&cx.places, i) {
        return Some(h.words.clone());
    }
    if i > 0 && cx.words.case(i - 1) == Some(Case::Caps) {
        return None; // "KINH TẾ - XÃ HỘI": in capitals only a known unit counts
    }
    let mut end = i;
    while end < cx.len()
        && end - i < 4
        && (end == i || cx.words.gaps[end] == Gap::Space)
        && !blocked[end]
        && matches!(cx.words.case(end), Some(Case::Title | Case::Caps))
    {
        end += 1;
    }
    if end == i && cx.words.case(i) == Some(Case::Number) {
        end = i + 1;
    }
    let country = NOT_UNIT_NAMES.contains(&cx.words.folded_phrase(i..end).as_ref());
    (end > i && !country).then_some(i..end)
}

/// Names after a unit-kind word that are no unit ("Thông tấn xã Việt Nam").
const NOT_UNIT_NAMES: [&str; 4] = ["việt nam", "lào", "campuchia", "trung quốc"];

/// Bare names of provinces, cities, districts and towns, written with capitals.
fn bare_names<'a>(
    cx: &'a Context,
    blocked: &'a [bool],
) -> impl Iterator<Item = (Range<usize>, Range<usize>, &'static str)> + 'a {
    let gaz = lexicons::gazetteer();
    cx.places.iter().filter_map(move |h| {
        let capitalised = matches!(cx.words.case(h.words.start), Some(Case::Title | Case::Caps));
        let after_kind = ending_at(&cx.place_kinds, h.words.start).is_some()
            && cx.gap(h.words.start) == Gap::Space;
        let in_name = h.words.clone().any(|i| blocked[i]);
        let person_like = h.words.len() == 3
            && lexicons::surnames()
                .lookup(cx.words.folded(h.words.start))
                .is_some();
        (capitalised && !after_kind && !in_name && !person_like && gaz.is_major(h.entry))
            .then(|| (h.words.clone(), h.words.clone(), gaz.kind_name(h.entry)))
    })
}

fn add(
    places: &mut Vec<FoundEntity>,
    index: &mut KeyMap<usize>,
    cx: &Context,
    words: Range<usize>,
    name: Range<usize>,
    kind: &str,
) {
    let name = cx.words.folded_phrase(name);
    let mut key = String::with_capacity(name.len() + 1 + kind.len());
    key.push_str(&name);
    key.push('|');
    key.push_str(kind);
    let range = cx.words.norm_range(words.clone());
    match index.get(&key).and_then(|&i| places.get_mut(i)) {
        Some(p) => p.mentions.push(range),
        None => {
            index.insert(key.clone(), places.len());
            places.push(FoundEntity {
                name: cx.words.phrase(words).into_owned(),
                kind: kind.to_string(),
                members: Vec::new(),
                mentions: vec![range],
                key,
            });
        }
    }
}
