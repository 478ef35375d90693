//! A small, strict JSON reader (RFC 8259).
//!
//! Why not serde_json: with serde's derive and path reporting it added about
//! 40 KB gzip to the module every reader downloads, several times the whole
//! budget for the card's own code (see docs/size.md). The card only needs a
//! tree of values; type checks with field paths happen in `decode`.
//!
//! **Repeated keys: the first wins.** `{"a": 1, "a": 2}` reads as
//! `{"a": 1}`; later members with a key seen before in the same object are
//! read (so their syntax is checked and errors keep their positions) and
//! then dropped. RFC 8259 leaves repeated keys to the reader; the first is
//! what a publisher sees at the top of the file.
//!
//! **No input blocks the page.** Reading is linear in the text except for
//! the repeated-key check, which sorts the indices of an object's members
//! by key (O(n log n) comparisons) instead of comparing each key with every
//! key before it (O(n²): 0.6 s for one object of 24,000 keys). A hash set
//! would do it in O(n) but would add its hashing code to the module every
//! reader downloads; the sort is a few lines. `tests/robustness.rs` counts
//! the comparisons (`work`) to keep it that way.

/// A parsed JSON value. Numbers keep their source text: the card only ever
/// needs small whole numbers, and skipping float parsing keeps the module
/// small.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Json>),
    /// Members in document order; a repeated key keeps its first value.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// How a value is named in problem messages ("must be text, not a list").
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "true or false",
            Json::Number(_) => "a number",
            Json::String(_) => "text",
            Json::Array(_) => "a list",
            Json::Object(_) => "an object",
        }
    }

    /// The value of `key` in an object. A linear scan: callers look up a
    /// fixed set of names per object, so the work stays linear in its size.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members
                .iter()
                .find(|(k, _)| {
                    work::count();
                    k == key
                })
                .map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Where and why the text is not JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based, counted in characters.
    pub line: usize,
    pub column: usize,
    pub message: &'static str,
}

/// Deeper nesting than this is refused, so hostile input cannot exhaust the
/// stack. Articles need four levels.
pub const MAX_DEPTH: usize = 32;

pub fn parse(text: &str) -> Result<Json, SyntaxError> {
    let mut parser = Parser { text, pos: 0 };
    parser.skip_whitespace();
    let value = parser.value(0)?;
    parser.skip_whitespace();
    if parser.pos < text.len() {
        return Err(parser.error("unexpected text after the end of the JSON value"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    /// Byte offset of the next unread character.
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, message: &'static str) -> SyntaxError {
        let before = &self.text[..self.pos];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        SyntaxError {
            line,
            column,
            message,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn expect_word(&mut self, word: &str, value: Json) -> Result<Json, SyntaxError> {
        if self.text[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        match self.peek() {
            None => Err(self.error("the JSON ends where a value was expected")),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.expect_word("true", Json::Bool(true)),
            Some(b'f') => self.expect_word("false", Json::Bool(false)),
            Some(b'n') => self.expect_word("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a value")),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, SyntaxError> {
        self.pos += 1;
        let mut members: Vec<(String, Json)> = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a key in double quotes"));
            }
            let key = self.string()?;
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return Err(self.error("expected ':' after the key"));
            }
            self.pos += 1;
            self.skip_whitespace();
            let value = self.value(depth + 1)?;
            members.push((key, value));
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    drop_repeated_keys(&mut members);
                    return Ok(Json::Object(members));
                }
                _ => return Err(self.error("expected ',' or '}'")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, SyntaxError> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.skip_whitespace();
            items.push(self.value(depth + 1)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.error("expected ',' or ']'")),
            }
        }
    }

    fn number(&mut self) -> Result<Json, SyntaxError> {
        let start = self.pos;
        let digits = |p: &mut Self| {
            let from = p.pos;
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.pos += 1;
            }
            p.pos > from
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        if self.peek() == Some(b'0') {
            self.pos += 1;
        } else if !digits(self) {
            return Err(self.error("expected a digit"));
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !digits(self) {
                return Err(self.error("expected a digit after the decimal point"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !digits(self) {
                return Err(self.error("expected a digit in the exponent"));
            }
        }
        Ok(Json::Number(self.text[start..self.pos].to_owned()))
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let rest = &self.text[self.pos..];
            // Copy the run up to the next quote, backslash or control
            // character in one go.
            let run = rest
                .find(|c: char| c == '"' || c == '\\' || c < ' ')
                .unwrap_or(rest.len());
            out.push_str(&rest[..run]);
            self.pos += run;
            match self.peek() {
                None => return Err(self.error("the text is missing its closing quote")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    out.push(self.escape()?);
                }
                Some(_) => return Err(self.error("control characters must be escaped in text")),
            }
        }
    }

    fn escape(&mut self) -> Result<char, SyntaxError> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let first = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&first) {
                    // A high surrogate must be followed by an escaped low one.
                    if !self.text[self.pos..].starts_with("\\u") {
                        return Err(self.error("unpaired surrogate in \\u escape"));
                    }
                    self.pos += 2;
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return Err(self.error("unpaired surrogate in \\u escape"));
                    }
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                } else {
                    first
                };
                return char::from_u32(code)
                    .ok_or_else(|| self.error("unpaired surrogate in \\u escape"));
            }
            _ => return Err(self.error("unknown escape after a backslash")),
        };
        self.pos += 1;
        Ok(c)
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self
            .text
            .get(self.pos..self.pos + 4)
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()));
        let Some(digits) = digits else {
            return Err(self.error("expected four hex digits after \\u"));
        };
        self.pos += 4;
        Ok(u32::from_str_radix(digits, 16).unwrap_or(0))
    }
}

