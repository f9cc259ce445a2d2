//! `thidua figures --csv`: one CSV row per figure across many articles, for comparing years
//! and districts in a spreadsheet.
//!
//! Rows are built from the summary as JSON, so that summaries saved by `thidua --jsonl` read
//! the same as articles extracted on the spot.

use serde_json::Value;

/// The CSV columns, in order.
pub const COLUMNS: [&str; 11] = [
    "file",
    "date",
    "subject",
    "metric",
    "kind",
    "value",
    "unit",
    "approx",
    "comparison",
    "status",
    "text",
];

/// The header line, with its CRLF.
pub fn header() -> String {
    row(COLUMNS.iter().map(|c| c.to_string()))
}

/// One CSV line (CRLF-terminated) per figure of `summary` (a serialised `Summary`).
/// `date` is the event's date, else the publication date.
pub fn figure_rows(file: &str, summary: &Value) -> String {
    let date = text_of(&summary["event"]["date"]).or_else(|| text_of(&summary["published"]));
    let mut out = String::new();
    for figure in summary["figures"].as_array().into_iter().flatten() {
        let field = |name: &str| text_of(&figure[name]).unwrap_or_default();
        out.push_str(&row([
            file.to_string(),
            date.clone().unwrap_or_default(),
            field("subject"),
            field("metric"),
            field("kind"),
            field("value"),
            field("unit"),
            field("approx"),
            field("comparison"),
            field("status"),
            field("text"),
        ]));
    }
    out
}

/// A JSON scalar as CSV text: strings as they are, numbers without a useless ".0", null as
/// nothing.
fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
            _ => n.to_string(),
        }),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; CRLF ends
/// the record.
fn row(fields: impl IntoIterator<Item = String>) -> String {
    let mut line = fields
        .into_iter()
        .map(|f| quote(&f))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// The summaries saved in a `thidua --jsonl` file: `(file, summary)` for each line that has
/// one; lines with an `error` are skipped.
pub fn saved_summaries(jsonl: &str) -> Result<Vec<(String, Value)>, String> {
    let mut out = Vec::new();
    for (i, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut record: Value =
            serde_json::from_str(line).map_err(|e| format!("line {}: {e}", i + 1))?;
        let file = text_of(&record["file"]).unwrap_or_default();
        if record["summary"].is_object() {
            out.push((file, record["summary"].take()));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn fields_with_commas_quotes_or_breaks_are_quoted() {
        assert_eq!(quote("8,3%"), "\"8,3%\"");
        assert_eq!(
            quote("“Dân vận khéo” \"x\""),
            "\"“Dân vận khéo” \"\"x\"\"\""
        );
        assert_eq!(quote("a\nb"), "\"a\nb\"");
        assert_eq!(quote("412 tỷ đồng"), "412 tỷ đồng");
    }

    #[test]
    fn one_row_per_figure_with_the_event_date() {
        let summary = json!({
            "event": {"date": "2022-12-29"},
            "published": "2023-01-28",
            "figures": [
                {"kind": "money", "value": 412500000000.0, "unit": "VND", "approx": null,
                 "subject": "huyện Can Lộc", "metric": "thu ngân sách", "comparison": null,
                 "status": "result", "text": "412,5 tỷ đồng"},
                {"kind": "percent", "value": 8.3, "unit": "%", "approx": "above",
                 "subject": null, "metric": null, "comparison": "so với cùng kỳ",
                 "status": null, "text": "8,3%"}
            ]
        });
        let rows = figure_rows("a.txt", &summary);
        assert_eq!(
            rows,
            "a.txt,2022-12-29,huyện Can Lộc,thu ngân sách,money,412500000000,VND,,,result,\"412,5 tỷ đồng\"\r\n\
             a.txt,2022-12-29,,,percent,8.3,%,above,so với cùng kỳ,,\"8,3%\"\r\n"
        );
    }

    #[test]
    fn the_publication_date_stands_in_for_a_missing_event_date() {
        let summary = json!({
            "event": {"date": null}, "published": "2023-01-28",
            "figures": [{"kind": "ratio", "value": 0.5, "text": "1/2"}]
        });
        assert_eq!(
            figure_rows("b.txt", &summary),
            "b.txt,2023-01-28,,,ratio,0.5,,,,,1/2\r\n"
        );
    }

    #[test]
    fn saved_summaries_skip_errors_and_blank_lines() {
        let jsonl = "{\"file\":\"a.txt\",\"summary\":{\"figures\":[]}}\n\n{\"file\":\"b.txt\",\"error\":\"too large\"}\n";
        let saved = saved_summaries(jsonl).unwrap();
        assert_eq!(saved.len(), 1);
        assert_eq!(saved[0].0, "a.txt");
        assert!(saved_summaries("not json").is_err());
    }

    #[test]
    fn the_header_names_every_column() {
        assert_eq!(
            header(),
            "file,date,subject,metric,kind,value,unit,approx,comparison,status,text\r\n"
        );
    }
}
