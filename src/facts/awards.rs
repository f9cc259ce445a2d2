//! Grants of distinctions: "tặng Giấy khen cho 26 đơn vị ..., 34 đơn vị ...", "4 tập thể, 10 cá
//! nhân nhận Bằng khen của Thủ tướng Chính phủ", "Trường ... được tặng Cờ thi đua của Chính phủ",
//! "hồ sơ đề nghị tặng cờ thi đua" (a proposal).
//!
//! A distinction (`data/awards.txt`) is a grant when a granting verb (`data/award_verbs.txt`)
//! stands before it in its clause. The count is read from the recipients: each number that
//! starts a list item is one entry; a named recipient ("Tập đoàn Vingroup") counts 1; "các tập
//! thể", "nhiều cá nhân" leave the count null. A distinction in the recipients' description
//! ("26 đơn vị đạt Tập thể Lao động tiên tiến") is not another grant. The same grant told twice
//! (caption and body) is one entry.

use super::Passage;
use crate::lexicon::{is_word_boundary, Hit, Lexicon};
use crate::model::Award;
use crate::text::letters::{is_letter, is_letter_or_digit, is_upper};
use crate::text::Text;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

/// The distinctions (data/awards.txt).
pub(crate) fn names() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::from_data(include_str!("../../data/awards.txt")))
}

fn verbs() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::from_data(include_str!("../../data/award_verbs.txt")))
}

/// How far back, in bytes, a verb, "được" or a proposal word is looked for (keeps the
/// reading linear).
const LOOK_BACK_BYTES: usize = 240;
/// Most words between a granting verb and the distinction it grants
/// ("tặng nhiều phần thưởng cao quý như Huân chương Lao động, cờ thi đua, bằng khen").
const MAX_VERB_GAP_WORDS: usize = 14;
/// Most words between a proposal word and the granting verb
/// ("đề nghị UBND xã Bưng Riềng công nhận").
const MAX_PROPOSAL_GAP_WORDS: usize = 8;
/// Words that make a grant a proposal.
const PROPOSAL_WORDS: [&str; 5] = ["đề nghị", "suy tôn", "đề xuất", "xét tặng", "trình"];
/// Words that make a recipient an unnumbered group.
const PLURAL_WORDS: [&str; 7] = ["các", "những", "nhiều", "hàng", "một số", "mỗi", "tất cả"];
/// Recipients that name a mixed group ("cho tập thể, cá nhân").
const GROUP_WORDS: [&str; 4] = [
    "tập thể, cá nhân",
    "tập thể và cá nhân",
    "cá nhân và tập thể",
    "cá nhân, tập thể",
];
/// Words that start a description after the recipient's name ("học sinh đạt thành tích").
const RELATIVE_WORDS: [&str; 7] = [" đạt ", " có ", " vì ", " trong ", " tại ", " đã ", " với "];
/// Words naming a kind of unit, not a unit: they do not make two recipients the same.
const UNIT_WORDS: [&str; 16] = [
    "huyện",
    "xã",
    "tỉnh",
    "thị",
    "thành",
    "phố",
    "phường",
    "quận",
    "trường",
    "tập",
    "đoàn",
    "công",
    "ty",
    "ban",
    "sở",
    "phòng",
];
/// Words after which a number starts an item of a list of recipients.
const ITEM_STARTERS: [&str; 5] = ["và", "cùng", "có", "với", "gồm"];
/// Words that introduce the parts of a total ("50 tập thể, cá nhân, trong đó 20 tập thể").
const BREAKDOWN_WORDS: [&str; 2] = ["trong đó", "bao gồm"];
/// Words after a number that make it a duration, a rate or a rank, not a count of recipients.
const NOT_RECIPIENT_UNITS: [&str; 6] = ["năm", "tháng", "ngày", "%", "lần", "giờ"];

/// A distinction named in a sentence.
#[derive(Debug, Clone)]
struct Mention {
    /// The distinction as written, class included.
    name: Range<usize>,
    /// The contract's type.
    award: &'static str,
    /// "hạng Nhất", when written.
    class: Option<Range<usize>>,
    /// "của UBND tỉnh" without "của".
    authority: Option<Range<usize>>,
    /// How many of it the text gives: a leading number ("2 Huân chương ..."), "(2 lần)"
    /// after its class, 1 for each class of a list ("hạng Nhất, Nhì, Ba").
    times: Option<u32>,
    /// Where the mention starts with its leading number (the name's start without one): the
    /// recipients of the distinction before it end there.
    counted_from: usize,
}

/// How a verb relates to its recipient.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Voice {
    /// "tặng ... cho 20 tập thể".
    Active,
    /// "20 tập thể nhận ...".
    Passive,
}

/// One grant read from a sentence, before the article-wide merge.
#[derive(Debug, Clone)]
pub struct Grant {
    /// The contract's type.
    pub award: &'static str,
    /// The distinction as written (range in the passage).
    pub name: Range<usize>,
    /// Class, when written.
    pub class: Option<Range<usize>>,
    /// Number of recipients.
    pub count: Option<u32>,
    /// Recipient description.
    pub recipient: Option<Range<usize>>,
    /// Granting authority.
    pub granted_by: Option<Range<usize>>,
    /// A proposal rather than a grant.
    pub proposed: bool,
    /// The clause it was read from.
    pub clause: Range<usize>,
    /// Index (in the passage's grants) of the total this entry is a breakdown of.
    pub part_of: Option<usize>,
}

