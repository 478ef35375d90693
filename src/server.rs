//! Server rendering: the card's own components rendered to HTML by Yew's
//! server renderer, inside a placeholder with a declarative shadow root, so
//! that a card is on the page before any script runs (and without script
//! at all). The embed script later brings such a card alive in place.
//!
//! Used by the command-line tool (`src/bin/article-card.rs`), natively and
//! as a WASI module; never part of the browser module.

use std::fmt::Write as _;
use std::rc::Rc;

use base64ct::{Base64, Encoding};
use sha2::{Digest, Sha256};
use yew::LocalServerRenderer;

use crate::components::{ArticleCard, CardProps};
use crate::model::Article;
use crate::options::{parse_options, CardOptions};
use crate::pipeline::{parse_article, Rejection};

/// The card's stylesheet, as the bundle ships it before minifying.
const STYLESHEET: &str = include_str!("../styles/article-card.css");

/// The stylesheet without comments and runs of whitespace, for inlining
/// into every pre-rendered card.
pub fn stylesheet() -> String {
    let mut out = String::with_capacity(STYLESHEET.len());
    let mut rest = STYLESHEET;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .split_once("*/")
            .map_or("", |(_, after)| after);
    }
    out.push_str(rest);
    let mut minified = String::with_capacity(out.len());
    for word in out.split_whitespace() {
        // Spaces matter between words, not next to punctuation or after
        // a property name (selectors never end a word with a colon).
        let glue = |c: char| matches!(c, '{' | '}' | ';' | ',' | '>');
        let joins = minified.ends_with(glue)
            || minified.ends_with(':')
            || word.starts_with(glue)
            || minified.is_empty();
        if !joins {
            minified.push(' ');
        }
        minified.push_str(word);
    }
    minified
}

/// The Content-Security-Policy source that allows the inline stylesheet:
/// `'sha256-…'`, for the publisher's `style-src`.
pub fn style_hash(css: &str) -> String {
    format!(
        "'sha256-{}'",
        Base64::encode_string(&Sha256::digest(css.as_bytes()))
    )
}

/// The card's HTML, exactly as the browser's first render builds it.
pub fn card_html(article: Rc<Article>, options: Rc<CardOptions>) -> String {
    let props = CardProps {
        article,
        options,
        id_prefix: "ac".into(),
        card: Default::default(),
    };
    let renderer = LocalServerRenderer::<ArticleCard>::with_props(props).hydratable(false);
    futures::executor::block_on(renderer.render())
}

/// The declarative shadow root of a pre-rendered card: the stylesheet and
/// the card in the `<div>` the embed script renders into.
pub fn shadow_root(card_html: &str, css: &str) -> String {
    format!(
        "<template shadowrootmode=\"open\"><style>{css}</style><div>{card_html}</div></template>"
    )
}

/// Article JSON as the inline script the embed reads. Every `<` becomes
/// `\u003c` (the same text to a JSON reader), so no `</script>` in the
/// data can end the script early.
pub fn inline_json(json: &str) -> String {
    format!(
        "<script type=\"application/json\">{}</script>",
        json.trim().replace('<', "\\u003c")
    )
}

/// Text escaped for HTML content and double-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// Options as the JSON object of strings `parse_options` reads.
pub fn options_json(options: &[(String, String)]) -> String {
    let mut json = String::from("{");
    for (i, (name, value)) in options.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        let _ = write!(json, "{}:{}", json_string(name), json_string(value));
    }
    json.push('}');
    json
}

fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c < ' ' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A card rendered on the server.
pub struct Prerendered {
    /// The `<template shadowrootmode>` element.
    pub shadow_root: String,
    pub article: Rc<Article>,
    /// Ignored option values, for the console or the terminal.
    pub warnings: Vec<String>,
}

/// Parses, checks and renders one article (our format or JSON-LD) with
/// options given by name (`layout`, `heading-level`, …).
pub fn prerender(
    article_json: &str,
    options: &[(String, String)],
    css: &str,
) -> Result<Prerendered, Rejection> {
    prerender_article(parse_article(article_json), options, css)
}

/// Renders an article already read (from a page's JSON-LD blocks, say).
pub fn prerender_article(
    article: Result<Article, Rejection>,
    options: &[(String, String)],
    css: &str,
) -> Result<Prerendered, Rejection> {
    let article = Rc::new(article?);
    let (options, warnings) = parse_options(&options_json(options));
    let html = card_html(article.clone(), Rc::new(options));
    Ok(Prerendered {
        shadow_root: shadow_root(&html, css),
        article,
        warnings,
    })
}

/// One complete placeholder: the element with its options as `data-*`
/// attributes, the pre-rendered shadow root, the article JSON the embed
/// needs to bring the card alive, and a plain link for browsers that show
/// neither.
pub fn placeholder(article_json: &str, card: &Prerendered, options: &[(String, String)]) -> String {
    let mut html = String::from("<div data-article-card");
    for (name, value) in options {
        let _ = write!(html, " data-{name}=\"{}\"", escape(value));
    }
    html.push('>');
    html.push_str(&card.shadow_root);
    html.push_str(&inline_json(article_json));
    let article = &card.article;
    let mut text = String::new();
    if let Some(overline) = &article.overline {
        text.push_str(overline);
        text.push(' ');
    }
    text.push_str(&article.headline);
    let _ = write!(
        html,
        "<a href=\"{}\">{}</a></div>",
        escape(&article.url),
        escape(&text)
    );
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minifies_without_changing_rules() {
        let css = stylesheet();
        assert!(
            !css.contains("/*") && !css.contains('\n'),
            "{}",
            &css[..200]
        );
        assert!(css.contains(".ac-card .ac-headline{"));
        assert!(
            css.contains("content:\"\\2192\" / \"\""),
            "strings keep their spaces"
        );
        assert!(css.contains(".ac-card :is("), "descendant combinators stay");
        assert!(css.len() < STYLESHEET.len() * 3 / 4);
    }

    #[test]
    fn style_hash_is_the_sha256_of_the_text() {
        // The digest of "abc", a known test vector.
        assert_eq!(
            style_hash("abc"),
            "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='"
        );
    }

    #[test]
    fn inline_json_cannot_end_its_script() {
        let script = inline_json(r#"{"headline":"</script><script>alert(1)</script>"}"#);
        assert_eq!(script.matches("</script>").count(), 1);
        assert!(script.contains(r#"\u003c/script>\u003cscript>"#));
    }

    #[test]
    fn options_become_a_json_object_of_strings() {
        let options = vec![
            ("layout".to_owned(), "full".to_owned()),
            ("share-title".to_owned(), "Ein \"Titel\"\n".to_owned()),
        ];
        assert_eq!(
            options_json(&options),
            r#"{"layout":"full","share-title":"Ein \"Titel\"\u000a"}"#
        );
        assert_eq!(
            escape(r#"<a href="x">&"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;"
        );
    }
}
