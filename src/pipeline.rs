//! From text to an article the card can trust, in one direction:
//! text → JSON tree (`json`) → decoded article (`decode`) → checked
//! article (`validate`). Every problem found on the way is collected, so a
//! publisher sees all of them at once. JSON-LD (a schema.org article) takes
//! the same road, with `jsonld` in the place of `decode`.

use crate::decode::decode_article;
use crate::json;
use crate::jsonld::{self, Document};
use crate::model::Article;
use crate::problem::Problem;
use crate::validate::validate;

/// Largest article JSON the card accepts, in bytes.
pub const MAX_JSON_BYTES: usize = 256 * 1024;

/// Why an article was refused, with what is still safe to show readers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    pub problems: Vec<Problem>,
    /// The article's address, if that field itself was valid.
    pub url: Option<String>,
    /// The article's language, if that field itself was valid.
    pub language: Option<String>,
}

impl Rejection {
    fn whole(message: String) -> Rejection {
        Rejection {
            problems: vec![Problem::new("", message)],
            url: None,
            language: None,
        }
    }
}

/// Parses, decodes and validates article JSON: our own format, or a
/// schema.org article in JSON-LD (see `jsonld`).
pub fn parse_article(text: &str) -> Result<Article, Rejection> {
    read_article(text).article
}

/// An article read from text, with notes on what was left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub article: Result<Article, Rejection>,
    /// Parts of JSON-LD the card leaves out without refusing the article
    /// (a date without a time of day, more keywords than the card shows,
    /// a block of the page that is not JSON): for the console or the
    /// terminal, as warnings. Always empty for our own format.
    pub notes: Vec<Problem>,
}

impl Parsed {
    fn refused(message: String) -> Parsed {
        Parsed {
            article: Err(Rejection::whole(message)),
            notes: Vec::new(),
        }
    }
}

/// Like `parse_article`, with the notes of the JSON-LD mapping.
pub fn read_article(text: &str) -> Parsed {
    if text.len() > MAX_JSON_BYTES {
        return Parsed::refused(too_large("the article JSON", text.len(), MAX_JSON_BYTES));
    }
    let tree = match json::parse(text) {
        Ok(tree) => tree,
        Err(err) => return Parsed::refused(syntax(&err)),
    };
    if jsonld::is_jsonld(&tree) {
        let document = Document {
            json: &tree,
            path: String::new(),
        };
        return from_jsonld(&[document], None, Vec::new());
    }
    let mut problems = Vec::new();
    let article = decode_article(&tree, &mut problems);
    // A field of the wrong type is not checked again, nor is its parent
    // (a mistyped width would otherwise also be "missing").
    let mistyped: Vec<String> = problems.iter().map(|p| p.path.clone()).collect();
    Parsed {
        article: checked(article, problems, &mistyped, &|path| path.to_owned()),
        notes: Vec::new(),
    }
}

/// Most JSON-LD blocks of one page that are read; pages have a handful.
pub const MAX_PAGE_BLOCKS: usize = 16;

/// The article of a page's own JSON-LD: the texts of its
/// `<script type="application/ld+json">` blocks in document order, and the
/// page's address (`document.baseURI`), which picks the article the page is
/// about when there are several and resolves relative addresses. A block
/// that is not JSON does not hide an article in another; it is named
/// (`script[1]: the JSON is not valid: …`) in the notes, or among the
/// problems when no block has an article.
pub fn parse_jsonld_blocks(blocks: &[&str], page_url: &str) -> Parsed {
    let mut broken = Vec::new();
    let mut trees = Vec::new();
    for (i, text) in blocks.iter().enumerate() {
        let path = format!("script[{i}]");
        if i == MAX_PAGE_BLOCKS {
            let message = format!(
                "the page has {} JSON-LD blocks; the card reads the first {MAX_PAGE_BLOCKS}",
                blocks.len()
            );
            broken.push(Problem::new(path, message));
            break;
        }
        if text.len() > MAX_JSON_BYTES {
            broken.push(Problem::new(
                path,
                too_large("the block", text.len(), MAX_JSON_BYTES),
            ));
            continue;
        }
        match json::parse(text) {
            Ok(tree) => trees.push((tree, path)),
            Err(err) => broken.push(Problem::new(path, syntax(&err))),
        }
    }
    if blocks.is_empty() {
        return Parsed::refused(
            "the page has no <script type=\"application/ld+json\"> block".to_owned(),
        );
    }
    let documents: Vec<Document> = trees
        .iter()
        .map(|(json, path)| Document {
            json,
            path: path.clone(),
        })
        .collect();
    from_jsonld(&documents, Some(page_url), broken)
}

/// `parse_jsonld_blocks` for the embed script, which passes the blocks as
/// one JSON list of texts (`JSON.stringify([block.textContent, …])`).
pub fn parse_jsonld_page(blocks_json: &str, page_url: &str) -> Parsed {
    let limit = MAX_PAGE_BLOCKS * MAX_JSON_BYTES;
    if blocks_json.len() > limit {
        return Parsed::refused(too_large("the page's JSON-LD", blocks_json.len(), limit));
    }
    let Ok(json::Json::Array(items)) = json::parse(blocks_json) else {
        return Parsed::refused(BLOCKS_SHAPE.to_owned());
    };
    let texts: Option<Vec<&str>> = items
        .iter()
        .map(|item| match item {
            json::Json::String(text) => Some(text.as_str()),
            _ => None,
        })
        .collect();
    match texts {
        Some(texts) => parse_jsonld_blocks(&texts, page_url),
        None => Parsed::refused(BLOCKS_SHAPE.to_owned()),
    }
}

