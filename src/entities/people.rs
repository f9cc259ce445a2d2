//! People: names of 2–4 capitalised syllables, usually starting with a known surname, with the
//! title phrases written before or after them (see [`super::titles`]).
//!
//! A run of capitalised words can hold a place and a name with nothing between them
//! ("huyện Can Lộc Đặng Trần Phong"): the name starts at a surname and what stands before it
//! must be a known unit, body, title or honorific. A name without a title needs an honorific
//! ("ông Phạm Nhật Vượng") or three syllables; a foreign name, without a known surname, a
//! title or an honorific right before it ("HLV Park Hang Seo"). Unit names, names inside
//! organisation names ("Trường THPT Lê Quý Đôn"), streets ("ngã tư Lê Lợi - Trần Phú"),
//! photo credits and bylines are not people. Mentions of one name merge; "ông Phong" or
//! "đồng chí Chủ tịch UBND huyện" later link to the one person they can mean.

use super::context::{containing, ending_at, starting_at, Context};
use super::lexicons;
use super::tokens::WordHit;
use super::tokens::{is_syllable, Case, Gap};
use super::{titles, FoundPerson, KeyMap};
use crate::clean::collapse_spaces;
use crate::text::fold;
use std::ops::Range;

/// The longest run of unit, body and title words that can stand between a title and a name
/// in one capitalised run ("Hà Tĩnh" in "Hà Tĩnh Nguyễn Văn A").
const MAX_PREFIX_WORDS: usize = 12;

/// Words that introduce a photo credit or a source, not a person of the article.
const CREDITS: [&str; 4] = ["ảnh", "nguồn", "theo", "video"];

/// One name found in a segment.
#[derive(Debug, Clone)]
struct Mention {
    name: String,
    /// The comparison key of `name` (see [`key`]).
    key: String,
    roles: Vec<Role>,
    range: Range<usize>,
}

/// A title phrase given to a mention.
#[derive(Debug, Clone)]
struct Role {
    /// As written, white space collapsed.
    text: String,
    /// Its comparison key (see [`key`]).
    key: String,
    /// Where it stands in `Text::norm`.
    range: Range<usize>,
}

/// The people found so far, with the comparison keys of their names and titles.
#[derive(Debug, Default)]
struct Gathered {
    people: Vec<FoundPerson>,
    /// Name key → position in `people`.
    index: KeyMap<usize>,
    /// The key of each person's name.
    name_keys: Vec<String>,
    /// The keys of each person's `roles`, in the same order.
    role_keys: Vec<Vec<String>>,
}

/// The people of the article's segments (`authors`, the bylines, left out), and for each
/// segment which words are parts of names.
pub fn find(contexts: &[Context], authors: &[String]) -> (Vec<FoundPerson>, Vec<Vec<bool>>) {
    let author_keys: Vec<String> = authors.iter().map(|a| key(a)).collect();
    let mut found = Gathered::default();
    let mut blocked_by_segment = Vec::with_capacity(contexts.len());
    for cx in contexts {
        let names = names_in(cx);
        let mut blocked = vec![false; cx.len()];
        for name in &names {
            blocked[name.clone()].iter_mut().for_each(|b| *b = true);
        }
        // "Các chiến sĩ Nguyễn Văn An, Lê Minh Đức": a plural title covers the listed names.
        let mut shared: Option<(usize, Vec<Range<usize>>)> = None;
        for name in names {
            let inherited = match &shared {
                Some((end, roles)) if listed_after(cx, *end, name.start) => roles.clone(),
                _ => Vec::new(),
            };
            let end = name.end;
            shared = None;
            if let Some((m, plural)) = mention(cx, name, &blocked, inherited) {
                if !plural.is_empty() {
                    shared = Some((end, plural));
                }
                if !author_keys.contains(&m.key) {
                    found.add(m);
                }
            }
        }
        blocked_by_segment.push(blocked);
    }
    let refs = References::new(&found);
    let mut people = found.people;
    for (cx, blocked) in contexts.iter().zip(&blocked_by_segment) {
        link_references(cx, blocked, &refs, &mut people);
    }
    for person in &mut people {
        person.mentions.sort_unstable_by_key(|r| (r.start, r.end));
    }
    (people, blocked_by_segment)
}

