//! Pasted HTML to text: tags stripped, block elements as line breaks, `<script>`/`<style>`
//! dropped, entities decoded, every byte still mapped to the input.

use super::{floor_char_boundary, Mapped};

/// True when the input reads as HTML source rather than text that mentions a tag.
pub fn looks_like_html(input: &str) -> bool {
    let head = &input[..floor_char_boundary(input, 4096)];
    // Every marker starts with "<".
    if !head.contains('<') {
        return false;
    }
    let lower = head.to_ascii_lowercase();
    let markers = [
        "<!doctype",
        "<html",
        "<body",
        "<p>",
        "<p ",
        "<div",
        "<br",
        "<span",
        "<article",
        "<h1",
        "<h2",
        "<li>",
        "<table",
        "<meta",
        "<head",
        "</p>",
        "</div>",
        "</a>",
        "</span>",
        "</li>",
        "</td>",
        "</h1>",
        "</h2>",
        "</h3>",
        "<img",
        "<a href",
    ];
    markers.iter().filter(|m| lower.contains(*m)).count() >= 2
        || lower.trim_start().starts_with("<!doctype")
        || lower.trim_start().starts_with("<html")
}

/// Elements whose start or end is a line break in the text.
const BLOCK: [&str; 28] = [
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "blockquote",
    "pre",
    "hr",
    "nav",
    "aside",
    "main",
];

/// Elements whose content is not text of the page.
const SKIPPED: [&str; 9] = [
    "script", "style", "noscript", "template", "svg", "head", "iframe", "object", "select",
];

/// Strips the tags of `input`, mapping every byte of the result to the input.
pub fn strip(input: &str) -> Mapped {
    let mut out = Mapped::with_capacity(input.len());
    let bytes = input.as_bytes();
    let mut utf16 = 0u32; // UTF-16 offset of byte `i`
    let mut i = 0;
    let mut skip_until: Option<&'static str> = None;
    let mut comments_closed = true;
    while i < bytes.len() {
        if bytes[i] == b'<' {
            if let Some(end) = tag_end(bytes, i, &mut comments_closed) {
                let tag = &input[i..=end];
                let name = tag_name(tag);
                let closing = tag.starts_with("</");
                let tag_utf16 = tag.encode_utf16().count() as u32;
                if let Some(until) = skip_until {
                    let body_opens =
                        until == "head" && !closing && name.eq_ignore_ascii_case("body");
                    if (closing && name.eq_ignore_ascii_case(until)) || body_opens {
                        skip_until = None;
                    }
                } else if !closing && SKIPPED.iter().any(|s| name.eq_ignore_ascii_case(s)) {
                    if !tag.ends_with("/>") {
                        skip_until = SKIPPED
                            .iter()
                            .copied()
                            .find(|s| name.eq_ignore_ascii_case(s));
                    }
                } else if BLOCK.iter().any(|b| name.eq_ignore_ascii_case(b)) {
                    out.push_str("\n", utf16, utf16 + tag_utf16);
                }
                utf16 += tag_utf16;
                i = end + 1;
                continue;
            }
        }
        let c = input[i..].chars().next().unwrap_or(' ');
        let c_len = c.len_utf8();
        if skip_until.is_some() {
            utf16 += c.len_utf16() as u32;
            i += c_len;
            continue;
        }
        if c == '&' {
            if let Some((decoded, len)) = decode_entity(&input[i..]) {
                let span16 = input[i..i + len].encode_utf16().count() as u32;
                let mut buf = [0u8; 4];
                out.push_str(decoded.encode_utf8(&mut buf), utf16, utf16 + span16);
                utf16 += span16;
                i += len;
                continue;
            }
        }
        let c = if c == '\n' || c == '\r' || c == '\t' {
            ' '
        } else {
            c
        };
        let mut buf = [0u8; 4];
        out.push_str(c.encode_utf8(&mut buf), utf16, utf16 + c.len_utf16() as u32);
        utf16 += c.len_utf16() as u32;
        i += c_len;
    }
    out.finish(utf16);
    out
}