const BLOCKS_SHAPE: &str = "the page's JSON-LD blocks must come as a JSON list of texts";

/// Maps JSON-LD documents and runs the same rules as for our own format,
/// reporting every problem at its JSON-LD path. `broken` are blocks of a
/// page that could not be read.
fn from_jsonld(documents: &[Document], page: Option<&str>, broken: Vec<Problem>) -> Parsed {
    let mut mapped = match jsonld::map_documents(documents, page) {
        Ok(mapped) => mapped,
        Err(problem) => {
            let mut problems = broken;
            problems.push(problem);
            return Parsed {
                article: Err(Rejection {
                    problems,
                    url: None,
                    language: None,
                }),
                notes: Vec::new(),
            };
        }
    };
    let spoiled = mapped.spoiled_fields();
    let mut notes = broken;
    notes.append(&mut mapped.notes);
    let problems = std::mem::take(&mut mapped.problems);
    let article = std::mem::take(&mut mapped.article);
    let article = checked(article, problems, &spoiled, &|path| mapped.json_path(path));
    Parsed { article, notes }
}

/// Validates a decoded article. `problems` were found before (at their
/// final paths); `spoiled` are the fields they concern, which the rules do
/// not report again; `locate` turns a field's path into the path reported.
fn checked(
    article: Article,
    mut problems: Vec<Problem>,
    spoiled: &[String],
    locate: &dyn Fn(&str) -> String,
) -> Result<Article, Rejection> {
    let broken = validate(&article);
    let mut invalid: Vec<&str> = spoiled.iter().map(String::as_str).collect();
    invalid.extend(broken.iter().map(|p| p.path.as_str()));
    let valid = |field: &str| !invalid.contains(&field);
    let url = valid("url").then(|| article.url.clone());
    let language = valid("language")
        .then(|| article.language.clone())
        .flatten();
    let spoiled = Spoiled::new(spoiled);
    problems.extend(
        broken
            .iter()
            .filter(|p| !spoiled.touches(&p.path))
            .map(|p| Problem::new(locate(&p.path), p.message.clone())),
    );
    if problems.is_empty() {
        return Ok(article);
    }
    Err(Rejection {
        problems,
        url,
        language,
    })
}

/// The fields that already have a problem, sorted, so that telling whether
/// a field lies in one of them or holds one takes a few binary searches
/// rather than a pass over all of them (an article within the limits can
/// have a hundred thousand problems).
struct Spoiled<'a> {
    sorted: Vec<&'a str>,
}

impl<'a> Spoiled<'a> {
    fn new(paths: &'a [String]) -> Spoiled<'a> {
        let mut order: Vec<usize> = (0..paths.len()).collect();
        json::heap_sort(&mut order, |a, b| {
            json::work::count();
            paths[a] < paths[b]
        });
        Spoiled {
            sorted: order.into_iter().map(|i| paths[i].as_str()).collect(),
        }
    }

    fn has(&self, path: &str) -> bool {
        self.sorted
            .binary_search_by(|m| {
                json::work::count();
                (*m).cmp(path)
            })
            .is_ok()
    }

    /// Whether `path` is a spoiled field, lies inside one or holds one.
    fn touches(&self, path: &str) -> bool {
        let inside = path
            .char_indices()
            .filter(|&(_, c)| c == '.' || c == '[')
            .any(|(i, _)| self.has(&path[..i]));
        let holds = ['.', '['].into_iter().any(|separator| {
            let prefix = format!("{path}{separator}");
            let first = self.sorted.partition_point(|m| {
                json::work::count();
                *m < prefix.as_str()
            });
            self.sorted
                .get(first)
                .is_some_and(|m| m.starts_with(&prefix))
        });
        self.has(path) || inside || holds
    }
}

fn too_large(what: &str, bytes: usize, limit: usize) -> String {
    format!("{what} is {bytes} bytes; the limit is {limit}")
}

fn syntax(err: &json::SyntaxError) -> String {
    format!(
        "the JSON is not valid: {} (line {}, column {})",
        err.message, err.line, err.column
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spoiled_field_covers_its_parents_and_children_only() {
        let paths = vec![
            "hero.width".to_owned(),
            "summary[1]".to_owned(),
            "body".to_owned(),
        ];
        let spoiled = Spoiled::new(&paths);
        for touched in [
            "hero.width",
            "hero",
            "summary[1]",
            "summary",
            "body",
            "body[3].text",
        ] {
            assert!(spoiled.touches(touched), "{touched}");
        }
        for untouched in [
            "hero.height",
            "summary[10]",
            "summary[0]",
            "bodyx",
            "heroes",
            "url",
        ] {
            assert!(!spoiled.touches(untouched), "{untouched}");
        }
    }
}