/// The comparison key of a name or title: folded, white space collapsed (for the words of a
/// segment, [`super::tokens::Words::folded_phrase`] gives it without folding anew).
fn key(s: &str) -> String {
    fold(&collapse_spaces(s))
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
            && (cx.words.case(end) == Some(style)
                || (style == Case::Title
                    && (lowercase_middle_name(cx, end - 1) || is_particle_inside(cx, end))))
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

/// True for the slip "ông Trần văn Nam": after an honorific, a surname, a middle name
/// written in lower case and a capitalised word.
fn lowercase_middle_name(cx: &Context, i: usize) -> bool {
    let spaced = |k: usize| k < cx.len() && cx.gap(k) == Gap::Space;
    cx.honorific_before(i)
        && is_surname(cx, i)
        && spaced(i + 1)
        && cx.words.case(i + 1) == Some(Case::Lower)
        && is_middle_name(cx, i + 1)
        && spaced(i + 2)
        && cx.words.case(i + 2) == Some(Case::Title)
}

/// Lower-case particles inside foreign names ("Ludwig van Beethoven", "Charles de Gaulle").
const PARTICLES: [&str; 6] = ["van", "von", "den", "der", "de", "du"];

/// True when word `i` is a particle followed by more particles and a capitalised word.
fn is_particle_inside(cx: &Context, i: usize) -> bool {
    (i..cx.len())
        .take_while(|&k| cx.gap(k) == Gap::Space)
        .find(|&k| !PARTICLES.contains(&cx.words.folded(k)))
        .is_some_and(|k| k > i && cx.words.case(k) == Some(Case::Title))
}

/// The name at the end of a run of capitalised words, if any: "Can Lộc Đặng Trần Phong"
/// gives "Đặng Trần Phong" because "Can Lộc" is a unit. Every name has two to four words, so
/// a run of one is answered at once.
fn split_run(cx: &Context, run: Range<usize>) -> Option<Range<usize>> {
    if run.len() < 2 {
        return None;
    }
    let run_end = run.end;
    let valid = |start: usize| {
        let len = run_end - start;
        (2..=4).contains(&len)
            && (is_surname(cx, start)
                || (len == 3 && is_middle_name(cx, start + 1) && !cx.in_lexicon(start)))
    };
    // "báo Nhân Dân Lê Quốc Minh": the words before the name name the organisation.
    let open_head = ending_at(&cx.bodies, run.start)
        .filter(|h| lexicons::bodies().fields(h.entry).get(2) == Some(&"open"));
    let after_open_head = cx.gap(run.start) == Gap::Space && open_head.is_some();
    // "Trường THPT Chuyên Nguyễn Tất Thành": without a title before it ("Tổng biên tập báo
    // ..."), a school or company head names itself after the person.
    let titled_head = open_head.is_some_and(|h| ending_at(&cx.titles, h.words.start).is_some());
    if after_open_head && !titled_head && ending_at(&cx.named_after, run.start).is_some() {
        return None;
    }
    let first_start = (run.start + 1).max(run_end.saturating_sub(4));
    let after_known_prefix = (first_start..run_end)
        .find(|&s| valid(s) && (after_open_head || known_prefix(cx, run.start..s)))
        .map(|s| s..run_end);
    after_known_prefix
        .or_else(|| valid(run.start).then(|| run.clone()))
        .or_else(|| foreign_name(cx, run))
}

/// A foreign name right after a title or an honorific ("HLV Park Hang Seo", "Thủ tướng
/// Campuchia Hun Sen"): the words of the run after its lexicon words, two to four, none a
/// Vietnamese surname, after a foreign country's name or with one word at least not shaped
/// like a Vietnamese syllable nor a short abbreviation ("ông Bảo Th." hides a name).
fn foreign_name(cx: &Context, run: Range<usize>) -> Option<Range<usize>> {
    let titled = run.start > 0
        && cx.gap(run.start) == Gap::Space
        && (cx.honorific_before(run.start) || ending_at(&cx.titles, run.start).is_some());
    if !titled {
        return None;
    }
    let start = (run.start..run.end)
        .rev()
        .take_while(|&i| !cx.in_lexicon(i))
        .last()?;
    let foreign = (2..=4).contains(&(run.end - start))
        && (start == run.start || known_prefix(cx, run.start..start))
        && (start..run.end).all(|i| {
            let particle = i > start && PARTICLES.contains(&cx.words.folded(i));
            (cx.words.case(i) == Some(Case::Title) || particle) && !is_surname(cx, i)
        })
        && (after_foreign_country(cx, start)
            || (start..run.end).any(|i| {
                let word = cx.words.folded(i);
                word.len() > 2 && !is_syllable(word)
            }));
    foreign.then_some(start..run.end)
}

/// True when `words` (before a name in the same capitalised run) are a unit, body, title or
/// honorific; a single word must be a title, body, unit kind or honorific, not a unit name.
fn known_prefix(cx: &Context, words: Range<usize>) -> bool {
    if words.len() == 1 {
        let i = words.start;
        let one_word =
            |hits: &[WordHit]| starting_at(hits, i).is_some_and(|h| h.words.end == i + 1);
        let unit_after_kind = one_word(&cx.places) && ending_at(&cx.place_kinds, i).is_some();
        return unit_after_kind
            || [&cx.titles, &cx.bodies, &cx.place_kinds, &cx.honorifics]
                .iter()
                .any(|hits| one_word(hits));
    }
    words.len() <= MAX_PREFIX_WORDS && cx.covered_within(words)
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
    let after_unit_kind =
        cx.gap(name.start) == Gap::Space && ending_at(&cx.place_kinds, name.start).is_some();
    let is_unit = starting_at(&cx.places, name.start)
        .is_some_and(|h| h.words == name && (after_unit_kind || gaz.is_major(h.entry)));
    let inside_lexicon = [&cx.bodies, &cx.titles]
        .iter()
        .any(|hits| containing(hits, name.start).is_some_and(|h| h.words.end >= name.end));
    let named_after_body = |end: usize| ending_at(&cx.named_after, end).is_some();
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
    // "Vương Quốc Thái Lan": a kingdom, not the surname Vương ("Vương Quốc Hùng").
    let country = cx.words.folded(name.start) == "vương"
        && cx.words.folded(name.start + 1) == "quốc"
        && cx.in_lexicon(name.start + 2);
    !(is_unit
        || inside_lexicon
        || named_after
        || credit
        || country
        || second_street(cx, name.start))
}

/// True when a foreign country's name ends just before word `i` ("Thủ tướng Campuchia").
fn after_foreign_country(cx: &Context, i: usize) -> bool {
    ending_at(&cx.bodies, i)
        .is_some_and(|h| lexicons::bodies().fields(h.entry).get(2) == Some(&"country"))
}

/// True when the name starting at word `start` is the second street of a crossing, after a
/// dash: "ngã tư Lê Lợi - Hai Bà Trưng", "đường Trần Phú - Lý Tự Trọng".
fn second_street(cx: &Context, start: usize) -> bool {
    if start < 2 || cx.gap(start) != Gap::Dash {
        return false;
    }
    let first_start = (0..start)
        .rev()
        .take_while(|&j| {
            matches!(
                cx.words.case(j),
                Some(Case::Title | Case::Caps | Case::Number)
            ) && (j + 1 == start || cx.gap(j + 1) == Gap::Space)
        })
        .last();
    first_start.is_some_and(|f| {
        cx.gap(f) == Gap::Space
            && ending_at(&cx.named_after, f)
                .is_some_and(|h| lexicons::bodies().fields(h.entry).get(1) == Some(&"street"))
    })
}

/// The mention of `name` with its titles, when it is a person of the article.
/// Also returns the titles to share with the next names of a list: the plural title of
/// "các chiến sĩ X, Y", or the titles this name inherited (`inherited`) from such a title.
fn mention(
    cx: &Context,
    name: Range<usize>,
    blocked: &[bool],
    inherited: Vec<Range<usize>>,
) -> Option<(Mention, Vec<Range<usize>>)> {
    let mut roles = titles::before(cx, name.start, blocked);
    let plural = roles
        .first()
        .is_some_and(|r| r.start > 0 && PLURALS.contains(&cx.words.folded(r.start - 1)));
    let mut share = if plural { roles.clone() } else { Vec::new() };
    let byline = is_byline(cx, &name);
    // "Phan Thị Bích Hạnh - Thanh tra Sở Tài chính": a byline's unit is no title.
    if !(byline && roles.is_empty()) {
        roles.extend(titles::after(cx, name.end, blocked));
    }
    if roles.is_empty() && !inherited.is_empty() {
        roles = inherited.clone();
        share = inherited;
    }
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
    let untitled_ok = name.len() >= 3 && is_surname(cx, name.start) && !byline;
    if roles.is_empty() && !honorific && !untitled_ok {
        return None;
    }
    let m = Mention {
        name: cx.words.phrase(name.clone()).into_owned(),
        key: cx.words.folded_phrase(name.clone()).into_owned(),
        roles: roles
            .into_iter()
            .map(|r| Role {
                text: cx.words.phrase(r.clone()).into_owned(),
                key: cx.words.folded_phrase(r.clone()).into_owned(),
                range: cx.words.norm_range(r),
            })
            .collect(),
        range: cx.words.norm_range(name),
    };
    Some((m, share))
}

/// Words that make the title after them plural ("các chiến sĩ", "những đồng chí").
const PLURALS: [&str; 2] = ["các", "những"];

/// True when the name starting at `start` follows the name ending at `prev_end` in a list
/// ("X, Y" or "X và Y").
fn listed_after(cx: &Context, prev_end: usize, start: usize) -> bool {
    (start == prev_end && cx.gap(start) == Gap::Comma)
        || (start == prev_end + 1
            && cx.words.folded(prev_end) == "và"
            && cx.gap(prev_end) == Gap::Space
            && cx.gap(start) == Gap::Space)
}

/// True when the segment is a byline: the name first, then nothing, or a short unit after a
/// dash or comma ("Phan Thị Bích Hạnh - Thanh tra Sở Tài chính"), with no final period.
fn is_byline(cx: &Context, name: &Range<usize>) -> bool {
    let ends_sentence = cx.words.text.trim_end().ends_with(['.', '!', '?', ':']);
    name.start == 0
        && !ends_sentence
        && (name.end == cx.len() || (cx.gap(name.end) != Gap::Space && cx.len() <= name.end + 8))
}

impl Gathered {
    /// Adds a mention to the person of the same name, or as a new person.
    fn add(&mut self, m: Mention) {
        let i = match self.index.get(&m.key) {
            Some(&i) => i,
            None => {
                self.people.push(FoundPerson {
                    name: m.name,
                    ..FoundPerson::default()
                });
                self.role_keys.push(Vec::new());
                self.index.insert(m.key.clone(), self.people.len() - 1);
                self.name_keys.push(m.key);
                self.people.len() - 1
            }
        };
        let person = &mut self.people[i];
        person.mentions.push(m.range);
        for role in m.roles {
            person.role_ranges.push(role.range.clone());
            add_role(&mut person.roles, &mut self.role_keys[i], role);
        }
    }
}

/// Most titles kept for one person (officials hold a handful; a list beyond this is noise).
const MAX_ROLES: usize = 12;

/// Adds a title to `roles` (whose keys are `keys`) unless a longer one already says it; a
/// longer one replaces a shorter.
fn add_role(roles: &mut Vec<String>, keys: &mut Vec<String>, role: Role) {
    if keys.iter().any(|r| r.starts_with(&role.key)) {
        return;
    }
    if let Some(shorter) = keys.iter().position(|r| role.key.starts_with(r.as_str())) {
        roles[shorter] = role.text;
        keys[shorter] = role.key;
        return;
    }
    if roles.len() < MAX_ROLES {
        roles.push(role.text);
        keys.push(role.key);
    }
}

/// Who can be meant by a given name ("Phong") or by a title ("Chủ tịch UBND huyện").
struct References {
    by_given_name: KeyMap<Vec<usize>>,
    by_role: KeyMap<Vec<usize>>,
}

impl References {
    fn new(found: &Gathered) -> References {
        let mut refs = References {
            by_given_name: KeyMap::default(),
            by_role: KeyMap::default(),
        };
        for (i, (name, roles)) in found.name_keys.iter().zip(&found.role_keys).enumerate() {
            let given = name.rsplit(' ').next().unwrap_or("").to_string();
            refs.by_given_name.entry(given).or_default().push(i);
            for role in roles {
                let holders = refs.by_role.entry(role.clone()).or_default();
                if holders.last() != Some(&i) {
                    holders.push(i);
                }
            }
        }
        refs
    }

    /// The one person `map[k]` names, if exactly one.
    fn unique(map: &KeyMap<Vec<usize>>, k: &str) -> Option<usize> {
        match map.get(k).map(Vec::as_slice) {
            Some([one]) => Some(*one),
            _ => None,
        }
    }
}

/// Links "ông Phong", "bà Xuân" and "đồng chí Chủ tịch UBND huyện" to the one person they
/// can mean.
fn link_references(cx: &Context, blocked: &[bool], refs: &References, people: &mut [FoundPerson]) {
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
            (role, References::unique(&refs.by_role, &k))
        } else if is_capital(cx, i) && !next_is_capital(cx, i) {
            let given = cx.words.folded(i);
            (i..i + 1, References::unique(&refs.by_given_name, given))
        } else {
            continue;
        };
        if let Some(p) = found {
            people[p].mentions.push(cx.words.norm_range(words));
        }
    }
}

