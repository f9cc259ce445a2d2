//! The output contract (version 1): one [`Summary`] value per article.
//!
//! Every type here is plain data, serialised with serde. Optional values serialise as `null`
//! and every field is always present, so the JSON has one shape for every article. Field
//! names are the contract documented in `docs/output.md` and `schema/summary.schema.json`.

use serde::Serialize;

/// Version of the output contract written in [`Summary::version`].
pub const CONTRACT_VERSION: u32 = 1;

/// A stretch of the input, in UTF-16 code units of the text exactly as the caller gave it,
/// so that `text.slice(start, end)` in JavaScript returns the evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
pub struct Span {
    /// First code unit of the evidence.
    pub start: usize,
    /// One past the last code unit of the evidence.
    pub end: usize,
}

/// The structured summary of one article.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Summary {
    /// Contract version, always [`CONTRACT_VERSION`].
    pub version: u32,
    /// The headline, when the pasted text has one.
    pub title: Option<String>,
    /// Where the headline stands.
    pub title_span: Option<Span>,
    /// The lead paragraph (sapo), agency prefix removed.
    pub lead: Option<String>,
    /// Where the lead stands.
    pub lead_span: Option<Span>,
    /// The source tag or agency named before the lead ("Baohatinh.vn", "QNO").
    pub source: Option<String>,
    /// Publication date found in the page ("YYYY-MM-DD"), from a meta line or crawler prefix.
    pub published: Option<String>,
    /// Bylines, as written.
    pub authors: Vec<String>,
    /// What happened, when and where.
    pub event: Event,
    /// Officials and other people named in the article, with their titles.
    pub people: Vec<Person>,
    /// Organisations (bodies, committees, clusters, companies).
    pub organizations: Vec<Entity>,
    /// Administrative units and other places.
    pub places: Vec<Entity>,
    /// Abbreviations found in the text, expanded.
    pub abbreviations: Vec<Abbreviation>,
    /// Every figure: money, percentages, ratios, counts and quantities.
    pub figures: Vec<Figure>,
    /// Grants of distinctions (and proposals for them).
    pub awards: Vec<Award>,
    /// Cited legal and Party documents.
    pub documents: Vec<DocumentRef>,
    /// Named emulation movements, campaigns and yearly themes.
    pub movements: Vec<Movement>,
    /// Emulation-cluster facts: handovers of the cluster lead, pledges signed.
    pub clusters: Vec<ClusterFact>,
    /// Key sentences, in text order.
    pub summary: Vec<Sentence>,
    /// The clean article: lead, body paragraphs (rejoined) and captions, in text order.
    pub body: Vec<Paragraph>,
    /// Every line stripped from the input, with the reason.
    pub removed: Vec<Removed>,
    /// What was odd about the input (empty, HTML, not Vietnamese, ...).
    pub warnings: Vec<Warning>,
}

/// The event the article reports.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Event {
    /// "tổng kết", "sơ kết", "phát động", "ký kết giao ước", "trao tặng", "đón nhận",
    /// "đại hội thi đua", "hội nghị", "kỳ họp", ...
    pub kind: Option<String>,
    /// Day of the event, "YYYY-MM-DD", with the year inferred when the text omits it.
    pub date: Option<String>,
    /// The date as written ("Chiều 29/12").
    pub date_text: Option<String>,
    /// "sáng", "trưa", "chiều", "tối" when given.
    pub part_of_day: Option<String>,
    /// Venue, as written after "tại" ("Hội trường UBND xã Bưng Riềng").
    pub location: Option<String>,
    /// The period reviewed ("năm 2022", "6 tháng đầu năm 2023", "giai đoạn 2020-2025").
    pub period: Option<String>,
    /// The period planned ("năm 2023").
    pub plan_period: Option<String>,
    /// The organiser, as written.
    pub organizer: Option<String>,
    /// Names of the people who chaired (entries of `people`).
    pub chaired_by: Vec<String>,
    /// Names of the people who attended (entries of `people`).
    pub attended_by: Vec<String>,
    /// The sentence the event was read from.
    pub span: Option<Span>,
}

