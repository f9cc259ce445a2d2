//! Abbreviations found in the text ("KT-XH", "UBND", "NTM"), expanded from
//! `data/abbreviations.txt`. Only capitals count: "Tp" or "ubnd" in running text are not taken.

use super::context::Context;
use super::lexicons;
use super::FoundAbbreviation;
use crate::text::fold;
use crate::text::letters::is_lower;

/// The abbreviations of the article's segments, each once with all its mentions.
pub fn find(contexts: &[Context]) -> Vec<FoundAbbreviation> {
    let lexicon = lexicons::abbreviations();
    let mut found: Vec<FoundAbbreviation> = Vec::new();
    // The key of each of `found`: its short form folded, without spaces.
    let mut keys: Vec<String> = Vec::new();
    for cx in contexts {
        for hit in cx.abbreviations.iter().cloned() {
            let written = cx.words.phrase(hit.words.clone());
            let before = cx.words.text[..cx.words.byte_range(hit.words.clone()).start]
                .chars()
                .next_back();
            if written.chars().any(is_lower) || before == Some('/') {
                continue;
            }
            let Some(long) = lexicon.fields(hit.entry).get(1) else {
                continue;
            };
            let range = cx.words.norm_range(hit.words);
            let short_key = if written.contains(' ') {
                fold(&written.replace(' ', ""))
            } else {
                fold(&written)
            };
            match keys.iter().position(|k| *k == short_key) {
                Some(a) => found[a].mentions.push(range),
                None => {
                    keys.push(short_key);
                    found.push(FoundAbbreviation {
                        short: written.into_owned(),
                        long: (*long).to_string(),
                        mentions: vec![range],
                    });
                }
            }
        }
    }
    found
}
