//! Third stage: numbers, money, percentages, ratios, dates and times, as pure functions.
//!
//! [`scan`] finds every value in a string and returns it with its byte range in that string.
//! Vietnamese conventions: "8,3" is 8.3, "3.200" is 3200, day before month.
//!
//! The scanner splits the string into tokens once ([`token`]) and tries, at each token, a date
//! ([`date`]), a clock time ([`time`]) and a figure ([`figure`]: money, percent, ratio,
//! quantity, count or bare number), each a small matcher that looks a bounded number of tokens
//! ahead. Nothing is compiled per call and nothing backtracks, so any input scans in linear
//! time. Years missing from dates are inferred by [`infer_year`] ([`year`]).

mod date;
mod figure;
mod number;
mod time;
mod token;
mod word_set;
mod year;

pub use number::{format_vietnamese, parse_digits, parse_number, CommaHint};
pub(crate) use word_set::WordSet;
pub use year::{infer_year, plausible_event_day, YearHints, YearRole};

use crate::date::Date;
use crate::lexicon::{BuildKeyHasher, Lexicon};
use crate::text::fold;
use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;
use token::{Token, TokenKind};

/// What a value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// A bare number.
    Number,
    /// An amount of money.
    Money,
    /// A percentage.
    Percent,
    /// A completion fraction "32/39".
    Ratio,
    /// A counted noun ("97 mô hình").
    Count,
    /// A measured quantity ("19 nghìn tấn").
    Quantity,
    /// A day, month or year.
    Date,
    /// A clock time.
    Time,
}

impl ValueKind {
    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ValueKind::Number => "number",
            ValueKind::Money => "money",
            ValueKind::Percent => "percent",
            ValueKind::Ratio => "ratio",
            ValueKind::Count => "count",
            ValueKind::Quantity => "quantity",
            ValueKind::Date => "date",
            ValueKind::Time => "time",
        }
    }
}

/// A qualifier before a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approx {
    /// "gần": a little under.
    Below,
    /// "trên", "hơn", "vượt": over.
    Above,
    /// "khoảng", "ước", "xấp xỉ": about.
    About,
}

impl Approx {
    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Approx::Below => "below",
            Approx::Above => "above",
            Approx::About => "about",
        }
    }
}

/// A value found in a string.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    /// What it is.
    pub kind: ValueKind,
    /// The number: đồng for VND (the currency's own unit for others), the percentage number,
    /// the fraction for ratios, the hour (with minutes as a fraction) for times; 0 for dates,
    /// which carry `date`.
    pub value: f64,
    /// ISO currency code, "%" or the measure unit.
    pub unit: Option<String>,
    /// Per-unit of a rate ("người/năm").
    pub per: Option<String>,
    /// Qualifier.
    pub approx: Option<Approx>,
    /// Upper bound of a range ("từ 95-97%": 97).
    pub upper: Option<f64>,
    /// Ratio numerator.
    pub numerator: Option<f64>,
    /// Ratio denominator.
    pub denominator: Option<f64>,
    /// Counted noun ("mô hình", "chỉ tiêu"), as written.
    pub noun: Option<String>,
    /// For dates: what is known of the day.
    pub date: Option<PartialDate>,
    /// For date ranges ("24 và 25/7/2019", "từ ngày 3/3 đến ngày 5/3"): the last day.
    pub until: Option<PartialDate>,
    /// For clock times.
    pub time: Option<ClockTime>,
    /// Byte range in the scanned string (qualifier included).
    pub range: Range<usize>,
}

impl Value {
    /// A value of `kind` with only its number and range set.
    fn new(kind: ValueKind, value: f64, range: Range<usize>) -> Value {
        Value {
            kind,
            value,
            unit: None,
            per: None,
            approx: None,
            upper: None,
            numerator: None,
            denominator: None,
            noun: None,
            date: None,
            until: None,
            time: None,
            range,
        }
    }
}

/// A date as written, possibly without a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PartialDate {
    /// Year, when written.
    pub year: Option<i32>,
    /// Month, when written.
    pub month: Option<u32>,
    /// Day, when written.
    pub day: Option<u32>,
    /// Quarter of the year ("quý 3", "quý III"), when written instead of a month.
    pub quarter: Option<u32>,
    /// Days from the reference date for relative dates ("hôm qua" -1, "hôm nay" 0), when the
    /// scan had no reference date to resolve them with.
    pub relative_days: Option<i32>,
    /// "sáng", "trưa", "chiều", "tối", "đêm", when written just before.
    pub part_of_day: Option<&'static str>,
}

