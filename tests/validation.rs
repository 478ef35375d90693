//! Native tests of parsing and validation: what a publisher's JSON turns
//! into, and the exact messages they get when something is wrong.

use article_card::model::{Block, Topic};
use article_card::pipeline::{parse_article, Rejection, MAX_JSON_BYTES};
use article_card::validate::MAX_HEADLINE;
use serde_json::{json, Value};

fn demo(name: &str) -> String {
    let path = format!("{}/www/articles/{name}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A valid article with one of every part, to be broken one field at a time.
fn base() -> Value {
    json!({
        "url": "https://news.example/a",
        "headline": "Schlagzeile",
        "language": "de",
        "section": "Politik",
        "hero": { "url": "https://img.example/a.jpg", "alt": "Bild", "width": 800, "height": 450 },
        "summary": ["eins", "zwei"],
        "body": [
            { "type": "paragraph", "text": "Absatz" },
            { "type": "background", "title": "Hintergrund: Artikel 5", "text": "Erklärung" },
            { "type": "related", "links": [{ "label": "Mehr", "url": "https://news.example/b" }] }
        ],
        "topics": ["Nato"],
        "published": "2025-08-17T14:30:00+02:00"
    })
}

fn rejection(article: Value) -> Rejection {
    parse_article(&article.to_string()).expect_err("article should be refused")
}

/// The problems of an article with one change applied to `base()`.
fn problems_after(change: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut article = base();
    change(&mut article);
    rejection(article)
        .problems
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn assert_only_problem(change: impl FnOnce(&mut Value), expected: &str) {
    assert_eq!(problems_after(change), vec![expected.to_owned()]);
}

#[test]
fn base_article_is_valid() {
    parse_article(&base().to_string()).expect("the base article is valid");
}

#[test]
fn german_demo_article_has_every_part() {
    let article = parse_article(&demo("de-politik")).expect("valid");
    assert_eq!(article.language.as_deref(), Some("de"));
    assert_eq!(article.section.as_deref(), Some("Politik"));
    assert!(article.overline.is_some());
    let hero = article.hero.as_ref().expect("hero");
    assert!(hero.caption.is_some() && hero.credit.is_some() && hero.alt.is_some());
    assert_eq!((hero.width, hero.height), (Some(1200), Some(675)));
    assert_eq!(article.summary.len(), 4);
    assert!(article.lead.is_some());
    let has = |f: fn(&Block) -> bool| article.body.iter().any(f);
    assert!(has(|b| matches!(b, Block::Paragraph { .. })));
    assert!(has(|b| matches!(b, Block::Heading { .. })));
    assert!(has(|b| matches!(
        b,
        Block::Quote {
            speaker: Some(_),
            ..
        }
    )));
    assert!(has(
        |b| matches!(b, Block::Background { title: Some(t), .. } if t == "Hintergrund: Artikel 5")
    ));
    assert!(has(
        |b| matches!(b, Block::Related { links, .. } if links.len() == 2)
    ));
    assert!(article.source.is_some() && article.follow.is_some() && article.standards.is_some());
    assert_eq!(article.topics.len(), 3);
    assert!(article.published.is_some() && article.modified.is_some());
}

#[test]
fn english_demo_article_is_valid() {
    let article = parse_article(&demo("en-city")).expect("valid");
    assert_eq!(article.language.as_deref(), Some("en"));
    assert_eq!(article.summary.len(), 3);
}

#[test]
fn minimal_article_leaves_every_optional_part_out() {
    let article = parse_article(&demo("minimal")).expect("valid");
    assert_eq!(article.headline, "Am Wochenende wird es sonnig und warm");
    assert!(article.language.is_none() && article.section.is_none() && article.overline.is_none());
    assert!(article.hero.is_none() && article.lead.is_none() && article.source.is_none());
    assert!(article.summary.is_empty() && article.body.is_empty() && article.topics.is_empty());
    assert!(article.published.is_none() && article.modified.is_none());
    assert!(article.follow.is_none() && article.standards.is_none());
}

#[test]
fn text_is_trimmed_and_blank_optional_fields_are_dropped() {
    let mut article = base();
    article["headline"] = json!("  Schlagzeile \n");
    article["overline"] = json!("   ");
    article["section"] = json!("");
    article["hero"]["caption"] = json!(" ");
    article["hero"]["alt"] = json!("");
    article["body"][1]["title"] = json!("");
    let article = parse_article(&article.to_string()).expect("valid");
    assert_eq!(article.headline, "Schlagzeile");
    assert_eq!(article.overline, None);
    assert_eq!(article.section, None);
    let hero = article.hero.unwrap();
    assert_eq!(hero.caption, None);
    // An empty alt text is kept: it marks a decorative image.
    assert_eq!(hero.alt.as_deref(), Some(""));
    assert_eq!(
        article.body[1],
        Block::Background {
            title: None,
            text: "Erklärung".into()
        }
    );
}

#[test]
fn topics_may_be_names_or_links() {
    let mut article = base();
    article["topics"] = json!(["Nato", { "label": "Ukraine", "url": "https://news.example/t" }]);
    let topics = parse_article(&article.to_string()).unwrap().topics;
    assert_eq!(
        topics[0],
        Topic {
            label: "Nato".into(),
            url: None
        }
    );
    assert_eq!(
        topics[1],
        Topic {
            label: "Ukraine".into(),
            url: Some("https://news.example/t".into())
        }
    );
}

#[test]
fn headline_and_url_are_required() {
    let rejection = rejection(json!({ "summary": ["eins"] }));
    let problems: Vec<_> = rejection.problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems, ["url: is required", "headline: is required"]);
    assert_eq!(rejection.url, None);
}

#[test]
fn every_problem_is_reported_at_once_with_its_path() {
    let rejection = parse_article(&fixture("invalid")).expect_err("refused");
    let problems: Vec<_> = rejection.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "headline: is required",
            "language: is not a language tag such as de or en-GB",
            "hero.url: only http and https links are allowed",
            "hero.alt: is required: describe the image, or use \"\" if it is only decorative",
            "summary[2]: bullet is empty",
            "body[0].text: is empty",
            "body[1].links[0].url: only http and https links are allowed",
            "topics[1]: topic name is empty",
            "published: is not an RFC 3339 date and time such as 2025-08-17T14:30:00+02:00",
        ]
    );
    // The address itself was fine, so the error card can still link to it.
    assert_eq!(
        rejection.url.as_deref(),
        Some("https://news.example/kaputt")
    );
}