/// Keeps the first member of each key, in document order, with
/// O(n log n) key comparisons: the members' indices sorted by (key, index)
/// put every repeat right after the first member with its key.
fn drop_repeated_keys(members: &mut Vec<(String, Json)>) {
    let n = members.len();
    if n < 2 {
        return;
    }
    let key = |i: usize| members[i].0.as_str();
    let mut order: Vec<usize> = (0..n).collect();
    heap_sort(&mut order, |a, b| {
        work::count();
        (key(a), a) < (key(b), b)
    });
    let mut repeated = vec![false; n];
    for pair in order.windows(2) {
        work::count();
        if key(pair[0]) == key(pair[1]) {
            repeated[pair[1]] = true;
        }
    }
    let mut i = 0;
    members.retain(|_| {
        i += 1;
        !repeated[i - 1]
    });
}

/// Heapsort: O(n log n) comparisons whatever the input, no allocation, and
/// far less code than the standard library's sorts (measured on the whole
/// module: the repeated-key check costs 0.7 KB gzip with this heapsort,
/// 2.1 KB with `sort_unstable_by`).
pub(crate) fn heap_sort(v: &mut [usize], less: impl Fn(usize, usize) -> bool) {
    let sift_down = |v: &mut [usize], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && less(v[child], v[child + 1]) {
            child += 1;
        }
        if !less(v[root], v[child]) {
            break;
        }
        v.swap(root, child);
        root = child;
    };
    for start in (0..v.len() / 2).rev() {
        sift_down(v, start, v.len());
    }
    for end in (1..v.len()).rev() {
        v.swap(0, end);
        sift_down(v, 0, end);
    }
}

/// A measure of the reader's work that tests can check without timing
/// anything: the number of key comparisons (repeated-key checks and `get`,
/// and the pipeline's comparisons of field paths) made on the current
/// thread. Native builds only; the browser module
/// counts nothing. Not part of the API.
#[doc(hidden)]
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
pub mod work {
    use std::cell::Cell;

    thread_local! {
        static KEY_COMPARISONS: Cell<u64> = const { Cell::new(0) };
    }

    pub(crate) fn count() {
        KEY_COMPARISONS.with(|n| n.set(n.get() + 1));
    }

    /// Key comparisons on this thread since the last `reset`.
    pub fn key_comparisons() -> u64 {
        KEY_COMPARISONS.with(Cell::get)
    }

    pub fn reset() {
        KEY_COMPARISONS.with(|n| n.set(0));
    }
}

#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
pub(crate) mod work {
    #[inline(always)]
    pub(crate) fn count() {}
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Json {
        Json::String(text.into())
    }

