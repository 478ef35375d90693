//! The rules an article must follow before the card shows it: required
//! fields, lengths and counts, URL schemes, dates. Each broken rule is a
//! `Problem` with the path of its field; `pipeline` runs these rules on
//! what `decode` read.

use crate::model::{Article, Block, Link};
use crate::problem::Problem;
use crate::timestamp::Timestamp;
use crate::url::{check_url, UrlKind};

pub const MAX_SECTION: usize = 60;
pub const MAX_OVERLINE: usize = 150;
pub const MAX_HEADLINE: usize = 300;
pub const MAX_SUMMARY_BULLETS: usize = 8;
pub const MAX_BULLET: usize = 400;
pub const MAX_LEAD: usize = 2000;
pub const MAX_BLOCKS: usize = 200;
pub const MAX_PARAGRAPH: usize = 5000;
pub const MAX_HEADING: usize = 300;
pub const MAX_SPEAKER: usize = 150;
pub const MAX_BOX_TITLE: usize = 150;
pub const MAX_BOX_TEXT: usize = 3000;
pub const MAX_LINKS: usize = 10;
pub const MAX_LABEL: usize = 300;
pub const MAX_TOPICS: usize = 20;
pub const MAX_TOPIC: usize = 60;
pub const MAX_SOURCE: usize = 200;
pub const MAX_CAPTION: usize = 500;
pub const MAX_CREDIT: usize = 200;
pub const MAX_ALT: usize = 500;
pub const MAX_IMAGE_SIDE: u32 = 10_000;

/// Collects every problem of a decoded article.
pub(crate) fn validate(article: &Article) -> Vec<Problem> {
    let mut check = Checker::default();

    check.url("url", &article.url, UrlKind::Absolute);
    if article.headline.is_empty() {
        check.problem("headline", "is required");
    }
    check.length("headline", &article.headline, MAX_HEADLINE);
    check.optional_length("section", &article.section, MAX_SECTION);
    check.optional_length("overline", &article.overline, MAX_OVERLINE);
    check.optional_length("lead", &article.lead, MAX_LEAD);
    check.optional_length("source", &article.source, MAX_SOURCE);

    if let Some(tag) = &article.language {
        if !is_language_tag(tag) {
            check.problem("language", "is not a language tag such as de or en-GB");
        }
    }

    if let Some(hero) = &article.hero {
        check.url("hero.url", &hero.url, UrlKind::AbsoluteOrRelative);
        match &hero.alt {
            None => check.problem(
                "hero.alt",
                "is required: describe the image, or use \"\" if it is only decorative",
            ),
            Some(alt) => check.length("hero.alt", alt, MAX_ALT),
        }
        check.optional_length("hero.caption", &hero.caption, MAX_CAPTION);
        check.optional_length("hero.credit", &hero.credit, MAX_CREDIT);
        for (path, side) in [("hero.width", hero.width), ("hero.height", hero.height)] {
            if side.is_some_and(|px| px == 0 || px > MAX_IMAGE_SIDE) {
                check.problem(
                    path,
                    format!("must be between 1 and {MAX_IMAGE_SIDE} pixels"),
                );
            }
        }
        if hero.width.is_some() != hero.height.is_some() {
            check.problem("hero", "give both width and height, or neither");
        }
    }

    check.count(
        "summary",
        "bullets",
        article.summary.len(),
        MAX_SUMMARY_BULLETS,
    );
    for (i, bullet) in article.summary.iter().enumerate() {
        let path = format!("summary[{i}]");
        if bullet.is_empty() {
            check.problem(path, "bullet is empty");
        } else {
            check.length(&path, bullet, MAX_BULLET);
        }
    }

    check.count("body", "blocks", article.body.len(), MAX_BLOCKS);
    for (i, block) in article.body.iter().enumerate() {
        check.block(&format!("body[{i}]"), block);
    }

    check.count("topics", "topics", article.topics.len(), MAX_TOPICS);
    for (i, topic) in article.topics.iter().enumerate() {
        let path = format!("topics[{i}]");
        if topic.label.is_empty() {
            check.problem(&path, "topic name is empty");
        }
        check.length(&path, &topic.label, MAX_TOPIC);
        if let Some(url) = &topic.url {
            check.url(&format!("{path}.url"), url, UrlKind::AbsoluteOrRelative);
        }
    }

    if let Some(link) = &article.follow {
        check.link("follow", link);
    }
    if let Some(link) = &article.standards {
        check.link("standards", link);
    }

    check.dates(article.published.as_deref(), article.modified.as_deref());
    check.problems
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    fn length(&mut self, path: &str, text: &str, max: usize) {
        let chars = text.chars().count();
        if chars > max {
            self.problem(
                path,
                format!("is {chars} characters long; the limit is {max}"),
            );
        }
    }

    fn optional_length(&mut self, path: &str, text: &Option<String>, max: usize) {
        if let Some(text) = text {
            self.length(path, text, max);
        }
    }

    fn required_text(&mut self, path: &str, text: &str, max: usize) {
        if text.is_empty() {
            self.problem(path, "is empty");
        } else {
            self.length(path, text, max);
        }
    }

    fn count(&mut self, path: &str, what: &str, count: usize, max: usize) {
        if count > max {
            self.problem(path, format!("has {count} {what}; the limit is {max}"));
        }
    }

    fn url(&mut self, path: &str, url: &str, kind: UrlKind) {
        if let Err(message) = check_url(url, kind) {
            self.problem(path, message);
        }
    }

    fn link(&mut self, path: &str, link: &Link) {
        self.required_text(&format!("{path}.label"), &link.label, MAX_LABEL);
        self.url(
            &format!("{path}.url"),
            &link.url,
            UrlKind::AbsoluteOrRelative,
        );
    }

    fn block(&mut self, path: &str, block: &Block) {
        let text_path = format!("{path}.text");
        match block {
            Block::Paragraph { text } => self.required_text(&text_path, text, MAX_PARAGRAPH),
            Block::Heading { text } => self.required_text(&text_path, text, MAX_HEADING),
            Block::Quote { text, speaker } => {
                self.required_text(&text_path, text, MAX_PARAGRAPH);
                self.optional_length(&format!("{path}.speaker"), speaker, MAX_SPEAKER);
            }
            Block::Background { title, text } => {
                self.optional_length(&format!("{path}.title"), title, MAX_BOX_TITLE);
                self.required_text(&text_path, text, MAX_BOX_TEXT);
            }
            Block::Related { title, links } => {
                self.optional_length(&format!("{path}.title"), title, MAX_LABEL);
                let links_path = format!("{path}.links");
                if links.is_empty() {
                    self.problem(&links_path, "list is empty");
                }
                self.count(&links_path, "links", links.len(), MAX_LINKS);
                for (i, link) in links.iter().enumerate() {
                    self.link(&format!("{links_path}[{i}]"), link);
                }
            }
        }
    }

    fn dates(&mut self, published: Option<&str>, modified: Option<&str>) {
        let mut parse = |path: &str, text: Option<&str>| {
            let text = text?;
            let parsed = Timestamp::parse(text);
            if parsed.is_none() {
                self.problem(
                    path,
                    "is not an RFC 3339 date and time such as 2025-08-17T14:30:00+02:00",
                );
            }
            parsed
        };
        let published = parse("published", published);
        let modified = parse("modified", modified);
        if let (Some(published), Some(modified)) = (published, modified) {
            if modified.unix_minutes() < published.unix_minutes() {
                self.problem("modified", "is earlier than published");
            }
        }
    }
}

/// A simplified BCP 47 check: a 2–3 letter language, then subtags of 1–8
/// letters or digits.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    language_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}
