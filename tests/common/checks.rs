//! The checks the property tests (tests/robustness.rs) and the fuzz targets
//! (tests/fuzz/) share, besides "no panic": the card's URL policy as a
//! browser will apply it, server-rendered HTML without anything active,
//! and share links that carry nothing of the data unencoded. One file,
//! included by both with `#[path]`, so that the two never disagree.

use article_card::json::Json;
use article_card::model::{Article, Block};

/// How a browser reads the scheme of an address (WHATWG URL): leading and
/// trailing C0 controls and spaces go, tabs and newlines go anywhere; a
/// scheme is an ASCII letter, then letters, digits, `+`, `-` or `.`, then
/// `:`. `None`: a relative address.
pub fn browser_scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let end = cleaned.find(':')?;
    let scheme = &cleaned[..end];
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then(|| scheme.to_ascii_lowercase())
}

pub fn is_web(url: &str) -> bool {
    matches!(browser_scheme(url).as_deref(), Some("http" | "https"))
}

/// An address the card accepted: no whitespace or control character, and
/// http(s) (`absolute`) or else relative.
pub fn assert_safe_url(url: &str, absolute: bool) {
    assert!(
        !url.chars().any(|c| c.is_whitespace() || c.is_control()),
        "{url:?} has whitespace or control characters"
    );
    if absolute {
        assert!(is_web(url), "{url:?} is not an http(s) address");
    } else {
        assert!(
            browser_scheme(url).is_none() || is_web(url),
            "{url:?} is neither http(s) nor relative"
        );
    }
}

/// Every address of an accepted article.
pub fn assert_article_addresses(article: &Article) {
    assert_safe_url(&article.url, true);
    if let Some(hero) = &article.hero {
        assert_safe_url(&hero.url, false);
    }
    for url in article.topics.iter().filter_map(|t| t.url.as_deref()) {
        assert_safe_url(url, false);
    }
    for link in article.follow.iter().chain(&article.standards) {
        assert_safe_url(&link.url, false);
    }
    for block in &article.body {
        if let Block::Related { links, .. } = block {
            for link in links {
                assert_safe_url(&link.url, false);
            }
        }
    }
}

/// Every character of a share link after the service's own address is
/// unreserved, `%XX`, `=` or `&`.
pub fn assert_encoded(link: &str) {
    let query = if let Some(rest) = link.strip_prefix("mailto:?") {
        rest
    } else {
        let (address, query) = link.split_once('?').expect("a query");
        assert!(
            address.starts_with("https://") && !address.contains(['%', '#', ' ']),
            "{link}"
        );
        query
    };
    assert!(
        query
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.~%=&".contains(&b)),
        "not fully encoded: {link}"
    );
}

/// Decodes %XX escapes.
pub fn percent_decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).expect("two hex digits"));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// Server-rendered HTML: no active element, no event handler, no address
/// that is not http(s), relative or the share bar's mailto. Yew quotes
/// every attribute value and escapes `<` in text.
pub fn assert_safe_html(html: &str) {
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        let name_end = rest
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(rest.len());
        let tag = rest[..name_end].to_ascii_lowercase();
        assert!(
            !matches!(
                tag.as_str(),
                "script"
                    | "iframe"
                    | "object"
                    | "embed"
                    | "frame"
                    | "base"
                    | "meta"
                    | "link"
                    | "style"
                    | "form"
            ),
            "a <{tag}> element"
        );
        rest = &rest[name_end..];
        loop {
            rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
            if rest.is_empty() || rest.starts_with('>') {
                break;
            }
            let end = rest
                .find(|c: char| c.is_whitespace() || c == '=' || c == '>')
                .unwrap_or(rest.len());
            let name = rest[..end].to_ascii_lowercase();
            rest = &rest[end..];
            let mut value = String::new();
            if let Some(after) = rest.strip_prefix("=\"") {
                let close = after.find('"').expect("a closed attribute value");
                value = decode_references(&after[..close]);
                rest = &after[close + 1..];
            }
            assert!(!name.starts_with("on"), "an event handler {name}={value:?}");
            if matches!(
                name.as_str(),
                "href" | "src" | "action" | "formaction" | "xlink:href" | "srcset" | "poster"
            ) {
                assert!(
                    browser_scheme(&value).is_none()
                        || is_web(&value)
                        || value.starts_with("mailto:?"),
                    "<{tag} {name}={value:?}>"
                );
            }
        }
    }
}

/// The character references Yew writes; any other would be markup from
/// the data.
fn decode_references(value: &str) -> String {
    let decoded = value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
    assert!(
        !decoded.replace("&amp;", "").contains('&'),
        "an unexpected character reference in {value:?}"
    );
    decoded.replace("&amp;", "&")
}

/// Writes a tree as JSON text (escaping what RFC 8259 requires).
pub fn write_json(value: &Json, out: &mut String) {
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Number(n) => out.push_str(n),
        Json::String(s) => write_string(s, out),
        Json::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(item, out);
            }
            out.push(']');
        }
        Json::Object(members) => {
            out.push('{');
            for (i, (key, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(key, out);
                out.push(':');
                write_json(item, out);
            }
            out.push('}');
        }
    }
}

fn write_string(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c < ' ' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// No object of the tree has a key twice.
pub fn assert_unique_keys(value: &Json) {
    match value {
        Json::Array(items) => items.iter().for_each(assert_unique_keys),
        Json::Object(members) => {
            let mut keys: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
            keys.sort_unstable();
            assert!(
                keys.windows(2).all(|w| w[0] != w[1]),
                "a repeated key survived"
            );
            members.iter().for_each(|(_, v)| assert_unique_keys(v));
        }
        _ => {}
    }
}