fn next_is_capital(cx: &Context, i: usize) -> bool {
    i + 1 < cx.len() && cx.words.gaps[i + 1] == Gap::Space && is_capital(cx, i + 1)
}

fn is_capital(cx: &Context, i: usize) -> bool {
    matches!(cx.words.case(i), Some(Case::Title | Case::Caps))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(text: &str, authors: &[&str]) -> Vec<FoundPerson> {
        let contexts = [Context::new(text, fold(text).into(), 0)];
        let authors: Vec<String> = authors.iter().map(|a| a.to_string()).collect();
        find(&contexts, &authors).0
    }

    /// `split_run` finds no name in any word of the corpus taken as a run of its own.
    #[test]
    fn one_word_runs_hold_no_name() {
        let mut runs = 0;
        for input in crate::entities::corpus_texts() {
            let text = crate::text::Text::new(&input);
            for s in &crate::clean::clean(&text).segments {
                let cx = Context::new(&s.text, fold(&s.text).into(), 0);
                for i in 0..cx.len() {
                    assert_eq!(
                        split_run(&cx, i..i + 1),
                        None,
                        "{:?}",
                        cx.words.phrase(i..i + 1)
                    );
                    runs += 1;
                }
            }
        }
        assert!(runs > 10_000, "{runs}");
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