impl PartialDate {
    /// The full date, taking a missing year from `year`.
    pub fn with_year(self, year: i32) -> Option<Date> {
        Date::new(self.year.unwrap_or(year), self.month?, self.day?)
    }

    /// "YYYY-MM-DD" when complete; otherwise what is known: "MM-DD", "YYYY-MM", "--MM",
    /// "YYYY", "YYYY-Q3", "Q3", or "today", "today-1", "today+1" for an unresolved relative
    /// date.
    pub fn to_iso(self) -> String {
        match (self.year, self.month, self.day, self.quarter) {
            (Some(y), Some(m), Some(d), _) => format!("{y:04}-{m:02}-{d:02}"),
            (None, Some(m), Some(d), _) => format!("{m:02}-{d:02}"),
            (Some(y), Some(m), None, _) => format!("{y:04}-{m:02}"),
            (None, Some(m), None, _) => format!("--{m:02}"),
            (Some(y), None, _, Some(q)) => format!("{y:04}-Q{q}"),
            (None, None, _, Some(q)) => format!("Q{q}"),
            (Some(y), None, _, None) => format!("{y:04}"),
            _ => match self.relative_days {
                Some(0) => "today".to_string(),
                Some(days) => format!("today{days:+}"),
                None => String::new(),
            },
        }
    }
}

/// A time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ClockTime {
    /// Hour, 0–24.
    pub hour: u32,
    /// Minute, 0–59.
    pub minute: u32,
    /// Second, when written.
    pub second: Option<u32>,
}

impl ClockTime {
    /// A time written to the minute.
    pub fn hm(hour: u32, minute: u32) -> ClockTime {
        ClockTime {
            hour,
            minute,
            second: None,
        }
    }

    /// "HH:MM", or "HH:MM:SS" when seconds are written.
    pub fn to_iso(self) -> String {
        match self.second {
            Some(s) => format!("{:02}:{:02}:{s:02}", self.hour, self.minute),
            None => format!("{:02}:{:02}", self.hour, self.minute),
        }
    }
}

/// Every value in `s`, in text order, each with its byte range in `s`. `reference` (the
/// publication date) resolves relative dates ("hôm qua"); years missing from written dates are
/// left for [`infer_year`].
pub fn scan(s: &str, reference: Option<Date>) -> Vec<Value> {
    scan_folded(s, &fold(s), reference)
}

/// [`scan`] of `s` whose folded key (`fold(s)`) the caller already holds.
pub fn scan_folded(s: &str, folded: &str, reference: Option<Date>) -> Vec<Value> {
    Scanner::new(s, folded, reference).run()
}

/// [`scan_folded`], with the starts of the words of `s` that `first` may hold (as folded
/// keys): the byte offsets of the letters that follow no letter or digit (word boundaries of
/// `folded`), read off the scan's own tokens instead of a second pass over the string. A
/// whole-word search of `folded` for keys that start with a letter, their first words (runs
/// of letters) in `first`, needs to start from these only.
pub(crate) fn scan_words(
    s: &str,
    folded: &str,
    reference: Option<Date>,
    first: &WordBits,
) -> (Vec<Value>, Vec<usize>) {
    let scanner = Scanner::new(s, folded, reference);
    let toks = &scanner.toks;
    // A word token is a run of letters: it follows white space, a mark or a number. White
    // space or an ASCII mark before it makes a boundary; anything else is read.
    let mut words = Vec::with_capacity(toks.len());
    words.extend(
        (0..toks.len())
            .filter(|&k| {
                toks[k].kind == TokenKind::Word
                    && first.may_hold(toks[k].key)
                    && (k == 0
                        || !token::glued(toks, k - 1)
                        || toks[k - 1].kind == TokenKind::Mark && toks[k - 1].text.len() == 1
                        || crate::lexicon::is_word_boundary(folded, toks[k].range.start))
            })
            .map(|k| toks[k].range.start),
    );
    (scanner.run(), words)
}

