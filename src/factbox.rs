//! The fact box: a short, ready-to-paste digest of a [`Summary`] for a CMS — the event
//! line, the key figures, the awards and the people — as escaped HTML or as Markdown.
//!
//! Pure functions over the summary; every string taken from the article is escaped for
//! the chosen format, so the box is safe to paste into a page whatever the article held.

use crate::model::{Award, Event, Figure, Person, Summary};
use std::fmt::Write;

/// Most figures listed in a fact box.
const MAX_FIGURES: usize = 5;
/// Most awards listed in a fact box.
const MAX_AWARDS: usize = 5;
/// Most people listed in a fact box.
const MAX_PEOPLE: usize = 6;

/// The output format of a fact box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// An HTML fragment: `<aside class="thidua-factbox">` with a heading and lists.
    Html,
    /// Markdown: a bold title, labelled lines and bullet lists.
    Markdown,
}

impl std::str::FromStr for Format {
    type Err = String;

    /// Reads "html", or "md" / "markdown" (any case).
    fn from_str(name: &str) -> Result<Format, String> {
        match name.trim().to_ascii_lowercase().as_str() {
            "html" => Ok(Format::Html),
            "md" | "markdown" => Ok(Format::Markdown),
            other => Err(format!("unknown fact box format {other:?} (html or md)")),
        }
    }
}

/// One titled part of the fact box: a label and its lines.
struct Section {
    label: &'static str,
    lines: Vec<String>,
}

/// Renders the fact box of `summary` in `format`.
pub fn render(summary: &Summary, format: Format) -> String {
    let title = summary.title.as_deref().unwrap_or("Tóm tắt bài viết");
    let sections = sections(summary);
    match format {
        Format::Html => render_html(title, &sections),
        Format::Markdown => render_markdown(title, &sections),
    }
}

/// The non-empty sections, in reading order.
fn sections(summary: &Summary) -> Vec<Section> {
    let event = event_line(&summary.event);
    let parts = [
        Section {
            label: "Sự kiện",
            lines: event.into_iter().collect(),
        },
        Section {
            label: "Số liệu chính",
            lines: key_figures(&summary.figures).map(figure_line).collect(),
        },
        Section {
            label: "Khen thưởng",
            lines: key_awards(&summary.awards).map(award_line).collect(),
        },
        Section {
            label: "Nhân vật",
            lines: key_people(&summary.people).map(person_line).collect(),
        },
    ];
    parts.into_iter().filter(|s| !s.lines.is_empty()).collect()
}

/// "Hội nghị tổng kết · 29/12/2022 (chiều) · tại Can Lộc · năm 2022 · Cụm thi đua số 1".
fn event_line(event: &Event) -> Option<String> {
    let date = match (&event.date, &event.date_text) {
        (Some(iso), _) => Some(vietnamese_date(iso)),
        (None, Some(text)) => Some(text.clone()),
        (None, None) => None,
    }
    .map(|date| match &event.part_of_day {
        Some(part) if !date.to_lowercase().contains(&part.to_lowercase()) => {
            format!("{date} ({part})")
        }
        _ => date,
    });
    let parts: Vec<String> = [
        event.kind.as_deref().map(capitalise),
        date,
        event.location.as_deref().map(|l| format!("tại {l}")),
        event.period.as_deref().map(str::to_string),
        event.organizer.as_deref().map(str::to_string),
    ]
    .into_iter()
    .flatten()
    .filter(|p| !p.trim().is_empty())
    .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// "2022-12-29" → "29/12/2022"; a partial or odd date is kept as given.
fn vietnamese_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    match parts.as_slice() {
        [y, m, d] if parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) => {
            format!("{d}/{m}/{y}")
        }
        [m, d] if parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) => {
            format!("{d}/{m}")
        }
        _ => iso.to_string(),
    }
}

/// The first letter in upper case.
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The figures worth a line: those with a named indicator first, then money and percentages,
/// each group in text order.
fn key_figures(figures: &[Figure]) -> impl Iterator<Item = &Figure> {
    let rank = |f: &Figure| match (&f.metric, f.kind.as_str()) {
        (Some(_), _) => 0,
        (None, "money") | (None, "percent") => 1,
        _ => 2,
    };
    let mut ranked: Vec<&Figure> = figures.iter().filter(|f| !f.text.is_empty()).collect();
    ranked.sort_unstable_by_key(|f| (rank(f), f.span.start, f.span.end));
    ranked.truncate(MAX_FIGURES);
    ranked.sort_unstable_by_key(|f| (f.span.start, f.span.end));
    ranked.into_iter()
}

