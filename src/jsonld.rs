//! schema.org articles in JSON-LD, read into the card's model.
//!
//! Publishers already describe their articles for search engines as a
//! schema.org `NewsArticle` (or `Article`, `BlogPosting`, …) in JSON-LD;
//! this module finds that article among the nodes of one or more JSON-LD
//! documents and maps its properties onto `model::Article`. The parts
//! schema.org has no property for (summary, body blocks, follow link,
//! source line) come from our own extension property, `articleCard`, which
//! holds them in our own format and is read by `decode`.
//!
//! Like `decode`, the mapping reports wrong types as problems with their
//! JSON paths (`@graph[2].image[0].width`) and goes on; it also records
//! where each field of the article came from, so that `pipeline` can report
//! the validation rules' problems at the JSON-LD paths too. Harmless gaps
//! (a date without a time of day, an author without a name) are not
//! problems but notes: the part is left out and the card still shows.
//! docs/article-format.md has the whole mapping.

/// The way out: our articles as JSON-LD, for the command line (never in
/// the browser module).
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
pub mod out;

use crate::decode::decode_article_at;
use crate::json::Json;
use crate::model::{Article, Block, Hero, Link, Topic};
use crate::problem::Problem;
use crate::timestamp::Timestamp;
use crate::url::{check_url, resolve, UrlKind};
use crate::validate::MAX_TOPICS;

/// Our extension property on the article node: an object holding the
/// fields of our own format that schema.org cannot hold.
pub const EXTENSION: &str = "articleCard";

/// The schema.org types the card shows as an article: `Article` and those
/// of its kinds that are articles a newsroom publishes. (`ScholarlyArticle`,
/// `TechArticle`, `SocialMediaPosting` and `Report` are left out: they are
/// articles of another kind, not news.)
pub const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "AnalysisNewsArticle",
    "AskPublicNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "SatiricalArticle",
    "BlogPosting",
    "LiveBlogPosting",
];

/// Most entries of a list property (`author`, `image`) the mapping looks
/// at: far more than any article has, few enough that hostile data cannot
/// make it follow references without end.
pub const MAX_LIST: usize = 100;

/// Images at least this wide fill the card's widest layout.
pub const CARD_IMAGE_WIDTH: u32 = 1200;

macro_rules! not_an_article {
    () => {
        "the card needs a NewsArticle, Article, BlogPosting or another article type of schema.org"
    };
}

/// Whether parsed JSON is JSON-LD rather than our own format: an object
/// with `@context`, `@graph` or `@type`, or a list holding such an object.
/// (Our own format never has `@` fields.)
pub fn is_jsonld(json: &Json) -> bool {
    match json {
        Json::Object(_) => ["@context", "@graph", "@type"]
            .iter()
            .any(|key| json.get(key).is_some()),
        Json::Array(items) => items.iter().any(is_jsonld),
        _ => false,
    }
}

/// One JSON-LD document, with the path its problems start with: empty for
/// a document on its own, `script[1]` for the second block of a page.
pub(crate) struct Document<'a> {
    pub json: &'a Json,
    pub path: String,
}

/// An article read from JSON-LD, with what the mapping found on the way.
pub(crate) struct Mapped {
    pub article: Article,
    /// Values of the wrong type and unsafe addresses, at JSON-LD paths.
    pub problems: Vec<Problem>,
    /// Parts left out of the card, at JSON-LD paths.
    pub notes: Vec<Problem>,
    /// Where each field of the article came from: (model path, JSON-LD path).
    pub sources: Vec<(String, String)>,
}

impl Mapped {
    /// The JSON-LD path of a field of the article (`hero.width` →
    /// `@graph[3].width`), through the longest recorded field it lies in.
    pub fn json_path(&self, model_path: &str) -> String {
        let mut best: Option<(usize, &str, &str)> = None;
        for (model, json) in &self.sources {
            if let Some(rest) = rest_after(model_path, model) {
                if best.is_none_or(|(len, ..)| model.len() >= len) {
                    best = Some((model.len(), json, rest));
                }
            }
        }
        match best {
            Some((_, json, rest)) => join_path(json, rest),
            None => model_path.to_owned(),
        }
    }

    /// The fields of the article that a mapping problem spoiled, so that
    /// the validation rules do not report them a second time.
    pub fn spoiled_fields(&self) -> Vec<String> {
        let mut fields = Vec::new();
        for problem in &self.problems {
            for (model, json) in &self.sources {
                if let Some(rest) = rest_after(&problem.path, json) {
                    fields.push(join_path(model, rest));
                } else if rest_after(json, &problem.path).is_some() {
                    fields.push(model.clone());
                }
            }
        }
        fields
    }
}

/// What follows `prefix` in `path` when `path` is `prefix` or lies inside it.
fn rest_after<'p>(path: &'p str, prefix: &str) -> Option<&'p str> {
    let rest = path.strip_prefix(prefix)?;
    (rest.is_empty() || rest.starts_with(['.', '[']) || prefix.is_empty()).then_some(rest)
}

fn join_path(prefix: &str, rest: &str) -> String {
    if prefix.is_empty() {
        rest.trim_start_matches('.').to_owned()
    } else {
        words(&[prefix, rest])
    }
}

fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        words(&[path, ".", key])
    }
}

fn item(path: &str, index: usize) -> String {
    format!("{path}[{index}]")
}

/// A node of a JSON-LD document: an object, where it is, and whether its
/// `@context` (or that of a document around it) names schema.org.
struct Node<'a> {
    json: &'a Json,
    path: String,
    schema: bool,
}

/// Finds the article among the nodes of `documents` and maps it. `page`
/// is the address of the page the documents come from, if known: it picks
/// the article the page is about and is the base of relative addresses.
/// The error is the one problem that says there is no article.
pub(crate) fn map_documents(documents: &[Document], page: Option<&str>) -> Result<Mapped, Problem> {
    let mut nodes = Vec::new();
    for document in documents {
        collect(document.json, document.path.clone(), false, &mut nodes);
    }
    let mut index = Index::default();
    for node in &nodes {
        let top = index.place(Place::Top(node.path.clone()));
        index.walk(node.json, top);
    }
    let mut mapper = Mapper {
        index,
        page: page.filter(|p| is_web_address(p)),
        problems: Vec::new(),
        notes: Vec::new(),
        sources: Vec::new(),
    };
    let Some((json, path, schema)) = mapper.choose(&nodes) else {
        return Err(no_article(&nodes));
    };
    let article = mapper.article(json, &path, schema);
    Ok(Mapped {
        article,
        problems: mapper.problems,
        notes: mapper.notes,
        sources: mapper.sources,
    })
}