/// A counted recipient of a list.
#[derive(Debug, Clone)]
struct Counted {
    /// Number of recipients (null for an unnumbered group).
    count: Option<u32>,
    /// The item as written.
    range: Range<usize>,
    /// True after "trong đó" / "gồm": a part of the total before it.
    breakdown: bool,
}

/// Every grant of one passage, in text order.
pub fn grants(passage: &Passage) -> Vec<Grant> {
    let (s, fold) = (passage.text, &*passage.fold);
    let mut out = Vec::new();
    let name_hits = &passage.award_names;
    for sentence in passage.sentences() {
        for clause in clauses(s, sentence.clone()) {
            let first = name_hits.partition_point(|h| h.range.start < clause.start);
            let end = clause.end;
            let inside = name_hits[first..]
                .iter()
                .take_while(move |h| h.range.end <= end);
            read_clause(s, fold, clause, inside, &mut out);
        }
    }
    out
}

/// The clauses of a sentence: split on ";" outside quotes and brackets. An iterator, so
/// no vector is built for each sentence.
fn clauses(s: &str, sentence: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let base = sentence.start;
    let ends = super::literal_matches(&s[sentence.clone()], ";")
        .map(move |i| base + i)
        .chain(std::iter::once(sentence.end));
    let mut start = base;
    ends.map(move |end| {
        let clause = start..end;
        start = end + 1;
        clause
    })
}

/// The grants of one clause; `name_hits` are the distinction names found in it (passage
/// offsets).
fn read_clause<'h>(
    s: &str,
    fold: &str,
    clause: Range<usize>,
    name_hits: impl Iterator<Item = &'h Hit>,
    out: &mut Vec<Grant>,
) {
    let mentions = mentions(s, fold, clause.clone(), name_hits);
    if mentions.is_empty() {
        return;
    }
    let verb_hits: Vec<(Hit, Voice)> = verbs()
        .find_words(&fold[clause.clone()])
        .filter_map(|h| {
            let voice = match verbs().fields(h.entry).get(1).copied() {
                Some("active") => Voice::Active,
                Some("passive") => Voice::Passive,
                _ => return None,
            };
            let range = clause.start + h.range.start..clause.start + h.range.end;
            Some((Hit { range, ..h }, voice))
        })
        .collect();
    let mut consumed_until = clause.start;
    for (index, mention) in mentions.iter().enumerate() {
        if mention.name.start < consumed_until
            || described(fold, &mentions, &verb_hits, index, clause.start)
        {
            continue;
        }
        let Some((verb, voice)) = verb_before(fold, &verb_hits, mention.name.start) else {
            continue;
        };
        let passive_by = passive_marker(fold, clause.start, verb.range.start);
        let voice = if passive_by.is_some() {
            Voice::Passive
        } else {
            voice
        };
        let proposed = is_proposal(fold, clause.start, &verb);
        let first_after_verb = index == 0 || mentions[index - 1].name.end <= verb.range.start;
        let times = mention.times.or_else(|| {
            first_after_verb
                .then(|| times_before_verb(fold, clause.start, verb.range.start))
                .flatten()
        });
        let after_name = mention
            .authority
            .clone()
            .map_or(mention.name.end, |a| a.end);
        let (recipients, counts) = match voice {
            Voice::Active => {
                let next = verb_hits.partition_point(|(h, _)| h.range.start <= after_name);
                if let Some(region) = verb_hits
                    .get(next)
                    .and_then(|(h, _)| given_by_region(fold, after_name, h, clause.end))
                {
                    consumed_until = region.end;
                    let counts = recipient_counts(s, fold, region.clone());
                    (Some(region), counts)
                } else {
                    let later = mentions.partition_point(|m| m.name.start <= after_name);
                    let next_mention = (later..mentions.len())
                        .find(|&i| !described(fold, &mentions, &verb_hits, i, clause.start))
                        .map_or(clause.end, |i| mentions[i].counted_from);
                    let next_verb = verb_hits
                        .get(next)
                        .map_or(clause.end, |(h, _)| h.range.start)
                        .min(next_mention);
                    let region = recipient_region(fold, after_name, next_verb);
                    if let Some(r) = &region {
                        consumed_until = r.end;
                    }
                    let counts = region
                        .clone()
                        .map(|r| recipient_counts(s, fold, r))
                        .unwrap_or_default();
                    (region, counts)
                }
            }
            Voice::Passive => {
                let before = passive_by.clone().map_or(verb.range.start, |p| p.start);
                let floor = earlier_grant_end(&mentions, &verb_hits, before).max(clause.start);
                let subject = subject_region(s, fold, floor, before);
                let counts = subject
                    .clone()
                    .map(|r| recipient_counts(s, fold, r))
                    .unwrap_or_default();
                (subject, counts)
            }
        };
        let authority = mention.authority.clone().or_else(|| match voice {
            Voice::Passive => passive_by
                .clone()
                .and_then(|p| super::non_empty_trimmed(s, p.end..verb.range.start)),
            Voice::Active => giver(s, fold, clause.start, verb.range.start),
        });
        let award = upgraded_type(mention.award, authority.clone().and_then(|r| fold.get(r)));
        let mut total: Option<usize> = None;
        for item in counts_or_one(counts, recipients) {
            let part_of = if item.breakdown { total } else { None };
            if !item.breakdown {
                total = Some(out.len());
            }
            out.push(Grant {
                award,
                name: mention.name.clone(),
                class: mention.class.clone(),
                count: times.or(item.count),
                recipient: Some(item.range).filter(|r| !r.is_empty()),
                granted_by: authority.clone(),
                proposed,
                clause: super::trim_range(s, clause.clone(), &[]),
                part_of,
            });
        }
    }
}

