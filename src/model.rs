//! The article as the card understands it: plain Rust types.
//!
//! `decode` fills them from JSON (texts trimmed, empty optional texts left
//! out) and `validate` checks them; the components only ever see an article
//! that passed both. The JSON field names are the Rust names, with
//! `type` naming the kind of each body block.

/// One news article, in the shape the card renders.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Article {
    /// Canonical address of the full article; required.
    pub url: String,
    /// BCP 47 tag such as `de` or `en-GB`; absent means German.
    pub language: Option<String>,
    /// Section shown as the kicker above the headline ("Politik").
    pub section: Option<String>,
    /// Short line that leads into the headline ("Nach dem Gipfel:").
    pub overline: Option<String>,
    /// Required.
    pub headline: String,
    pub hero: Option<Hero>,
    /// The summary bullets.
    pub summary: Vec<String>,
    pub lead: Option<String>,
    pub body: Vec<Block>,
    /// Author and agency codes, printed as given ("/abc/dpa").
    pub source: Option<String>,
    pub topics: Vec<Topic>,
    /// RFC 3339 timestamps.
    pub published: Option<String>,
    pub modified: Option<String>,
    /// Invitation to follow the outlet elsewhere.
    pub follow: Option<Link>,
    /// The outlet's page about its journalistic standards.
    pub standards: Option<Link>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Hero {
    pub url: String,
    /// Required when there is a hero; an empty string marks a decorative image.
    pub alt: Option<String>,
    pub caption: Option<String>,
    pub credit: Option<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Link {
    pub label: String,
    pub url: String,
}

/// A topic tag: in JSON either just a name or `{ "label", "url" }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Topic {
    pub label: String,
    pub url: Option<String>,
}

/// One part of the article body, tagged by `"type"` in JSON.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph {
        text: String,
    },
    Heading {
        text: String,
    },
    Quote {
        text: String,
        speaker: Option<String>,
    },
    /// The collapsible box ("Hintergrund: Artikel 5"); the title falls back
    /// to the card language's word for "background".
    Background {
        title: Option<String>,
        text: String,
    },
    /// Further reading ("Lesen Sie auch").
    Related {
        title: Option<String>,
        links: Vec<Link>,
    },
}

impl Block {
    /// Whether the card layout shows this block: the background
    /// boxes and related links do, the running text does not.
    pub fn belongs_in_card(&self) -> bool {
        matches!(self, Block::Background { .. } | Block::Related { .. })
    }
}
