//! From text to an article the card can trust, in one direction:
//! text → JSON tree (`json`) → decoded article (`decode`) → checked
//! article (`validate`). Every problem found on the way is collected, so a
//! publisher sees all of them at once.

use crate::decode::decode_article;
use crate::json;
use crate::model::Article;
use crate::problem::{same_or_nested, Problem};
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

/// Parses, decodes and validates article JSON.
pub fn parse_article(text: &str) -> Result<Article, Rejection> {
    if text.len() > MAX_JSON_BYTES {
        return Err(Rejection::whole(format!(
            "the article JSON is {} bytes; the limit is {MAX_JSON_BYTES}",
            text.len()
        )));
    }
    let tree = json::parse(text).map_err(|err| {
        Rejection::whole(format!(
            "the JSON is not valid: {} (line {}, column {})",
            err.message, err.line, err.column
        ))
    })?;
    let mut problems = Vec::new();
    let article = decode_article(&tree, &mut problems);
    // A field of the wrong type is not checked again, nor is its parent
    // (a mistyped width would otherwise also be "missing").
    let mistyped: Vec<String> = problems.iter().map(|p| p.path.clone()).collect();
    problems.extend(
        validate(&article)
            .into_iter()
            .filter(|p| !mistyped.iter().any(|m| same_or_nested(m, &p.path))),
    );
    if problems.is_empty() {
        return Ok(article);
    }
    let valid = |field: &str| !problems.iter().any(|p| p.path == field);
    Err(Rejection {
        url: valid("url").then_some(article.url),
        language: valid("language").then_some(article.language).flatten(),
        problems,
    })
}
