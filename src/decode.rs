//! Reads the article model out of parsed JSON.
//!
//! Every value of the wrong type becomes a problem with its field path, and
//! reading goes on, so a publisher sees all such mistakes at once. Texts are
//! trimmed; optional texts that are empty, and `null` anywhere, count as
//! absent. Unknown fields are ignored so that newer data still renders.

use crate::json::Json;
use crate::model::{Article, Block, Hero, Link, Topic};
use crate::problem::Problem;

pub fn decode_article(json: &Json, problems: &mut Vec<Problem>) -> Article {
    decode_article_at(json, "", problems)
}

/// `decode_article` for an object at `path` of a larger document (the
/// `articleCard` extension of a JSON-LD article).
pub(crate) fn decode_article_at(json: &Json, path: &str, problems: &mut Vec<Problem>) -> Article {
    let mut article = Article::default();
    let Some(fields) = Fields::of(json, path, problems) else {
        return article;
    };
    article.url = fields.text("url", problems).unwrap_or_default();
    article.language = fields.optional_text("language", problems);
    article.section = fields.optional_text("section", problems);
    article.overline = fields.optional_text("overline", problems);
    article.headline = fields.text("headline", problems).unwrap_or_default();
    article.hero = fields
        .object("hero", problems)
        .map(|hero| decode_hero(&hero, problems));
    article.summary = fields
        .list("summary", problems)
        .filter_map(|(path, item)| text_value(item, &path, problems))
        .collect();
    article.lead = fields.optional_text("lead", problems);
    article.body = fields
        .list("body", problems)
        .filter_map(|(path, item)| decode_block(item, &path, problems))
        .collect();
    article.source = fields.optional_text("source", problems);
    article.topics = fields
        .list("topics", problems)
        .filter_map(|(path, item)| decode_topic(item, &path, problems))
        .collect();
    article.published = fields.optional_text("published", problems);
    article.modified = fields.optional_text("modified", problems);
    article.follow = fields
        .object("follow", problems)
        .map(|link| decode_link(&link, problems));
    article.standards = fields
        .object("standards", problems)
        .map(|link| decode_link(&link, problems));
    article.free = fields.flag("free", problems);
    article
}

fn decode_hero(fields: &Fields, problems: &mut Vec<Problem>) -> Hero {
    Hero {
        url: fields.text("url", problems).unwrap_or_default(),
        // Kept even when empty: "" marks a decorative image.
        alt: fields.text("alt", problems),
        caption: fields.optional_text("caption", problems),
        credit: fields.optional_text("credit", problems),
        width: fields.whole_number("width", problems),
        height: fields.whole_number("height", problems),
    }
}

fn decode_link(fields: &Fields, problems: &mut Vec<Problem>) -> Link {
    Link {
        label: fields.text("label", problems).unwrap_or_default(),
        url: fields.text("url", problems).unwrap_or_default(),
    }
}

fn decode_topic(item: &Json, path: &str, problems: &mut Vec<Problem>) -> Option<Topic> {
    match item {
        Json::String(label) => Some(Topic {
            label: label.trim().to_owned(),
            url: None,
        }),
        Json::Object(_) => {
            let fields = Fields {
                json: item,
                path: path.to_owned(),
            };
            let label = fields.text("label", problems).unwrap_or_default();
            Some(Topic {
                label,
                url: fields.optional_text("url", problems),
            })
        }
        other => {
            problems.push(Problem::new(
                path,
                format!(
                    "must be text or an object with label and url, not {}",
                    other.kind()
                ),
            ));
            None
        }
    }
}

const BLOCK_TYPES: &str = "paragraph, heading, quote, background or related";