#[test]
fn only_http_and_https_links_are_allowed() {
    for bad in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "ftp://files.example/a.jpg",
        "mailto:someone@news.example",
    ] {
        assert_only_problem(
            |a| a["hero"]["url"] = json!(bad),
            "hero.url: only http and https links are allowed",
        );
    }
    assert_only_problem(
        |a| a["body"][2]["links"][0]["url"] = json!("javascript:void(0)"),
        "body[2].links[0].url: only http and https links are allowed",
    );
}

#[test]
fn urls_with_hidden_characters_or_no_host_are_refused() {
    assert_only_problem(
        |a| a["hero"]["url"] = json!("java\nscript:alert(1)"),
        "hero.url: contains spaces or control characters; encode them (%20)",
    );
    assert_only_problem(
        |a| a["url"] = json!("https://news.example/mit leerzeichen"),
        "url: contains spaces or control characters; encode them (%20)",
    );
    assert_only_problem(
        |a| a["url"] = json!("https:///pfad"),
        "url: has no host name after the //",
    );
    assert_only_problem(
        |a| a["url"] = json!("https:news.example"),
        "url: has no host name after the //",
    );
    let long = format!("https://news.example/{}", "a".repeat(2048));
    assert_only_problem(
        |a| a["url"] = json!(long),
        "url: is longer than 2048 characters",
    );
}

#[test]
fn the_article_url_must_be_absolute_but_images_and_links_may_be_relative() {
    assert_only_problem(
        |a| a["url"] = json!("/politik/artikel"),
        "url: must be a full address starting with https:// or http://",
    );
    let mut article = base();
    article["hero"]["url"] = json!("/bilder/a.jpg");
    article["body"][2]["links"][0]["url"] = json!("../b.html");
    article["url"] = json!("HTTP://NEWS.EXAMPLE/A");
    parse_article(&article.to_string()).expect("relative image and link, upper-case scheme");
}

