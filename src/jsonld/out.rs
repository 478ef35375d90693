//! One of our articles as a schema.org `NewsArticle` in JSON-LD, for the
//! publisher's page (`article-card jsonld`): the properties search engines
//! read for articles that our data can fill, and our extension property
//! for the parts schema.org has no words for, so that reading the output
//! back (`jsonld`) gives the same article. docs/article-format.md has the
//! mapping; server and command line only, never in the browser module.

use crate::json::Json;
use crate::jsonld::{entity_at, EXTENSION};
use crate::model::{Article, Block, Hero, Link, Topic};
use crate::url::resolve;

/// The JSON-LD of an article, pretty-printed, ending with a newline. Safe
/// to paste into a `<script type="application/ld+json">` block: every `<`
/// is written as `\u003c`.
pub fn to_jsonld(article: &Article) -> String {
    let mut out = String::new();
    write_pretty(&tree(article), 0, &mut out);
    out.push('\n');
    out
}

/// The JSON-LD of an article as a JSON value, members in a fixed order.
pub fn tree(article: &Article) -> Json {
    // Relative addresses in our format are relative to the page that shows
    // the card; in JSON-LD they would be relative to the article's page.
    // Written out absolute, they mean one thing wherever the JSON-LD goes.
    let absolute = |url: &str| resolve(&article.url, url).unwrap_or_else(|| url.to_owned());
    let mut node = Members::default();
    node.text("@context", "https://schema.org");
    node.text("@type", "NewsArticle");
    node.put(
        "mainEntityOfPage",
        object([
            ("@type", Json::String("WebPage".into())),
            ("@id", Json::String(article.url.clone())),
        ]),
    );
    node.text("url", &article.url);
    node.text("headline", &escape_entities(&article.headline));
    if let Some(overline) = &article.overline {
        node.text("alternativeHeadline", &escape_entities(overline));
    }
    if let Some(lead) = &article.lead {
        node.text("description", &escape_entities(lead));
    }
    if let Some(hero) = &article.hero {
        node.put("image", Json::Array(vec![image(hero, &absolute)]));
    }
    if let Some(published) = &article.published {
        node.text("datePublished", published);
    }
    if let Some(modified) = &article.modified {
        node.text("dateModified", modified);
    }
    if let Some(language) = &article.language {
        node.text("inLanguage", language);
    }
    if let Some(section) = &article.section {
        node.text("articleSection", &escape_entities(section));
    }
    if !article.topics.is_empty() {
        let keywords = article
            .topics
            .iter()
            .map(|topic| keyword(topic, &absolute))
            .collect();
        node.put("keywords", Json::Array(keywords));
    }
    if let Some(free) = article.free {
        node.put("isAccessibleForFree", Json::Bool(free));
    }
    if let Some(standards) = &article.standards {
        node.put(
            "publishingPrinciples",
            object([
                ("@type", Json::String("CreativeWork".into())),
                ("name", Json::String(escape_entities(&standards.label))),
                ("url", Json::String(absolute(&standards.url))),
            ]),
        );
    }
    let extension = extension(article, &absolute);
    if !extension.0.is_empty() {
        node.put(EXTENSION, Json::Object(extension.0));
    }
    Json::Object(node.0)
}

/// The parts schema.org cannot hold, in our own format (texts as they are).
fn extension(article: &Article, absolute: &dyn Fn(&str) -> String) -> Members {
    let mut ext = Members::default();
    if !article.summary.is_empty() {
        let bullets = article
            .summary
            .iter()
            .map(|bullet| Json::String(bullet.clone()))
            .collect();
        ext.put("summary", Json::Array(bullets));
    }
    if !article.body.is_empty() {
        let blocks = article
            .body
            .iter()
            .map(|block| body_block(block, absolute))
            .collect();
        ext.put("body", Json::Array(blocks));
    }
    if let Some(source) = &article.source {
        ext.text("source", source);
    }
    if let Some(follow) = &article.follow {
        ext.put("follow", link(follow, absolute));
    }
    ext
}

fn image(hero: &Hero, absolute: &dyn Fn(&str) -> String) -> Json {
    let mut image = Members::default();
    image.text("@type", "ImageObject");
    image.text("url", &absolute(&hero.url));
    if let (Some(width), Some(height)) = (hero.width, hero.height) {
        image.put("width", Json::Number(width.to_string()));
        image.put("height", Json::Number(height.to_string()));
    }
    if let Some(caption) = &hero.caption {
        image.text("caption", &escape_entities(caption));
    }
    if let Some(credit) = &hero.credit {
        image.text("creditText", &escape_entities(credit));
    }
    // schema.org has no alternative text; its description is the nearest.
    if let Some(alt) = hero.alt.as_deref().filter(|alt| !alt.is_empty()) {
        image.text("description", &escape_entities(alt));
    }
    Json::Object(image.0)
}