/// The top-level nodes of a document: the items of `@graph` and of
/// top-level lists, or the document's own object.
fn collect<'a>(json: &'a Json, path: String, schema: bool, out: &mut Vec<Node<'a>>) {
    match json {
        Json::Array(items) => {
            for (i, entry) in items.iter().enumerate() {
                collect(entry, item(&path, i), schema, out);
            }
        }
        Json::Object(_) => {
            let schema = schema || json.get("@context").is_some_and(names_schema_org);
            match json.get("@graph") {
                Some(graph) => {
                    if json.get("@type").is_some() {
                        out.push(Node {
                            json,
                            path: path.clone(),
                            schema,
                        });
                    }
                    collect(graph, child(&path, "@graph"), schema, out);
                }
                None => out.push(Node { json, path, schema }),
            }
        }
        _ => {}
    }
}

/// Every object with an `@id` and properties of its own, at any depth,
/// for following references such as `"image": { "@id": "…#primaryimage" }`.
/// Paths are built only for the nodes a reference leads to: hostile data
/// with many objects under a long key must not cost memory per object.
/// Lookups scan the list (no hashing or sorting code in the module); the
/// mapping follows at most a few hundred references (`MAX_LIST`).
#[derive(Default)]
struct Index<'a> {
    /// (`@id`, node, place), in document order.
    entries: Vec<(&'a str, &'a Json, usize)>,
    places: Vec<Place<'a>>,
}

/// Where an object or list lies: under a top-level node, by key or by
/// position in its parent (an index into `Index::places`).
enum Place<'a> {
    Top(String),
    Key(usize, &'a str),
    Item(usize, usize),
}

/// Keys longer than this are shortened in paths (`…`).
const MAX_PATH_KEY: usize = 64;

impl<'a> Index<'a> {
    fn place(&mut self, place: Place<'a>) -> usize {
        self.places.push(place);
        self.places.len() - 1
    }

    fn walk(&mut self, json: &'a Json, at: usize) {
        let container = |value: &Json| matches!(value, Json::Object(_) | Json::Array(_));
        match json {
            Json::Object(members) => {
                if let (Some(Json::String(id)), true) = (json.get("@id"), has_properties(json)) {
                    self.entries.push((id.as_str(), json, at));
                }
                for (key, value) in members {
                    if container(value) && key != "@graph" {
                        let place = self.place(Place::Key(at, key));
                        self.walk(value, place);
                    }
                }
            }
            Json::Array(items) => {
                for (i, value) in items.iter().enumerate() {
                    if container(value) {
                        let place = self.place(Place::Item(at, i));
                        self.walk(value, place);
                    }
                }
            }
            _ => {}
        }
    }

    /// The first node with `@id` `id`, and its place.
    fn lookup(&self, id: &str) -> Option<(&'a Json, usize)> {
        let (_, json, place) = self.entries.iter().find(|(entry, ..)| *entry == id)?;
        Some((*json, *place))
    }

    fn path(&self, mut at: usize) -> String {
        let mut steps = Vec::new();
        let top = loop {
            match &self.places[at] {
                Place::Top(path) => break path.as_str(),
                Place::Key(parent, key) => {
                    steps.push(Err(*key));
                    at = *parent;
                }
                Place::Item(parent, i) => {
                    steps.push(Ok(*i));
                    at = *parent;
                }
            }
        };
        let mut path = top.to_owned();
        for step in steps.into_iter().rev() {
            match step {
                Ok(i) => path = item(&path, i),
                Err(key) if key.chars().count() > MAX_PATH_KEY => {
                    let short: String = key.chars().take(MAX_PATH_KEY - 1).collect();
                    path = child(&path, &short);
                    path.push('…');
                }
                Err(key) => path = child(&path, key),
            }
        }
        path
    }
}

/// Whether an object says more than `@id` and `@type`.
fn has_properties(json: &Json) -> bool {
    match json {
        Json::Object(members) => members.iter().any(|(key, _)| !key.starts_with('@')),
        _ => false,
    }
}

/// Whether an `@context` value names schema.org: as a text, as a member
/// (`"@vocab"` or a prefix such as `"schema"`) of an object, or in a list.
fn names_schema_org(context: &Json) -> bool {
    match context {
        Json::String(iri) => is_schema_iri(iri),
        Json::Object(members) => members.iter().any(|(_, value)| match value {
            Json::String(iri) => is_schema_iri(iri),
            _ => false,
        }),
        Json::Array(items) => items.iter().any(names_schema_org),
        _ => false,
    }
}

/// `http://schema.org`, `https://schema.org/`, `https://www.schema.org/…`.
fn is_schema_iri(iri: &str) -> bool {
    schema_rest(iri).is_some()
}

/// What follows `schema.org/` in a schema.org address.
fn schema_rest(iri: &str) -> Option<&str> {
    let rest = strip_prefix_ignore_case(iri, "https://")
        .or_else(|| strip_prefix_ignore_case(iri, "http://"))?;
    let rest = strip_prefix_ignore_case(rest, "www.").unwrap_or(rest);
    let rest = strip_prefix_ignore_case(rest, "schema.org")?;
    match rest.strip_prefix('/') {
        Some(after) => Some(after),
        None => rest.is_empty().then_some(""),
    }
}

fn strip_prefix_ignore_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// The type names of a node without their schema.org prefix, and whether
/// each was written as a full schema.org address.
fn types(json: &Json) -> Vec<(&str, bool)> {
    let names = match json.get("@type") {
        Some(Json::Array(names)) => names.as_slice(),
        Some(name) => std::slice::from_ref(name),
        None => &[],
    };
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        if let Json::String(name) = name {
            out.push(match schema_rest(name) {
                Some(local) => (local, true),
                None => (name.strip_prefix("schema:").unwrap_or(name), false),
            });
        }
    }
    out
}