/// A person and the titles given to them.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Person {
    /// Full name, honorifics dropped ("Đặng Trần Phong").
    pub name: String,
    /// Titles in text order ("Chủ tịch UBND huyện Can Lộc").
    pub roles: Vec<String>,
    /// Every place the person is named or referred to.
    pub mentions: Vec<Span>,
}

/// An organisation or a place.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Entity {
    /// Name as first written ("UBND huyện Quỳnh Phụ", "Cụm thi đua số 1").
    pub name: String,
    /// Kind: for places the unit ("tỉnh", "huyện", "xã", ...); for organisations
    /// "government", "party", "front", "council", "cluster", "department", "company", ...
    pub kind: String,
    /// Members, for an emulation cluster or bloc whose members are listed.
    pub members: Vec<String>,
    /// Every place it is named.
    pub mentions: Vec<Span>,
}

/// An abbreviation and its expansion.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Abbreviation {
    /// As written ("KT-XH").
    pub short: String,
    /// Expansion ("kinh tế - xã hội").
    pub long: String,
    /// Every place it is written.
    pub mentions: Vec<Span>,
}

/// A figure found in the article.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Figure {
    /// "money", "percent", "ratio", "count" or "quantity".
    pub kind: String,
    /// The value: đồng for VND money, the percentage number for percents, the fraction for
    /// ratios, the number for counts and quantities.
    pub value: f64,
    /// ISO currency code for money ("VND", "USD"), "%" for percents, the unit for quantities
    /// ("tấn", "km2"), null otherwise.
    pub unit: Option<String>,
    /// Per-unit of a rate ("người/năm" in "49,22 triệu đồng/người/năm").
    pub per: Option<String>,
    /// "below" (gần), "above" (trên, hơn, vượt), "about" (khoảng, ước) or null.
    pub approx: Option<String>,
    /// Upper bound of a range ("từ 95-97%" gives value 95, upper 97).
    pub upper: Option<f64>,
    /// Numerator of a ratio.
    pub numerator: Option<f64>,
    /// Denominator of a ratio.
    pub denominator: Option<f64>,
    /// The counted noun ("chỉ tiêu", "mô hình", "đảng viên").
    pub noun: Option<String>,
    /// The locality or unit the figure is about.
    pub subject: Option<String>,
    /// The indicator ("thu ngân sách", "giá trị sản xuất công nghiệp").
    pub metric: Option<String>,
    /// What it is compared with ("so với cùng kỳ", "so với kế hoạch").
    pub comparison: Option<String>,
    /// "result" or "target".
    pub status: Option<String>,
    /// The figure as written.
    pub text: String,
    /// Where it is written.
    pub span: Span,
}

/// A grant of a distinction.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Award {
    /// Normalised type: one of [`AWARD_TYPES`].
    pub award: String,
    /// The distinction as written ("Huân chương Lao động hạng Nhì").
    pub name: String,
    /// Class ("hạng Nhất"), when given.
    pub class: Option<String>,
    /// Number of recipients, when stated.
    pub count: Option<u32>,
    /// Who receives it, as written ("26 đơn vị đạt Chính quyền vững mạnh").
    pub recipient: Option<String>,
    /// Granting authority ("UBND tỉnh", "Thủ tướng Chính phủ").
    pub granted_by: Option<String>,
    /// True for a proposal ("đề nghị tặng") rather than a grant.
    pub proposed: bool,
    /// Index in `awards` of the total this entry is a breakdown of.
    pub part_of: Option<usize>,
    /// The sentence or clause it was read from.
    pub text: String,
    /// Where that text stands.
    pub span: Span,
}

/// The normalised award types of the contract.
pub const AWARD_TYPES: [&str; 12] = [
    "Huân chương Lao động",
    "Huân chương",
    "Cờ thi đua của Chính phủ",
    "Cờ thi đua",
    "Bằng khen của Thủ tướng Chính phủ",
    "Bằng khen",
    "Giấy khen",
    "Chiến sĩ thi đua",
    "Tập thể Lao động xuất sắc",
    "Tập thể Lao động tiên tiến",
    "Lao động tiên tiến",
    "Danh hiệu",
];

