//! The server renderer, natively: every demo article and fixture in every
//! layout renders to HTML whose structure is checked element by element
//! (the same parts the browser tests expect of the client render).
#![cfg(not(target_arch = "wasm32"))]

use std::cell::RefCell;
use std::rc::Rc;

use article_card::layout::Layout;
use article_card::options::parse_options;
use article_card::pipeline::parse_article;
use article_card::server::card_html;
use lol_html::{element, text, HtmlRewriter, Settings};

const ARTICLES: [(&str, &str); 4] = [
    (
        "de-politik",
        include_str!("../www/articles/de-politik.json"),
    ),
    ("en-city", include_str!("../www/articles/en-city.json")),
    ("minimal", include_str!("../www/articles/minimal.json")),
    (
        "markup-headline",
        include_str!("fixtures/markup-headline.json"),
    ),
];

/// One element of the rendered HTML.
#[derive(Debug, Clone)]
struct Node {
    tag: String,
    class: String,
    attributes: Vec<(String, String)>,
}

/// The elements of `html` in document order, and all of its text.
fn parse(html: &str) -> (Vec<Node>, String) {
    let nodes = Rc::new(RefCell::new(Vec::new()));
    let text = Rc::new(RefCell::new(String::new()));
    let mut rewriter = HtmlRewriter::new(
        Settings {
            element_content_handlers: vec![
                element!("*", |el| {
                    nodes.borrow_mut().push(Node {
                        tag: el.tag_name(),
                        class: el.get_attribute("class").unwrap_or_default(),
                        attributes: el
                            .attributes()
                            .iter()
                            .map(|a| (a.name(), a.value()))
                            .collect(),
                    });
                    Ok(())
                }),
                text!("*", |chunk| {
                    text.borrow_mut().push_str(chunk.as_str());
                    Ok(())
                }),
            ],
            ..Settings::new()
        },
        |_: &[u8]| {},
    );
    rewriter.write(html.as_bytes()).unwrap();
    rewriter.end().unwrap();
    let nodes = nodes.borrow().clone();
    // lol_html hands over text as written: undo the escapes the renderer uses.
    let text = text
        .borrow()
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    (nodes, text)
}

fn render(json: &str, options: &str) -> String {
    let article = Rc::new(parse_article(json).expect("valid article"));
    let (options, warnings) = parse_options(options);
    assert!(warnings.is_empty(), "{warnings:?}");
    card_html(article, Rc::new(options))
}

fn has(nodes: &[Node], class: &str) -> bool {
    nodes.iter().any(|n| n.class.split(' ').any(|c| c == class))
}

/// The same parts, in the same order, as the browser tests look for.
const PARTS: [&str; 19] = [
    "ac-kicker",
    "ac-overline",
    "ac-headline",
    "ac-dateline",
    "ac-reading-time",
    "ac-figure",
    "ac-share",
    "ac-summary",
    "ac-lead",
    "ac-teaser-text",
    "ac-paragraph",
    "ac-quote",
    "ac-background",
    "ac-related",
    "ac-topics",
    "ac-source",
    "ac-follow",
    "ac-standards",
    "ac-readmore",
];

fn parts(nodes: &[Node]) -> Vec<&'static str> {
    PARTS.into_iter().filter(|p| has(nodes, p)).collect()
}

