//! The card's one URL policy: which addresses it accepts from the data and
//! from the publisher's options, and how it builds the addresses it shares.
//! Validation, options and sharing all go through here.

/// Longest address the card accepts, in characters.
pub const MAX_URL: usize = 2048;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlKind {
    /// The canonical article address and anything shared: must be absolute.
    Absolute,
    /// Images and links may also be relative to the host page.
    AbsoluteOrRelative,
}

/// Accepts http and https addresses (and, for `AbsoluteOrRelative`,
/// relative ones); everything else, `javascript:` and `data:` above all, is
/// refused with a sentence saying why.
pub fn check_url(url: &str, kind: UrlKind) -> Result<(), &'static str> {
    if url.is_empty() {
        return Err("is required");
    }
    if url.chars().count() > MAX_URL {
        return Err("is longer than 2048 characters");
    }
    // Browsers drop tabs and newlines inside URLs, which would let
    // "java\nscript:" slip past the scheme check; refuse them outright.
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("contains spaces or control characters; encode them (%20)");
    }
    match scheme(url) {
        Some(scheme) => {
            if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
                return Err("only http and https links are allowed");
            }
            let host = url[scheme.len() + 1..]
                .strip_prefix("//")
                .map(|rest| rest.split(['/', '?', '#']).next().unwrap_or(""));
            match host {
                Some(host) if !host.is_empty() => Ok(()),
                _ => Err("has no host name after the //"),
            }
        }
        None if kind == UrlKind::Absolute => {
            Err("must be a full address starting with https:// or http://")
        }
        None => Ok(()),
    }
}

/// The scheme of a URL: whatever stands before a `:` that comes ahead of any
/// `/`, `?` or `#`. Stricter than RFC 3986 on purpose: an oddly shaped
/// "scheme" is refused rather than taken as a relative path.
fn scheme(url: &str) -> Option<&str> {
    let end = url.find([':', '/', '?', '#'])?;
    url[end..].starts_with(':').then(|| &url[..end])
}

/// Percent-encodes everything but RFC 3986's unreserved characters, as
/// UTF-8: safe in any query value, `mailto:` included.
pub fn encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len() * 3);
    for &byte in text.as_bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        }
    }
    out
}

/// Adds the publisher's tracking parameters (`utm_source=share` or
/// `?utm_source=share`) to a URL's query, before any fragment.
pub fn with_tracking(url: &str, tracking: &str) -> String {
    let params = tracking.trim_start_matches(['?', '&']);
    if params.is_empty() {
        return url.to_owned();
    }
    let (base, fragment) = url.split_at(url.find('#').unwrap_or(url.len()));
    let joiner = if !base.contains('?') {
        "?"
    } else if base.ends_with(['?', '&']) {
        ""
    } else {
        "&"
    };
    format!("{base}{joiner}{params}{fragment}")
}

/// Longest tracking suffix, in bytes: enough for a handful of parameters,
/// short enough that the shared address stays an address.
pub const MAX_TRACKING: usize = 256;