fn is_article(json: &Json) -> bool {
    types(json)
        .iter()
        .any(|(name, _)| ARTICLE_TYPES.contains(name))
}

/// The problem for documents without an article, naming what they hold.
fn no_article(nodes: &[Node]) -> Problem {
    // Enough names to recognise the page; hostile data may have thousands.
    let mut found: Vec<&str> = Vec::new();
    for node in nodes {
        for (name, _) in types(node.json) {
            if found.len() < 12 && !found.contains(&name) {
                found.push(name);
            }
        }
    }
    match (nodes, found.as_slice()) {
        ([], _) => Problem::new("", concat!("holds no JSON-LD node; ", not_an_article!())),
        ([node], []) => Problem::new(
            child(&node.path, "@type"),
            concat!("is missing; ", not_an_article!()),
        ),
        (_, []) => Problem::new("", concat!("no node has an @type; ", not_an_article!())),
        ([node], [name]) => Problem::new(
            child(&node.path, "@type"),
            words(&[name, " is not an article; ", not_an_article!()]),
        ),
        (_, names) => {
            let mut message = String::from("no article among the JSON-LD nodes (found ");
            for (i, name) in names.iter().enumerate() {
                if i > 0 {
                    message.push_str(", ");
                }
                message.push_str(name);
            }
            message.push_str(concat!("); ", not_an_article!()));
            Problem::new("", message)
        }
    }
}

fn is_web_address(url: &str) -> bool {
    check_url(url, UrlKind::Absolute).is_ok()
}

/// An address for comparing pages: without fragment or final slash.
fn page_key(url: &str) -> &str {
    let url = &url[..url.find('#').unwrap_or(url.len())];
    url.strip_suffix('/').unwrap_or(url)
}

struct Mapper<'a> {
    index: Index<'a>,
    page: Option<&'a str>,
    problems: Vec<Problem>,
    notes: Vec<Problem>,
    sources: Vec<(String, String)>,
}