/// True when `values[k]` (from `scan(s, ..)`) is a full date stamped with a clock time next to
/// it ("11:40 | 03/01/2024", "Thứ 5, 29/12/2022 | 17:40:19", "17:25 06/12/2020") or alone in
/// `s` ("26/07/2019"): a page's publication stamp rather than a date the text reports.
pub fn is_stamp(s: &str, values: &[Value], k: usize) -> bool {
    let Some(v) = values.get(k) else { return false };
    let full = v.date.is_some_and(|d| d.year.is_some() && d.day.is_some()) && v.until.is_none();
    if !full {
        return false;
    }
    let only_marks = |r: Range<usize>| {
        s.get(r).is_some_and(|gap| {
            gap.chars()
                .all(|c| !crate::text::letters::is_letter_or_digit(c))
                && gap.len() <= 4
        })
    };
    let time_next_to = |j: Option<usize>| {
        j.and_then(|j| values.get(j)).is_some_and(|t| {
            t.kind == ValueKind::Time
                && (only_marks(v.range.end..t.range.start)
                    || only_marks(t.range.end..v.range.start))
        })
    };
    let alone = s.get(v.range.clone()).is_some_and(|d| d == s.trim());
    time_next_to(k.checked_sub(1)) || time_next_to(Some(k + 1)) || alone
}

/// The folded words a value can start with, in byte order: weekdays, parts of day and the
/// other date words ([`date`]), ordinal words, qualifiers, "từ", "âm" and the spelled digits
/// ([`figure`]). Every other word starts no value: the matchers are not tried on it. Keep it
/// in step with the first word each matcher reads.
const VALUE_START_WORDS: [&str; 44] = [
    "ba", "bảy", "bẩy", "bốn", "chiều", "chín", "chưa", "chủ", "chừng", "dưới", "giai", "gần",
    "hai", "hôm", "hơn", "hạng", "khoảng", "không", "mùng", "mười", "mồng", "một", "ngày", "nhiệm",
    "năm", "quý", "sáng", "sáu", "số", "tháng", "thời", "thứ", "top", "trên", "trưa", "tám", "tối",
    "từ", "vượt", "xấp", "âm", "ít", "đêm", "ước",
];

/// [`VALUE_START_WORDS`] packed by [`packed_word`], in the same (numeric) order.
const VALUE_START_KEYS: [u64; VALUE_START_WORDS.len()] = {
    let mut out = [0; VALUE_START_WORDS.len()];
    let mut k = 0;
    while k < out.len() {
        out[k] = packed_word(VALUE_START_WORDS[k]);
        k += 1;
    }
    out
};

/// [`VALUE_START_KEYS`] as a filter: one bit test rejects most other words before the
/// binary search.
const VALUE_STARTS: WordBits = WordBits::from_packed(&VALUE_START_KEYS);

/// True when the packed word `key` is one of [`VALUE_START_KEYS`].
fn is_value_start(key: u64) -> bool {
    VALUE_STARTS.may_hold_packed(key) && VALUE_START_KEYS.binary_search(&key).is_ok()
}

/// A set of words as a filter of 1024 bits (128 bytes), one for each word of at most 8 bytes
/// ([`packed_word`]): a word whose bit is clear is none of them, and most other words are
/// told apart by that one test; a longer word is never ruled out.
#[derive(Debug)]
pub(crate) struct WordBits([u64; 16]);

impl WordBits {
    /// The filter of the words packed as `keys`.
    const fn from_packed(keys: &[u64]) -> WordBits {
        let mut bits = [0u64; 16];
        let mut k = 0;
        while k < keys.len() {
            let bit = Self::bit(keys[k]);
            bits[bit / 64] |= 1 << (bit % 64);
            k += 1;
        }
        WordBits(bits)
    }

    /// The filter of `words` (folded keys).
    pub(crate) fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> WordBits {
        let keys: Vec<u64> = words.into_iter().filter_map(packed_key).collect();
        WordBits::from_packed(&keys)
    }

    /// The bit of a packed word: the top 10 bits of a multiplicative hash.
    const fn bit(key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54) as usize
    }

    /// False only when the packed word `key` is none of the set's words.
    fn may_hold_packed(&self, key: u64) -> bool {
        let bit = Self::bit(key);
        self.0[bit / 64] >> (bit % 64) & 1 != 0
    }

    /// False only when `word` is none of the set's words.
    pub(crate) fn may_hold(&self, word: &str) -> bool {
        packed_key(word).map_or(true, |key| self.may_hold_packed(key))
    }
}