/// The recipients named right after a second verb when the distinction is handed over on
/// someone's behalf: "trao Huân chương ... do Chủ tịch nước truy tặng thiếu úy Nguyễn Văn
/// A, ..." (`after_name`: the end of the distinction mention; `verb`: the next granting
/// verb).
fn given_by_region(
    fold: &str,
    after_name: usize,
    verb: &Hit,
    limit: usize,
) -> Option<Range<usize>> {
    /// Most words between the distinction and "do" (the rest of a name written in lower
    /// case: "Huân chương bảo vệ tổ quốc hạng Nhất do ...").
    const MAX_WORDS_BEFORE: usize = 8;
    let between = &fold[after_name..verb.range.start];
    let by = super::literal_matches(between, "do ").find(|&i| is_word_boundary(between, i))?;
    if between[..by].contains([',', ';', '('])
        || super::words(&between[..by]).count() > MAX_WORDS_BEFORE
    {
        return None;
    }
    let rest = &fold[verb.range.end..limit];
    let start = verb.range.end + (rest.len() - rest.trim_start().len());
    let end = super::find_mark(&fold[start..limit], |b| {
        matches!(b, b',' | b'.' | b';' | b'(')
    })
    .map_or(limit, |i| start + i);
    (start < end).then_some(start..end)
}

/// True when mention `index` describes a recipient rather than names a grant: "đạt" and no
/// granting verb stand between it and the distinction before it ("cho các đơn vị đạt Chính quyền vững mạnh, Tập
/// thể lao động tiên tiến").
fn described(
    fold: &str,
    mentions: &[Mention],
    verbs: &[(Hit, Voice)],
    index: usize,
    clause_start: usize,
) -> bool {
    let start = mentions[index].name.start;
    let Some(previous) = index.checked_sub(1) else {
        return super::ends_with_word(fold, start, "đạt");
    };
    let from = mentions[previous]
        .name
        .end
        .max(clause_start)
        .max(super::window_start(fold, start, LOOK_BACK_BYTES));
    let from = from.min(start);
    let verb_between = verbs
        .get(verbs.partition_point(|(h, _)| h.range.start < from))
        .is_some_and(|(h, _)| h.range.start < start);
    let between = &fold[from..start];
    !verb_between && super::find_word(between, "đạt").is_some()
}

/// The end of the last distinction or verb before `at`: a passive subject starts after it.
fn earlier_grant_end(mentions: &[Mention], verbs: &[(Hit, Voice)], at: usize) -> usize {
    let mentions_before = mentions.partition_point(|m| m.name.end <= at);
    let verbs_before = verbs.partition_point(|(h, _)| h.range.end <= at);
    let mention_end = mentions_before.checked_sub(1).map(|i| mentions[i].name.end);
    let verb_end = verbs_before.checked_sub(1).map(|i| verbs[i].0.range.end);
    mention_end.max(verb_end).unwrap_or(0)
}

/// The counted recipients, or one unnumbered entry for the whole group.
fn counts_or_one(counts: Vec<Counted>, recipients: Option<Range<usize>>) -> Vec<Counted> {
    if counts.is_empty() {
        return vec![Counted {
            count: None,
            range: recipients.unwrap_or(0..0),
            breakdown: false,
        }];
    }
    counts
}

/// The distinctions named in a clause (`name_hits`: the clause's name hits, passage offsets),
/// "danh hiệu" read with the name after it.
fn mentions<'h>(
    s: &str,
    fold: &str,
    clause: Range<usize>,
    name_hits: impl Iterator<Item = &'h Hit>,
) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    for hit in name_hits {
        let (start, mut end) = (hit.range.start, hit.range.end);
        if out.last().is_some_and(|m| start < m.name.end) {
            continue;
        }
        let mut award = names().fields(hit.entry)[1];
        if award == "Danh hiệu"
            && fold[start..end].starts_with("danh hiệu")
            && end - start == "danh hiệu".len()
        {
            match title_after(s, fold, end, clause.end) {
                Some((title_end, specific)) => {
                    end = title_end;
                    award = specific.unwrap_or("Danh hiệu");
                }
                None => continue,
            }
        } else if award.starts_with("Huân chương") {
            end = capitalised_run(s, end, clause.end);
        }
        let leading = leading_count(fold, clause.start, start);
        let class = class_after(fold, end);
        let mut times = leading.map(|(count, _)| count);
        let mut more_classes = Vec::new();
        if let Some(c) = &class {
            end = c.end;
            let (written, after) = times_after(fold, end);
            end = after;
            more_classes = class_list_after(fold, end, clause.end);
            let listed = !more_classes.is_empty();
            times = times.or(written).or(listed.then_some(1));
        }
        let authority = authority_after(s, fold, end, clause.end);
        out.push(Mention {
            name: start..end,
            award,
            class,
            authority,
            times,
            counted_from: leading.map_or(start, |(_, from)| from),
        });
        out.extend(more_classes.into_iter().map(|(class, times)| Mention {
            name: class.clone(),
            award,
            authority: None,
            times: Some(times),
            counted_from: class.start,
            class: Some(class),
        }));
    }
    out
}

/// "N lần" right before a granting verb ("đã 2 lần được trao tặng ..."): how many times the
/// distinction after it was given.
fn times_before_verb(fold: &str, clause_start: usize, verb_start: usize) -> Option<u32> {
    let before = fold[clause_start..verb_start].trim_end();
    let before = before.strip_suffix("được").unwrap_or(before).trim_end();
    let number = before.strip_suffix("lần")?.trim_end().rsplit(' ').next()?;
    ((1..=2).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit()))
        .then(|| number.parse().ok())?
}

