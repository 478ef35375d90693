//! docs/article.schema.json against the card's own rules: every field of
//! the model is in the schema (and its example), every property of the
//! schema is one the card reads, and every limit of the schema is exactly
//! the card's, found by trying the values at and just over each limit.
#![cfg(not(target_arch = "wasm32"))]

use article_card::model::{Article, Block, Hero, Link, Topic};
use article_card::pipeline::parse_article;
use serde_json::Value;

fn schema() -> Value {
    let path = format!("{}/docs/article.schema.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).expect("the schema")).expect("valid JSON")
}

fn example(schema: &Value) -> Value {
    schema["examples"][0].clone()
}

/// `#/$defs/…` references followed, siblings of `$ref` merged in.
fn resolve<'a>(schema: &'a Value, node: &'a Value) -> Value {
    let mut node = node.clone();
    while let Some(reference) = node.get("$ref").and_then(Value::as_str).map(str::to_owned) {
        let target = reference
            .trim_start_matches("#/")
            .split('/')
            .fold(schema, |at, key| &at[key]);
        let mut merged = target.clone();
        for (key, value) in node.as_object().unwrap() {
            if key != "$ref" {
                merged[key] = value.clone();
            }
        }
        node = merged;
    }
    node
}

/// The schema's field path in the card's notation (`body[4].links`).
fn path_text(path: &[PathPart]) -> String {
    let mut text = String::new();
    for part in path {
        match part {
            PathPart::Key(key) if text.is_empty() => text.push_str(key),
            PathPart::Key(key) => {
                text.push('.');
                text.push_str(key);
            }
            PathPart::Index(i) => text.push_str(&format!("[{i}]")),
        }
    }
    text
}

#[derive(Clone, Debug)]
enum PathPart {
    Key(String),
    Index(usize),
}

/// A limit of the schema, at a value of the example.
#[derive(Debug)]
enum Limit {
    Length(Vec<PathPart>, usize),
    Items(Vec<PathPart>, usize),
    Range(Vec<PathPart>, i64, i64),
}

/// Walks the example along the schema, collecting every limit.
fn limits(schema: &Value, node: &Value, value: &Value, path: Vec<PathPart>, out: &mut Vec<Limit>) {
    let node = resolve(schema, node);
    if let Some(branches) = node.get("oneOf").and_then(Value::as_array) {
        // The branch this value takes: same type, and same `type` constant.
        let branch = branches.iter().map(|b| resolve(schema, b)).find(|b| {
            let kind = b
                .get("properties")
                .and_then(|p| p.get("type"))
                .and_then(|t| t.get("const"));
            match kind {
                Some(kind) => value.get("type") == Some(kind),
                None => matches!(
                    (b.get("type").and_then(Value::as_str), value),
                    (Some("string"), Value::String(_)) | (Some("object"), Value::Object(_))
                ),
            }
        });
        let branch =
            branch.unwrap_or_else(|| panic!("no branch of {} fits {value}", path_text(&path)));
        return limits(schema, &branch, value, path, out);
    }
    match value {
        Value::String(_) => {
            if let Some(max) = node.get("maxLength").and_then(Value::as_u64) {
                out.push(Limit::Length(path, max as usize));
            }
        }
        Value::Number(_) => {
            if let (Some(min), Some(max)) = (node["minimum"].as_i64(), node["maximum"].as_i64()) {
                out.push(Limit::Range(path, min, max));
            }
        }
        Value::Array(items) => {
            if let Some(max) = node.get("maxItems").and_then(Value::as_u64) {
                out.push(Limit::Items(path.clone(), max as usize));
            }
            let item = node.get("items").expect("arrays say what their items are");
            for (i, value) in items.iter().enumerate() {
                let mut path = path.clone();
                path.push(PathPart::Index(i));
                limits(schema, item, value, path, out);
            }
        }
        Value::Object(members) => {
            let properties = node
                .get("properties")
                .expect("objects list their properties");
            for (key, value) in members {
                let property = properties
                    .get(key)
                    .unwrap_or_else(|| panic!("{key} is not in the schema"));
                let mut path = path.clone();
                path.push(PathPart::Key(key.clone()));
                limits(schema, property, value, path, out);
            }
        }
        _ => {}
    }
}

fn at_mut<'a>(value: &'a mut Value, path: &[PathPart]) -> &'a mut Value {
    path.iter().fold(value, |at, part| match part {
        PathPart::Key(key) => &mut at[key.as_str()],
        PathPart::Index(i) => &mut at[*i],
    })
}

/// The problems the card reports for a document, as text.
fn problems(document: &Value) -> Vec<String> {
    match parse_article(&document.to_string()) {
        Ok(_) => Vec::new(),
        Err(rejection) => rejection.problems.iter().map(ToString::to_string).collect(),
    }
}

/// A text of `n` characters that fits where the example's text stood (an
/// address stays an address).
fn text_of(original: &str, n: usize) -> String {
    let prefix = if original.starts_with("http") {
        "https://news.example/"
    } else if original.starts_with('/') {
        "/"
    } else {
        ""
    };
    format!("{prefix}{}", "ä".repeat(n - prefix.chars().count()))
}