    #[test]
    fn reads_every_kind_of_value() {
        let value =
            parse(r#" { "a": [1, -2.5e3, 0], "b": true, "c": false, "d": null, "e": "x" } "#)
                .unwrap();
        assert_eq!(
            value,
            Json::Object(vec![
                (
                    "a".into(),
                    Json::Array(vec![
                        Json::Number("1".into()),
                        Json::Number("-2.5e3".into()),
                        Json::Number("0".into())
                    ])
                ),
                ("b".into(), Json::Bool(true)),
                ("c".into(), Json::Bool(false)),
                ("d".into(), Json::Null),
                ("e".into(), s("x")),
            ])
        );
        assert_eq!(parse("[]").unwrap(), Json::Array(vec![]));
        assert_eq!(parse("{}").unwrap(), Json::Object(vec![]));
    }

    #[test]
    fn decodes_escapes_and_keeps_unicode() {
        assert_eq!(parse(r#""a\"b\\c\/d\n\t""#).unwrap(), s("a\"b\\c/d\n\t"));
        assert_eq!(parse(r#""\u00e4\u00DF""#).unwrap(), s("äß"));
        assert_eq!(parse(r#""\ud83d\ude00""#).unwrap(), s("😀"));
        assert_eq!(parse("\"Grüße 😀 <b>\"").unwrap(), s("Grüße 😀 <b>"));
    }

    #[test]
    fn first_of_repeated_keys_wins() {
        assert_eq!(
            parse(r#"{"a":1,"a":2}"#).unwrap().get("a"),
            Some(&Json::Number("1".into()))
        );
        // Document order stays; every repeat goes, however far apart.
        let n = |v: &str| Json::Number(v.into());
        assert_eq!(
            parse(r#"{"b":1,"a":2,"b":3,"c":4,"a":5,"b":6,"":7,"":8}"#).unwrap(),
            Json::Object(vec![
                ("b".into(), n("1")),
                ("a".into(), n("2")),
                ("c".into(), n("4")),
                ("".into(), n("7")),
            ])
        );
        // A repeat is still read: its errors are reported where they are.
        let err = parse(r#"{"a":1,"a":tru}"#).unwrap_err();
        assert_eq!((err.column, err.message), (12, "expected a value"));
    }

    #[test]
    fn sorting_for_repeats_matches_the_pairwise_check() {
        // The old quadratic check as the reference, on keys drawn from a
        // small alphabet so that repeats are frequent.
        let mut seed = 0x2545_f491_u32;
        for len in 0..60 {
            let keys: Vec<String> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 17;
                    seed ^= seed << 5;
                    ["a", "b", "ab", "", "ba", "ä"][seed as usize % 6].to_owned()
                })
                .collect();
            let text = format!(
                "{{{}}}",
                keys.iter()
                    .enumerate()
                    .map(|(i, k)| format!("\"{k}\":{i}"))
                    .collect::<Vec<_>>()
                    .join(",")
            );
            let mut expected: Vec<(String, Json)> = Vec::new();
            for (i, k) in keys.iter().enumerate() {
                if !expected.iter().any(|(seen, _)| seen == k) {
                    expected.push((k.clone(), Json::Number(i.to_string())));
                }
            }
            assert_eq!(parse(&text).unwrap(), Json::Object(expected), "{text}");
        }
    }

    #[test]
    fn reports_line_and_column_of_syntax_errors() {
        let err = parse("{\n  \"a\": 1,\n  \"b\": }").unwrap_err();
        assert_eq!(
            (err.line, err.column, err.message),
            (3, 8, "expected a value")
        );
        let err = parse("{\"ä\": 1 \"b\": 2}").unwrap_err();
        assert_eq!(
            (err.line, err.column, err.message),
            (1, 9, "expected ',' or '}'")
        );
    }

    #[test]
    fn refuses_what_is_not_json() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "{a:1}",
            "'a'",
            "01",
            "1.",
            "-",
            "1e",
            "tru",
            "nul",
            "\"abc",
            "\"a\nb\"",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "[1] 2",
            "NaN",
            "+1",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn refuses_deep_nesting_without_overflowing() {
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        assert_eq!(parse(&deep).unwrap_err().message, "nested too deeply");
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
    }
}