/// A word of at most 8 bytes as one number, its bytes big-endian and zero-padded: one
/// integer comparison instead of a string comparison, in the same order (keys hold no NUL).
const fn packed_word(word: &str) -> u64 {
    let bytes = word.as_bytes();
    assert!(bytes.len() <= 8, "packed words have at most 8 bytes");
    if bytes.is_empty() {
        return 0;
    }
    let mut out = 0u64;
    let mut k = 0;
    while k < bytes.len() {
        out = out << 8 | bytes[k] as u64;
        k += 1;
    }
    out << (8 * (8 - bytes.len()))
}

/// [`packed_word`] at run time (`None` for a word of more than 8 bytes): its bytes read into
/// a register ([`crate::lexicon::zero_padded_le`]), the first one highest.
fn packed_key(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    (bytes.len() <= 8).then(|| crate::lexicon::zero_padded_le(bytes).swap_bytes())
}

/// Most tokens a lexicon entry is looked up over, in [`Scanner::longest`].
const MAX_KEY_TOKENS: usize = 8;

/// What a matcher found at a token: a value (or nothing worth reporting, for document codes
/// and ranks that must not be read as figures) and the index of the next token to look at.
type Found = (Option<Value>, usize);

/// The tokens of one scanned string and what the matchers share.
struct Scanner<'a> {
    src: &'a str,
    /// `fold(src)`.
    folded: &'a str,
    toks: Vec<Token<'a>>,
    reference: Option<Date>,
}

/// A measure unit or currency found after a number.
#[derive(Debug, Clone)]
struct Unit {
    /// Canonical unit ("tấn", "km2", "VND", "USD").
    name: &'static str,
    /// True for currencies.
    money: bool,
    /// True for durations ("năm", "tháng", "ngày").
    duration: bool,
    /// Index of the token after the unit.
    next: usize,
}

