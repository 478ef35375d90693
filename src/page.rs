//! Pre-rendering a publisher's page: every `[data-article-card]` and
//! `<article-card>` placeholder gets its card as a declarative shadow root,
//! and every other byte of the page stays as it was. `lol_html` does the
//! streaming rewrite, so the page is never re-serialised.

use std::cell::RefCell;
use std::path::{Component, Path, PathBuf};
use std::rc::Rc;

use lol_html::html_content::{ContentType, Element};
use lol_html::{element, text, HtmlRewriter, Settings};

use crate::jsonld::decode_entities;
use crate::options::OPTIONS;
use crate::pipeline::parse_jsonld_blocks;
use crate::server::{prerender, prerender_article};

/// What happened to the placeholders of a page.
#[derive(Debug, Default)]
pub struct PageReport {
    /// Placeholders that now hold their card.
    pub rendered: usize,
    /// One message per placeholder left as it was, and why.
    pub problems: Vec<String>,
    /// Ignored option values.
    pub warnings: Vec<String>,
}

/// One placeholder while the rewriter is inside it.
struct Slot {
    label: String,
    options: Vec<(String, String)>,
    src: Option<String>,
    /// `data-jsonld`: the card of the page's own schema.org data.
    jsonld: bool,
    inline: Option<String>,
}

/// Elements that can hold a shadow root (besides custom elements); other
/// placeholders are left for the embed script, which renders them without
/// one.
const SHADOW_HOSTS: [&str; 17] = [
    "article",
    "aside",
    "blockquote",
    "body",
    "div",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "main",
    "nav",
    "p",
    "section",
];

/// Rewrites `page`; placeholders marked `data-prerender="off"` are left for
/// the browser. `data-src` addresses are read as files under `base`
/// (a leading `/` counts from `base` too); nothing outside it is read.
/// `data-jsonld` placeholders take the page's own
/// `<script type="application/ld+json">` blocks; `page_url`, the page's
/// public address, picks the article among them and resolves relative
/// addresses.
pub fn prerender_page(
    page: &str,
    base: &Path,
    css: &str,
    page_url: &str,
) -> Result<(String, PageReport), String> {
    let blocks = Rc::new(jsonld_blocks(page)?);
    let report = Rc::new(RefCell::new(PageReport::default()));
    let open: Rc<RefCell<Vec<Slot>>> = Rc::default();
    let line_of = |offset: usize| page[..offset.min(page.len())].matches('\n').count() + 1;
    let mut output = Vec::with_capacity(page.len() * 2);

    let on_placeholder = |el: &mut Element| {
        // The publisher wants this one rendered in the browser.
        if el.get_attribute("data-prerender").as_deref() == Some("off") {
            return Ok(());
        }
        let tag = el.tag_name();
        let custom = tag == "article-card";
        let label = describe(el, line_of(el.source_location().bytes().start));
        if !(custom || SHADOW_HOSTS.contains(&tag.as_str()) || tag.contains('-')) {
            report.borrow_mut().problems.push(format!(
                "{label}: a <{tag}> cannot hold a shadow root; use a <div> or <article-card>"
            ));
            return Ok(());
        }
        // An attribute's value as the browser reads it: taken from the page
        // itself (lol_html's decoding drops a leading U+FEFF), with its
        // character references decoded.
        let value_of = |name: &str| {
            let attribute = el.attributes().iter().find(|a| a.name() == name)?;
            let raw = attribute
                .value_source_location()
                .and_then(|at| page.get(at.bytes()))
                .map_or_else(|| attribute.value(), str::to_owned);
            Some(decode_entities(&raw))
        };
        let attribute = |name: &str| {
            value_of(&format!("data-{name}")).or_else(|| custom.then(|| value_of(name)).flatten())
        };
        let options = OPTIONS
            .iter()
            .filter_map(|(name, _)| Some((name.to_string(), attribute(name)?)))
            .collect();
        let src = attribute("src");
        let jsonld = attribute("jsonld").is_some();
        open.borrow_mut().push(Slot {
            label,
            options,
            src,
            jsonld,
            inline: None,
        });
        let (open, report, blocks) = (open.clone(), report.clone(), blocks.clone());
        let page_url = page_url.to_owned();
        let base = base.to_owned();
        let css = css.to_owned();
        el.on_end_tag(Box::new(move |end| {
            let Some(slot) = open.borrow_mut().pop() else {
                return Ok(());
            };
            let mut report = report.borrow_mut();
            let rendered = match (&slot.inline, &slot.src) {
                (Some(json), _) => prerender(json, &slot.options, &css),
                (None, Some(src)) => match read_under(&base, src) {
                    Ok(json) => prerender(&json, &slot.options, &css),
                    Err(why) => {
                        report.problems.push(format!("{}: {why}", slot.label));
                        return Ok(());
                    }
                },
                (None, None) if slot.jsonld => {
                    let texts: Vec<&str> = blocks.iter().map(String::as_str).collect();
                    let parsed = parse_jsonld_blocks(&texts, &page_url);
                    let label = &slot.label;
                    report
                        .warnings
                        .extend(parsed.notes.iter().map(|note| format!("{label}: {note}")));
                    prerender_article(parsed.article, &slot.options, &css)
                }
                (None, None) => {
                    report.problems.push(format!(
                        "{}: has neither data-src, data-jsonld nor an inline JSON script",
                        slot.label
                    ));
                    return Ok(());
                }
            };
            match rendered {
                Ok(card) => {
                    end.before(&card.shadow_root, ContentType::Html);
                    report.rendered += 1;
                    let label = &slot.label;
                    report
                        .warnings
                        .extend(card.warnings.iter().map(|w| format!("{label}: {w}")));
                }
                Err(rejection) => {
                    let mut message = format!("{}: the article cannot be shown:", slot.label);
                    for problem in &rejection.problems {
                        message.push_str("\n  ");
                        message.push_str(&problem.to_string());
                    }
                    report.problems.push(message);
                }
            }
            Ok(())
        }))?;
        Ok(())
    };

    const INLINE: &str = "[data-article-card] > script[type=\"application/json\"], \
                          article-card > script[type=\"application/json\"]";
    let mut rewriter = HtmlRewriter::new(
        Settings {
            element_content_handlers: vec![
                element!("[data-article-card], article-card", on_placeholder),
                element!(INLINE, |_| {
                    if let Some(slot) = open.borrow_mut().last_mut() {
                        slot.inline.get_or_insert_with(String::new);
                    }
                    Ok(())
                }),
                text!(INLINE, |chunk| {
                    if let Some(slot) = open.borrow_mut().last_mut() {
                        slot.inline.get_or_insert_with(String::new).push_str(chunk.as_str());
                    }
                    Ok(())
                }),
                // A card pre-rendered before is rendered again, not twice.
                element!(
                    "[data-article-card] > template[shadowrootmode], article-card > template[shadowrootmode]",
                    |el| {
                        el.remove();
                        Ok(())
                    }
                ),
            ],
            ..Settings::new()
        },
        |chunk: &[u8]| output.extend_from_slice(chunk),
    );
    rewriter.write(page.as_bytes()).map_err(|e| e.to_string())?;
    rewriter.end().map_err(|e| e.to_string())?;
    let html = String::from_utf8(output).map_err(|e| e.to_string())?;
    let report = Rc::try_unwrap(report)
        .map(RefCell::into_inner)
        .unwrap_or_default();
    Ok((html, report))
}