/// The number written right before a distinction ("2 Huân chương Lao động"), at most two
/// digits, and where it starts.
fn leading_count(fold: &str, clause_start: usize, at: usize) -> Option<(u32, usize)> {
    let before = fold[clause_start..at].trim_end();
    let word = before.rsplit(' ').next()?;
    let count = ((1..=2).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())??;
    Some((count, clause_start + before.len() - word.len()))
}

/// "(N lần)" right after `at` — how many times a class was given — and where it ends
/// (`None` and `at` without it).
fn times_after(fold: &str, at: usize) -> (Option<u32>, usize) {
    let rest = &fold[at..];
    let trimmed = rest.trim_start();
    let read = || {
        let inner = trimmed.strip_prefix('(')?;
        let close = inner.find(')')?;
        let number = inner[..close].trim().strip_suffix("lần")?.trim();
        let times = number.parse().ok()?;
        Some((times, at + (rest.len() - trimmed.len()) + 1 + close + 1))
    };
    match read() {
        Some((times, end)) => (Some(times), end),
        None => (None, at),
    }
}

/// True when the text after a listed class closes the item: a mark, the clause's end or a
/// word that continues the grant ("ba tập thể" after "hạng Nhất, " is a number, not a class).
fn ends_list_item(rest: &str) -> bool {
    const NEXT_WORDS: [&str; 4] = ["và", "cho", "của", "năm"];
    let rest = rest.trim_start();
    let word_end = rest.find(|c: char| !is_letter(c)).unwrap_or(rest.len());
    word_end == 0 || NEXT_WORDS.contains(&&rest[..word_end])
}

/// The further classes listed after a class ("hạng Nhất, Nhì (2 lần), Ba"), each with how
/// many times it was given (1 unless "(N lần)" follows it).
fn class_list_after(fold: &str, mut at: usize, limit: usize) -> Vec<(Range<usize>, u32)> {
    const CLASSES: [&str; 3] = ["nhất", "nhì", "ba"];
    let mut out = Vec::new();
    loop {
        let rest = &fold[at..limit];
        let Some(after_separator) = rest
            .strip_prefix(", ")
            .or_else(|| rest.strip_prefix(" và "))
        else {
            break;
        };
        let start = at + (rest.len() - after_separator.len());
        let Some(class) = CLASSES
            .iter()
            .find(|c| after_separator.starts_with(*c) && is_word_boundary(fold, start + c.len()))
        else {
            break;
        };
        let (times, end) = times_after(fold, start + class.len());
        if !ends_list_item(&fold[end..limit]) {
            break;
        }
        out.push((start..start + class.len(), times.unwrap_or(1)));
        at = end;
    }
    out
}

/// The end of the title named after "danh hiệu" and its type when it is one of the
/// contract's ("Lao động tiên tiến"); None for a generic "danh hiệu thi đua".
fn title_after(
    s: &str,
    fold: &str,
    at: usize,
    limit: usize,
) -> Option<(usize, Option<&'static str>)> {
    let rest = &s[at..limit];
    let skipped = rest.len() - rest.trim_start_matches([' ', '“', '"', '‘', '\'']).len();
    let name_start = at + skipped;
    let quoted = s[at..name_start].contains(['“', '"', '‘', '\'']);
    if let Some(hit) = names().word_at_start(&fold[name_start..limit]) {
        let specific = names().fields(hit.entry)[1];
        let end = closing_quote(s, name_start + hit.range.end, quoted);
        return Some((end, (specific != "Danh hiệu").then_some(specific)));
    }
    if quoted {
        let close = s[name_start..limit].find(['”', '"', '’', '\''])?;
        return Some((
            name_start + close + s[name_start + close..].chars().next()?.len_utf8(),
            None,
        ));
    }
    let first = s[name_start..limit].chars().next()?;
    is_upper(first).then(|| (capitalised_run(s, name_start, limit), None))
}

/// `at` moved past a closing quote when the name was quoted.
fn closing_quote(s: &str, at: usize, quoted: bool) -> usize {
    if !quoted {
        return at;
    }
    let rest = &s[at..];
    let trimmed = rest.trim_start();
    match trimmed.chars().next() {
        Some(c @ ('”' | '"' | '’' | '\'')) => at + (rest.len() - trimmed.len()) + c.len_utf8(),
        _ => at,
    }
}

/// The end of the name written in capitals starting at `at` ("Huân chương Độc lập",
/// "danh hiệu Đơn vị Quyết thắng"): capitalised words, each maybe followed by one lower-case
/// syllable of the same word.
fn capitalised_run(s: &str, at: usize, limit: usize) -> usize {
    let mut end = at;
    let mut pos = at;
    let mut lower_run = 0;
    for word in s[at..limit].split(' ') {
        let word_start = pos;
        pos += word.len() + 1;
        if word.is_empty() {
            continue;
        }
        let clean = word.trim_end_matches([',', '.', ';', ':', ')', '”', '"']);
        let capital = clean.chars().next().is_some_and(is_upper);
        lower_run = if capital { 0 } else { lower_run + 1 };
        if lower_run > 1 || (lower_run == 1 && end == at) || clean.is_empty() {
            break;
        }
        end = word_start + clean.len();
        if clean.len() != word.len() {
            break;
        }
    }
    end
}