/// Index of the `>` closing the tag that starts at `start`, if this `<` starts a tag.
///
/// Linear over the whole input: a tag never spans another `<`, so each byte is scanned by
/// one tag at most; and once a comment is found unclosed (`comments_closed` set to false),
/// no later comment is searched for its end.
fn tag_end(bytes: &[u8], start: usize, comments_closed: &mut bool) -> Option<usize> {
    let next = *bytes.get(start + 1)?;
    if !(next.is_ascii_alphabetic() || next == b'/' || next == b'!') {
        return None;
    }
    if bytes[start..].starts_with(b"<!--") {
        if !*comments_closed {
            return None;
        }
        let end = find(bytes, start + 4, b"-->").map(|i| i + 2);
        *comments_closed = end.is_some();
        return end;
    }
    let mut quote = None;
    for (offset, &b) in bytes[start + 1..].iter().enumerate() {
        match (quote, b) {
            (_, b'<') => return None,
            (None, b'"') | (None, b'\'') => quote = Some(b),
            (Some(q), b) if b == q => quote = None,
            (None, b'>') => return Some(start + 1 + offset),
            _ => {}
        }
    }
    None
}

fn find(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    haystack[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| from + i)
}

fn tag_name(tag: &str) -> &str {
    let inner = tag.trim_start_matches('<').trim_start_matches('/');
    let end = inner
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(inner.len());
    &inner[..end]
}

/// The character an entity at the start of `s` stands for, and the entity's byte length.
fn decode_entity(s: &str) -> Option<(char, usize)> {
    // `;` is ASCII, so its index is a char boundary whatever precedes it.
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let body = &s[1..end];
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse().ok()?
        };
        char::from_u32(code)?
    } else {
        match body {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{00A0}',
            "ndash" => '–',
            "mdash" => '—',
            "ldquo" => '“',
            "rdquo" => '”',
            "lsquo" => '‘',
            "rsquo" => '’',
            "hellip" => '…',
            "laquo" => '«',
            "raquo" => '»',
            "bull" => '•',
            "middot" => '·',
            "copy" => '©',
            "reg" => '®',
            "deg" => '°',
            "times" => '×',
            "shy" => '\u{00AD}',
            "zwnj" => '\u{200C}',
            "zwj" => '\u{200D}',
            _ => named_vietnamese(body)?,
        }
    };
    Some((c, end + 1))
}

/// Named entities of Latin letters with accents that Vietnamese pages use ("&agrave;").
fn named_vietnamese(body: &str) -> Option<char> {
    const TABLE: [(&str, char); 26] = [
        ("agrave", 'à'),
        ("aacute", 'á'),
        ("acirc", 'â'),
        ("atilde", 'ã'),
        ("egrave", 'è'),
        ("eacute", 'é'),
        ("ecirc", 'ê'),
        ("igrave", 'ì'),
        ("iacute", 'í'),
        ("ograve", 'ò'),
        ("oacute", 'ó'),
        ("ocirc", 'ô'),
        ("otilde", 'õ'),
        ("ugrave", 'ù'),
        ("uacute", 'ú'),
        ("yacute", 'ý'),
        ("Agrave", 'À'),
        ("Aacute", 'Á'),
        ("Acirc", 'Â'),
        ("Atilde", 'Ã'),
        ("Eacute", 'É'),
        ("Ecirc", 'Ê'),
        ("Iacute", 'Í'),
        ("Oacute", 'Ó'),
        ("Ocirc", 'Ô'),
        ("Uacute", 'Ú'),
    ];
    TABLE
        .iter()
        .find(|(name, _)| *name == body)
        .map(|&(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_become_breaks_and_entities_decode() {
        let html = "<html><body><h1>Tiêu đề</h1><p>A &amp; B</p><script>x()</script></body></html>";
        assert!(looks_like_html(html));
        let text = strip(html);
        let lines: Vec<&str> = text
            .text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(lines, ["Tiêu đề", "A & B"]);
    }

    #[test]
    fn broken_html_is_read_without_panic() {
        for html in [
            "<p>Thi đua &",
            "<p>A &#xZZ; B</p><div",
            "<p>Đại hội &#x1F600;&#99999999; &agrave;</p><script>if (a<b) {}",
            "<div><p>&ecirc;\u{1F600}&</p></div><!-- unclosed",
            "<p>ả&ả;ả</p></div>",
        ] {
            let text = strip(html);
            assert_eq!(text.map.len(), text.text.len() + 1);
        }
        let text = strip("<html><head><title>T</title></head><body><p>Nội dung</p></body></html>");
        assert_eq!(text.text.trim(), "Nội dung");
        let text = strip("<html><head><title>T</title><body><p>Nội dung</p></body></html>");
        assert_eq!(text.text.trim(), "Nội dung");
    }

    #[test]
    fn plain_text_that_mentions_a_tag_is_not_html() {
        assert!(!looks_like_html("Bài viết có thẻ <p> trong văn bản"));
    }
}
