//! # thidua
//!
//! Turns a pasted Vietnamese news article about emulation and reward (thi đua – khen
//! thưởng) into a structured [`Summary`]: title, lead, byline, the event (kind, date with
//! the year inferred, place), officials with their titles, organisations and places, every
//! figure, awards and their counts, movements, cited documents, key sentences and the page
//! boilerplate that was stripped. Every fact carries the [`Span`] of its evidence, in UTF-16
//! code units of the input exactly as given.
//!
//! ```
//! let article = "Chiều 29/12, tại Can Lộc, Cụm thi đua số 1 tổ chức hội nghị tổng kết \
//!                công tác thi đua năm 2022.";
//! let summary = thidua::extract(article, &thidua::Options::default()).unwrap();
//! assert_eq!(summary.event.date.as_deref(), Some("2022-12-29"));
//! ```
//!
//! ## The pipeline
//!
//! Data flows one way, one module a stage:
//!
//! 1. [`text`]: NFC, lookalikes, HTML stripped, a folded matching key, offsets back to the input;
//! 2. [`clean`]: every line classed as title, meta, lead, body, caption or boilerplate;
//! 3. [`parse`]: numbers, money, percentages, ratios, dates and times (pure functions);
//! 4. [`entities`]: people and their titles, organisations, places, abbreviations;
//! 5. [`facts`]: the event, awards, figures in context, documents, movements, clusters;
//! 6. [`summary`]: key sentences; then one [`Summary`] value.
//!
//! The library never panics on any input: the only error is input over the size limit.

/// The Unicode White_Space set as a regex class: what `\s` matches, written out because the
/// `regex` feature `unicode-perl` (its tables) is left out of the build. For use in `concat!`.
macro_rules! ws {
    () => {
        r"[\t-\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}]"
    };
}

pub mod clean;
pub mod date;
pub mod entities;
mod error;
pub mod factbox;
pub mod facts;
mod lexicon;
pub mod model;
pub mod parse;
pub mod summary;
#[cfg(test)]
mod test_texts;
pub mod text;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use date::Date;
pub use error::Error;
pub use model::*;

/// Default limit on the input size, in bytes of UTF-8 (5 MB).
pub const DEFAULT_MAX_INPUT_BYTES: usize = 5 * 1024 * 1024;

/// How to read an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Publication date, used to infer the year of dates written without one ("Chiều 29/12")
    /// and to resolve "hôm nay", "hôm qua". When `None`, the publish date found in the page
    /// is used, then the years the article itself names.
    pub reference_date: Option<Date>,
    /// Inputs longer than this many UTF-8 bytes are refused with an error.
    pub max_input_bytes: usize,
    /// How many key sentences to choose for `summary` (3–5 reads best).
    pub summary_sentences: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            reference_date: None,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            summary_sentences: 4,
        }
    }
}

/// Reads an article and returns its structured summary.
///
/// Total on every input within the size limit: empty text, HTML, another language or binary
/// garbage give a summary with `warnings`, never a panic.
///
/// # Errors
///
/// Returns an error when `input` is longer than `options.max_input_bytes`.
pub fn extract(input: &str, options: &Options) -> Result<Summary, Error> {
    let mut read = extract_each(&[input], options);
    // One result for the one input.
    read.pop().unwrap_or_else(|| Ok(Summary::default()))
}

/// Reads several articles: for each input, what [`extract`] returns, in the same order.
///
/// Each stage runs over all the articles before the next one starts, instead of each article
/// going through every stage in turn. The results are the same; the work is faster (about
/// 10% over the dev set in one batch) because the processor keeps one stage's code and branch
/// history warm from one article to the next. Every intermediate result of the batch is held
/// at once: give it a few dozen articles at a time, not a whole archive.
pub fn extract_each(inputs: &[&str], options: &Options) -> Vec<Result<Summary, Error>> {
    let checked: Vec<Result<&str, Error>> = inputs.iter().map(|i| check_size(i, options)).collect();
    let texts: Vec<text::Text> = checked
        .iter()
        .flatten()
        .map(|i| text::Text::new(i))
        .collect();
    let articles: Vec<clean::Article> = texts.iter().map(clean::clean).collect();
    let found: Vec<entities::Entities> = texts
        .iter()
        .zip(&articles)
        .map(|(t, a)| entities::extract(t, a))
        .collect();
    let facts: Vec<facts::Facts> = (texts.iter().zip(&articles).zip(&found))
        .map(|((t, a), e)| facts::extract(t, a, e, reference_date(options, a)))
        .collect();
    let summaries: Vec<Vec<Sentence>> = (texts.iter().zip(&articles).zip(&facts))
        .map(|((t, a), f)| summary::key_sentences(t, a, f, options.summary_sentences))
        .collect();
    let mut done = (texts
        .iter()
        .zip(articles)
        .zip(found)
        .zip(facts)
        .zip(summaries))
    .map(|((((t, a), e), f), s)| assemble(t, a, e, f, s));
    // One summary was made for every input of an accepted size, in order.
    checked
        .into_iter()
        .map(|c| c.map(|_| done.next().unwrap_or_default()))
        .collect()
}

/// The date that dates without a year are read against: the one given, else the article's.
fn reference_date(options: &Options, article: &clean::Article) -> Option<Date> {
    options.reference_date.or(article.reference_date())
}

/// `input`, or the error for an input over the size limit.
fn check_size<'a>(input: &'a str, options: &Options) -> Result<&'a str, Error> {
    if input.len() > options.max_input_bytes {
        return Err(Error::too_large(input.len(), options.max_input_bytes));
    }
    Ok(input)
}

/// Puts the stages' results together into the one output value.
fn assemble(
    text: &text::Text,
    article: clean::Article,
    found: entities::Entities,
    facts: facts::Facts,
    summary: Vec<Sentence>,
) -> Summary {
    let mut warnings = article.warnings(text);
    warnings.extend(facts.warnings.iter().cloned());
    let body = article.paragraphs(text);
    Summary {
        version: CONTRACT_VERSION,
        title: article.title_text(text),
        title_span: article.title.clone().map(|r| text.span(r)),
        lead: article.lead_in(&body),
        lead_span: article.lead.clone().map(|r| text.span(r)),
        source: article.source.clone(),
        published: article.published.map(|d| d.to_string()),
        authors: article.authors.iter().map(|a| a.name.clone()).collect(),
        event: facts.event,
        people: found.people_output(text),
        organizations: found.organizations_output(text),
        places: found.places_output(text),
        abbreviations: found.abbreviations_output(text),
        figures: facts.figures,
        awards: facts.awards,
        documents: facts.documents,
        movements: facts.movements,
        clusters: facts.clusters,
        summary,
        body,
        removed: article.removed(text),
        warnings,
    }
}