impl<'a> Scanner<'a> {
    /// The scanner of `s`, whose folded key is `folded`.
    fn new(s: &'a str, folded: &'a str, reference: Option<Date>) -> Scanner<'a> {
        Scanner {
            src: s,
            folded,
            toks: token::tokenize(s, folded),
            reference,
        }
    }

    /// Tries the matchers at each token in turn; a match resumes after what it read.
    fn run(&self) -> Vec<Value> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            if !self.may_start_value(i) {
                i += 1;
                continue;
            }
            let found = self
                .skip_identifier(i)
                .or_else(|| date::at(self, i))
                .or_else(|| time::at(self, i))
                .or_else(|| figure::at(self, i));
            match found {
                Some((value, next)) => {
                    out.extend(value);
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
        out
    }

    /// True for digits, for the marks a figure can start with ("$5", "-5") and for the words
    /// of [`VALUE_START_WORDS`]: no matcher reads a value from any other token.
    fn may_start_value(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        match t.kind {
            TokenKind::Num => true,
            TokenKind::Mark => t.is_dash() || t.is_mark('$'),
            TokenKind::Word => packed_key(t.key).is_some_and(is_value_start),
        }
    }

    /// Token `j`, if any.
    fn tok(&self, j: usize) -> Option<&Token<'_>> {
        self.toks.get(j)
    }

    /// The folded key of token `j` when it is a word.
    fn word(&self, j: usize) -> Option<&str> {
        self.tok(j)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.key)
    }

    /// True when token `j` is a word among `words` (folded keys).
    fn is_word(&self, j: usize, words: &[&str]) -> bool {
        self.tok(j).is_some_and(|t| t.is_word(words))
    }

    /// True when token `j` is the mark `c`.
    fn is_mark(&self, j: usize, c: char) -> bool {
        self.tok(j).is_some_and(|t| t.is_mark(c))
    }

    /// True when token `j` ends where token `j + 1` starts.
    fn glued(&self, j: usize) -> bool {
        token::glued(&self.toks, j)
    }

    /// Byte range from the start of token `from` to the end of token `to - 1`.
    fn range(&self, from: usize, to: usize) -> Range<usize> {
        let start = self.toks.get(from).map_or(0, |t| t.range.start);
        let end = self
            .toks
            .get(to.saturating_sub(1))
            .map_or(start, |t| t.range.end);
        start..end.max(start)
    }

    /// The key of tokens `j..j + n`: folded, joined by a space where the text has a gap. It
    /// is the folded text itself when every gap is one space (and each token has its key).
    fn joined_key(&self, j: usize, n: usize) -> Option<Cow<'a, str>> {
        let toks = self.toks.get(j..j + n)?;
        if toks.first()?.kind == TokenKind::Num {
            return None;
        }
        let spaced = toks.windows(2).all(|w| {
            w[0].range.end == w[1].range.start
                || w[0].range.end + 1 == w[1].range.start
                    && self.folded.as_bytes().get(w[0].range.end) == Some(&b' ')
        });
        let keyed = toks.iter().all(|t| t.key.len() == t.range.len());
        let whole = toks[0].range.start..toks[n - 1].range.end;
        if let Some(key) = self.folded.get(whole).filter(|_| spaced && keyed) {
            return Some(Cow::Borrowed(key));
        }
        let mut key = String::new();
        for (k, t) in toks.iter().enumerate() {
            if k > 0 && !self.glued(j + k - 1) {
                key.push(' ');
            }
            key.push_str(t.key);
        }
        Some(Cow::Owned(key))
    }

    /// The longest entry of `lex` spelled by up to `max` tokens from `j`, with the index
    /// after it.
    fn longest(&self, lex: &TokenLexicon, j: usize, max: usize) -> Option<(usize, usize)> {
        // Every entry spelled from token `j` starts with its key.
        if !lex.prefixes.contains(self.tok(j)?.key) {
            return None;
        }
        // The key of `max` tokens once; the shorter candidates are its prefixes.
        let available = self
            .toks
            .len()
            .saturating_sub(j)
            .min(max)
            .min(MAX_KEY_TOKENS);
        let key = self.joined_key(j, available)?;
        let mut ends = [0usize; MAX_KEY_TOKENS];
        let mut len = 0;
        for (k, t) in self.toks[j..j + available].iter().enumerate() {
            if k > 0 && !self.glued(j + k - 1) {
                len += 1;
            }
            len += t.key.len();
            ends[k] = len;
        }
        // An entry of `n` tokens goes through the keys of its first tokens: the candidates
        // stop before the first of them that no entry starts with.
        let reach = (1..available)
            .find(|&n| !lex.prefixes.contains(&key[..ends[n]]))
            .unwrap_or(available);
        (1..=reach)
            .rev()
            .find_map(|n| lex.lexicon.lookup(&key[..ends[n - 1]]).map(|e| (e, j + n)))
    }

    /// The unit or currency at token `j` ("tấn", "Km2", "đồng", "USD", "đô la Mỹ"); a
    /// capitalised duration ("Ngày") starts the next sentence instead.
    fn unit_at(&self, j: usize) -> Option<Unit> {
        let (entry, next) = self.longest(units(), j, 4)?;
        let lex = &units().lexicon;
        let fields = lex.fields(entry);
        let name = fields.get(1).copied().unwrap_or(fields[0]);
        let class = fields.get(2).copied().unwrap_or("");
        if name == "VND" && self.word(j) == Some("đồng") && self.comrade_follows(next) {
            return None;
        }
        if class == "time" && self.tok(j)?.is_capitalised() {
            return None;
        }
        Some(Unit {
            name,
            money: class == "money",
            duration: class == "time",
            next,
        })
    }

    /// True when the word after "đồng" makes it another word ("đồng chí", "đồng thời").
    fn comrade_follows(&self, j: usize) -> bool {
        const NOT_MONEY: &[&str] = &[
            "chí", "thời", "bào", "nghiệp", "đội", "hương", "lòng", "tâm", "ý", "minh", "bộ",
            "loạt", "phục", "hành", "hồ", "bằng", "thuận", "đều", "ruộng", "cỏ", "sức", "tình",
            "chủ", "cảm", "hạng", "dạng", "nhất", "tiền", "môn",
        ];
        self.is_word(j, NOT_MONEY)
    }

    /// The counted noun at token `j` from the noun list, as written, with the index after it;
    /// a capitalised word starts a name ("7/1 Ban Thường vụ"), not a counted noun.
    fn noun_at(&self, j: usize) -> Option<(String, usize)> {
        if self.tok(j)?.is_capitalised() {
            return None;
        }
        let (_, next) = self.longest(nouns(), j, 5)?;
        let text = self.src.get(self.range(j, next))?;
        Some((text.to_string(), next))
    }

    /// True when what stands at token `j` makes the number before it a figure rather than a
    /// date: "%", "phần trăm", a scale word, a unit other than a duration, a counted noun.
    fn figure_follows(&self, j: usize) -> bool {
        let Some(t) = self.tok(j) else { return false };
        t.is_mark('%')
            || self.is_word(j, &["phần"]) && self.is_word(j + 1, &["trăm"])
            || number::scale_exponent(t.key).is_some()
            || self.unit_at(j).is_some_and(|u| !u.duration)
            || self.noun_at(j).is_some()
            || self.is_word(j, &["số"]) && self.noun_at(j + 1).is_some()
    }

    /// Skips identifiers that hold digits: codes glued to letters ("COVID-19", "CTĐ02",
    /// "34-CT/TW", "38/KH-CTĐ02", "T6"). Returns the index after the glued run.
    fn skip_identifier(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        if t.kind != TokenKind::Num {
            return None;
        }
        let after_letters = i > 0
            && self.glued(i - 1)
            && (self.toks[i - 1].kind == TokenKind::Word
                || i > 1
                    && self.glued(i - 2)
                    && self.toks[i - 2].kind == TokenKind::Word
                    && (self.toks[i - 1].is_dash()
                        || ['/', '_', '.', '+', '#']
                            .iter()
                            .any(|&c| self.is_mark(i - 1, c))));
        let before_code = self.glued(i)
            && self
                .tok(i + 1)
                .is_some_and(|s| s.is_dash() || s.is_mark('/'))
            && self.glued(i + 1)
            && self
                .tok(i + 2)
                .is_some_and(|w| w.kind == TokenKind::Word && w.is_capitalised());
        (after_letters || before_code).then(|| (None, self.glued_run_end(i)))
    }

    /// Index after the run of tokens glued to token `i` (no white space between them).
    fn glued_run_end(&self, i: usize) -> usize {
        let mut j = i;
        while self.glued(j) {
            j += 1;
        }
        j + 1
    }
}