#[test]
fn every_article_renders_in_every_layout_with_the_parts_of_its_layout() {
    for (name, json) in ARTICLES {
        let article = parse_article(json).unwrap();
        for &(layout_name, layout) in Layout::NAMES {
            let html = render(json, &format!(r#"{{"layout":"{layout_name}"}}"#));
            let (nodes, text) = parse(&html);
            let context = format!("{name}, {layout_name}");
            // One article root, marked with its layout, language and direction.
            let root = &nodes[0];
            assert_eq!(root.tag, "article", "{context}");
            assert_eq!(
                root.class,
                format!("ac-card ac-card--{layout_name}"),
                "{context}"
            );
            let attr = |node: &Node, key: &str| {
                node.attributes
                    .iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, v)| v.clone())
            };
            assert_eq!(
                attr(root, "lang").as_deref(),
                Some(article.language.as_deref().unwrap_or("de"))
            );
            assert_eq!(attr(root, "dir").as_deref(), Some("ltr"));
            assert_eq!(
                nodes.iter().filter(|n| n.tag == "article").count(),
                1,
                "{context}"
            );

            let expected = layout.parts(&article);
            let seen = parts(&nodes);
            let shows = |part: &str| seen.contains(&part);
            assert!(
                shows("ac-headline") && shows("ac-readmore"),
                "{context}: {seen:?}"
            );
            assert_eq!(shows("ac-figure"), expected.hero.is_some(), "{context}");
            assert_eq!(shows("ac-share"), expected.share, "{context}");
            assert_eq!(
                shows("ac-teaser-text"),
                expected.teaser_line.is_some(),
                "{context}"
            );
            assert_eq!(shows("ac-lead"), expected.lead.is_some(), "{context}");
            assert_eq!(shows("ac-topics"), !expected.topics.is_empty(), "{context}");
            assert_eq!(
                nodes.iter().filter(|n| n.tag == "details").count(),
                expected
                    .blocks
                    .iter()
                    .filter(|b| matches!(b, article_card::model::Block::Background { .. }))
                    .count()
                    + usize::from(expected.summary == article_card::layout::Summary::Collapsed),
                "{context}: one <details> per box"
            );
            // Every reference by id points into the card.
            let ids: Vec<String> = nodes.iter().filter_map(|n| attr(n, "id")).collect();
            for node in &nodes {
                for key in ["aria-labelledby", "aria-describedby", "aria-controls"] {
                    if let Some(id) = attr(node, key) {
                        assert!(ids.contains(&id), "{context}: {key}={id} dangles");
                    }
                }
            }
            // No script and no handler attributes, whatever the data says.
            assert!(
                nodes
                    .iter()
                    .all(|n| n.tag != "script" && n.tag != "img" || n.class == "ac-figure__image"),
                "{context}"
            );
            assert!(
                nodes
                    .iter()
                    .all(|n| n.attributes.iter().all(|(k, _)| !k.starts_with("on"))),
                "{context}"
            );
            assert!(text.contains(&article.headline), "{context}");
        }
    }
}

#[test]
fn the_card_layout_of_the_german_article_has_every_part_in_order() {
    let (nodes, text) = parse(&render(ARTICLES[0].1, ""));
    assert_eq!(
        parts(&nodes),
        [
            "ac-kicker",
            "ac-overline",
            "ac-headline",
            "ac-dateline",
            "ac-reading-time",
            "ac-figure",
            "ac-share",
            "ac-summary",
            "ac-background",
            "ac-related",
            "ac-topics",
            "ac-source",
            "ac-follow",
            "ac-standards",
            "ac-readmore"
        ]
    );
    assert!(text.contains("Veröffentlicht: 17. August 2025, 14:30 Uhr"));
    assert!(text.contains("Hintergrund: Artikel 5"));
    // The share bar as a reader without script gets it: plain links, and
    // the controls that need script (copy, the share sheet) at the end.
    let share: Vec<&str> = nodes
        .iter()
        .filter_map(|n| {
            n.class
                .split(' ')
                .find_map(|c| c.strip_prefix("ac-share__button--"))
        })
        .collect();
    assert_eq!(
        share,
        ["whatsapp", "facebook", "x", "mail", "copy", "native"]
    );
    let links = nodes
        .iter()
        .filter(|n| n.tag == "a" && n.class.contains("ac-share__button"))
        .count();
    assert_eq!(links, 4);
}

#[test]
fn markup_in_the_data_is_escaped_text() {
    let html = render(ARTICLES[3].1, "");
    let (nodes, text) = parse(&html);
    assert!(
        text.contains("<script>window.hacked = 1</script>"),
        "the headline is text"
    );
    assert!(html.contains("&lt;script&gt;window.hacked = 1&lt;/script&gt;"));
    assert!(nodes.iter().all(|n| n.tag != "script" && n.tag != "b"));
    assert_eq!(nodes.iter().filter(|n| n.tag == "img").count(), 0);
}

#[test]
fn rendering_is_the_same_every_time() {
    let first = render(ARTICLES[0].1, "");
    assert_eq!(
        render(ARTICLES[0].1, ""),
        first,
        "ids and order do not depend on earlier renders"
    );
}