/// The texts of the page's `<script type="application/ld+json">` blocks.
fn jsonld_blocks(page: &str) -> Result<Vec<String>, String> {
    const SELECTOR: &str = "script[type=\"application/ld+json\"]";
    let blocks: RefCell<Vec<String>> = RefCell::default();
    let mut rewriter = HtmlRewriter::new(
        Settings {
            element_content_handlers: vec![
                element!(SELECTOR, |_| {
                    blocks.borrow_mut().push(String::new());
                    Ok(())
                }),
                text!(SELECTOR, |chunk| {
                    if let Some(block) = blocks.borrow_mut().last_mut() {
                        block.push_str(chunk.as_str());
                    }
                    Ok(())
                }),
            ],
            ..Settings::new()
        },
        |_: &[u8]| {},
    );
    rewriter.write(page.as_bytes()).map_err(|e| e.to_string())?;
    rewriter.end().map_err(|e| e.to_string())?;
    Ok(blocks.into_inner())
}

/// `<div id="card-de"> (line 12)`, to point at a placeholder.
fn describe(el: &Element, line: usize) -> String {
    let id = el
        .get_attribute("id")
        .map(|id| format!(" id=\"{id}\""))
        .unwrap_or_default();
    format!("<{}{id}> (line {line})", el.tag_name())
}