/// A lexicon read over tokens ([`Scanner::longest`]), with the prefixes of its keys.
struct TokenLexicon {
    /// The entries.
    lexicon: Lexicon,
    /// Every prefix of every key, at char boundaries: a token that is none of them starts no
    /// entry.
    prefixes: HashSet<String, BuildKeyHasher>,
}

impl TokenLexicon {
    /// The lexicon of a data file and the prefixes of its (folded) keys.
    fn from_data(data: &'static str) -> TokenLexicon {
        let lexicon = Lexicon::from_data(data);
        let mut prefixes = HashSet::default();
        for i in 0..lexicon.len() {
            let key = fold(lexicon.fields(i)[0]);
            for (end, c) in key.char_indices() {
                prefixes.insert(key[..end + c.len_utf8()].to_string());
            }
        }
        TokenLexicon { lexicon, prefixes }
    }
}

/// Units and currencies (data/parse_units.txt).
fn units() -> &'static TokenLexicon {
    static LEX: OnceLock<TokenLexicon> = OnceLock::new();
    LEX.get_or_init(|| TokenLexicon::from_data(include_str!("../../data/parse_units.txt")))
}

/// Counted nouns (data/parse_nouns.txt).
fn nouns() -> &'static TokenLexicon {
    static LEX: OnceLock<TokenLexicon> = OnceLock::new();
    LEX.get_or_init(|| TokenLexicon::from_data(include_str!("../../data/parse_nouns.txt")))
}