#[test]
fn texts_have_length_limits() {
    let long = "x".repeat(MAX_HEADLINE + 1);
    assert_only_problem(
        |a| a["headline"] = json!(long),
        "headline: is 301 characters long; the limit is 300",
    );
    // Limits count characters, not bytes.
    let umlauts = "ä".repeat(MAX_HEADLINE);
    parse_article(
        &{
            let mut a = base();
            a["headline"] = json!(umlauts);
            a
        }
        .to_string(),
    )
    .expect("300 umlauts fit");
    assert_only_problem(
        |a| a["section"] = json!("x".repeat(61)),
        "section: is 61 characters long; the limit is 60",
    );
    assert_only_problem(
        |a| a["summary"][0] = json!("x".repeat(401)),
        "summary[0]: is 401 characters long; the limit is 400",
    );
    assert_only_problem(
        |a| a["body"][1]["text"] = json!("x".repeat(3001)),
        "body[1].text: is 3001 characters long; the limit is 3000",
    );
    assert_only_problem(
        |a| a["topics"][0] = json!("x".repeat(61)),
        "topics[0]: is 61 characters long; the limit is 60",
    );
}

#[test]
fn lists_have_count_limits() {
    assert_only_problem(
        |a| a["summary"] = json!(vec!["Punkt"; 9]),
        "summary: has 9 bullets; the limit is 8",
    );
    assert_only_problem(
        |a| a["topics"] = json!(vec!["Thema"; 21]),
        "topics: has 21 topics; the limit is 20",
    );
    let link = json!({ "label": "Mehr", "url": "https://news.example/b" });
    assert_only_problem(
        |a| a["body"][2]["links"] = json!(vec![link; 11]),
        "body[2].links: has 11 links; the limit is 10",
    );
    let paragraph = json!({ "type": "paragraph", "text": "Absatz" });
    assert_only_problem(
        |a| a["body"] = json!(vec![paragraph; 201]),
        "body: has 201 blocks; the limit is 200",
    );
}

#[test]
fn empty_parts_are_named() {
    assert_only_problem(
        |a| a["summary"][1] = json!("  "),
        "summary[1]: bullet is empty",
    );
    assert_only_problem(
        |a| a["body"][1]["text"] = json!(""),
        "body[1].text: is empty",
    );
    assert_only_problem(
        |a| a["body"][2]["links"] = json!([]),
        "body[2].links: list is empty",
    );
    assert_only_problem(
        |a| a["body"][2]["links"][0]["label"] = json!(""),
        "body[2].links[0].label: is empty",
    );
    assert_only_problem(
        |a| a["topics"][0] = json!(""),
        "topics[0]: topic name is empty",
    );
    assert_only_problem(
        |a| a["follow"] = json!({ "url": "https://news.example/f" }),
        "follow.label: is empty",
    );
}

#[test]
fn hero_needs_alt_text_and_sane_dimensions() {
    assert_only_problem(
        |a| {
            a["hero"]
                .as_object_mut()
                .unwrap()
                .remove("alt")
                .map(drop)
                .unwrap()
        },
        "hero.alt: is required: describe the image, or use \"\" if it is only decorative",
    );
    assert_only_problem(
        |a| a["hero"]["width"] = json!(0),
        "hero.width: must be between 1 and 10000 pixels",
    );
    assert_only_problem(
        |a| a["hero"]["height"] = json!(10_001),
        "hero.height: must be between 1 and 10000 pixels",
    );
    assert_only_problem(
        |a| {
            a["hero"]
                .as_object_mut()
                .unwrap()
                .remove("height")
                .map(drop)
                .unwrap()
        },
        "hero: give both width and height, or neither",
    );
    assert_only_problem(|a| a["hero"]["url"] = json!(""), "hero.url: is required");
}

#[test]
fn dates_must_be_rfc_3339_and_in_order() {
    assert_only_problem(
        |a| a["published"] = json!("17.08.2025"),
        "published: is not an RFC 3339 date and time such as 2025-08-17T14:30:00+02:00",
    );
    // 12:00 UTC is 14:00 in +02:00, half an hour before publication.
    assert_only_problem(
        |a| a["modified"] = json!("2025-08-17T12:00:00Z"),
        "modified: is earlier than published",
    );
    let mut article = base();
    article["modified"] = json!("2025-08-17T12:30:00Z");
    parse_article(&article.to_string()).expect("same instant in another offset is fine");
}

