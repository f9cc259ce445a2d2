//! The word lists of the entities stage, compiled once per process from `data/`.

use crate::lexicon::{data_lines, Lexicon, LexiconSet};
use std::sync::OnceLock;

/// Vietnamese family names (`data/surnames.txt`, field 2 the frequency rank).
pub fn surnames() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::from_data(include_str!("../../data/surnames.txt")))
}

/// Common middle names (`data/middle_names.txt`).
pub fn middle_names() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::from_data(include_str!("../../data/middle_names.txt")))
}

/// Position titles, ranks and Party memberships (`data/titles.txt`, field 2 the kind).
pub fn titles() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::from_data(include_str!("../../data/titles.txt")))
}

/// Honorifics written before a name (`data/honorifics.txt`).
pub fn honorifics() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::from_data(include_str!("../../data/honorifics.txt")))
}

/// Organisations and organisation heads (`data/bodies.txt`: entry, kind, optional "open").
pub fn bodies() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::from_data(include_str!("../../data/bodies.txt")))
}

/// Words naming the kind of an administrative unit (`data/place_kinds.txt`).
pub fn place_kinds() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::from_data(include_str!("../../data/place_kinds.txt")))
}

/// Abbreviations and their expansions (`data/abbreviations.txt`).
pub fn abbreviations() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::from_data(include_str!("../../data/abbreviations.txt")))
}

/// The lexicons matched on every segment, in this order: titles, unit kinds, bodies, unit
/// names (the gazetteer), honorifics, abbreviations.
pub fn segment_lexicons() -> &'static LexiconSet<6> {
    static SET: OnceLock<LexiconSet<6>> = OnceLock::new();
    SET.get_or_init(|| LexiconSet::new(segment_lexicon_list()))
}

/// The lexicons of [`segment_lexicons`] searched from a word in lower case (bit `l` for
/// lexicon `l`): titles, unit kinds, bodies and honorifics ("chủ tịch", "huyện", "ông").
/// The names of units and the abbreviations are proper names, written with capitals, and
/// searched from other words only: "thôn văn hóa" is a village's title, not the commune
/// of Văn Hóa.
pub const FROM_LOWER_CASE: u8 = 0b01_0111;

/// The lexicons of [`segment_lexicons`], in its order.
fn segment_lexicon_list() -> [&'static Lexicon; 6] {
    [
        titles(),
        place_kinds(),
        bodies(),
        &gazetteer().names,
        honorifics(),
        abbreviations(),
    ]
}

/// Administrative units of Vietnam, legacy and 2025 (`data/gazetteer.txt`).
#[derive(Debug)]
pub struct Gazetteer {
    /// The unit names.
    pub names: Lexicon,
    /// For each name (same order), its kind letters (see the data file's header).
    kinds: Vec<&'static str>,
}

impl Gazetteer {
    /// The kind letters of name `entry`: t tỉnh, c thành phố, h huyện, x thị xã, q quận,
    /// a xã, p phường, n thị trấn, k đặc khu; upper case when in the 2025 list.
    pub fn kinds(&self, entry: usize) -> &'static str {
        self.kinds.get(entry).copied().unwrap_or("")
    }

    /// True when name `entry` is (or was) a province, city, district or town.
    pub fn is_major(&self, entry: usize) -> bool {
        self.kinds(entry)
            .chars()
            .any(|k| "tcxqhk".contains(k.to_ascii_lowercase()))
    }

    /// The unit kind of name `entry` in words, the highest level first.
    pub fn kind_name(&self, entry: usize) -> &'static str {
        let kinds = self.kinds(entry).to_ascii_lowercase();
        const ORDER: [(char, &str); 9] = [
            ('t', "tỉnh"),
            ('c', "thành phố"),
            ('h', "huyện"),
            ('x', "thị xã"),
            ('q', "quận"),
            ('k', "đặc khu"),
            ('n', "thị trấn"),
            ('p', "phường"),
            ('a', "xã"),
        ];
        ORDER
            .iter()
            .find(|(k, _)| kinds.contains(*k))
            .map_or("", |(_, name)| name)
    }
}