/// "hạng Nhất", "hạng Nhì", "hạng Ba" right after `at`.
fn class_after(fold: &str, at: usize) -> Option<Range<usize>> {
    let rest = &fold[at..];
    let skipped = rest.len() - rest.trim_start().len();
    [
        "hạng nhất",
        "hạng nhì",
        "hạng ba",
        "hạng i",
        "hạng ii",
        "hạng iii",
    ]
    .iter()
    .filter(|c| rest.trim_start().starts_with(*c) && is_word_boundary(fold, at + skipped + c.len()))
    .map(|c| at + skipped..at + skipped + c.len())
    .max_by_key(|r| r.len())
}

/// The authority in "của UBND tỉnh" right after `at`, up to a comma or a recipient word.
fn authority_after(s: &str, fold: &str, at: usize, limit: usize) -> Option<Range<usize>> {
    let rest = &fold[at..limit];
    let trimmed = rest.trim_start();
    if !trimmed.starts_with("của ") {
        return None;
    }
    let start = at + (rest.len() - trimmed.len()) + "của ".len();
    let stops = [
        " cho ",
        " đối với ",
        " năm ",
        " vì ",
        " tại ",
        " và ",
        " trong ",
        " nhân ",
        " đã ",
        " về ",
    ];
    let mut end = super::find_mark(&fold[start..limit], |b| {
        matches!(b, b',' | b';' | b'(' | b'.')
    })
    .map_or(limit, |i| start + i);
    for stop in stops {
        if let Some(i) = super::find_literal(&fold[start..end], stop) {
            end = start + i;
        }
    }
    super::non_empty_trimmed(s, start..end)
}

