//! The word lists of the entities stage, compiled once per process from `data/`.

use crate::lexicon::{data_lines, Lexicon};
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
    let mut names = Vec::new();
    let mut kinds = Vec::new();
    let mut current = "";
    let mut previous = String::new();
    for line in data_lines(data) {
        if let Some(group) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = group;
            previous.clear();
        } else {
            previous = front_decoded(&previous, line);
            names.push(previous.clone());
            kinds.push(current);
        }
    }
    // Built once per process (a `OnceLock`): the expanded names live as long as the lexicon.
    let expanded: &'static str = Box::leak(names.join("\n").into_boxed_str());
    let names: Vec<&'static str> = expanded.split('\n').collect();
    let names = Lexicon::from_words(&names);
    debug_assert_eq!(names.len(), kinds.len(), "one kind group per name");
    Gazetteer { names, kinds }
}

/// A front-coded name line ("7 Tây": a digit, the characters shared with `previous`, then the
/// rest) expanded ("An Bình Tây" after "An Bình").
fn front_decoded(previous: &str, line: &str) -> String {
    let mut chars = line.chars();
    let shared = chars.next().and_then(|d| d.to_digit(10)).unwrap_or(0) as usize;
    let mut name: String = previous.chars().take(shared).collect();
    name.push_str(chars.as_str());
    name
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
        assert_eq!(front_decoded("An Bình", "7 Tây"), "An Bình Tây");
        assert_eq!(front_decoded("Ea H'leo", "0Ea Kar"), "Ea Kar");
        assert_eq!(front_decoded("", "0Đắk Mil"), "Đắk Mil");
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
            assert!(!lex.is_empty());
        }
    }
}