#[test]
fn language_must_be_a_language_tag() {
    for bad in ["deutsch", "d", "de_DE", "de-", "12"] {
        assert_only_problem(
            |a| a["language"] = json!(bad),
            "language: is not a language tag such as de or en-GB",
        );
    }
    for good in ["de", "en-GB", "de-CH-1996", "gsw"] {
        parse_article(
            &{
                let mut a = base();
                a["language"] = json!(good);
                a
            }
            .to_string(),
        )
        .expect(good);
    }
}

#[test]
fn values_of_the_wrong_type_are_named_with_their_path() {
    assert_only_problem(
        |a| a["summary"][1] = json!(3),
        "summary[1]: must be text, not a number",
    );
    assert_only_problem(
        |a| a["headline"] = json!(["Kopf"]),
        "headline: must be text, not a list",
    );
    assert_only_problem(
        |a| a["hero"] = json!("bild.jpg"),
        "hero: must be an object, not text",
    );
    assert_only_problem(
        |a| a["summary"] = json!("eins"),
        "summary: must be a list, not text",
    );
    assert_only_problem(
        |a| a["body"][1] = json!(true),
        "body[1]: must be an object, not true or false",
    );
    assert_only_problem(
        |a| a["hero"]["width"] = json!(-5),
        "hero.width: must be a whole number of pixels, not -5",
    );
    assert_only_problem(
        |a| a["hero"]["height"] = json!("450"),
        "hero.height: must be a whole number of pixels, not text",
    );
    assert_only_problem(
        |a| a["topics"][0] = json!(7),
        "topics[0]: must be text or an object with label and url, not a number",
    );
    assert_only_problem(
        |a| a["body"][0]["type"] = json!("video"),
        "body[0].type: \"video\" is not one of paragraph, heading, quote, background or related",
    );
    assert_only_problem(
        |a| {
            a["body"][0]
                .as_object_mut()
                .unwrap()
                .remove("type")
                .map(drop)
                .unwrap()
        },
        "body[0].type: is required: paragraph, heading, quote, background or related",
    );
}

#[test]
fn null_counts_as_absent_and_unknown_fields_are_ignored() {
    let mut article = base();
    article["overline"] = json!(null);
    article["hero"]["caption"] = json!(null);
    article["summary"] = json!(null);
    article["newFieldFromTheFuture"] = json!({ "anything": [1, 2] });
    let article = parse_article(&article.to_string()).expect("valid");
    assert_eq!(article.overline, None);
    assert!(article.summary.is_empty());
}

#[test]
fn type_mistakes_and_rule_breaks_are_reported_together() {
    let mut article = base();
    article["headline"] = json!(42);
    article["summary"][0] = json!("");
    article["hero"]["width"] = json!(1.5);
    let problems: Vec<_> = rejection(article)
        .problems
        .iter()
        .map(ToString::to_string)
        .collect();
    // Each wrong field once: a mistyped headline is not also "required",
    // a mistyped width does not also leave the height without a partner.
    assert_eq!(
        problems,
        [
            "headline: must be text, not a number",
            "hero.width: must be a whole number of pixels, not 1.5",
            "summary[0]: bullet is empty",
        ]
    );
}

#[test]
fn broken_json_is_reported_with_line_and_column() {
    let broken = rejection_of("{\"headline\": \"a\",\n \"url\": }");
    let problems: Vec<_> = broken.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        ["the JSON is not valid: expected a value (line 2, column 9)"]
    );
    assert_eq!(broken.url, None);
    let truncated = rejection_of("{\"headline\": \"a").problems[0].to_string();
    assert_eq!(
        truncated,
        "the JSON is not valid: the text is missing its closing quote (line 1, column 16)"
    );
    let not_object = rejection_of("\"Schlagzeile\"").problems[0].to_string();
    assert_eq!(not_object, "must be an object, not text");
}

#[test]
fn oversized_json_is_refused_before_parsing() {
    let huge = format!("{{\"headline\": \"{}\"}}", "x".repeat(MAX_JSON_BYTES));
    let problems = rejection_of(&huge).problems;
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0]
            .to_string()
            .ends_with("bytes; the limit is 262144"),
        "{:?}",
        problems
    );
}

#[test]
fn markup_in_text_is_kept_as_text() {
    let article =
        parse_article(&fixture("markup-headline")).expect("markup is just text to the model");
    assert_eq!(
        article.headline,
        "<script>window.hacked = 1</script><img src=x onerror=\"window.hacked = 2\">"
    );
}

fn rejection_of(json: &str) -> Rejection {
    parse_article(json).expect_err("refused")
}