/// The type given the authority: "Cờ thi đua" of the Government and "Bằng khen" of the Prime
/// Minister are types of their own.
fn upgraded_type(award: &'static str, authority: Option<&str>) -> &'static str {
    match (award, authority) {
        ("Cờ thi đua", Some(a))
            if a.trim() == "chính phủ" || a.trim_start().starts_with("thủ tướng") =>
        {
            "Cờ thi đua của Chính phủ"
        }
        ("Bằng khen", Some(a)) if a.trim_start().starts_with("thủ tướng") => {
            "Bằng khen của Thủ tướng Chính phủ"
        }
        _ => award,
    }
}

/// The subject of an active grant ("Thủ tướng Chính phủ đã trao ..."): back from the verb to
/// a comma or the clause start, "đã" left out; a granting authority.
fn giver(s: &str, fold: &str, clause_start: usize, verb_start: usize) -> Option<Range<usize>> {
    let from = super::window_start(fold, verb_start, LOOK_BACK_BYTES).max(clause_start);
    let start = super::rfind_mark(&fold[from..verb_start], |b| matches!(b, b',' | b':'))
        .map_or(from, |i| from + i + 1);
    let mut end = verb_start;
    for word in [" đã", " vừa", " đồng thời"] {
        if fold[start..end].trim_end().ends_with(word) {
            end = start + fold[start..end].trim_end().len() - word.len();
        }
    }
    super::non_empty_trimmed(s, start..end)
}

/// The granting verb standing last before `at`, close enough to govern it.
fn verb_before(fold: &str, verbs: &[(Hit, Voice)], at: usize) -> Option<(Hit, Voice)> {
    let before = verbs.partition_point(|(h, _)| h.range.end <= at);
    let (hit, voice) = verbs[..before].last()?;
    if at - hit.range.end > LOOK_BACK_BYTES {
        return None;
    }
    let gap = super::words(&fold[hit.range.end..at]).count();
    (gap <= MAX_VERB_GAP_WORDS).then(|| (hit.clone(), *voice))
}

/// The "được" that makes the verb at `verb_start` passive ("được Thủ tướng Chính phủ tặng"),
/// when it stands a few words before it in the clause.
fn passive_marker(fold: &str, clause_start: usize, verb_start: usize) -> Option<Range<usize>> {
    let from = super::window_start(fold, verb_start, LOOK_BACK_BYTES).max(clause_start);
    let before = &fold[from..verb_start];
    let at = super::literal_rmatches(before, "được").next()?;
    let start = from + at;
    let end = start + "được".len();
    let gap = super::words(&fold[end..verb_start]).count();
    (is_word_boundary(fold, start) && is_word_boundary(fold, end) && gap <= 8).then_some(start..end)
}

/// True when a proposal word stands shortly before the verb (or is the verb).
fn is_proposal(fold: &str, clause_start: usize, verb: &Hit) -> bool {
    let verb_text = &fold[verb.range.clone()];
    if PROPOSAL_WORDS.contains(&verb_text) {
        return true;
    }
    let from = super::window_start(fold, verb.range.start, LOOK_BACK_BYTES).max(clause_start);
    let before = &fold[from..verb.range.start];
    PROPOSAL_WORDS.iter().any(|w| {
        super::literal_rmatches(before, w).any(|i| {
            is_word_boundary(before, i)
                && is_word_boundary(before, i + w.len())
                && super::words(&before[i + w.len()..]).count() <= MAX_PROPOSAL_GAP_WORDS
        })
    })
}

/// The recipients after a distinction: "cho ...", "đối với ...", or a list starting with a
/// number right after it; up to the next verb or the end of the clause.
fn recipient_region(fold: &str, at: usize, limit: usize) -> Option<Range<usize>> {
    if at >= limit {
        return None;
    }
    let rest = &fold[at..limit];
    let trimmed = rest.trim_start_matches([' ', ',']);
    let start = at + (rest.len() - trimmed.len());
    let after_word = recipient_word(trimmed).map(|i| start + i);
    let start = match after_word {
        Some(s) => s,
        None if trimmed.starts_with(|c: char| c.is_ascii_digit()) => start,
        None => return None,
    };
    let end = super::find_mark(&fold[start..limit], |b| matches!(b, b'.' | b';' | b'('))
        .map_or(limit, |i| start + i);
    (start < end).then_some(start..end)
}

/// Where the recipients start after "cho", "đối với", "tới" within the first words of `s`
/// ("cờ thi đua xuất sắc 5 năm liền cho 40 tập thể").
fn recipient_word(s: &str) -> Option<usize> {
    const WORDS: [&str; 3] = ["cho ", "đối với ", "tới "];
    const MAX_WORDS_BEFORE: usize = 6;
    let head_end = super::find_mark(s, |b| matches!(b, b',' | b';' | b'(')).unwrap_or(s.len());
    WORDS
        .iter()
        .filter_map(|w| {
            super::literal_matches(&s[..head_end], w)
                .find(|&i| is_word_boundary(s, i))
                .map(|i| (i, i + w.len()))
        })
        .filter(|(i, _)| super::words(&s[..*i]).count() <= MAX_WORDS_BEFORE)
        .min()
        .map(|(_, end)| end)
}

/// The subject of a passive grant: back from `before` to the start of the list of recipients.
fn subject_region(s: &str, fold: &str, clause_start: usize, before: usize) -> Option<Range<usize>> {
    let head = &fold[clause_start..before];
    let mut start = super::rfind_mark(head, |b| matches!(b, b',' | b':'))
        .map_or(clause_start, |i| clause_start + i + 1);
    // Earlier comma-separated items that start with a number belong to the same list:
    // "4 tập thể, 10 cá nhân nhận ...".
    while start > clause_start {
        let prev = &fold[clause_start..start - 1];
        let item_start = super::rfind_mark(prev, |b| matches!(b, b',' | b':'))
            .map_or(clause_start, |i| clause_start + i + 1);
        let item = fold[item_start..start - 1].trim_start();
        if item.starts_with(|c: char| c.is_ascii_digit()) && super::words(item).count() <= 5 {
            start = item_start;
        } else {
            break;
        }
    }
    super::non_empty_trimmed(s, start..before)
}

/// The recipients counted: one (count, item) for each number that starts a list item; or one
/// entry, 1 for a single named recipient, null for an unnumbered group.
fn recipient_counts(s: &str, fold: &str, region: Range<usize>) -> Vec<Counted> {
    let numbered = numbered_items(s, fold, region.clone());
    if !numbered.is_empty() {
        return numbered;
    }
    if is_single_named(s, fold, region.clone()) {
        vec![Counted {
            count: Some(1),
            range: region,
            breakdown: false,
        }]
    } else {
        Vec::new()
    }
}

/// True when the recipient is one named unit: a capitalised head ("Tập đoàn Vingroup",
/// not "đại diện gia đình học sinh đạt ... THPT") and no plural word.
fn is_single_named(s: &str, fold: &str, region: Range<usize>) -> bool {
    let text = &fold[region.clone()];
    let plural = PLURAL_WORDS
        .iter()
        .any(|w| super::find_word(text, w).is_some())
        || GROUP_WORDS.iter().any(|w| super::contains_literal(text, w));
    // `str::find`: the words start with a space, where a scan for their first byte would stop
    // at every word.
    let head_end = RELATIVE_WORDS
        .iter()
        .filter_map(|w| text.find(w))
        .min()
        .map_or(region.end, |i| region.start + i);
    !plural && s[region.start..head_end].chars().any(is_upper)
}

/// The items of a list of recipients: split on ",", ";", "và", "cùng".
fn list_items(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let separator = if rest.starts_with([',', ';']) {
            Some(1)
        } else {
            [" và ", " cùng "]
                .iter()
                .find(|w| rest.starts_with(*w))
                .map(|w| w.len())
        };
        match separator {
            Some(len) => {
                out.push(start..i);
                start = i + len;
                i += len;
            }
            None => i += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    out.push(start..text.len());
    out
}

/// The number that starts an item (digits, "6/8", or a number word "ba") and where it ends.
fn leading_number(item: &str) -> Option<(u32, usize)> {
    const WORDS: [(&str, u32); 9] = [
        ("một", 1),
        ("hai", 2),
        ("ba", 3),
        ("bốn", 4),
        ("sáu", 6),
        ("bảy", 7),
        ("tám", 8),
        ("chín", 9),
        ("mười", 10),
    ];
    let digits = item
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '/'))
        .unwrap_or(item.len());
    if digits > 0 && item.starts_with(|c: char| c.is_ascii_digit()) {
        let whole = item[..digits]
            .split('/')
            .next()
            .unwrap_or("")
            .replace('.', "");
        return whole.parse().ok().map(|n| (n, digits));
    }
    let word = item.split(' ').next().unwrap_or("");
    let (_, n) = WORDS.iter().find(|(w, _)| *w == word)?;
    // A number word counts only before another word ("ba cá nhân").
    (item.len() > word.len() + 1).then_some((*n, word.len()))
}