fn decode_block(item: &Json, path: &str, problems: &mut Vec<Problem>) -> Option<Block> {
    let fields = Fields::of(item, path, problems)?;
    let Some(kind) = fields.text("type", problems) else {
        problems.push(Problem::new(
            fields.child("type"),
            format!("is required: {BLOCK_TYPES}"),
        ));
        return None;
    };
    let text = |problems: &mut Vec<Problem>| fields.text("text", problems).unwrap_or_default();
    let block = match kind.as_str() {
        "paragraph" => Block::Paragraph {
            text: text(problems),
        },
        "heading" => Block::Heading {
            text: text(problems),
        },
        "quote" => Block::Quote {
            text: text(problems),
            speaker: fields.optional_text("speaker", problems),
        },
        "background" => Block::Background {
            title: fields.optional_text("title", problems),
            text: text(problems),
        },
        "related" => Block::Related {
            title: fields.optional_text("title", problems),
            links: fields
                .list("links", problems)
                .filter_map(|(path, link)| {
                    Some(decode_link(&Fields::of(link, &path, problems)?, problems))
                })
                .collect(),
        },
        other => {
            problems.push(Problem::new(
                fields.child("type"),
                format!("\"{other}\" is not one of {BLOCK_TYPES}"),
            ));
            return None;
        }
    };
    Some(block)
}

/// A trimmed text, or a problem if the value is not text.
fn text_value(value: &Json, path: &str, problems: &mut Vec<Problem>) -> Option<String> {
    match value {
        Json::String(text) => Some(text.trim().to_owned()),
        other => {
            problems.push(Problem::new(
                path,
                format!("must be text, not {}", other.kind()),
            ));
            None
        }
    }
}

/// The members of one JSON object, with the path that leads to it.
struct Fields<'a> {
    json: &'a Json,
    path: String,
}

impl<'a> Fields<'a> {
    /// `json` as an object, or a problem at `path` if it is something else.
    fn of(json: &'a Json, path: &str, problems: &mut Vec<Problem>) -> Option<Fields<'a>> {
        if let Json::Object(_) = json {
            Some(Fields {
                json,
                path: path.to_owned(),
            })
        } else {
            let message = format!("must be an object, not {}", json.kind());
            problems.push(Problem::new(path, message));
            None
        }
    }

    fn child(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// The value of `key`, treating `null` as absent.
    fn get(&self, key: &str) -> Option<&'a Json> {
        self.json.get(key).filter(|value| **value != Json::Null)
    }

    fn text(&self, key: &str, problems: &mut Vec<Problem>) -> Option<String> {
        text_value(self.get(key)?, &self.child(key), problems)
    }

    /// Like `text`, but an empty text counts as absent.
    fn optional_text(&self, key: &str, problems: &mut Vec<Problem>) -> Option<String> {
        self.text(key, problems).filter(|text| !text.is_empty())
    }

    fn object(&self, key: &str, problems: &mut Vec<Problem>) -> Option<Fields<'a>> {
        Fields::of(self.get(key)?, &self.child(key), problems)
    }

    /// The items of a list with their paths; a missing list is empty.
    fn list(
        &self,
        key: &str,
        problems: &mut Vec<Problem>,
    ) -> impl Iterator<Item = (String, &'a Json)> {
        let path = self.child(key);
        let items: &[Json] = match self.get(key) {
            None => &[],
            Some(Json::Array(items)) => items,
            Some(other) => {
                problems.push(Problem::new(
                    &path,
                    format!("must be a list, not {}", other.kind()),
                ));
                &[]
            }
        };
        items
            .iter()
            .enumerate()
            .map(move |(i, item)| (format!("{path}[{i}]"), item))
    }

    /// `true` or `false`; `null` counts as absent.
    fn flag(&self, key: &str, problems: &mut Vec<Problem>) -> Option<bool> {
        match self.get(key)? {
            Json::Bool(flag) => Some(*flag),
            other => {
                let message = format!("must be true or false, not {}", other.kind());
                problems.push(Problem::new(self.child(key), message));
                None
            }
        }
    }

    fn whole_number(&self, key: &str, problems: &mut Vec<Problem>) -> Option<u32> {
        let value = self.get(key)?;
        let number = match value {
            Json::Number(digits) => digits.parse().ok(),
            _ => None,
        };
        if number.is_none() {
            let message = format!("must be a whole number of pixels, not {}", describe(value));
            problems.push(Problem::new(self.child(key), message));
        }
        number
    }
}

fn describe(value: &Json) -> String {
    match value {
        Json::Number(digits) => digits.clone(),
        other => other.kind().to_owned(),
    }
}
