//! Whole dev-set checks of the clean layer (read from `../shared/devset` beside the repo, or
//! from `$THIDUA_DEVSET`; skipped with a notice when absent):
//! - no person name, figure or event date that appears only in a removed line reaches the
//!   output (the related-articles trap);
//! - every article pasted as HTML gives the same summary as pasted as text.

use std::path::PathBuf;
use thidua::{extract, Options, Summary};

fn devset() -> Option<Vec<(String, String)>> {
    let dir = std::env::var("THIDUA_DEVSET")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/devset"))
        });
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("notice: no dev set at {}, skipped", dir.display());
        return None;
    };
    let mut articles: Vec<(String, String)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            Some((p.file_name()?.to_string_lossy().into_owned(), text))
        })
        .collect();
    articles.sort();
    assert!(
        !articles.is_empty(),
        "the dev set at {} has articles",
        dir.display()
    );
    Some(articles)
}

fn summary(input: &str) -> Summary {
    extract(input, &Options::default()).expect("within the size limit")
}

/// Article text as the output keeps it: title, lead, body paragraphs and captions.
fn kept_text(s: &Summary) -> String {
    let mut kept: Vec<&str> = s.title.iter().map(String::as_str).collect();
    kept.extend(s.lead.iter().map(String::as_str));
    kept.extend(s.body.iter().map(|p| p.text.as_str()));
    kept.join("\n")
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn nothing_only_in_removed_lines_reaches_the_output() {
    let Some(articles) = devset() else { return };
    let mut leaks = Vec::new();
    for (name, text) in &articles {
        let s = summary(text);
        let kept = collapse(&kept_text(&s));
        let removed: Vec<String> = s.removed.iter().map(|r| collapse(&r.text)).collect();
        let values = s
            .people
            .iter()
            .map(|p| ("person", p.name.clone()))
            .chain(s.figures.iter().map(|f| ("figure", f.text.clone())))
            .chain(s.event.date_text.iter().map(|d| ("event date", d.clone())));
        for (what, value) in values {
            let value = collapse(&value);
            if value.is_empty() {
                continue;
            }
            if removed.iter().any(|r| r.contains(&value)) && !kept.contains(&value) {
                leaks.push(format!("{name}: {what} {value:?} is only in removed lines"));
            }
        }
    }
    assert!(leaks.is_empty(), "{leaks:#?}");
}

/// The article as a page would carry it: each block of lines a `<p>`, lines within it
/// broken by `<br>`, text escaped, plus head, script and style the reader must drop.
fn as_html(text: &str) -> String {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('\u{00A0}', "&nbsp;")
    };
    let mut html = String::from(
        "<!DOCTYPE html><html><head><title>Trang tin</title><style>p > a { color: red }</style></head>\n<body><script>if (a < b && c) { document.write('<p>x</p>'); }</script>\n",
    );
    let mut block: Vec<String> = Vec::new();
    let flush = |block: &mut Vec<String>, html: &mut String| {
        if !block.is_empty() {
            html.push_str(&format!(
                "<p class=\"text\">{}</p>\n",
                block.join("<br/>\n")
            ));
            block.clear();
        }
    };
    for line in text.lines() {
        if line.trim().is_empty() {
            flush(&mut block, &mut html);
        } else {
            block.push(escape(line));
        }
    }
    flush(&mut block, &mut html);
    html.push_str("<!-- end of article --></body></html>");
    html
}

/// The parts of a summary that must not depend on how the article was pasted.
fn comparable(s: &Summary) -> String {
    let body: Vec<String> = s
        .body
        .iter()
        .map(|p| format!("{}: {}", p.kind, p.text))
        .collect();
    let removed: Vec<String> = s.removed.iter().map(|r| collapse(&r.text)).collect();
    let figures: Vec<String> = s
        .figures
        .iter()
        .map(|f| format!("{} {}", f.kind, f.value))
        .collect();
    format!(
        "title {:?}\nlead {:?}\nauthors {:?}\npublished {:?}\nbody {body:#?}\nremoved {removed:#?}\nfigures {figures:?}",
        s.title, s.lead, s.authors, s.published
    )
}

#[test]
fn html_paste_gives_the_same_summary_as_text() {
    let Some(articles) = devset() else { return };
    for (name, text) in &articles {
        let from_text = summary(text);
        let from_html = summary(&as_html(text));
        assert!(
            from_html.warnings.iter().any(|w| w.code == "html"),
            "{name}: HTML input is reported"
        );
        assert_eq!(
            comparable(&from_text),
            comparable(&from_html),
            "{name}: text and HTML differ"
        );
    }
}