/// The counted items of the region ("26 đơn vị ..., 34 đơn vị ... và 6 hộ"); a named first
/// item before numbered ones counts 1 ("cho Văn phòng Huyện ủy và 6 cá nhân").
fn numbered_items(s: &str, fold: &str, region: Range<usize>) -> Vec<Counted> {
    let text = &fold[region.clone()];
    let mut out: Vec<Counted> = Vec::new();
    let mut after_breakdown = false;
    let mut unnumbered_first: Option<Range<usize>> = None;
    for (index, item) in list_items(text).into_iter().enumerate() {
        let raw = &text[item.clone()];
        let mut body = raw.trim_start();
        let mut skipped = raw.len() - body.len();
        for starter in ITEM_STARTERS.iter().chain(BREAKDOWN_WORDS.iter()) {
            if body.starts_with(starter) && is_word_boundary(body, starter.len()) {
                after_breakdown |= BREAKDOWN_WORDS.contains(starter);
                let rest = body[starter.len()..].trim_start();
                skipped += body.len() - rest.len();
                body = rest;
            }
        }
        let start = item.start + skipped;
        let Some((n, len)) = leading_number(body) else {
            if index == 0 {
                unnumbered_first = Some(region.start + start..region.start + item.end);
            }
            continue;
        };
        let unit_after = body[len..].trim_start();
        let is_unit = NOT_RECIPIENT_UNITS
            .iter()
            .any(|u| unit_after.starts_with(u) && is_word_boundary(unit_after, u.len()));
        if is_unit {
            continue;
        }
        out.push(Counted {
            count: Some(n),
            range: region.start + start..region.start + item.end,
            breakdown: after_breakdown && !out.is_empty(),
        });
    }
    if let Some(first) = unnumbered_first.filter(|_| !out.is_empty()) {
        if is_single_named(s, fold, first.clone()) {
            out.insert(
                0,
                Counted {
                    count: Some(1),
                    range: first,
                    breakdown: false,
                },
            );
        }
    }
    out
}

/// The awards of the article: every grant, the same grant told twice kept once.
pub fn find(text: &Text, passages: &[Passage]) -> Vec<Award> {
    let mut found: Vec<(usize, &Passage, Grant)> = Vec::new();
    for (order, passage) in passages.iter().enumerate() {
        let offset = found.len();
        for mut grant in grants(passage) {
            grant.part_of = grant.part_of.map(|p| p + offset);
            found.push((order, passage, grant));
        }
    }
    let kept = merge(&found);
    kept.iter()
        .map(|&i| {
            let (_, passage, g) = &found[i];
            let slice = |r: &Option<Range<usize>>| {
                r.clone()
                    .map(|r| crate::clean::collapse_spaces(&passage.text[r]))
            };
            Award {
                award: g.award.to_string(),
                name: crate::clean::collapse_spaces(&passage.text[g.name.clone()]),
                class: slice(&g.class),
                count: g.count,
                recipient: slice(&g.recipient),
                granted_by: slice(&g.granted_by),
                proposed: g.proposed,
                part_of: g.part_of.and_then(|t| kept.iter().position(|&k| k == t)),
                text: crate::clean::collapse_spaces(&passage.text[g.clause.clone()]),
                span: passage.span(text, g.clause.clone()),
            }
        })
        .collect()
}

/// True when two single recipients share a capitalised word ("Tập đoàn Vingroup" and
/// "Vingroup"), or one of them is unnamed.
fn same_recipient(pa: &Passage, a: &Grant, pb: &Passage, b: &Grant) -> bool {
    let names = |p: &Passage, g: &Grant| -> Vec<String> {
        g.recipient
            .clone()
            .map(|r| {
                p.text[r]
                    .split(|c: char| !is_letter_or_digit(c))
                    .filter(|w| w.chars().next().is_some_and(is_upper))
                    .map(crate::text::fold)
                    .filter(|w| !UNIT_WORDS.contains(&w.as_str()))
                    .collect()
            })
            .unwrap_or_default()
    };
    let (x, y) = (names(pa, a), names(pb, b));
    x.is_empty() || y.is_empty() || x.iter().any(|w| y.contains(w))
}

/// True when two grants may name one distinction: one name without its class (folded)
/// starts the other and their classes agree ("Huân chương hạng Nhất" and "Huân chương Quân
/// công hạng Nhất"); "Huân chương Quân công hạng Ba" and "Huân chương Chiến công hạng Nhì"
/// are two.
fn same_distinction(pa: &Passage, a: &Grant, pb: &Passage, b: &Grant) -> bool {
    let class = |p: &Passage, g: &Grant| g.class.clone().map(|c| p.fold[c].to_string());
    let (x, y) = (base_name(pa, a), base_name(pb, b));
    let classes_agree = match (class(pa, a), class(pb, b)) {
        (Some(c), Some(d)) => c == d,
        _ => true,
    };
    classes_agree && (x.starts_with(y) || y.starts_with(x))
}

/// True when the article text restates a grant of the title: a grant of the same
/// distinction named in more detail with the same count, or grants of it whose counts add up
/// to the title's ("12 tập thể, cá nhân nhận Huân chương" over "5 tập thể" and "7 cá nhân").
fn restated_in_text(found: &[(usize, &Passage, Grant)], title: &Passage, g: &Grant) -> bool {
    let mut same = found.iter().filter(|(_, p, other)| {
        p.is_article_text() && other.award == g.award && same_distinction(title, g, p, other)
    });
    let (mut total, mut parts) = (0, 0);
    same.any(|(_, p, other)| {
        if let (None, Some(count)) = (other.part_of, other.count) {
            total += count;
            parts += 1;
        }
        (other.count == g.count && less_specific(title, g, p, other))
            || (parts > 1 && g.count == Some(total))
    })
}

/// The folded name of a grant's distinction without its class.
fn base_name<'p>(p: &'p Passage, g: &Grant) -> &'p str {
    let end = g
        .class
        .as_ref()
        .map_or(g.name.end, |c| c.start.max(g.name.start));
    p.fold[g.name.start..end.min(g.name.end)].trim_end()
}