/// "Thu ngân sách (Can Lộc): 1.200 tỷ đồng, so với cùng kỳ": the indicator (or the counted
/// noun when the figure does not already say it), the subject unless the label says it, the
/// figure as written, the comparison.
fn figure_line(figure: &Figure) -> String {
    let said = |words: &str| figure.text.to_lowercase().contains(&words.to_lowercase());
    let label = match (&figure.metric, &figure.noun) {
        (Some(metric), _) => Some(metric.as_str()),
        (None, Some(noun)) if !said(noun) => Some(noun.as_str()),
        _ => None,
    };
    let mut line = label.map(capitalise).unwrap_or_default();
    if let Some(subject) = &figure.subject {
        let named = label.is_some_and(|l| l.to_lowercase().contains(&subject.to_lowercase()));
        if !named && !said(subject) {
            if line.is_empty() {
                line.push_str(&capitalise(subject));
            } else {
                let _ = write!(line, " ({subject})");
            }
        }
    }
    if !line.is_empty() {
        line.push_str(": ");
    }
    line.push_str(&figure.text);
    if let Some(comparison) = &figure.comparison {
        let _ = write!(line, ", {comparison}");
    }
    if figure.status.as_deref() == Some("target") {
        line.push_str(" (chỉ tiêu)");
    }
    line
}

/// Awards that are not a breakdown of another entry, in text order.
fn key_awards(awards: &[Award]) -> impl Iterator<Item = &Award> {
    awards
        .iter()
        .filter(|a| a.part_of.is_none())
        .take(MAX_AWARDS)
}

/// "Huân chương Lao động hạng Nhì — 26 đơn vị (26) · UBND tỉnh · đề nghị".
fn award_line(award: &Award) -> String {
    let name = if award.name.is_empty() {
        &award.award
    } else {
        &award.name
    };
    let mut line = capitalise(name);
    if let Some(recipient) = &award.recipient {
        let _ = write!(line, " — {recipient}");
    }
    if let Some(count) = award.count.filter(|&n| n > 1) {
        let already_said = award
            .recipient
            .as_deref()
            .is_some_and(|r| r.contains(&count.to_string()));
        if !already_said {
            let _ = write!(line, " ({count})");
        }
    }
    if let Some(by) = &award.granted_by {
        let _ = write!(line, " · {by}");
    }
    if award.proposed {
        line.push_str(" · đề nghị");
    }
    line
}

/// People with a title first, then the others, in their original order.
fn key_people(people: &[Person]) -> impl Iterator<Item = &Person> {
    let named = || people.iter().filter(|p| !p.name.is_empty());
    named()
        .filter(|p| !p.roles.is_empty())
        .chain(named().filter(|p| p.roles.is_empty()))
        .take(MAX_PEOPLE)
}

/// "Đặng Trần Phong — Chủ tịch UBND huyện Can Lộc".
fn person_line(person: &Person) -> String {
    if person.roles.is_empty() {
        person.name.clone()
    } else {
        format!("{} — {}", person.name, person.roles.join(", "))
    }
}