/// A cited document.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct DocumentRef {
    /// The citation as written ("Chỉ thị số 34-CT/TW").
    pub text: String,
    /// "Chỉ thị", "Nghị quyết", "Quy định", "Kế hoạch", "Luật", "Quyết định", ...
    pub kind: String,
    /// Number ("34", "30a"), when given.
    pub number: Option<String>,
    /// Issuer code ("CT/TW", "KH-CTĐ02") or issuing body, when given.
    pub issuer: Option<String>,
    /// Date of issue ("YYYY-MM-DD"), when given.
    pub date: Option<String>,
    /// Where it is cited.
    pub span: Span,
}

/// A named movement, campaign or yearly theme.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Movement {
    /// The name inside the quotes.
    pub name: String,
    /// "phong trào", "cuộc vận động", "chủ đề".
    pub kind: String,
    /// Where the name stands (inside the quotes).
    pub span: Span,
}

/// A fact about an emulation cluster: a handover of its lead, or a pledge signed.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct ClusterFact {
    /// "handover" or "pledge".
    pub kind: String,
    /// The cluster, when named.
    pub cluster: Option<String>,
    /// The unit taking over the lead, for a handover.
    pub to: Option<String>,
    /// The year or period concerned ("năm 2022").
    pub period: Option<String>,
    /// The sentence it was read from.
    pub text: String,
    /// Where that sentence stands.
    pub span: Span,
}

/// A sentence of the article.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Sentence {
    /// The sentence.
    pub text: String,
    /// Where it stands.
    pub span: Span,
}

/// A clean paragraph of the article.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Paragraph {
    /// "lead", "body" or "caption".
    pub kind: String,
    /// The paragraph, with lines broken by the page layout rejoined.
    pub text: String,
    /// From its first to its last character.
    pub span: Span,
}

/// A line taken out of the article.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Removed {
    /// The line.
    pub text: String,
    /// Why ("repeated headline", "after closing marker 'Đọc thêm'", "counter", ...).
    pub reason: String,
    /// Where it stands.
    pub span: Span,
}

/// Something the caller should know about the input.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Warning {
    /// Stable machine-readable code ("empty", "html", "not_vietnamese", ...).
    pub code: String,
    /// What was wrong, in words.
    pub message: String,
}

/// One value found by `thidua parse`: `{kind, value, unit, text, span}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParsedValue {
    /// "number", "money", "percent", "ratio", "date", "time" or "quantity" ("count" too).
    pub kind: String,
    /// The number, or for dates "YYYY-MM-DD" (or "MM-DD" with no year known), for times "HH:MM".
    pub value: Scalar,
    /// ISO currency code, "%" or the measure unit.
    pub unit: Option<String>,
    /// Qualifier: "below", "above", "about" or null.
    pub approx: Option<String>,
    /// Upper bound of a range ("từ 95-97%": 97), or null.
    pub upper: Option<f64>,
    /// Per-unit of a rate ("người/năm"), or null.
    pub per: Option<String>,
    /// Numerator of a ratio, or null.
    pub numerator: Option<f64>,
    /// Denominator of a ratio, or null.
    pub denominator: Option<f64>,
    /// Counted noun of a count or ratio ("chỉ tiêu"), or null.
    pub noun: Option<String>,
    /// Last day of a date range, written like `value`, or null.
    pub until: Option<String>,
    /// "sáng", "trưa", "chiều", "tối", "đêm" written before a date, or null.
    pub part_of_day: Option<String>,
    /// The value as written.
    pub text: String,
    /// Where it is written, in UTF-16 code units of TEXT.
    pub span: Span,
}

/// A number or a string, serialised bare.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Scalar {
    /// A number.
    Number(f64),
    /// A string (dates, times).
    Text(String),
}