/// Whether a tracking suffix is made of query parameters only: no spaces,
/// no fragment, nothing that could turn the URL into another one.
pub fn is_tracking_suffix(tracking: &str) -> bool {
    let params = tracking.trim_start_matches(['?', '&']);
    !params.is_empty()
        && tracking.len() <= MAX_TRACKING
        && params.split('&').all(|pair| {
            !pair.is_empty()
                && pair.bytes().all(|b| {
                    b.is_ascii_alphanumeric()
                        || matches!(b, b'-' | b'_' | b'.' | b'~' | b'=' | b'%' | b'+')
                })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_pass() {
        for good in [
            "https://a.example/x",
            "HTTP://a.example",
            "https://a.example?q#f",
        ] {
            assert_eq!(check_url(good, UrlKind::Absolute), Ok(()), "{good}");
        }
        for (bad, why) in [
            (
                "javascript:alert(1)",
                "only http and https links are allowed",
            ),
            (
                "JaVaScRiPt:alert(1)",
                "only http and https links are allowed",
            ),
            ("data:text/html,x", "only http and https links are allowed"),
            (
                "java\nscript:alert(1)",
                "contains spaces or control characters; encode them (%20)",
            ),
            ("https:///path", "has no host name after the //"),
            ("https:x", "has no host name after the //"),
            ("", "is required"),
            (
                "/relative",
                "must be a full address starting with https:// or http://",
            ),
        ] {
            assert_eq!(check_url(bad, UrlKind::Absolute), Err(why), "{bad:?}");
        }
        assert_eq!(
            check_url("/relative?x#y", UrlKind::AbsoluteOrRelative),
            Ok(())
        );
        assert_eq!(check_url("bild.jpg", UrlKind::AbsoluteOrRelative), Ok(()));
        let long = format!("https://a.example/{}", "x".repeat(MAX_URL));
        assert_eq!(
            check_url(&long, UrlKind::Absolute),
            Err("is longer than 2048 characters")
        );
    }

    #[test]
    fn encoding_covers_umlauts_ampersands_fragments_spaces_and_emoji() {
        assert_eq!(encode("äö ü"), "%C3%A4%C3%B6%20%C3%BC");
        assert_eq!(encode("a&b=c#d?e/f"), "a%26b%3Dc%23d%3Fe%2Ff");
        assert_eq!(encode("🙂"), "%F0%9F%99%82");
        assert_eq!(encode("A-z_0.9~"), "A-z_0.9~");
        assert_eq!(encode("+%"), "%2B%25");
    }

    #[test]
    fn tracking_goes_into_the_query_before_the_fragment() {
        assert_eq!(
            with_tracking("https://n.example/a", "utm_source=share"),
            "https://n.example/a?utm_source=share"
        );
        assert_eq!(
            with_tracking("https://n.example/a?x=1", "?utm_source=share"),
            "https://n.example/a?x=1&utm_source=share"
        );
        assert_eq!(
            with_tracking("https://n.example/a?", "&ref=card"),
            "https://n.example/a?ref=card"
        );
        assert_eq!(
            with_tracking("https://n.example/a#teil", "ref=card"),
            "https://n.example/a?ref=card#teil"
        );
        assert_eq!(
            with_tracking("https://n.example/a", ""),
            "https://n.example/a"
        );
    }

    #[test]
    fn tracking_suffix_must_be_plain_parameters() {
        assert!(is_tracking_suffix("?utm_source=share&utm_medium=card"));
        assert!(is_tracking_suffix("ref=card"));
        for bad in [
            "",
            "?",
            "a b",
            "x=1#y",
            "x=1&&y=2",
            "/evil",
            "javascript:alert(1)",
            "x=\"1\"",
            &format!("x={}", "1".repeat(MAX_TRACKING)),
        ] {
            assert!(!is_tracking_suffix(bad), "{bad:?}");
        }
    }
}

/// Resolves `reference` against `base` as RFC 3986 (section 5) describes,
/// for bases that are absolute `http`/`https` addresses with a host: how
/// the schema.org mapping turns the relative addresses of a JSON-LD
/// document into the absolute ones its page means. A reference with a
/// scheme of its own comes back unchanged (`javascript:` included, for
/// `check_url` to refuse); `None` when `base` is not such an address.
pub fn resolve(base: &str, reference: &str) -> Option<String> {
    let base_scheme = scheme(base)?;
    if !base_scheme.eq_ignore_ascii_case("http") && !base_scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let rest = base[base_scheme.len() + 1..].strip_prefix("//")?;
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    if authority.is_empty() {
        return None;
    }
    if scheme(reference).is_some() {
        return Some(reference.to_owned());
    }
    if reference.starts_with("//") {
        return Some(format!("{base_scheme}:{reference}"));
    }
    let rest = &rest[authority_end..];
    let rest = &rest[..rest.find('#').unwrap_or(rest.len())];
    let (base_path, base_query) = rest.split_at(rest.find('?').unwrap_or(rest.len()));

    let (before_fragment, fragment) =
        reference.split_at(reference.find('#').unwrap_or(reference.len()));
    let (path, query) =
        before_fragment.split_at(before_fragment.find('?').unwrap_or(before_fragment.len()));
    let (path, query) = if path.is_empty() {
        let query = if query.is_empty() { base_query } else { query };
        (base_path.to_owned(), query)
    } else if path.starts_with('/') {
        (remove_dot_segments(path), query)
    } else {
        // Everything of the base path up to its last slash, then the reference.
        let slash = base_path.bytes().rposition(|b| b == b'/');
        let dir = &base_path[..slash.map_or(0, |i| i + 1)];
        let merged = if dir.is_empty() {
            format!("/{path}")
        } else {
            format!("{dir}{path}")
        };
        (remove_dot_segments(&merged), query)
    };
    Some(format!(
        "{base_scheme}://{authority}{path}{query}{fragment}"
    ))
}

/// RFC 3986, 5.2.4, for a path that starts with `/`: `.` segments vanish,
/// `..` removes the segment before it (never going above the root).
fn remove_dot_segments(path: &str) -> String {
    let segments: Vec<&str> = path.split('/').collect();
    let mut out: Vec<&str> = Vec::with_capacity(segments.len());
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *segment {
            "." | ".." => {
                if *segment == ".." && out.len() > 1 {
                    out.pop();
                }
                if last {
                    out.push("");
                }
            }
            other => out.push(other),
        }
    }
    let mut joined = String::with_capacity(path.len());
    for (i, segment) in out.iter().enumerate() {
        if i > 0 || !segment.is_empty() {
            joined.push('/');
        }
        joined.push_str(segment);
    }
    joined
}

#[cfg(test)]
mod resolve_tests {
    use super::resolve;

    #[test]
    fn resolves_like_rfc_3986() {
        let base = "https://news.example/politik/2025/artikel.html?seite=2#kommentare";
        for (reference, expected) in [
            ("bild.jpg", "https://news.example/politik/2025/bild.jpg"),
            ("./bild.jpg", "https://news.example/politik/2025/bild.jpg"),
            (
                "../bilder/a.jpg",
                "https://news.example/politik/bilder/a.jpg",
            ),
            ("../../../../a.jpg", "https://news.example/a.jpg"),
            ("/themen/nato", "https://news.example/themen/nato"),
            ("/a/./b/../c", "https://news.example/a/c"),
            ("//cdn.example/x.jpg", "https://cdn.example/x.jpg"),
            (
                "?seite=3",
                "https://news.example/politik/2025/artikel.html?seite=3",
            ),
            (
                "#oben",
                "https://news.example/politik/2025/artikel.html?seite=2#oben",
            ),
            ("", "https://news.example/politik/2025/artikel.html?seite=2"),
            ("..", "https://news.example/politik/"),
            ("https://other.example/b", "https://other.example/b"),
            ("javascript:alert(1)", "javascript:alert(1)"),
        ] {
            assert_eq!(
                resolve(base, reference).as_deref(),
                Some(expected),
                "{reference:?}"
            );
        }
        assert_eq!(
            resolve("https://news.example", "bild.jpg").as_deref(),
            Some("https://news.example/bild.jpg")
        );
        assert_eq!(
            resolve("HTTP://news.example/a/b", "c").as_deref(),
            Some("HTTP://news.example/a/c")
        );
    }

    #[test]
    fn needs_an_absolute_web_address_as_base() {
        for base in ["/relativ", "bild.jpg", "file:///tmp/a", "https:///a", ""] {
            assert_eq!(resolve(base, "b.jpg"), None, "{base:?}");
        }
    }
}
