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
    /// Whether the article is free to read: `Some(false)` marks one behind
    /// a paywall, which the card says in its header. `None` when the data
    /// does not say.
    pub free: Option<bool>,
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

/// Reading speed for the estimate, in words per minute (a common figure
/// for news text on screen).
pub const WORDS_PER_MINUTE: usize = 200;

impl Article {
    /// Minutes the whole article takes to read, rounded up; `None` when
    /// the data has no running text, so the length of the article is not
    /// known.
    pub fn reading_minutes(&self) -> Option<u32> {
        let mut has_text = false;
        let mut words = count_words(&self.headline) + self.lead.as_deref().map_or(0, count_words);
        words += self.summary.iter().map(|s| count_words(s)).sum::<usize>();
        for block in &self.body {
            words += match block {
                Block::Paragraph { text } | Block::Quote { text, .. } => {
                    has_text = true;
                    count_words(text)
                }
                Block::Heading { text } | Block::Background { text, .. } => count_words(text),
                Block::Related { .. } => 0,
            };
        }
        let minutes = words.div_ceil(WORDS_PER_MINUTE).max(1);
        has_text.then(|| u32::try_from(minutes).unwrap_or(u32::MAX))
    }
}

fn count_words(text: &str) -> usize {
    text.split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(words: usize) -> Block {
        Block::Paragraph {
            text: vec!["Wort"; words].join(" "),
        }
    }

    #[test]
    fn reading_time_rounds_up_and_needs_running_text() {
        let mut article = Article {
            headline: "Zwei Wörter".into(),
            ..Default::default()
        };
        assert_eq!(article.reading_minutes(), None, "no body, no estimate");
        article.summary = vec!["eins zwei drei".into()];
        assert_eq!(article.reading_minutes(), None);
        article.body = vec![paragraph(10)];
        assert_eq!(article.reading_minutes(), Some(1));
        article.body = vec![paragraph(WORDS_PER_MINUTE * 2), paragraph(1)];
        // 400 + 1 + 2 (headline) + 3 (summary) words: just over two minutes.
        assert_eq!(article.reading_minutes(), Some(3));
        article.body.push(Block::Related {
            title: None,
            links: vec![],
        });
        assert_eq!(
            article.reading_minutes(),
            Some(3),
            "link lists are not read"
        );
    }
}