impl<'a> Mapper<'a> {
    fn problem(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    fn note(&mut self, path: &str, message: impl Into<String>) {
        self.notes.push(Problem::new(path, message));
    }

    /// Records that model field `model` came from `json`.
    fn source(&mut self, model: &str, json: String) {
        self.sources.retain(|(m, _)| m != model);
        self.sources.push((model.to_owned(), json));
    }

    /// A reference (`{ "@id": "…" }` and nothing else) as the node it names,
    /// with that node's path; anything else as it is.
    fn follow(&self, value: &'a Json, path: &str) -> (&'a Json, String) {
        if let Some((node, place)) = self.resolve_id(value) {
            return (node, self.index.path(place));
        }
        (value, path.to_owned())
    }

    /// The node a reference names, and its place.
    fn resolve_id(&self, value: &Json) -> Option<(&'a Json, usize)> {
        match (value.get("@id"), has_properties(value)) {
            (Some(Json::String(id)), false) => self.index.lookup(id),
            _ => None,
        }
    }

    /// Whether `value` is a reference that names no node of the documents.
    fn dangling(&mut self, value: &Json, path: &str) -> bool {
        match (value.get("@id"), has_properties(value)) {
            (Some(Json::String(id)), false) => {
                self.note(
                    path,
                    words(&[
                        "refers to \"",
                        id,
                        "\", which no node of the JSON-LD describes; left out",
                    ]),
                );
                true
            }
            _ => false,
        }
    }

    /// The article node: among the top-level nodes of an article type (or,
    /// failing those, the `mainEntity` of a node), the one whose address is
    /// the page's, else the first.
    fn choose(&self, nodes: &[Node<'a>]) -> Option<(&'a Json, String, bool)> {
        let mut candidates: Vec<(&'a Json, String, bool)> = Vec::new();
        for node in nodes {
            if candidates.len() < MAX_LIST && is_article(node.json) {
                candidates.push((node.json, node.path.clone(), node.schema));
            }
        }
        if candidates.is_empty() {
            for node in nodes.iter().take(MAX_LIST) {
                if let Some(main) = node.json.get("mainEntity") {
                    let (json, path) = self.follow(main, &child(&node.path, "mainEntity"));
                    if is_article(json) {
                        candidates.push((json, path, node.schema));
                    }
                }
            }
        }
        let page = self.page.map(page_key);
        let at_page = candidates.iter().position(|(json, ..)| {
            page.is_some_and(|page| {
                self.addresses(json)
                    .iter()
                    .any(|address| page_key(address) == page)
            })
        });
        let chosen = at_page.unwrap_or(0);
        (chosen < candidates.len()).then(|| candidates.swap_remove(chosen))
    }

    /// The addresses an article node gives for itself, resolved against the
    /// page: `url`, `mainEntityOfPage`, `@id`.
    fn addresses(&self, json: &'a Json) -> Vec<String> {
        let mut out = Vec::new();
        let mut add = |value: Option<&Json>| {
            if let Some(Json::String(address)) = value {
                let resolved = self
                    .page
                    .and_then(|page| resolve(page, address.trim()))
                    .unwrap_or_else(|| address.trim().to_owned());
                out.push(resolved);
            }
        };
        add(json.get("url"));
        match json.get("mainEntityOfPage") {
            Some(main @ Json::Object(_)) => {
                let main = self.resolve_id(main).map_or(main, |(node, _)| node);
                add(main.get("url"));
                add(main.get("@id"));
            }
            other => add(other),
        }
        add(json.get("@id"));
        out
    }

    /// A text: a string (HTML entities decoded, trimmed), a `@value`
    /// object, or the first text of a list. Empty texts count as absent.
    /// Returns the text with the path it was found at.
    fn text(&mut self, value: &Json, path: &str) -> Option<(String, String)> {
        match value {
            Json::Null => None,
            Json::String(raw) => {
                let text = decode_entities(raw);
                let text = text.trim();
                (!text.is_empty()).then(|| (text.to_owned(), path.to_owned()))
            }
            Json::Array(items) => items
                .iter()
                .enumerate()
                .find_map(|(i, entry)| self.text(entry, &item(path, i))),
            Json::Object(_) => match value.get("@value") {
                Some(inner @ Json::String(_)) => self.text(inner, path),
                _ => {
                    self.problem(path, "must be text, not an object");
                    None
                }
            },
            other => {
                self.problem(path, must_be("text", other.kind()));
                None
            }
        }
    }

    /// The text of property `key` of `node`.
    fn property(&mut self, node: &Json, path: &str, key: &str) -> Option<(String, String)> {
        let value = node.get(key)?;
        self.text(value, &child(path, key))
    }

    /// An address: a text, or the `url` (else `@id`) of an object.
    fn address(&mut self, value: &'a Json, path: &str) -> Option<(String, String)> {
        match value {
            Json::Object(_) if value.get("@value").is_none() => {
                let (json, path) = self.follow(value, path);
                if let Some(found) = self.property(json, &path, "url") {
                    return Some(found);
                }
                match json.get("@id") {
                    Some(Json::String(id)) if !id.trim().is_empty() => {
                        Some((id.trim().to_owned(), child(&path, "@id")))
                    }
                    _ => None,
                }
            }
            Json::Array(items) => items
                .iter()
                .enumerate()
                .find_map(|(i, entry)| self.address(entry, &item(path, i))),
            _ => self.text(value, path),
        }
    }

    fn article(&mut self, node: &'a Json, path: &str, schema: bool) -> Article {
        // Where a field comes from when the node does not have it, so that
        // "is required" points at the property to add.
        for (model, property) in [
            ("url", "url"),
            ("headline", "headline"),
            ("language", "inLanguage"),
            ("section", "articleSection"),
            ("overline", "alternativeHeadline"),
            ("hero", "image"),
            ("lead", "description"),
            ("source", "author"),
            ("topics", "keywords"),
            ("published", "datePublished"),
            ("modified", "dateModified"),
            ("free", "isAccessibleForFree"),
            ("standards", "publishingPrinciples"),
        ] {
            self.source(model, child(path, property));
        }
        let extension = child(path, EXTENSION);
        for model in ["summary", "body", "follow"] {
            self.source(model, child(&extension, model));
        }

        if !schema && !types(node).iter().any(|(_, full)| *full) {
            let context = match node.get("@context") {
                Some(_) => "must name schema.org, as in \"@context\": \"https://schema.org\"",
                None => "is missing: JSON-LD names its vocabulary, as in \"@context\": \"https://schema.org\"",
            };
            // In a graph, the context belongs to the document around it.
            let root = match path.bytes().rposition(|b| b == b'@') {
                Some(at) if path[at..].starts_with("@graph") => path[..at].trim_end_matches('.'),
                _ => path,
            };
            self.problem(&child(root, "@context"), context);
        }

        let mut article = Article::default();
        let (url, base) = self.url_and_base(node, path);
        article.url = url;
        let base = base.as_deref();
        let absolute = |address: String| match base {
            Some(base) => resolve(base, &address).unwrap_or(address),
            None => address,
        };

        let headline = self
            .property(node, path, "headline")
            .or_else(|| self.property(node, path, "name"));
        if let Some((headline, from)) = headline {
            article.headline = headline;
            self.source("headline", from);
        }
        article.overline = self.field(node, path, "alternativeHeadline", "overline");
        article.lead = self
            .field(node, path, "description", "lead")
            .or_else(|| self.field(node, path, "abstract", "lead"));
        article.section = self.field(node, path, "articleSection", "section");
        article.language = self.language(node, path);
        article.published = self.date(node, path, "datePublished", "published");
        article.modified = self.date(node, path, "dateModified", "modified");
        article.free = self.free(node, path);
        article.hero = self.hero(node, path, &absolute);
        article.source = self.authors(node, path);
        article.topics = self.topics(node, path);
        let own_standards = node.get(EXTENSION).and_then(|ext| ext.get("standards"));
        if own_standards.is_none() {
            article.standards = self.principles(node, path);
        }

        if let Some(value) = node.get(EXTENSION).filter(|v| **v != Json::Null) {
            self.extension(value, &extension, &mut article);
        }

        // Addresses in the article are absolute, as the JSON-LD means them.
        article.url = absolute(std::mem::take(&mut article.url));
        if let Some(hero) = &mut article.hero {
            hero.url = absolute(std::mem::take(&mut hero.url));
        }
        for block in &mut article.body {
            if let Block::Related { links, .. } = block {
                for link in links {
                    link.url = absolute(std::mem::take(&mut link.url));
                }
            }
        }
        for link in article
            .follow
            .iter_mut()
            .chain(article.standards.iter_mut())
        {
            link.url = absolute(std::mem::take(&mut link.url));
        }
        for topic in &mut article.topics {
            topic.url = topic.url.take().map(&absolute);
        }
        article
    }

    /// A text property mapped onto the model field `model`.
    fn field(&mut self, node: &Json, path: &str, key: &str, model: &str) -> Option<String> {
        let (text, from) = self.property(node, path, key)?;
        self.source(model, from);
        Some(text)
    }

    /// The article's address, and the base for the relative addresses in
    /// it: the page's address when known, else the article's own.
    fn url_and_base(&mut self, node: &'a Json, path: &str) -> (String, Option<String>) {
        let mut given = Vec::new();
        for key in ["url", "mainEntityOfPage"] {
            if let Some(value) = node.get(key) {
                if let Some(found) = self.address(value, &child(path, key)) {
                    given.push(found);
                }
            }
        }
        if let Some(page) = self.page {
            given.push((page.to_owned(), "page address".to_owned()));
        }
        if let Some(Json::String(id)) = node.get("@id") {
            // The document part of the node's own IRI ("…/artikel/#article").
            let document = id.trim().split('#').next().unwrap_or("");
            if !document.is_empty() {
                given.push((document.to_owned(), child(path, "@id")));
            }
        }
        let base = self.page.map(str::to_owned).or_else(|| {
            given
                .iter()
                .map(|(address, _)| address)
                .find(|address| is_web_address(address))
                .cloned()
        });
        let Some((url, from)) = given.into_iter().next() else {
            return (String::new(), base);
        };
        self.source("url", from);
        let url = match &base {
            Some(base) => resolve(base, &url).unwrap_or(url),
            None => url,
        };
        (url, base)
    }

    /// `inLanguage`: a tag, or a `Language` with the tag as `alternateName`
    /// (schema.org's own examples) or `name`. `de_DE` becomes `de-DE`.
    fn language(&mut self, node: &'a Json, path: &str) -> Option<String> {
        let value = node.get("inLanguage")?;
        let path = child(path, "inLanguage");
        let value = match value {
            Json::Array(items) => items.first()?,
            other => other,
        };
        let found = match value {
            Json::Object(_) if value.get("@value").is_none() => {
                let (json, path) = self.follow(value, &path);
                self.property(json, &path, "alternateName")
                    .or_else(|| self.property(json, &path, "name"))
            }
            other => self.text(other, &path),
        };
        let (tag, from) = found?;
        self.source("language", from);
        Some(tag.replace('_', "-"))
    }

    /// `datePublished` / `dateModified`, as RFC 3339 with an offset. Forms
    /// that say the same instant are written the RFC 3339 way (a space for
    /// the `T`, no seconds, `+0200`); a date without a time of day, or a
    /// time without an offset, is left out with a note: the card does not
    /// invent a time or a time zone.
    fn date(&mut self, node: &Json, path: &str, key: &str, model: &str) -> Option<String> {
        let (text, from) = self.property(node, path, key)?;
        self.source(model, from.clone());
        match normalize_date(&text) {
            Ok(date) => Some(date),
            Err(DateGap::NoTime) => {
                self.note(
                    &from,
                    "has no time of day, so the card shows no date; give one with its offset, such as 2025-08-17T14:30:00+02:00",
                );
                None
            }
            Err(DateGap::NoOffset) => {
                self.note(
                    &from,
                    "has no UTC offset, so the card shows no date rather than guess the time zone; add one, such as +02:00 or Z",
                );
                None
            }
            Err(DateGap::NotADate) => {
                self.problem(
                    &from,
                    "is not an ISO 8601 date and time such as 2025-08-17T14:30:00+02:00",
                );
                None
            }
        }
    }

    /// `isAccessibleForFree`: `true`/`false`, or those words as text
    /// (schema.org's examples write `"False"`).
    fn free(&mut self, node: &Json, path: &str) -> Option<bool> {
        let value = node.get("isAccessibleForFree")?;
        let path = child(path, "isAccessibleForFree");
        let flag = match value {
            Json::Null => return None,
            Json::Bool(flag) => Some(*flag),
            Json::String(word) => {
                let word = word.trim();
                let word = schema_rest(word)
                    .or_else(|| word.strip_prefix("schema:"))
                    .unwrap_or(word);
                if word.eq_ignore_ascii_case("true") {
                    Some(true)
                } else if word.eq_ignore_ascii_case("false") {
                    Some(false)
                } else {
                    None
                }
            }
            _ => None,
        };
        if flag.is_none() {
            self.problem(&path, must_be("true or false", &describe(value)));
        }
        self.source("free", path);
        flag
    }

    /// `image`: one picture for the card out of an address, an
    /// `ImageObject` or a list of them (see `pick`). Every address in the
    /// list must be safe, chosen or not.
    fn hero(
        &mut self,
        node: &'a Json,
        path: &str,
        absolute: &dyn Fn(String) -> String,
    ) -> Option<Hero> {
        let value = node.get("image")?;
        let mut pictures = Vec::new();
        self.pictures(value, &child(path, "image"), &mut pictures, true);
        for picture in &mut pictures {
            picture.hero.url = absolute(std::mem::take(&mut picture.hero.url));
            if let Err(message) = check_url(&picture.hero.url, UrlKind::AbsoluteOrRelative) {
                self.problems
                    .push(Problem::new(picture.source("url"), message));
            }
        }
        let chosen = pick(&pictures)?;
        let mut picture = pictures.swap_remove(chosen);
        self.source("hero", picture.path.clone());
        for (field, from) in std::mem::take(&mut picture.fields) {
            self.source(&words(&["hero.", field]), from);
        }
        if picture.hero.width.is_none() || picture.hero.height.is_none() {
            // The card reserves space from both or neither.
            picture.hero.width = None;
            picture.hero.height = None;
        }
        Some(picture.hero)
    }

    /// The pictures of `value`; `list` when it may be a list of them (lists
    /// in lists are not JSON-LD's way to give several values).
    fn pictures(&mut self, value: &'a Json, path: &str, out: &mut Vec<Picture>, list: bool) {
        match value {
            Json::Null => {}
            Json::Array(items) if list => {
                if items.len() > MAX_LIST {
                    self.note(path, too_many("images", items.len()));
                }
                for (i, entry) in items.iter().enumerate().take(MAX_LIST) {
                    self.pictures(entry, &item(path, i), out, false);
                }
            }
            Json::String(_) => {
                if let Some((url, from)) = self.text(value, path) {
                    out.push(Picture::new(url, path, from));
                }
            }
            Json::Object(_) => {
                let (json, path) = self.follow(value, path);
                if self.dangling(json, &path) {
                    return;
                }
                let url = self
                    .property(json, &path, "contentUrl")
                    .or_else(|| self.property(json, &path, "url"));
                let Some((url, from)) = url else {
                    self.problem(&path, "an image needs a url or contentUrl");
                    return;
                };
                let mut picture = Picture::new(url, &path, from);
                picture.hero.width = self.pixels(json, &path, "width", &mut picture);
                picture.hero.height = self.pixels(json, &path, "height", &mut picture);
                if let Some((caption, from)) = self.property(json, &path, "caption") {
                    picture.hero.caption = Some(caption);
                    picture.fields.push(("caption", from));
                }
                if let Some((credit, from)) = self.property(json, &path, "creditText") {
                    picture.hero.credit = Some(credit);
                    picture.fields.push(("credit", from));
                }
                if let Some((alt, from)) = self.property(json, &path, "description") {
                    picture.hero.alt = Some(alt);
                    picture.fields.push(("alt", from));
                }
                out.push(picture);
            }
            other => self.problem(
                path,
                must_be("an image address or an ImageObject", other.kind()),
            ),
        }
    }

    /// `width` or `height` of an image: a whole number, a text such as
    /// `"1200"` or `"1200px"`, or a `QuantitativeValue` with a `value`.
    fn pixels(
        &mut self,
        json: &Json,
        path: &str,
        key: &'static str,
        picture: &mut Picture,
    ) -> Option<u32> {
        let mut value = json.get(key)?;
        let mut at = child(path, key);
        if let Json::Object(_) = value {
            at = child(&at, "value");
            value = value.get("value")?;
        }
        let number = match value {
            Json::Null => return None,
            Json::Number(digits) => whole(digits),
            Json::String(text) => {
                let text = text.trim();
                let text = text
                    .strip_suffix("px")
                    .or_else(|| text.strip_suffix("PX"))
                    .unwrap_or(text);
                whole(text.trim_end())
            }
            _ => None,
        };
        if number.is_none() {
            self.problem(
                &at,
                must_be(
                    "a number of pixels such as 1200 or \"1200px\"",
                    &describe(value),
                ),
            );
        }
        picture.fields.push((key, at));
        number
    }

    /// `author`: the names of its `Person`s and `Organization`s (or plain
    /// names), in order, joined by commas into the source line.
    fn authors(&mut self, node: &'a Json, path: &str) -> Option<String> {
        let value = node.get("author")?;
        let mut names = Vec::new();
        self.names(value, &child(path, "author"), &mut names, true);
        let mut line = String::new();
        for name in names {
            if !line.is_empty() {
                line.push_str(", ");
            }
            line.push_str(&name);
        }
        (!line.is_empty()).then_some(line)
    }

    /// The names of `value`; `list` as for `pictures`.
    fn names(&mut self, value: &'a Json, path: &str, out: &mut Vec<String>, list: bool) {
        let name = match value {
            Json::Null => None,
            Json::Array(items) if list => {
                if items.len() > MAX_LIST {
                    self.note(path, too_many("authors", items.len()));
                }
                for (i, entry) in items.iter().enumerate().take(MAX_LIST) {
                    self.names(entry, &item(path, i), out, false);
                }
                None
            }
            Json::String(_) => self.text(value, path),
            Json::Object(_) if value.get("@value").is_some() => self.text(value, path),
            Json::Object(_) => {
                let (json, at) = self.follow(value, path);
                if self.dangling(json, &at) {
                    return;
                }
                let name = self.property(json, &at, "name").or_else(|| {
                    let given = self.property(json, &at, "givenName");
                    let family = self.property(json, &at, "familyName");
                    match (given, family) {
                        (Some((given, from)), Some((family, _))) => {
                            Some((words(&[&given, " ", &family]), from))
                        }
                        (one, other) => one.or(other),
                    }
                });
                if name.is_none() {
                    self.note(&at, "has no name; left out of the source line");
                }
                name
            }
            other => {
                self.problem(
                    path,
                    must_be("a Person, an Organization or a name", other.kind()),
                );
                None
            }
        };
        if let Some((name, _)) = name {
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }

    /// `keywords`: a comma-separated text, or a list of texts and
    /// `DefinedTerm`s (`name`, `url`). The card shows at most
    /// `MAX_TOPICS`; the rest are left out with a note.
    fn topics(&mut self, node: &'a Json, path: &str) -> Vec<Topic> {
        let Some(value) = node.get("keywords") else {
            return Vec::new();
        };
        let path = child(path, "keywords");
        let mut topics: Vec<(Topic, String)> = Vec::new();
        // Keywords past those the card shows are counted, not read.
        let mut total = 0;
        // A text on its own is a comma-separated list; in a list, one name.
        let mut one = |mapper: &mut Self, value: &'a Json, at: &str, split: bool| match value {
            Json::Null => {}
            Json::String(raw) => {
                let labels = raw.split(|c: char| split && c == ',');
                for label in labels {
                    let label = decode_entities(label.trim());
                    let label = label.trim();
                    if label.is_empty() {
                        continue;
                    }
                    total += 1;
                    if topics.len() < MAX_TOPICS {
                        let topic = Topic {
                            label: label.to_owned(),
                            url: None,
                        };
                        topics.push((topic, at.to_owned()));
                    }
                }
            }
            _ if topics.len() >= MAX_TOPICS => total += 1,
            Json::Object(_) => {
                total += 1;
                let (json, at) = mapper.follow(value, at);
                if mapper.dangling(json, &at) {
                    return;
                }
                match mapper.property(json, &at, "name") {
                    Some((label, _)) => {
                        let url = json
                            .get("url")
                            .and_then(|url| mapper.text(url, &child(&at, "url")))
                            .map(|(url, _)| url);
                        topics.push((Topic { label, url }, at));
                    }
                    None => mapper.note(&at, "has no name; left out of the topics"),
                }
            }
            other => mapper.problem(
                at,
                must_be("text or a DefinedTerm with a name", other.kind()),
            ),
        };
        match value {
            Json::Array(items) => {
                for (i, entry) in items.iter().enumerate() {
                    one(self, entry, &item(&path, i), false);
                }
            }
            other => one(self, other, &path, true),
        }
        if total > MAX_TOPICS {
            let message = format!("has {total} keywords; the card shows the first {MAX_TOPICS}");
            self.note(&path, message);
        }
        let mut out = Vec::with_capacity(topics.len());
        for (i, (topic, from)) in topics.into_iter().enumerate() {
            self.source(&item("topics", i), from);
            out.push(topic);
        }
        out
    }

    /// `publishingPrinciples` of the article, else of its `publisher`: a
    /// `CreativeWork` with `name` and `url` becomes the standards link. A
    /// bare address has no words for the link and is left out.
    fn principles(&mut self, node: &'a Json, path: &str) -> Option<Link> {
        let (value, at) = match node.get("publishingPrinciples") {
            Some(value) => (value, child(path, "publishingPrinciples")),
            None => {
                let publisher = node.get("publisher")?;
                let (publisher, at) = self.follow(publisher, &child(path, "publisher"));
                (
                    publisher.get("publishingPrinciples")?,
                    child(&at, "publishingPrinciples"),
                )
            }
        };
        let (json, at) = match value {
            Json::Null => return None,
            Json::Array(items) => (items.first()?, item(&at, 0)),
            other => (other, at),
        };
        let (json, at) = self.follow(json, &at);
        if let Json::Object(_) = json {
            if self.dangling(json, &at) {
                return None;
            }
            let label = self.property(json, &at, "name");
            let url = self.address(json, &at);
            if let (Some((label, _)), Some((url, _))) = (label, url) {
                self.source("standards", at);
                return Some(Link { label, url });
            }
        }
        self.note(
            &at,
            "has no name to show as the link's words; left out (give a CreativeWork with name and url)",
        );
        None
    }

    /// Our extension object: the fields of our own format that schema.org
    /// has no property for, read by `decode` (texts as they are: no entity
    /// decoding, as everywhere in our format). Its source line takes the
    /// place of the authors', its standards link that of
    /// `publishingPrinciples`; other fields in it are ignored, like unknown
    /// fields in our format.
    fn extension(&mut self, value: &Json, path: &str, article: &mut Article) {
        const FIELDS: [&str; 5] = ["summary", "body", "source", "follow", "standards"];
        let value = match value {
            Json::Object(members) => Json::Object(
                members
                    .iter()
                    .filter(|(key, _)| FIELDS.contains(&key.as_str()))
                    .cloned()
                    .collect(),
            ),
            other => other.clone(),
        };
        let ext = decode_article_at(&value, path, &mut self.problems);
        article.summary = ext.summary;
        article.body = ext.body;
        article.follow = ext.follow;
        if ext.source.is_some() {
            article.source = ext.source;
            self.source("source", child(path, "source"));
        }
        if ext.standards.is_some() {
            article.standards = ext.standards;
            self.source("standards", child(path, "standards"));
        }
    }
}

/// One image of the `image` property, with the paths of its fields.
struct Picture {
    hero: Hero,
    path: String,
    fields: Vec<(&'static str, String)>,
}

impl Picture {
    fn new(url: String, path: &str, url_from: String) -> Picture {
        Picture {
            hero: Hero {
                url,
                // No description: the caption, if any, says what it shows.
                alt: Some(String::new()),
                ..Hero::default()
            },
            path: path.to_owned(),
            fields: vec![("url", url_from)],
        }
    }

    fn source(&self, field: &str) -> String {
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map_or_else(|| self.path.clone(), |(_, from)| from.clone())
    }
}

/// The picture that suits the card: the smallest at least
/// `CARD_IMAGE_WIDTH` wide, else the widest of known width, else the first;
/// between equally wide ones, the one nearest 16:9.
fn pick(pictures: &[Picture]) -> Option<usize> {
    let mut best: Option<(usize, (bool, u32, u64))> = None;
    for (i, picture) in pictures.iter().enumerate() {
        let Some(width) = picture.hero.width else {
            continue;
        };
        // Smaller is better: wide enough first, then the nearest width
        // (upwards for wide ones, downwards else), then the nearest shape.
        let wide = width >= CARD_IMAGE_WIDTH;
        let key = (
            !wide,
            if wide { width } else { u32::MAX - width },
            off_16_9(width, picture.hero.height),
        );
        if best.is_none_or(|(_, best)| key < best) {
            best = Some((i, key));
        }
    }
    match best {
        Some((i, _)) => Some(i),
        None => (!pictures.is_empty()).then_some(0),
    }
}

/// How far an image's shape is from 16:9, in thousandths of its ratio
/// (|w/h − 16/9|); unknown heights are farthest.
fn off_16_9(width: u32, height: Option<u32>) -> u64 {
    match height {
        Some(height) if height > 0 => {
            (u64::from(width) * 9).abs_diff(u64::from(height) * 16) * 1000 / (u64::from(height) * 9)
        }
        _ => u64::MAX,
    }
}

/// Whole pixels from number text: `1200`, `1200.0`.
fn whole(digits: &str) -> Option<u32> {
    let (int, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    if int.is_empty() || !fraction.bytes().all(|b| b == b'0') || fraction.is_empty() {
        return None;
    }
    int.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| int.parse().ok())
        .flatten()
}

/// The parts joined, without the formatting machinery.
fn words(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for part in parts {
        out.push_str(part);
    }
    out
}

/// "must be text, not a number".
fn must_be(what: &str, not: &str) -> String {
    words(&["must be ", what, ", not ", not])
}

fn too_many(what: &str, count: usize) -> String {
    format!("has {count} {what}; the card looks at the first {MAX_LIST}")
}

fn describe(value: &Json) -> String {
    match value {
        Json::Number(digits) => digits.clone(),
        Json::String(text) => words(&["\"", text, "\""]),
        other => other.kind().to_owned(),
    }
}

/// Why a schema.org date cannot be an RFC 3339 timestamp.
#[derive(Debug, PartialEq, Eq)]
pub enum DateGap {
    NoTime,
    NoOffset,
    NotADate,
}

/// A schema.org `Date` or `DateTime` as RFC 3339 with an offset, when it
/// says one instant: the forms ISO 8601 allows besides RFC 3339's (a space
/// for the `T`, no seconds, `+0200` or `+02`) are rewritten, nothing else.
pub fn normalize_date(text: &str) -> Result<String, DateGap> {
    if Timestamp::parse(text).is_some() {
        return Ok(text.to_owned());
    }
    let b = text.as_bytes();
    let is_date = b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !is_date || (b.len() > 10 && !matches!(b[10], b'T' | b't' | b' ')) {
        return Err(DateGap::NotADate);
    }
    let mut out = String::with_capacity(b.len() + 10);
    out.push_str(&text[..10]);
    out.push('T');
    let gap = if b.len() == 10 {
        out.push_str("00:00:00Z");
        DateGap::NoTime
    } else {
        let time = &text[11..];
        let (clock, zone) = time.split_at(time.find(['Z', 'z', '+', '-']).unwrap_or(time.len()));
        out.push_str(clock);
        if clock.len() == 5 {
            out.push_str(":00");
        }
        let z = zone.as_bytes();
        let digits = z.len() > 1 && z[1..].iter().all(u8::is_ascii_digit);
        match z.len() {
            0 => out.push('Z'),
            // +02 and +0200: ISO 8601's other ways to write +02:00.
            3 | 5 if digits => {
                out.push_str(&zone[..3]);
                out.push(':');
                out.push_str(if z.len() == 5 { &zone[3..] } else { "00" });
            }
            _ => out.push_str(zone),
        }
        if z.is_empty() {
            DateGap::NoOffset
        } else if Timestamp::parse(&out).is_some() {
            return Ok(out);
        } else {
            DateGap::NotADate
        }
    };
    Err(if Timestamp::parse(&out).is_some() {
        gap
    } else {
        DateGap::NotADate
    })
}

/// HTML's named character references that news texts use; others stay as
/// they are.
const ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("shy", '\u{ad}'),
    ("thinsp", '\u{2009}'),
    ("auml", 'ä'),
    ("ouml", 'ö'),
    ("uuml", 'ü'),
    ("Auml", 'Ä'),
    ("Ouml", 'Ö'),
    ("Uuml", 'Ü'),
    ("szlig", 'ß'),
    ("aacute", 'á'),
    ("agrave", 'à'),
    ("acirc", 'â'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("ecirc", 'ê'),
    ("Eacute", 'É'),
    ("iacute", 'í'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("uacute", 'ú'),
    ("ccedil", 'ç'),
    ("ntilde", 'ñ'),
    ("euro", '€'),
    ("pound", '£'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("sect", '§'),
    ("middot", '·'),
    ("bull", '•'),
    ("times", '×'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("bdquo", '„'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("sbquo", '‚'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
];

/// The character a reference at the start of `text` (`&amp;`, `&#39;`,
/// `&#x2019;`) stands for, and its length. Control characters, unknown
/// names and references without their `;` are not decoded.
pub fn entity_at(text: &str) -> Option<(char, usize)> {
    let body = text.strip_prefix('&')?;
    let end = body.bytes().take(12).position(|b| b == b';')?;
    let name = &body[..end];
    let c = if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() && hex.len() <= 6 => u32::from_str_radix(hex, 16).ok()?,
            None if !number.is_empty() && number.len() <= 7 => number.parse().ok()?,
            _ => return None,
        };
        char::from_u32(code).filter(|c| !c.is_control())?
    } else {
        ENTITIES.iter().find(|(n, _)| *n == name)?.1
    };
    Some((c, end + 2))
}

/// Text with its HTML character references decoded, once: `&amp;quot;`
/// becomes `&quot;`. What they decode to stays text (a decoded `<b>` is
/// shown as it is, like every text of the card).
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match entity_at(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_the_entities_of_news_texts_once() {
        assert_eq!(
            decode_entities("Tom &amp; Jerry &#39;93 &#x2019;s&nbsp;&auml;&ouml;&uuml;&szlig; &euro; &ndash; &bdquo;x&ldquo;"),
            "Tom & Jerry '93 ’s\u{a0}äöüß € – „x“"
        );
        assert_eq!(decode_entities("&amp;quot;"), "&quot;");
        assert_eq!(decode_entities("&lt;b&gt;"), "<b>");
        for kept in [
            "a & b",
            "&unknown;",
            "&amp",
            "&#0;",
            "&#x1;",
            "&#xD800;",
            "&#;",
            "&;",
            "&#x110000;",
        ] {
            assert_eq!(decode_entities(kept), kept, "{kept:?}");
        }
    }

    #[test]
    fn dates_become_rfc_3339_only_when_they_say_one_instant() {
        assert_eq!(
            normalize_date("2025-08-17T14:30:00+02:00").as_deref(),
            Ok("2025-08-17T14:30:00+02:00")
        );
        assert_eq!(
            normalize_date("2025-08-17T14:30+02:00").as_deref(),
            Ok("2025-08-17T14:30:00+02:00")
        );
        assert_eq!(
            normalize_date("2025-08-17 14:30:00+0200").as_deref(),
            Ok("2025-08-17T14:30:00+02:00")
        );
        assert_eq!(
            normalize_date("2025-08-17T14:30:00.5-05").as_deref(),
            Ok("2025-08-17T14:30:00.5-05:00")
        );
        assert_eq!(normalize_date("2025-08-17"), Err(DateGap::NoTime));
        assert_eq!(
            normalize_date("2025-08-17T14:30:00"),
            Err(DateGap::NoOffset)
        );
        assert_eq!(normalize_date("2025-08-17T14:30"), Err(DateGap::NoOffset));
        for bad in [
            "17.08.2025",
            "2025-02-30",
            "2025-08-17T25:00:00Z",
            "gestern",
            "2025-08-17X",
        ] {
            assert_eq!(normalize_date(bad), Err(DateGap::NotADate), "{bad:?}");
        }
    }

    #[test]
    fn knows_schema_org_contexts_and_types() {
        for context in [
            "https://schema.org",
            "http://schema.org/",
            "https://www.schema.org/",
            "HTTPS://SCHEMA.ORG",
        ] {
            assert!(is_schema_iri(context), "{context}");
        }
        assert!(!is_schema_iri("https://schema.org.evil.example/"));
        assert!(!is_schema_iri("https://example.org/schema.org"));
        let node = crate::json::parse(
            r#"{"@type": ["schema:ReportageNewsArticle", "https://schema.org/CreativeWork"]}"#,
        )
        .unwrap();
        assert_eq!(
            types(&node),
            vec![("ReportageNewsArticle", false), ("CreativeWork", true)]
        );
        assert!(is_article(&node));
    }

    #[test]
    fn pixel_numbers() {
        assert_eq!(whole("1200"), Some(1200));
        assert_eq!(whole("1200.0"), Some(1200));
        for bad in ["1200.5", "-3", "1e3", "", ".5", "12a", "1200."] {
            assert_eq!(whole(bad), None, "{bad:?}");
        }
    }
}