/// The gazetteer, parsed once.
pub fn gazetteer() -> &'static Gazetteer {
    static GAZ: OnceLock<Gazetteer> = OnceLock::new();
    GAZ.get_or_init(|| parse_gazetteer(include_str!("../../data/gazetteer.txt")))
}

fn parse_gazetteer(data: &'static str) -> Gazetteer {
    let mut expanded = String::with_capacity(data.len() * 2);
    let mut kinds = Vec::new();
    let mut current = "";
    let mut previous = String::new();
    for line in data_lines(data) {
        if let Some(group) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = group;
            previous.clear();
        } else {
            front_decode(&mut previous, line);
            expanded.push_str(&previous);
            expanded.push('\n');
            kinds.push(current);
        }
    }
    // Built once per process (a `OnceLock`): the expanded names live as long as the lexicon.
    let names = Lexicon::from_lines(Box::leak(expanded.into_boxed_str()));
    debug_assert_eq!(names.len(), kinds.len(), "one kind group per name");
    Gazetteer { names, kinds }
}

/// Expands a front-coded name line ("7 Tây": a digit, the characters shared with the name
/// before it, then the rest) over `name`, the name before it ("An Bình" → "An Bình Tây").
fn front_decode(name: &mut String, line: &str) {
    let mut chars = line.chars();
    let shared = chars.next().and_then(|d| d.to_digit(10)).unwrap_or(0) as usize;
    let cut = name
        .char_indices()
        .nth(shared)
        .map_or(name.len(), |(i, _)| i);
    name.truncate(cut);
    name.push_str(chars.as_str());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    #[test]
    fn gazetteer_knows_units_before_and_after_2025() {
        let gaz = gazetteer();
        let can_loc = gaz.names.lookup(&fold("Can Lộc")).expect("Can Lộc");
        assert_eq!(gaz.kind_name(can_loc), "huyện");
        let ha_tinh = gaz.names.lookup(&fold("hà tĩnh")).expect("Hà Tĩnh");
        assert!(gaz.kinds(ha_tinh).contains('T'));
        assert!(gaz.is_major(ha_tinh));
        assert!(gaz.names.len() > 7000);
    }

    #[test]
    fn gazetteer_names_are_front_coded() {
        for (previous, line, name) in [
            ("An Bình", "7 Tây", "An Bình Tây"),
            ("Ea H'leo", "0Ea Kar", "Ea Kar"),
            ("", "0Đắk Mil", "Đắk Mil"),
            ("Đắk Mil", "3 Nông", "Đắk Nông"),
        ] {
            let mut decoded = previous.to_string();
            front_decode(&mut decoded, line);
            assert_eq!(decoded, name);
        }
        let gaz = gazetteer();
        assert!(gaz.names.lookup(&fold("An Bình Tây")).is_some());
        assert!(gaz.names.lookup(&fold("Krông Búk")).is_some());
    }

    #[test]
    fn every_list_compiles() {
        for lex in [
            surnames(),
            middle_names(),
            titles(),
            honorifics(),
            bodies(),
            place_kinds(),
            abbreviations(),
        ] {
            assert_ne!(lex.len(), 0);
        }
    }
}

#[cfg(test)]
mod set_tests {
    use super::*;
    use crate::text::fold;

    /// One pass over the segment lexicons finds what each lexicon's own automaton finds,
    /// including the matches a word-boundary filter drops later (they hide overlapping ones).
    #[test]
    fn the_set_finds_what_each_automaton_finds() {
        let mut texts = vec![fold(
            "TP. Hà Tĩnh, TP.HCM, Lan Phú Yên; Thanh Sơn; anh Nam; Sở GD&ĐT; Đ/c Hòa",
        )];
        texts.extend(super::super::corpus_texts().iter().map(|t| fold(t)));
        let lexicons = segment_lexicon_list();
        let set = segment_lexicons();
        let mut hits = 0;
        for text in &texts {
            let found = set.find_all(text);
            for (lexicon, found) in lexicons.iter().zip(&found) {
                let expected: Vec<_> = lexicon.find_all(text).collect();
                assert_eq!(found, &expected);
                hits += found.len();
            }
        }
        assert!(hits > 100, "{hits}");
    }
}
