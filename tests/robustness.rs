//! Robustness of the card's Rust code against hostile data.
//!
//! 1. **No input within the limits blocks the reader's page.** Every worst
//!    shape we know (an object of 24,000 keys, one key repeated 24,000
//!    times, nesting at the depth limit, a 250 KB string, 100,000 tiny list
//!    items, a headline of many grapheme clusters, …) is read, decoded,
//!    validated and rendered at size n and 2n, and the *work* may grow at
//!    most 2.3× (linear or n log n; quadratic work grows 4×). Work is
//!    counted, never timed, so the tests are exact on any machine: key
//!    comparisons of the JSON reader (`json::work`), and the allocations
//!    (calls and bytes) of everything, through a counting allocator.
//! 2. **No input makes it panic or lets an unsafe address through**:
//!    property tests (proptest) over the JSON reader, the whole pipeline,
//!    the server renderer, share links, options and the URL policy, with
//!    hostile strings from `tests/payloads/payloads.json` mixed into random
//!    ones. `CASES` cases per property keep `cargo test` within a few
//!    seconds; `PROPTEST_CASES=100000 cargo test --release --test
//!    robustness` runs a longer search. The same properties run under
//!    cargo-fuzz (`tests/fuzz/`, see the README's Security section); crashes the
//!    fuzzer found are the `regression_*` tests.
#![cfg(not(target_arch = "wasm32"))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fmt::Write as _;
use std::rc::Rc;

use article_card::json::{self, Json};
use article_card::model::Article;
use article_card::options::{parse_options, CardOptions};
use article_card::pipeline::{parse_article, MAX_JSON_BYTES};
use article_card::server::card_html;
use article_card::share::{share_link, Service, Shared};
use article_card::url::{check_url, encode, UrlKind};

/// The checks this file shares with the fuzz targets (tests/fuzz/).
#[path = "common/checks.rs"]
#[allow(dead_code)]
mod checks;

// --- Counting work --------------------------------------------------------------

/// The system allocator, counting on each thread how often it is asked for
/// memory and for how many bytes (a `realloc` counts its new size).
struct Counting;

thread_local! {
    static ALLOCATED: Cell<(u64, u64)> = const { Cell::new((0, 0)) };
}

