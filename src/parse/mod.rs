//! Third stage: numbers, money, percentages, ratios, dates and times, as pure functions.
//!
//! [`scan`] finds every value in a string and returns it with its byte range in that string.
//! Vietnamese conventions: "8,3" is 8.3, "3.200" is 3200, day before month.

use crate::date::Date;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

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
    /// The number (đồng for VND, the percentage number, the fraction for ratios, the day
    /// number since 1970 is not used: dates carry `date`).
    pub value: f64,
    /// ISO currency code, "%" or the measure unit.
    pub unit: Option<String>,
    /// Per-unit of a rate ("người/năm").
    pub per: Option<String>,
    /// Qualifier.
    pub approx: Option<Approx>,
    /// Upper bound of a range.
    pub upper: Option<f64>,
    /// Ratio numerator.
    pub numerator: Option<f64>,
    /// Ratio denominator.
    pub denominator: Option<f64>,
    /// Counted noun.
    pub noun: Option<String>,
    /// For dates: what is known of the day.
    pub date: Option<PartialDate>,
    /// Byte range in the scanned string (qualifier included).
    pub range: Range<usize>,
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
    /// "sáng", "trưa", "chiều", "tối", when written just before.
    pub part_of_day: Option<&'static str>,
}

impl PartialDate {
    /// The full date, taking a missing year from `year`.
    pub fn with_year(self, year: i32) -> Option<Date> {
        Date::new(self.year.unwrap_or(year), self.month?, self.day?)
    }
}

/// Every value in `s`, in text order. `reference` resolves relative dates.
pub fn scan(s: &str, reference: Option<Date>) -> Vec<Value> {
    let _ = reference;
    let mut out = Vec::new();
    for caps in figure_regex().captures_iter(s) {
        let whole = caps.get(0).expect("group 0");
        let Some(number) = parse_number(&caps["num"]) else {
            continue;
        };
        let suffix = caps.name("suffix").map_or("", |m| m.as_str());
        let (kind, unit, value) = if suffix == "%" {
            (ValueKind::Percent, Some("%".to_string()), number)
        } else if suffix.is_empty() {
            (ValueKind::Number, None, number)
        } else {
            let scale = scale_of(suffix);
            (ValueKind::Money, Some("VND".to_string()), number * scale)
        };
        out.push(Value {
            kind,
            value,
            unit,
            per: None,
            approx: None,
            upper: None,
            numerator: None,
            denominator: None,
            noun: None,
            date: None,
            range: whole.range(),
        });
    }
    out
}

fn figure_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?P<num>\d[\d.,]*)\s*(?P<suffix>%|(?:nghìn tỷ|triệu|tỷ|tỉ|nghìn|ngàn)?\s*đồng)?",
        )
        .expect("figure pattern compiles")
    })
}

fn scale_of(suffix: &str) -> f64 {
    let mut scale = 1.0;
    for word in suffix.split_whitespace() {
        scale *= match word {
            "nghìn" | "ngàn" => 1e3,
            "triệu" => 1e6,
            "tỷ" | "tỉ" => 1e9,
            _ => 1.0,
        };
    }
    scale
}

/// [`scan`] for the `thidua parse` command: every value with its span in UTF-16 units of `s`.
pub fn scan_items(s: &str, reference: Option<Date>) -> Vec<crate::model::ParsedValue> {
    let text = crate::text::Text::new(s);
    scan(&text.norm, reference)
        .into_iter()
        .map(|v| crate::model::ParsedValue {
            kind: v.kind.as_str().to_string(),
            value: match (v.kind, v.date) {
                (ValueKind::Date, Some(d)) => crate::model::Scalar::Text(match d.year {
                    Some(y) => format!(
                        "{y:04}-{:02}-{:02}",
                        d.month.unwrap_or(1),
                        d.day.unwrap_or(1)
                    ),
                    None => format!("{:02}-{:02}", d.month.unwrap_or(1), d.day.unwrap_or(1)),
                }),
                _ => crate::model::Scalar::Number(v.value),
            },
            unit: v.unit.clone(),
            approx: v.approx.map(|a| a.as_str().to_string()),
            text: text.norm[v.range.clone()].to_string(),
            span: text.span(v.range),
        })
        .collect()
}

/// Reads digits written the Vietnamese way: "." groups thousands, "," marks decimals.
pub fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim_end_matches(['.', ',']);
    let cleaned: String = s
        .chars()
        .filter(|&c| c != '.')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    cleaned.parse().ok()
}