#[test]
fn the_example_fills_every_field_of_the_model() {
    let schema = schema();
    let example = example(&schema);
    let article = parse_article(&example.to_string()).expect("the example is valid");
    // No `..`: a new field of the model fails to compile here until the
    // schema and its example have it too.
    let Article {
        url,
        language,
        section,
        overline,
        headline,
        hero,
        summary,
        lead,
        body,
        source,
        topics,
        published,
        modified,
        follow,
        standards,
        free,
    } = article;
    assert!(!url.is_empty() && !headline.is_empty() && !summary.is_empty());
    for optional in [
        language, section, overline, lead, source, published, modified,
    ] {
        assert!(optional.is_some());
    }
    assert!(follow.is_some() && standards.is_some() && free.is_some());
    let Hero {
        url,
        alt,
        caption,
        credit,
        width,
        height,
    } = hero.expect("a hero");
    assert!(!url.is_empty() && alt.is_some() && caption.is_some() && credit.is_some());
    assert!(width.is_some() && height.is_some());
    let Link { label, url } = follow.unwrap();
    assert!(!label.is_empty() && !url.is_empty());
    assert!(
        topics.iter().any(|Topic { url, .. }| url.is_some())
            && topics.iter().any(|t| t.url.is_none())
    );
    let mut kinds: Vec<&str> = body
        .iter()
        .map(|block| match block {
            Block::Paragraph { .. } => "paragraph",
            Block::Heading { .. } => "heading",
            Block::Quote { speaker, .. } => {
                assert!(speaker.is_some());
                "quote"
            }
            Block::Background { title, .. } => {
                assert!(title.is_some());
                "background"
            }
            Block::Related { title, .. } => {
                assert!(title.is_some());
                "related"
            }
        })
        .collect();
    kinds.sort_unstable();
    assert_eq!(
        kinds,
        ["background", "heading", "paragraph", "quote", "related"]
    );
    // And the example uses every property the schema has.
    let properties: Vec<&String> = schema["properties"].as_object().unwrap().keys().collect();
    let used: Vec<&String> = example.as_object().unwrap().keys().collect();
    assert_eq!(properties, used);
}

#[test]
fn every_property_of_the_schema_is_one_the_card_reads() {
    let schema = schema();
    let example = example(&schema);
    let mut paths = Vec::new();
    limits(&schema, &schema, &example, Vec::new(), &mut paths);
    let mut checked = 0;
    // Every property at any depth of the example: the card must notice a
    // value of the wrong type there (an unknown property would be ignored).
    fn walk(value: &Value, path: Vec<PathPart>, out: &mut Vec<Vec<PathPart>>) {
        match value {
            Value::Object(members) => {
                for (key, value) in members {
                    let mut path = path.clone();
                    path.push(PathPart::Key(key.clone()));
                    out.push(path.clone());
                    walk(value, path, out);
                }
            }
            Value::Array(items) => {
                for (i, value) in items.iter().enumerate() {
                    let mut path = path.clone();
                    path.push(PathPart::Index(i));
                    walk(value, path, out);
                }
            }
            _ => {}
        }
    }
    let mut properties = Vec::new();
    walk(&example, Vec::new(), &mut properties);
    for path in properties {
        let mut document = example.clone();
        *at_mut(&mut document, &path) = serde_json::json!([[1]]);
        let where_ = path_text(&path);
        let found = problems(&document);
        assert!(
            found.iter().any(|p| p.starts_with(&where_)),
            "the card does not read {where_}: {found:?}"
        );
        checked += 1;
    }
    assert!(checked > 40, "{checked} properties");
}

#[test]
fn every_limit_of_the_schema_is_the_cards() {
    let schema = schema();
    let example = example(&schema);
    let mut found = Vec::new();
    limits(&schema, &schema, &example, Vec::new(), &mut found);
    assert!(found.len() > 30, "{} limits", found.len());
    for limit in found {
        let (path, ok, over, expect) = match &limit {
            Limit::Length(path, max) => {
                let original = at_mut(&mut example.clone(), path)
                    .as_str()
                    .unwrap()
                    .to_owned();
                (
                    path,
                    Value::String(text_of(&original, *max)),
                    Value::String(text_of(&original, *max + 1)),
                    max.to_string(),
                )
            }
            Limit::Items(path, max) => {
                let first = at_mut(&mut example.clone(), path)[0].clone();
                (
                    path,
                    Value::Array(vec![first.clone(); *max]),
                    Value::Array(vec![first; *max + 1]),
                    max.to_string(),
                )
            }
            Limit::Range(path, min, max) => {
                let mut below = example.clone();
                *at_mut(&mut below, path) = Value::from(min - 1);
                let where_ = path_text(path);
                assert!(
                    problems(&below).iter().any(|p| p.starts_with(&where_)),
                    "{where_} below {min}"
                );
                (
                    path,
                    Value::from(*max),
                    Value::from(max + 1),
                    max.to_string(),
                )
            }
        };
        let mut where_ = path_text(path);
        // A topic is its label, whether given as text or as an object: the
        // card reports a long label at the topic.
        if where_.starts_with("topics[") && where_.ends_with("].label") {
            where_.truncate(where_.len() - ".label".len());
        }
        let mut document = example.clone();
        *at_mut(&mut document, path) = ok;
        assert_eq!(
            problems(&document),
            Vec::<String>::new(),
            "{where_} at the schema's limit"
        );
        *at_mut(&mut document, path) = over;
        let found = problems(&document);
        assert!(
            found.len() == 1
                && found[0].starts_with(&format!("{where_}: "))
                && found[0].contains(&expect),
            "{where_} just over the schema's limit of {expect}: {found:?}"
        );
    }
}