/// A topic as a keyword: its name, or a `DefinedTerm` when it has a page.
fn keyword(topic: &Topic, absolute: &dyn Fn(&str) -> String) -> Json {
    let label = Json::String(escape_entities(&topic.label));
    match &topic.url {
        None => label,
        Some(url) => object([
            ("@type", Json::String("DefinedTerm".into())),
            ("name", label),
            ("url", Json::String(absolute(url))),
        ]),
    }
}

fn body_block(block: &Block, absolute: &dyn Fn(&str) -> String) -> Json {
    let mut out = Members::default();
    let kind = match block {
        Block::Paragraph { .. } => "paragraph",
        Block::Heading { .. } => "heading",
        Block::Quote { .. } => "quote",
        Block::Background { .. } => "background",
        Block::Related { .. } => "related",
    };
    out.text("type", kind);
    match block {
        Block::Paragraph { text } | Block::Heading { text } => out.text("text", text),
        Block::Quote { text, speaker } => {
            out.text("text", text);
            if let Some(speaker) = speaker {
                out.text("speaker", speaker);
            }
        }
        Block::Background { title, text } => {
            if let Some(title) = title {
                out.text("title", title);
            }
            out.text("text", text);
        }
        Block::Related { title, links } => {
            if let Some(title) = title {
                out.text("title", title);
            }
            let links = links.iter().map(|l| link(l, absolute)).collect();
            out.put("links", Json::Array(links));
        }
    }
    Json::Object(out.0)
}

fn link(link: &Link, absolute: &dyn Fn(&str) -> String) -> Json {
    object([
        ("label", Json::String(link.label.clone())),
        ("url", Json::String(absolute(&link.url))),
    ])
}

fn object<const N: usize>(members: [(&str, Json); N]) -> Json {
    Json::Object(
        members
            .into_iter()
            .map(|(key, value)| (key.to_owned(), value))
            .collect(),
    )
}

/// The members of an object being built, in order.
#[derive(Default)]
struct Members(Vec<(String, Json)>);

impl Members {
    fn put(&mut self, key: &str, value: Json) {
        self.0.push((key.to_owned(), value));
    }

    fn text(&mut self, key: &str, value: &str) {
        self.put(key, Json::String(value.to_owned()));
    }
}

/// Writes `&` as `&amp;` where it would otherwise be read back as a
/// character reference (the mapping in decodes them), and nowhere else:
/// "Müller & Söhne" stays as it is, the text "&amp;" survives the trip.
pub fn escape_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        if c == '&' && entity_at(&text[at..]).is_some() {
            out.push_str("&amp;");
        } else {
            out.push(c);
        }
    }
    out
}

/// JSON with two-space indentation.
pub fn write_pretty(json: &Json, depth: usize, out: &mut String) {
    let indent = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    match json {
        Json::Null => out.push_str("null"),
        Json::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        Json::Number(digits) => out.push_str(digits),
        Json::String(text) => write_string(text, out),
        Json::Array(items) if items.is_empty() => out.push_str("[]"),
        Json::Object(members) if members.is_empty() => out.push_str("{}"),
        Json::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(out, depth + 1);
                write_pretty(item, depth + 1, out);
            }
            indent(out, depth);
            out.push(']');
        }
        Json::Object(members) => {
            out.push('{');
            for (i, (key, value)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(out, depth + 1);
                write_string(key, out);
                out.push_str(": ");
                write_pretty(value, depth + 1, out);
            }
            indent(out, depth);
            out.push('}');
        }
    }
}

/// A JSON string that is also safe inside an HTML `<script>` element:
/// control characters, `<` and the JavaScript line separators escaped.
fn write_string(text: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c < ' ' || c == '<' || c == '\u{2028}' || c == '\u{2029}' || c == '\u{7f}' => {
                let code = c as u32;
                out.push_str("\\u");
                for shift in [12, 8, 4, 0] {
                    out.push(char::from(HEX[((code >> shift) & 15) as usize]));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_safe_in_a_script_element() {
        let mut out = String::new();
        write_string("a\"b\\c\n\u{1}</script><!-- \u{2028}", &mut out);
        assert_eq!(out, r#""a\"b\\c\n\u0001\u003c/script>\u003c!-- \u2028""#);
        assert_eq!(
            crate::json::parse(&out).unwrap(),
            Json::String("a\"b\\c\n\u{1}</script><!-- \u{2028}".into())
        );
    }

    #[test]
    fn ampersands_are_escaped_only_where_they_would_be_decoded() {
        assert_eq!(escape_entities("Müller & Söhne"), "Müller & Söhne");
        assert_eq!(escape_entities("AT&amp;T &#39;"), "AT&amp;amp;T &amp;#39;");
        assert_eq!(
            crate::jsonld::decode_entities(&escape_entities("AT&amp;T &#39; & &x;")),
            "AT&amp;T &#39; & &x;"
        );
    }
}