/// Reads the file a `data-src` names, refusing anything outside `base`.
fn read_under(base: &Path, src: &str) -> Result<String, String> {
    if src.contains("://") || src.starts_with("//") {
        return Err(format!(
            "data-src {src} is a web address; only files under --base can be pre-rendered"
        ));
    }
    let path = src.split(['?', '#']).next().unwrap_or("");
    let mut file = PathBuf::from(base);
    for part in Path::new(path.trim_start_matches('/')).components() {
        match part {
            Component::Normal(name) => file.push(name),
            Component::CurDir => {}
            _ => return Err(format!("data-src {src} leads outside --base")),
        }
    }
    std::fs::read_to_string(&file)
        .map_err(|e| format!("cannot read {} (data-src {src}): {e}", file.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = r#"{"url":"https://news.example/a","headline":"Kopf"}"#;

    fn page(body: &str) -> String {
        format!("<!doctype html>\n<html><head><title>T</title></head>\n<body>\n{body}\n</body></html>\n")
    }

    #[test]
    fn inline_placeholders_get_their_card_and_nothing_else_changes() {
        let before = "<p class=x>Vorher &amp; <b>fett</b></p><!-- Kommentar -->";
        let after = "<ul><li>Nachher</li></ul>";
        let input = page(&format!(
            "{before}<div data-article-card data-layout=\"teaser\" id=\"k\"><script type=\"application/json\">{ARTICLE}</script><a href=\"https://news.example/a\">Kopf</a></div>{after}"
        ));
        let (output, report) = prerender_page(&input, Path::new("."), "", "").unwrap();
        assert_eq!(report.rendered, 1, "{:?}", report.problems);
        let start = output.find("<template shadowrootmode=\"open\">").unwrap();
        let end = output.find("</template>").unwrap() + "</template>".len();
        // Take the template out again: the rest is the page, byte for byte.
        assert_eq!(format!("{}{}", &output[..start], &output[end..]), input);
        assert!(output[start..end].contains("ac-card--teaser"));
        assert!(
            output[..start].ends_with("Kopf</a>"),
            "the card goes last, before </div>"
        );
    }

    #[test]
    fn data_src_is_read_under_base_only() {
        let dir = std::env::temp_dir().join(format!("article-card-page-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("articles")).unwrap();
        std::fs::write(dir.join("articles/a.json"), ARTICLE).unwrap();
        let input = page(
            "<article-card src=\"articles/a.json\" layout=\"compact\"></article-card>\
             <div data-article-card data-src=\"/articles/a.json?v=2\"></div>\
             <div data-article-card data-src=\"../secret.json\" id=\"out\"></div>\
             <div data-article-card data-src=\"https://news.example/a.json\"></div>\
             <div data-article-card data-src=\"https://news.example/a.json\" data-prerender=\"off\"></div>",
        );
        let (output, report) = prerender_page(&input, &dir, "", "").unwrap();
        assert_eq!(report.rendered, 2);
        assert_eq!(report.problems.len(), 2, "{:?}", report.problems);
        assert!(report.problems[0].starts_with(
            "<div id=\"out\"> (line 4): data-src ../secret.json leads outside --base"
        ));
        assert!(report.problems[1].contains("is a web address"));
        assert!(output.contains("ac-card--compact"));
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn invalid_or_missing_data_leaves_the_placeholder_as_it_was() {
        let input = page(
            "<div data-article-card><script type=\"application/json\">{\"headline\":\"\"}</script></div>\
             <div data-article-card></div><a data-article-card></a>",
        );
        let (output, report) = prerender_page(&input, Path::new("."), "", "").unwrap();
        assert_eq!(output, input);
        assert_eq!(report.rendered, 0);
        let problems = report.problems.join("\n");
        assert!(
            problems.contains(
                "the article cannot be shown:\n  url: is required\n  headline: is required"
            ),
            "{problems}"
        );
        assert!(problems.contains("has neither data-src, data-jsonld nor an inline JSON script"));
        assert!(problems.contains("a <a> cannot hold a shadow root"));
    }

    #[test]
    fn pre_rendering_twice_gives_the_same_page() {
        let input = page(&format!(
            "<div data-article-card><script type=\"application/json\">{ARTICLE}</script></div>"
        ));
        let (once, _) = prerender_page(&input, Path::new("."), "", "").unwrap();
        let (twice, report) = prerender_page(&once, Path::new("."), "", "").unwrap();
        assert_eq!(report.rendered, 1);
        assert_eq!(twice, once);
    }

    #[test]
    fn jsonld_placeholders_take_the_pages_own_blocks_and_attributes_are_decoded() {
        let input = page(
            "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"BreadcrumbList\"}</script>\
             <script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\
             \"headline\":\"Aus dem Seitenkopf\",\"url\":\"/artikel\"}</script>\
             <div data-article-card data-jsonld data-share-title=\"A &amp; B &lt;C&gt;\"></div>",
        );
        let (output, report) =
            prerender_page(&input, Path::new("."), "", "https://news.example/seite").unwrap();
        assert_eq!(report.rendered, 1, "{:?}", report.problems);
        assert!(output.contains("Aus dem Seitenkopf"));
        assert!(
            output.contains("href=\"https://news.example/artikel\""),
            "resolved against the page"
        );
        // The share title as the browser reads the attribute: "A & B <C>".
        assert!(output.contains("text=A%20%26%20B%20%3CC%3E"), "{output}");
    }
}