/// True when grant `a` names its distinction with less detail than `b` ("Huân chương" and
/// "Huân chương Dũng cảm", "Huân chương Độc lập" and "Huân chương Độc lập hạng Nhất").
fn less_specific(pa: &Passage, a: &Grant, pb: &Passage, b: &Grant) -> bool {
    base_name(pa, a).len() < base_name(pb, b).len() || (a.class.is_none() && b.class.is_some())
}

/// Indexes of the grants to keep: a repeat of (type, count) told in another clause is dropped,
/// and an unnumbered grant is dropped when the same type is told elsewhere.
fn merge(found: &[(usize, &Passage, Grant)]) -> Vec<usize> {
    /// Kept grants of one (type, count) compared for a repeat, at most.
    const MAX_COMPARED: usize = 16;
    let mut kept: Vec<usize> = Vec::new();
    let mut by_key: HashMap<(&str, Option<u32>), Vec<usize>> = HashMap::new();
    for (i, (order, passage, g)) in found.iter().enumerate() {
        if !passage.is_article_text() && restated_in_text(found, passage, g) {
            continue;
        }
        let same_key = by_key.entry((g.award, g.count)).or_default();
        let repeat = g.count.is_some()
            && same_key.iter().take(MAX_COMPARED).any(|&k| {
                let (o, other_passage, other) = &found[k];
                (o != order || other.clause != g.clause)
                    && (g.count != Some(1) || same_recipient(other_passage, other, passage, g))
                    && same_distinction(other_passage, other, passage, g)
            });
        if !repeat {
            same_key.push(i);
            kept.push(i);
        }
    }
    let counted: HashSet<&str> = kept
        .iter()
        .map(|&k| &found[k].2)
        .filter(|g| g.count.is_some())
        .map(|g| g.award)
        .collect();
    let mut unnumbered: HashSet<&str> = HashSet::new();
    kept.into_iter()
        .filter(|&k| {
            let g = &found[k].2;
            g.count.is_some() || (!counted.contains(g.award) && unnumbered.insert(g.award))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::facts::extract_paragraph;

    /// The clauses are the pieces of a split of the sentence on ";", at their offsets.
    #[test]
    fn clauses_are_the_pieces_between_semicolons() {
        let s = "x; a;; b c ;d;";
        for sentence in [0..s.len(), 1..s.len() - 1, 3..3, 4..11] {
            let mut start = sentence.start;
            let expected: Vec<_> = s[sentence.clone()]
                .split(';')
                .map(|piece| {
                    let range = start..start + piece.len();
                    start = range.end + 1;
                    range
                })
                .collect();
            assert_eq!(super::clauses(s, sentence).collect::<Vec<_>>(), expected);
        }
    }

    #[test]
    fn a_title_restated_in_detail_or_broken_down_is_not_a_grant_of_its_own() {
        let awards = |article: &str| -> Vec<(String, Option<u32>)> {
            crate::extract(article, &crate::Options::default())
                .map(|s| s.awards.into_iter().map(|a| (a.award, a.count)))
                .into_iter()
                .flatten()
                .collect()
        };
        let hc = |count| ("Huân chương".to_string(), Some(count));
        assert_eq!(
            awards(
                "Tặng Huân chương cho thuyền trưởng cứu người trên biển\n\n\
                 Sáng 4/7, Chủ tịch nước tặng Huân chương Dũng cảm cho anh Lò Văn Sơn.\n"
            ),
            vec![hc(1)]
        );
        assert_eq!(
            awards(
                "9 tập thể, cá nhân nhận Huân chương Hữu nghị\n\n\
                 Chiều 8/3, Chính phủ Lào trao Huân chương Hữu nghị cho 4 tập thể; 5 cá nhân \
                 được tặng Huân chương Hữu nghị.\n"
            ),
            vec![hc(4), hc(5)]
        );
        assert_eq!(
            awards(
                "Công ty Sông Đà nhận Huân chương Lao động hạng Nhất\n\n\
                 Sáng 2/9, Công ty Sông Đà được tặng Huân chương Lao động hạng Nhất; 3 cá nhân \
                 được tặng Bằng khen.\n"
            ),
            vec![
                ("Huân chương Lao động".to_string(), Some(1)),
                ("Bằng khen".to_string(), Some(3))
            ]
        );
    }

    #[test]
    fn a_breakdown_points_to_its_total() {
        let (_, facts) = extract_paragraph(
            "UBND huyện tặng giấy khen cho 50 tập thể, cá nhân, trong đó 20 tập thể và 30 cá nhân.",
            None,
        );
        let links: Vec<_> = facts.awards.iter().map(|a| (a.count, a.part_of)).collect();
        assert_eq!(
            links,
            [(Some(50), None), (Some(20), Some(0)), (Some(30), Some(0))]
        );
        assert_eq!(facts.awards[1].recipient.as_deref(), Some("20 tập thể"));
    }

    #[test]
    fn class_and_authority_are_read() {
        let (_, facts) = extract_paragraph(
            "Chủ tịch nước trao tặng Huân chương Lao động hạng Nhì cho 3 cá nhân của tỉnh.",
            None,
        );
        let award = &facts.awards[0];
        assert_eq!(award.name, "Huân chương Lao động hạng Nhì");
        assert_eq!(award.class.as_deref(), Some("hạng Nhì"));
        assert_eq!(award.count, Some(3));
        let (_, facts) =
            extract_paragraph("Tỉnh trao Cờ thi đua của UBND tỉnh cho 16 tập thể.", None);
        assert_eq!(facts.awards[0].granted_by.as_deref(), Some("UBND tỉnh"));
    }
}
