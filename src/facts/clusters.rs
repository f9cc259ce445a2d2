//! Emulation-cluster facts: the handover of the cluster lead ("bàn giao cho huyện Lộc Hà làm
//! Trưởng Cụm thi đua năm 2022") and the signing of an emulation pledge ("ký kết giao ước thi
//! đua năm 2022").

use super::Passage;
use crate::model::ClusterFact;
use crate::text::Text;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// Words naming the lead of a cluster or bloc, folded.
const LEAD_WORDS: [&str; 5] = [
    "trưởng cụm",
    "cụm trưởng",
    "khối trưởng",
    "trưởng khối",
    "cụm phó",
];
/// Words of a pledge, folded.
const PLEDGE_WORDS: [&str; 2] = ["ký kết giao ước", "ký giao ước"];

fn cluster_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:Cụm|Khối|cụm|khối) (?:[Tt]hi đua|TĐ)(?: [Ss]ố)? ?[0-9IVX]+")
            .expect("cluster name compiles")
    })
}

/// The range of the first "năm " and four digits in `fold`.
fn first_year(fold: &str) -> Option<Range<usize>> {
    const CUE: &str = "năm ";
    fold.match_indices(CUE)
        .map(|(i, _)| i..i + CUE.len() + 4)
        .find(|r| {
            fold.as_bytes()
                .get(r.end - 4..r.end)
                .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
        })
}

/// The unit after "cho" up to "làm" or a comma: the new lead of a handover.
fn successor(s: &str, fold: &str, from: usize, end: usize) -> Option<Range<usize>> {
    let at = from + super::find_literal(&fold[from..end], "cho ")? + "cho ".len();
    let stop = [" làm ", ",", ";", " giữ "]
        .iter()
        .filter_map(|w| super::find_literal(&fold[at..end], w))
        .min()
        .map_or(end, |i| at + i);
    super::non_empty_trimmed(s, at..stop)
}

/// A sentence being read, with what is needed to report a fact from it.
struct Read<'a> {
    text: &'a Text,
    passage: &'a Passage<'a>,
    sentence: Range<usize>,
}

impl Read<'_> {
    /// The fact of kind `kind` whose keyword stands at `at` (byte offset in the sentence).
    fn fact(
        &self,
        kind: &str,
        cluster: Option<String>,
        to: Option<String>,
        at: usize,
    ) -> ClusterFact {
        let s = &self.passage.text[self.sentence.clone()];
        let fold = &self.passage.fold[self.sentence.clone()];
        let period = first_year(&fold[at..]).map(|r| s[at + r.start..at + r.end].to_string());
        ClusterFact {
            kind: kind.to_string(),
            cluster,
            to,
            period,
            text: crate::clean::collapse_spaces(s),
            span: self.passage.span(self.text, self.sentence.clone()),
        }
    }
}

/// The cluster facts of the article, in text order (one pledge at most).
pub fn find(text: &Text, passages: &[Passage]) -> Vec<ClusterFact> {
    let mut out: Vec<ClusterFact> = Vec::new();
    // Both a handover ("bàn giao") and a pledge ("giao ước") hold "giao", looked for with
    // `str::contains`: many words start with "g", where contains_literal would stop.
    let speaks_of_either = |p: &&Passage| p.is_article_text() && p.fold.contains("giao");
    for passage in passages.iter().filter(speaks_of_either) {
        for sentence in passage.sentences().iter().cloned() {
            if !passage.fold[sentence.clone()].contains("giao") {
                continue;
            }
            let read = Read {
                text,
                passage,
                sentence: sentence.clone(),
            };
            let s = &passage.text[sentence.clone()];
            let fold = &passage.fold[sentence];
            let cluster = || cluster_regex().find(s).map(|m| m.as_str().to_string());
            let handover = super::find_word(fold, "bàn giao").filter(|_| {
                LEAD_WORDS
                    .iter()
                    .any(|w| super::find_word(fold, w).is_some())
            });
            if let Some(at) = handover {
                let to = successor(s, fold, at, s.len()).map(|r| s[r].to_string());
                out.push(read.fact("handover", cluster(), to, at));
            }
            let pledge = PLEDGE_WORDS.iter().find_map(|w| super::find_word(fold, w));
            if let Some(at) = pledge {
                if !out.iter().any(|f| f.kind == "pledge") {
                    out.push(read.fact("pledge", cluster(), None, at));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::first_year;
    use crate::facts::extract_paragraph;

    #[test]
    fn the_first_year_is_four_digits_after_nam() {
        let cases = [
            ("trưởng cụm năm 2022.", Some("năm 2022")),
            ("năm nay, năm 20231", Some("năm 2023")),
            ("năm 22, năm học", None),
        ];
        for (fold, year) in cases {
            assert_eq!(first_year(fold).map(|r| &fold[r]), year, "{fold}");
        }
    }

    #[test]
    fn handovers_and_pledges_are_read() {
        let (_, facts) = extract_paragraph(
            "Hội nghị đã bàn giao cho huyện Lộc Hà làm Trưởng Cụm thi đua số 2 năm 2022. \
             Các đơn vị ký kết giao ước thi đua năm 2022.",
            None,
        );
        let kinds: Vec<&str> = facts.clusters.iter().map(|c| c.kind.as_str()).collect();
        assert_eq!(kinds, ["handover", "pledge"]);
        assert_eq!(facts.clusters[0].to.as_deref(), Some("huyện Lộc Hà"));
        assert_eq!(
            facts.clusters[0].cluster.as_deref(),
            Some("Cụm thi đua số 2")
        );
        assert_eq!(facts.clusters[1].period.as_deref(), Some("năm 2022"));
    }
}