fn note(bytes: usize) {
    let _ = ALLOCATED.try_with(|a| {
        let (calls, total) = a.get();
        a.set((calls + 1, total + bytes as u64));
    });
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        System.alloc(layout)
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        System.alloc_zeroed(layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note(new_size);
        System.realloc(ptr, layout, new_size)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// What one run cost.
#[derive(Debug, Clone, Copy)]
struct Work {
    /// Key comparisons of the JSON reader (repeated-key check and lookups).
    comparisons: u64,
    allocations: u64,
    bytes: u64,
}

fn measure<T>(run: impl FnOnce() -> T) -> (T, Work) {
    json::work::reset();
    let (calls, bytes) = ALLOCATED.with(Cell::get);
    let out = run();
    let (calls_after, bytes_after) = ALLOCATED.with(Cell::get);
    let work = Work {
        comparisons: json::work::key_comparisons(),
        allocations: calls_after - calls,
        bytes: bytes_after - bytes,
    };
    (out, work)
}

/// Most the work may grow when the input doubles: n log n grows 2.15× at
/// these sizes (heapsort's comparisons vary a little with the data), n^1.5
/// 2.8×, quadratic 4×.
const DOUBLING: f64 = 2.3;

/// Runs `run` on the shape at n and at 2n and checks that no measure of
/// work grew more than `DOUBLING` times. Small counts (below 1,000) are
/// fixed costs, not growth, and are not compared.
fn assert_scales<T>(
    name: &str,
    n: usize,
    shape: impl Fn(usize) -> String,
    run: impl Fn(&str) -> T,
) {
    let small = shape(n);
    let large = shape(2 * n);
    assert!(
        large.len() <= MAX_JSON_BYTES,
        "{name}: {} bytes at 2n is over the limit",
        large.len()
    );
    let (_, at_n) = measure(|| run(&small));
    let (_, at_2n) = measure(|| run(&large));
    for (what, a, b) in [
        ("key comparisons", at_n.comparisons, at_2n.comparisons),
        ("allocations", at_n.allocations, at_2n.allocations),
        ("allocated bytes", at_n.bytes, at_2n.bytes),
    ] {
        if b >= 1000 {
            let growth = b as f64 / a.max(1) as f64;
            assert!(
                growth <= DOUBLING,
                "{name}: {what} grew {growth:.2}× from n = {n} ({a}) to 2n ({b})"
            );
        }
    }
}

// --- Worst shapes, each within the 256 KiB limit at 2n ------------------------

fn article_with(extra: &str) -> String {
    format!(r#"{{"url":"https://news.example/a","headline":"Schlagzeile"{extra}}}"#)
}

fn list(n: usize, item: impl Fn(usize) -> String) -> String {
    let mut out = String::from("[");
    for i in 0..n {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&item(i));
    }
    out.push(']');
    out
}

/// An unknown field holding an object of n distinct keys.
fn many_keys(n: usize) -> String {
    let mut members = String::new();
    for i in 0..n {
        let _ = write!(members, "{}\"k{i}\":0", if i > 0 { "," } else { "" });
    }
    article_with(&format!(r#","extra":{{{members}}}"#))
}

/// The same keys at the top level, where the decoder looks up every field.
fn many_top_level_keys(n: usize) -> String {
    let mut members = String::new();
    for i in 0..n {
        let _ = write!(members, ",\"k{i}\":0");
    }
    article_with(&members)
}

/// One key, n times; and keys from a small set, in descending order.
fn repeated_key(n: usize) -> String {
    let members = list(n, |i| format!("\"k\":{}", i % 10)).replace(['[', ']'], "");
    article_with(&format!(r#","extra":{{{members}}}"#))
}

fn few_keys_descending(n: usize) -> String {
    let members = list(n, |i| format!("\"{}\":0", 15 - (i * 16 / n) % 16)).replace(['[', ']'], "");
    article_with(&format!(r#","extra":{{{members}}}"#))
}

/// n values nested to the depth limit.
fn deep(n: usize) -> String {
    let depth = json::MAX_DEPTH - 2;
    let one = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    article_with(&format!(r#","extra":{}"#, list(n, |_| one.clone())))
}

/// One string of n bytes, as a field the card reads and as one it ignores.
fn long_lead(n: usize) -> String {
    article_with(&format!(r#","lead":"{}""#, "ä".repeat(n / 2)))
}

fn long_unknown(n: usize) -> String {
    article_with(&format!(r#","extra":"{}""#, "x".repeat(n)))
}

/// n escapes of every kind in one text.
fn escapes(n: usize) -> String {
    let pieces = [
        r"\u00e4",
        r"\n",
        r#"\""#,
        r"\\",
        r"\ud83d\ude00",
        r"\/",
        r"\t",
    ];
    let text: String = (0..n).map(|i| pieces[i % pieces.len()]).collect();
    article_with(&format!(r#","lead":"{text}""#))
}

/// n tiny items: ignored, of the wrong type, and empty (each a problem).
fn tiny_unknown_items(n: usize) -> String {
    article_with(&format!(r#","extra":{}"#, list(n, |_| "0".into())))
}

fn mistyped_bullets(n: usize) -> String {
    article_with(&format!(r#","summary":{}"#, list(n, |_| "0".into())))
}

fn empty_bullets(n: usize) -> String {
    article_with(&format!(r#","summary":{}"#, list(n, |_| "\"\"".into())))
}

fn topics(n: usize) -> String {
    article_with(&format!(r#","topics":{}"#, list(n, |_| "\"t\"".into())))
}

fn blocks(n: usize) -> String {
    let block = r#"{"type":"paragraph","text":"Ein Absatz."}"#;
    article_with(&format!(r#","body":{}"#, list(n, |_| block.into())))
}

fn related_links(n: usize) -> String {
    let link = r#"{"label":"L","url":"/a"}"#;
    article_with(&format!(
        r#","body":[{{"type":"related","links":{}}}]"#,
        list(n, |_| link.into())
    ))
}

fn long_headline(n: usize) -> String {
    // n grapheme clusters of a letter and a combining accent.
    format!(
        r#"{{"url":"https://news.example/a","headline":"{}"}}"#,
        "e\u{301}".repeat(n)
    )
}

#[test]
fn reading_an_object_of_24000_keys_is_n_log_n() {
    let text = many_keys(24_000);
    assert!(text.len() > 250_000 && text.len() <= MAX_JSON_BYTES);
    let (tree, work) = measure(|| json::parse(&text).unwrap());
    let n = 24_000_f64;
    // Heapsort makes at most 2·n·log2(n) comparisons, the pass over the
    // sorted keys n more. The quadratic check made n²/2: 288 million.
    let bound = 2.0 * n * n.log2() + n;
    assert!(
        (work.comparisons as f64) < bound,
        "{} key comparisons for 24,000 keys; n log n allows {bound:.0}",
        work.comparisons
    );
    let Some(Json::Object(members)) = tree.get("extra") else {
        panic!("the object is there")
    };
    assert_eq!(members.len(), 24_000);
    assert_scales("24,000 keys", 12_000, many_keys, json::parse);
    assert_scales(
        "24,000 keys, whole pipeline",
        12_000,
        many_keys,
        parse_article,
    );
}

#[test]
fn repeated_keys_keep_the_first_and_cost_n_log_n() {
    let text = repeated_key(24_000);
    let tree = json::parse(&text).unwrap();
    assert_eq!(
        tree.get("extra"),
        Some(&Json::Object(vec![("k".into(), Json::Number("0".into()))]))
    );
    assert_scales("one key repeated", 12_000, repeated_key, json::parse);
    assert_scales(
        "few keys, descending",
        12_000,
        few_keys_descending,
        json::parse,
    );
    assert_scales(
        "keys at the top level",
        10_000,
        many_top_level_keys,
        parse_article,
    );
}

#[test]
fn nesting_at_the_depth_limit_is_linear_and_deeper_is_refused_on_a_small_stack() {
    assert!(parse_article(&deep(10)).is_ok());
    assert_scales("nested lists", 2_000, deep, parse_article);
    // Refused however deep, without using more stack than the depth limit
    // needs: a 256 KiB stack is a quarter of a wasm module's default.
    let refused = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            let text = "[".repeat(200_000);
            json::parse(&text).unwrap_err().message
        })
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(refused, "nested too deeply");
}

#[test]
fn long_strings_and_escapes_are_linear() {
    assert_scales("a long lead", 120_000, long_lead, parse_article);
    assert_scales("a long unknown text", 120_000, long_unknown, parse_article);
    assert_scales("escapes", 15_000, escapes, parse_article);
    // A 250 KB string is read with a handful of allocations, not one per byte.
    let text = long_unknown(250_000);
    let (_, work) = measure(|| parse_article(&text));
    assert!(work.allocations < 100, "{work:?}");
    assert!(work.bytes < 4 * text.len() as u64, "{work:?}");
}

#[test]
fn many_items_and_many_problems_are_linear() {
    assert_scales(
        "100,000 ignored items",
        50_000,
        tiny_unknown_items,
        parse_article,
    );
    assert_scales("mistyped bullets", 50_000, mistyped_bullets, parse_article);
    assert_scales("empty bullets", 40_000, empty_bullets, parse_article);
    assert_scales("topics", 30_000, topics, parse_article);
    assert_scales("paragraphs", 3_000, blocks, parse_article);
    assert_scales("related links", 5_000, related_links, parse_article);
    assert_scales("a long headline", 30_000, long_headline, parse_article);
    // One problem per broken item at most, plus one per list.
    let rejection = parse_article(&mistyped_bullets(100_000)).unwrap_err();
    assert!(
        rejection.problems.len() <= 100_001,
        "{}",
        rejection.problems.len()
    );
}

/// A valid article as large as the rules and the size limit allow.
fn big_valid_article(paragraphs: usize) -> String {
    let text = "Wörter und noch mehr Wörter, ".repeat(40);
    let block = format!(r#"{{"type":"paragraph","text":"{text}"}}"#);
    // 296 characters in 74 grapheme clusters.
    let headline = "👨\u{200d}👩\u{200d}👧 e\u{301}".repeat(37);
    format!(
        r#"{{"url":"https://news.example/a","headline":"{headline}","summary":["a","b"],"body":{}}}"#,
        list(paragraphs, |_| block.clone())
    )
}

#[test]
fn rendering_is_linear_in_the_article() {
    let render = |text: &str| {
        let article = parse_article(text).expect("valid");
        let (options, _) = parse_options(r#"{"layout":"full"}"#);
        card_html(Rc::new(article), Rc::new(options))
    };
    assert_scales("rendering paragraphs", 100, big_valid_article, render);
    let text = big_valid_article(200);
    assert!(text.len() <= MAX_JSON_BYTES);
    let html = render(&text);
    // Escaping and markup add a bounded amount per character and per block.
    assert!(
        html.len() < 2 * text.len() + 30_000,
        "{} bytes of HTML for {} of JSON",
        html.len(),
        text.len()
    );
}

/// JSON-LD takes the same road with its own mapping (`jsonld`): long
/// lists and many nodes stay linear there too.
#[test]
fn schema_org_articles_are_linear_too() {
    let head = r#""@context":"https://schema.org","@type":"NewsArticle","url":"https://news.example/a","headline":"H""#;
    let keywords = |n: usize| {
        format!(
            r#"{{{head},"keywords":{}}}"#,
            list(n, |i| format!("\"k{i}\""))
        )
    };
    assert_scales("JSON-LD keywords", 10_000, keywords, parse_article);
    let topics = |n: usize| {
        format!(
            r#"{{{head},"about":{}}}"#,
            list(n, |i| format!(r#"{{"name":"t{i}"}}"#))
        )
    };
    assert_scales("JSON-LD topics", 5_000, topics, parse_article);
    let images = |n: usize| format!(r#"{{{head},"image":{}}}"#, list(n, |_| "1".into()));
    assert_scales("JSON-LD broken images", 20_000, images, parse_article);
    let graph = |n: usize| {
        let node = |i: usize| {
            format!(r#"{{"@type":"NewsArticle","url":"https://news.example/{i}","headline":"H"}}"#)
        };
        format!(
            r#"{{"@context":"https://schema.org","@graph":{}}}"#,
            list(n, node)
        )
    };
    assert_scales("JSON-LD graph of articles", 1_000, graph, parse_article);
}

#[test]
fn options_are_linear_too() {
    let unknown = |n: usize| {
        let members: Vec<String> = (0..n).map(|i| format!("\"o{i}\":\"x\"")).collect();
        format!("{{{}}}", members.join(","))
    };
    assert_scales("unknown options", 10_000, unknown, parse_options);
    let services = |n: usize| {
        let names: Vec<&str> = (0..n)
            .map(|i| ["whatsapp", "myspace", "x", "mail"][i % 4])
            .collect();
        format!(r#"{{"services":"{}"}}"#, names.join(","))
    };
    assert_scales("a long service list", 10_000, services, parse_options);
}

/// Tens of thousands of decoding problems (mistyped body items) beside as
/// many validation problems (empty bullets): the pipeline leaves out
/// validation problems of fields that already have one, and that check
/// must not compare every problem with every other (it once did: 12 s
/// for 50,000 of each). Counted as comparisons, like the reader's keys.
#[test]
fn many_decoding_and_validation_problems_together_stay_linear() {
    let shape = |n: usize| {
        article_with(&format!(
            r#","summary":{},"body":{}"#,
            list(n, |_| "\"\"".into()),
            list(n, |_| "0".into())
        ))
    };
    assert_scales("mistyped and empty items", 25_000, shape, |text| {
        let rejection = parse_article(text).unwrap_err();
        assert!(rejection.problems.len() > 50_000);
    });
}

// --- Regressions found by the fuzzers and the properties ---------------------------

// The fuzz runs in the README's Security section found no crash.

/// Found by `options_never_share_anything_but_a_web_address`: a
/// `referrer-track` of any length was accepted, so the shared address could
/// grow far past the 2048 characters the data may have. Now it is refused
/// over `url::MAX_TRACKING` (with a warning), and one at the limit still
/// makes an http(s) address, encoded whole in every link.
#[test]
fn regression_a_long_referrer_track_is_refused_and_one_at_the_limit_shares_a_web_address() {
    let (options, warnings) =
        parse_options(&format!(r#"{{"referrer-track":"{}"}}"#, "W".repeat(5001)));
    assert_eq!(options.share.tracking, None);
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings[0].contains("at most 256 characters"),
        "{warnings:?}"
    );

    let tracking = format!("x={}", "W".repeat(article_card::url::MAX_TRACKING - 2));
    let (options, warnings) = parse_options(&format!(r#"{{"referrer-track":"{tracking}"}}"#));
    assert!(warnings.is_empty(), "{warnings:?}");
    let article = Article {
        url: "https://news.example/a".into(),
        headline: "Kopf".into(),
        ..Article::default()
    };
    let shared = Shared::of(&article, &options.share);
    assert_eq!(shared.url, format!("https://news.example/a?{tracking}"));
    assert_eq!(check_url(&shared.url, UrlKind::Absolute), Ok(()));
    for &service in &options.share.services {
        if let Some(link) = share_link(service, &shared) {
            assert!(link.contains(&encode(&shared.url)), "{service:?}");
        }
    }
}

// --- Properties -------------------------------------------------------------------

mod properties {
    use super::checks::*;
    use super::*;
    use proptest::prelude::*;
    use proptest::test_runner::Config;

    /// Cases per property in a normal `cargo test`; PROPTEST_CASES overrides.
    pub const CASES: u32 = 256;

    fn config(scale: u32) -> Config {
        let cases = std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(CASES);
        Config {
            cases: (cases / scale).max(1),
            failure_persistence: None,
            ..Config::default()
        }
    }

    /// The hostile strings of the end-to-end test. (A lone surrogate cannot
    /// be a Rust string: those two entries are read as U+FFFD.)
    fn corpus() -> Vec<String> {
        let text = include_str!("payloads/payloads.json")
            .replace(r"\ud800", r"\ufffd")
            .replace(r"\udc00", r"\ufffd");
        let value: serde_json::Value = serde_json::from_str(&text).expect("payloads.json");
        value["payloads"]
            .as_object()
            .expect("payloads by kind")
            .values()
            .flat_map(|list| list.as_array().expect("a list").iter())
            .map(|p| p.as_str().expect("a string").to_owned())
            .collect()
    }

    /// Pieces that make addresses and markup interesting.
    const PIECES: &[&str] = &[
        "javascript",
        "java",
        "script",
        "JaVaScRiPt",
        "data",
        "vbscript",
        "http",
        "https",
        "HTTPS",
        "blob",
        "file",
        "mailto",
        ":",
        "/",
        "//",
        "\\",
        "?",
        "#",
        "@",
        "&#58;",
        "%3A",
        "&colon;",
        " ",
        "\t",
        "\n",
        "\r",
        "\u{0}",
        "\u{1}",
        "\u{7f}",
        "\u{85}",
        "\u{a0}",
        "\u{200b}",
        "\u{202e}",
        "\u{2028}",
        "\u{feff}",
        "\u{3000}",
        "<",
        ">",
        "\"",
        "'",
        "`",
        "=",
        "&",
        "%",
        "news.example",
        "a",
        "ä",
        "😀",
        "e\u{301}",
        "<script>",
        "</script>",
        "onerror=",
        "(1)",
    ];

    /// Text that is often hostile: a payload, random pieces, or anything.
    fn hostile() -> impl Strategy<Value = String> {
        let corpus = corpus();
        prop_oneof![
            3 => prop::sample::select(corpus),
            4 => prop::collection::vec(prop::sample::select(PIECES), 0..12).prop_map(|p| p.concat()),
            2 => any::<String>(),
        ]
    }

    /// A hostile value, sometimes made to look like an address.
    fn value() -> impl Strategy<Value = serde_json::Value> {
        prop_oneof![
            4 => hostile().prop_map(serde_json::Value::from),
            1 => hostile().prop_map(|s| format!("https://news.example/{s}").into()),
            1 => hostile().prop_map(|s| format!("/{s}").into()),
            1 => Just(serde_json::Value::Null),
        ]
    }

    /// The fields an article's hostile values go into (a valid article
    /// otherwise, so that most pass the rules and are checked).
    const FIELDS: usize = 12;

    /// An article object, or the same as a schema.org article (JSON-LD),
    /// with hostile values in one to three of its fields.
    fn article_json() -> impl Strategy<Value = String> {
        (
            prop::collection::vec((0..FIELDS, value()), 1..4),
            prop::bool::ANY,
        )
            .prop_map(|(changes, jsonld)| {
                let mut f: Vec<serde_json::Value> = [
                    "https://news.example/a",
                    "Kopf",
                    "Politik",
                    "Vorspann",
                    "/bild.jpg",
                    "Bild",
                    "Punkt",
                    "/thema",
                    "Mehr",
                    "https://news.example/b",
                    "/folgen",
                    "2025-08-17T14:30:00+02:00",
                ]
                .into_iter()
                .map(serde_json::Value::from)
                .collect();
                for (i, v) in changes {
                    f[i] = v;
                }
                let article = if jsonld {
                    serde_json::json!({
                        "@context": "https://schema.org", "@type": "NewsArticle",
                        "url": f[0], "headline": f[1], "articleSection": f[2], "description": f[3],
                        "image": { "@type": "ImageObject", "url": f[4], "caption": f[5] },
                        "keywords": [f[6], f[8]], "datePublished": f[11],
                        "publisher": { "@type": "Organization", "name": f[8], "url": f[10] },
                        "mainEntityOfPage": f[9], "about": { "name": f[7] },
                    })
                } else {
                    serde_json::json!({
                        "url": f[0], "headline": f[1], "section": f[2], "lead": f[3],
                        "hero": { "url": f[4], "alt": f[5], "width": 4, "height": 3 },
                        "summary": [f[6]],
                        "topics": [{ "label": "Thema", "url": f[7] }, f[8]],
                        "body": [
                            { "type": "paragraph", "text": f[3] },
                            { "type": "related", "links": [{ "label": f[8], "url": f[9] }] }
                        ],
                        "follow": { "label": "Folgen", "url": f[10] },
                        "standards": { "label": "Standards", "url": f[9] },
                        "published": f[11],
                        "language": "de",
                    })
                };
                article.to_string()
            })
    }

    /// JSON-shaped text: tokens of the grammar, shuffled.
    fn json_soup() -> impl Strategy<Value = String> {
        const TOKENS: &[&str] = &[
            "{",
            "}",
            "[",
            "]",
            ":",
            ",",
            "\"",
            "\"a\"",
            "\"b\"",
            "\"\\u00e4\"",
            "\"\\ud83d\\ude00\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\x\"",
            "\"\\",
            "0",
            "1",
            "-",
            ".",
            "e",
            "E",
            "+",
            "12",
            "true",
            "false",
            "null",
            "nul",
            " ",
            "\n",
            "\t",
            "\u{0}",
            "\"\u{1}\"",
            "ä",
            "1e5",
            "-0.5",
        ];
        prop::collection::vec(prop::sample::select(TOKENS), 0..40).prop_map(|t| t.concat())
    }

    /// JSON trees whose objects may repeat keys.
    fn json_tree() -> impl Strategy<Value = Json> {
        let leaf = prop_oneof![
            Just(Json::Null),
            any::<bool>().prop_map(Json::Bool),
            any::<i32>().prop_map(|n| Json::Number(n.to_string())),
            hostile().prop_map(Json::String),
        ];
        leaf.prop_recursive(6, 64, 8, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..8).prop_map(Json::Array),
                prop::collection::vec(
                    (
                        prop::sample::select(&["a", "b", "", "ä", "a"][..]).prop_map(str::to_owned),
                        inner
                    ),
                    0..8
                )
                .prop_map(Json::Object),
            ]
        })
    }

    /// The tree as the reader must return it: the first of repeated keys.
    fn first_keys_win(value: &Json) -> Json {
        match value {
            Json::Array(items) => Json::Array(items.iter().map(first_keys_win).collect()),
            Json::Object(members) => {
                let mut kept: Vec<(String, Json)> = Vec::new();
                for (key, item) in members {
                    if !kept.iter().any(|(k, _)| k == key) {
                        kept.push((key.clone(), first_keys_win(item)));
                    }
                }
                Json::Object(kept)
            }
            other => other.clone(),
        }
    }

    fn depth(text: &str) -> usize {
        let (mut depth, mut max) = (0usize, 0usize);
        for c in text.chars() {
            match c {
                '[' | '{' => {
                    depth += 1;
                    max = max.max(depth);
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        max
    }
    proptest! {
        #![proptest_config(config(1))]

        #[test]
        fn the_json_reader_never_panics(text in prop_oneof![json_soup(), any::<String>()]) {
            let _ = json::parse(&text);
        }

        #[test]
        fn the_json_reader_agrees_with_serde_json_on_what_is_json(text in json_soup()) {
            prop_assume!(depth(&text) <= json::MAX_DEPTH);
            let ours = json::parse(&text);
            let theirs = serde_json::from_str::<serde_json::Value>(&text);
            prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}: ours {:?}, serde_json {:?}", text, ours, theirs);
        }

        #[test]
        fn written_trees_read_back_with_the_first_of_repeated_keys(tree in json_tree()) {
            let mut text = String::new();
            write_json(&tree, &mut text);
            prop_assert_eq!(json::parse(&text).unwrap(), first_keys_win(&tree));
        }

        #[test]
        fn accepted_addresses_are_web_or_relative(url in hostile()) {
            if check_url(&url, UrlKind::AbsoluteOrRelative).is_ok() {
                assert_safe_url(&url, false);
            }
            if check_url(&url, UrlKind::Absolute).is_ok() {
                assert_safe_url(&url, true);
            }
        }

        #[test]
        fn parse_and_validate_never_accept_an_unsafe_address(text in article_json()) {
            if let Ok(article) = parse_article(&text) {
                assert_article_addresses(&article);
                for text in [&article.headline, article.lead.as_ref().unwrap_or(&String::new())] {
                    prop_assert_eq!(text.trim(), text.as_str(), "texts are trimmed");
                }
            }
        }

        #[test]
        fn any_text_at_all_is_refused_or_read_without_panicking(text in prop_oneof![hostile(), json_soup()]) {
            if let Ok(article) = parse_article(&text) {
                assert_article_addresses(&article);
            }
        }

        #[test]
        fn share_links_encode_everything_from_the_data(
            url in hostile(), title in hostile(), text in proptest::option::of(hostile()), image in proptest::option::of(hostile())
        ) {
            let shared = Shared { url: url.clone(), title: title.clone(), text, image };
            for &(_, service) in Service::NAMES {
                let Some(link) = share_link(service, &shared) else { continue };
                assert_encoded(&link);
                // The address survives whole, in the parameter that carries it.
                if let Some(value) = link.split(['?', '&']).find_map(|p| p.strip_prefix("u=").or(p.strip_prefix("url="))) {
                    prop_assert_eq!(percent_decode(value), url.as_bytes());
                }
            }
            prop_assert_eq!(percent_decode(&encode(&title)), title.as_bytes());
        }

        #[test]
        fn options_never_share_anything_but_a_web_address(
            values in prop::collection::vec((prop::sample::select(&[
                "lang", "layout", "theme", "heading-level", "services", "native-share", "orientation",
                "button-style", "share-url", "share-title", "referrer-track", "shareUrl", "referrerTrack", "src",
            ][..]), hostile()), 0..6),
            raw in hostile(),
        ) {
            let object: serde_json::Map<String, serde_json::Value> = values
                .into_iter()
                .map(|(k, v)| (k.to_owned(), serde_json::Value::String(v)))
                .collect();
            let article = Article { url: "https://news.example/a".into(), headline: "Kopf".into(), ..Article::default() };
            for text in [serde_json::Value::Object(object).to_string(), raw] {
                let (options, _warnings): (CardOptions, _) = parse_options(&text);
                let shared = Shared::of(&article, &options.share);
                assert_safe_url(&shared.url, true);
                // Absolute http(s) with a host; only its length is not
                // checked again (a long referrer-track can push it past
                // the 2048 characters the data may have).
                let checked = check_url(&shared.url, UrlKind::Absolute);
                prop_assert!(checked.is_ok() || checked == Err("is longer than 2048 characters"), "{:?}: {:?}", shared.url, checked);
                for &service in &options.share.services {
                    if let Some(link) = share_link(service, &shared) {
                        assert_encoded(&link);
                    }
                }
            }
        }
    }

    proptest! {
        // Rendering is slower; a quarter of the cases.
        #![proptest_config(config(4))]

        #[test]
        fn rendered_cards_carry_no_script_and_no_script_address(text in article_json(), layout in prop::sample::select(&["card", "compact", "teaser", "full"][..])) {
            if let Ok(article) = parse_article(&text) {
                let (options, _) = parse_options(&format!(r#"{{"layout":"{layout}"}}"#));
                let html = card_html(Rc::new(article), Rc::new(options));
                assert_safe_html(&html);
            }
        }
    }
}