/// [`scan`] for the `thidua parse` command: every value with its span in UTF-16 units of `s`.
/// Dates without a year take it from `reference` by [`infer_year`].
pub fn scan_items(s: &str, reference: Option<Date>) -> Vec<crate::model::ParsedValue> {
    let text = crate::text::Text::new(s);
    let hints = YearHints {
        published: reference,
        ..YearHints::default()
    };
    let show =
        |d: PartialDate| infer_year(d, &hints).map_or_else(|| d.to_iso(), |full| full.to_string());
    scan(&text.norm, reference)
        .into_iter()
        .map(|v| crate::model::ParsedValue {
            kind: v.kind.as_str().to_string(),
            value: match (v.kind, v.date, v.time) {
                (ValueKind::Date, Some(d), _) => crate::model::Scalar::Text(show(d)),
                (ValueKind::Time, _, Some(t)) => crate::model::Scalar::Text(t.to_iso()),
                _ => crate::model::Scalar::Number(v.value),
            },
            unit: v.unit.clone(),
            approx: v.approx.map(|a| a.as_str().to_string()),
            upper: v.upper,
            per: v.per.clone(),
            numerator: v.numerator,
            denominator: v.denominator,
            noun: v.noun.clone(),
            until: v.until.map(show),
            part_of_day: v.date.and_then(|d| d.part_of_day).map(str::to_string),
            text: text.norm[v.range.clone()].to_string(),
            span: text.span(v.range),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamps(s: &str) -> Vec<bool> {
        let values = scan(s, None);
        (0..values.len())
            .filter(|&k| values[k].kind == ValueKind::Date)
            .map(|k| is_stamp(s, &values, k))
            .collect()
    }

    #[test]
    fn value_start_words_are_sorted_for_binary_search() {
        assert!(VALUE_START_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(VALUE_START_KEYS.windows(2).all(|w| w[0] < w[1]));
        for (word, packed) in [
            ("", 0),
            ("a", 0x61 << 56),
            ("ab", 0x6162 << 48),
            ("abcdefgh", 0x6162_6364_6566_6768),
        ] {
            assert_eq!(packed_word(word), packed, "{word}");
            assert_eq!(packed_key(word), Some(packed), "{word}");
        }
        assert_eq!(packed_key("khoảng"), Some(packed_word("khoảng")));
        assert_eq!(packed_key("nghiệpx"), None);
    }

    /// The copies of [`packed_key`] pack every word as [`packed_word`] does: words of every
    /// length around the copies' sizes, and every word of the corpora and the dev set.
    #[test]
    fn packed_keys_agree_with_packed_words() {
        let mut words: Vec<String> = (0..=10).map(|n| "abcdefghij"[..n].to_string()).collect();
        for line in crate::test_texts::folded_lines(&["ạ ẩm nghiệp khoảng"]) {
            words.extend(crate::facts::words(&line).map(str::to_string));
        }
        for word in &words {
            let expected = (word.len() <= 8).then(|| packed_word(word));
            assert_eq!(packed_key(word), expected, "{word:?}");
        }
        assert!(words.len() > 1000, "{}", words.len());
    }

    /// The bit test before the binary search keeps every value start word and answers as
    /// the list does for every word of the corpora and the dev set.
    #[test]
    fn value_start_bits_answer_as_the_word_list() {
        let mut texts = VALUE_START_WORDS.map(str::to_string).to_vec();
        texts.extend(crate::test_texts::folded_lines(&[]));
        let (mut words, mut starts, mut rejected) = (0, 0, 0);
        for text in &texts {
            for word in crate::facts::words(text) {
                let Some(key) = packed_key(word) else {
                    continue;
                };
                let listed = VALUE_START_WORDS.contains(&word);
                assert_eq!(is_value_start(key), listed, "{word:?}");
                rejected += usize::from(!VALUE_STARTS.may_hold_packed(key));
                (words, starts) = (words + 1, starts + usize::from(listed));
            }
        }
        assert!(starts >= VALUE_START_WORDS.len() && rejected * 2 > words - starts);
        let bits = WordBits::new(["năm", "tháng"]);
        assert!(bits.may_hold("năm") && bits.may_hold("tháng") && bits.may_hold("nghiệpxy"));
        assert!(!bits.may_hold("ngày") && !bits.may_hold("hai"));
    }

    #[test]
    fn token_lexicons_hold_the_prefixes_of_their_keys() {
        for lex in [units(), nouns()] {
            for i in 0..lex.lexicon.len() {
                let key = fold(lex.lexicon.fields(i)[0]);
                assert!(lex.lexicon.lookup(&key).is_some(), "{key}");
                assert!(lex.prefixes.contains(&key), "{key}");
            }
        }
        assert!(units().prefixes.contains("tấ"));
    }

    /// [`Scanner::longest`] by its definition: every number of tokens tried, longest first,
    /// on keys joined token by token.
    fn longest_by_definition(
        sc: &Scanner,
        lex: &TokenLexicon,
        j: usize,
        max: usize,
    ) -> Option<(usize, usize)> {
        let available = sc.toks.len().saturating_sub(j).min(max).min(MAX_KEY_TOKENS);
        (1..=available).rev().find_map(|n| {
            let toks = &sc.toks[j..j + n];
            if toks[0].kind == TokenKind::Num {
                return None;
            }
            let mut key = String::new();
            for (k, t) in toks.iter().enumerate() {
                if k > 0 && !sc.glued(j + k - 1) {
                    key.push(' ');
                }
                key.push_str(t.key);
            }
            lex.lexicon.lookup(&key).map(|e| (e, j + n))
        })
    }

    /// The pruned, borrowed-key lookup finds what the definition finds at every token of the
    /// corpora and the dev set.
    #[test]
    fn longest_entries_agree_with_the_definition() {
        let mut texts = vec!["5 đô  la Mỹ, 3 ki-lô-mét\u{A0}vuông, 7 mô hình".to_string()];
        texts.extend(crate::test_texts::texts_under(&[
            "tests/corpus/parse",
            "tests/corpus/facts",
            crate::test_texts::DEVSET,
        ]));
        let mut found = 0;
        for s in &texts {
            let folded = fold(s);
            let sc = Scanner {
                src: s,
                folded: &folded,
                toks: token::tokenize(s, &folded),
                reference: None,
            };
            for j in 0..sc.toks.len() {
                for (lex, max) in [(units(), 4), (nouns(), 5)] {
                    let expected = longest_by_definition(&sc, lex, j, max);
                    assert_eq!(
                        sc.longest(lex, j, max),
                        expected,
                        "{:?}",
                        &s[sc.range(j, j + 1)]
                    );
                    found += usize::from(expected.is_some());
                }
            }
        }
        assert!(found > 100, "{found}");
    }

    #[test]
    fn values_starting_with_a_word_are_found() {
        let cases = [
            ("Chủ nhật, 3/3/2024", ValueKind::Date),
            ("thứ Năm (29/12)", ValueKind::Date),
            ("Tối qua", ValueKind::Date),
            ("mồng 6 tháng 2", ValueKind::Date),
            ("quý III", ValueKind::Date),
            ("thời kỳ 2015 - 2020", ValueKind::Date),
            ("năm học 2019 - 2020", ValueKind::Date),
            ("xấp xỉ 5 tỷ đồng", ValueKind::Money),
            ("từ 95-97%", ValueKind::Percent),
            ("âm 5%", ValueKind::Percent),
            ("mười lăm phần trăm", ValueKind::Percent),
            ("bẩy mươi mốt tấn", ValueKind::Quantity),
            ("ít nhất 3 tấn", ValueKind::Quantity),
            ("$5", ValueKind::Money),
            ("(-5%)", ValueKind::Percent),
        ];
        for (s, kind) in cases {
            let kinds: Vec<ValueKind> = scan(s, None).iter().map(|v| v.kind).collect();
            assert_eq!(kinds, [kind], "{s}");
        }
    }

    #[test]
    fn publication_stamps_are_dates_next_to_times_or_alone() {
        assert_eq!(stamps("11:40 | 03/01/2024"), [true]);
        assert_eq!(stamps("Thứ 5, 29/12/2022 | 17:40:19"), [true]);
        assert_eq!(stamps("26/07/2019"), [true]);
        assert_eq!(
            stamps("17:25 06/12/2020 Chiều 30-11, tại TP Hạ Long"),
            [true, false]
        );
        assert_eq!(stamps("Sáng ngày 11/01/2023, UBND huyện"), [false]);
    }

    #[test]
    fn parsed_items_resolve_years_from_the_reference() {
        let items = scan_items("Ngày 2/1, lúc 8h30", "2024-01-03".parse().ok());
        let values: Vec<String> = items
            .iter()
            .map(|i| serde_json::to_string(&i.value).unwrap_or_default())
            .collect();
        assert_eq!(values, ["\"2024-01-02\"", "\"08:30\""]);
        assert_eq!(items[0].span, crate::model::Span { start: 0, end: 8 });
    }
}