fn render_html(title: &str, sections: &[Section]) -> String {
    let mut out = String::from("<aside class=\"thidua-factbox\">\n");
    let _ = writeln!(out, "<h3>{}</h3>", escape_html(title));
    for section in sections {
        if let [only] = section.lines.as_slice() {
            let _ = writeln!(
                out,
                "<p><strong>{}:</strong> {}</p>",
                section.label,
                escape_html(only)
            );
            continue;
        }
        let _ = writeln!(out, "<p><strong>{}</strong></p>\n<ul>", section.label);
        for line in &section.lines {
            let _ = writeln!(out, "<li>{}</li>", escape_html(line));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</aside>\n");
    out
}

fn render_markdown(title: &str, sections: &[Section]) -> String {
    let mut out = format!("**{}**\n", escape_markdown(title));
    for section in sections {
        out.push('\n');
        if let [only] = section.lines.as_slice() {
            let _ = writeln!(out, "**{}:** {}", section.label, escape_markdown(only));
            continue;
        }
        let _ = writeln!(out, "**{}**\n", section.label);
        for line in &section.lines {
            let _ = writeln!(out, "- {}", escape_markdown(line));
        }
    }
    out
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes the characters Markdown (and the inline HTML it allows) would interpret, and
/// turns line breaks into spaces so one fact stays on one line.
fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn sample() -> Summary {
        Summary {
            title: Some("Cụm thi đua số 1 tổng kết <năm> 2022".into()),
            event: Event {
                kind: Some("hội nghị tổng kết".into()),
                date: Some("2022-12-29".into()),
                date_text: Some("Chiều 29/12".into()),
                part_of_day: Some("chiều".into()),
                location: Some("Can Lộc".into()),
                period: Some("năm 2022".into()),
                ..Event::default()
            },
            figures: vec![
                Figure {
                    kind: "count".into(),
                    value: 7.0,
                    text: "7 đơn vị".into(),
                    span: Span { start: 5, end: 13 },
                    ..Figure::default()
                },
                Figure {
                    kind: "money".into(),
                    value: 1.2e12,
                    unit: Some("VND".into()),
                    metric: Some("thu ngân sách".into()),
                    subject: Some("Can Lộc".into()),
                    comparison: Some("so với cùng kỳ".into()),
                    text: "1.200 tỷ đồng".into(),
                    span: Span { start: 40, end: 53 },
                    ..Figure::default()
                },
            ],
            awards: vec![
                Award {
                    award: "Bằng khen".into(),
                    name: "Bằng khen của UBND tỉnh".into(),
                    count: Some(26),
                    recipient: Some("26 tập thể".into()),
                    ..Award::default()
                },
                Award {
                    award: "Bằng khen".into(),
                    name: "Bằng khen".into(),
                    part_of: Some(0),
                    ..Award::default()
                },
            ],
            people: vec![
                Person {
                    name: "Nguyễn Văn A".into(),
                    ..Person::default()
                },
                Person {
                    name: "Đặng Trần Phong".into(),
                    roles: vec!["Chủ tịch UBND huyện Can Lộc".into()],
                    ..Person::default()
                },
            ],
            ..Summary::default()
        }
    }

    #[test]
    fn formats_parse_by_name() {
        assert_eq!("HTML".parse::<Format>(), Ok(Format::Html));
        assert_eq!("md".parse::<Format>(), Ok(Format::Markdown));
        assert_eq!("markdown".parse::<Format>(), Ok(Format::Markdown));
        assert!("pdf".parse::<Format>().is_err());
    }

    #[test]
    fn event_line_joins_kind_date_place_and_period() {
        let line = event_line(&sample().event).unwrap();
        assert_eq!(
            line,
            "Hội nghị tổng kết · 29/12/2022 (chiều) · tại Can Lộc · năm 2022"
        );
        assert_eq!(event_line(&Event::default()), None);
    }

    #[test]
    fn dates_read_day_first() {
        assert_eq!(vietnamese_date("2023-01-05"), "05/01/2023");
        assert_eq!(vietnamese_date("12-29"), "29/12");
        assert_eq!(vietnamese_date("khoảng cuối năm"), "khoảng cuối năm");
    }

    #[test]
    fn markdown_lists_figures_with_metric_first_then_text_order() {
        let md = render(&sample(), Format::Markdown);
        assert!(md.starts_with("**Cụm thi đua số 1 tổng kết &lt;năm&gt; 2022**\n"));
        assert!(md.contains("**Số liệu chính**\n\n- 7 đơn vị\n- Thu ngân sách (Can Lộc): 1.200 tỷ đồng, so với cùng kỳ\n"));
        assert!(md.contains("**Khen thưởng:** Bằng khen của UBND tỉnh — 26 tập thể\n"));
        assert!(md.contains(
            "**Nhân vật**\n\n- Đặng Trần Phong — Chủ tịch UBND huyện Can Lộc\n- Nguyễn Văn A\n"
        ));
    }

    #[test]
    fn html_escapes_every_article_string() {
        let mut summary = sample();
        summary.people[0].name = "<img src=x onerror=alert(1)>".into();
        summary.event.location = Some("\"Hội trường\" & 'sân'".into());
        let html = render(&summary, Format::Html);
        assert!(html.starts_with("<aside class=\"thidua-factbox\">\n<h3>"));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(html.contains("tại &quot;Hội trường&quot; &amp; &#39;sân&#39;"));
        assert!(!html.contains("<img"));
        assert_eq!(html.matches('<').count(), html.matches('>').count());
    }

    #[test]
    fn figure_lines_do_not_repeat_themselves() {
        let figure =
            |metric: Option<&str>, noun: Option<&str>, subject: Option<&str>, text: &str| Figure {
                metric: metric.map(str::to_string),
                noun: noun.map(str::to_string),
                subject: subject.map(str::to_string),
                text: text.to_string(),
                ..Figure::default()
            };
        let line = figure_line(&figure(
            Some("thôn văn hóa"),
            None,
            Some("thôn văn hóa"),
            "95%",
        ));
        assert_eq!(line, "Thôn văn hóa: 95%");
        let line = figure_line(&figure(
            None,
            Some("chỉ tiêu"),
            Some("Can Lộc"),
            "12 chỉ tiêu",
        ));
        assert_eq!(line, "Can Lộc: 12 chỉ tiêu");
        let line = figure_line(&figure(None, Some("đơn vị"), None, "7"));
        assert_eq!(line, "Đơn vị: 7");
        let line = figure_line(&figure(
            None,
            None,
            Some("thị xã Hồng Lĩnh"),
            "14/16 chỉ tiêu của thị xã Hồng Lĩnh",
        ));
        assert_eq!(line, "14/16 chỉ tiêu của thị xã Hồng Lĩnh");
    }

    #[test]
    fn award_lines_skip_a_count_of_one_and_capitalise() {
        let award = Award {
            name: "cờ thi đua".into(),
            count: Some(1),
            recipient: Some("thị xã Hồng Lĩnh".into()),
            granted_by: Some("UBND tỉnh".into()),
            proposed: true,
            ..Award::default()
        };
        assert_eq!(
            award_line(&award),
            "Cờ thi đua — thị xã Hồng Lĩnh · UBND tỉnh · đề nghị"
        );
    }

    #[test]
    fn markdown_escapes_markup() {
        assert_eq!(
            escape_markdown("*a* [b](c) <i>\nx"),
            "\\*a\\* \\[b\\](c) &lt;i&gt; x"
        );
    }

    #[test]
    fn empty_summary_gives_a_title_only() {
        let md = render(&Summary::default(), Format::Markdown);
        assert_eq!(md, "**Tóm tắt bài viết**\n");
        let html = render(&Summary::default(), Format::Html);
        assert_eq!(
            html,
            "<aside class=\"thidua-factbox\">\n<h3>Tóm tắt bài viết</h3>\n</aside>\n"
        );
    }

    #[test]
    fn long_lists_are_cut_to_the_key_entries() {
        let mut summary = sample();
        summary.people = (0..10)
            .map(|i| Person {
                name: format!("Người {i}"),
                ..Person::default()
            })
            .collect();
        let md = render(&summary, Format::Markdown);
        assert_eq!(md.matches("- Người").count(), MAX_PEOPLE);
    }

    #[test]
    fn renders_a_real_extraction_with_every_key_fact() {
        let article = "Cụm thi đua số 1 tổng kết năm 2022\n\nChiều 29/12, tại Can Lộc, Cụm thi \
                       đua số 1 tổ chức hội nghị tổng kết công tác thi đua năm 2022. Thu ngân \
                       sách đạt 1.200 tỷ đồng, tăng 15% so với cùng kỳ.";
        let summary = crate::extract(article, &crate::Options::default()).unwrap();
        let md = render(&summary, Format::Markdown);
        let html = render(&summary, Format::Html);
        for section in sections(&summary) {
            for line in &section.lines {
                assert!(md.contains(&escape_markdown(line)), "{line} not in {md}");
                assert!(html.contains(&escape_html(line)), "{line} not in {html}");
            }
        }
        for figure in key_figures(&summary.figures) {
            assert!(md.contains(&escape_markdown(&figure.text)), "{md}");
        }
    }
}
