//! Which parts of an article each layout shows. These are the card's layout
//! rules in one place, as plain Rust: the components render what `parts`
//! returns, in the browser and on the server alike.

use crate::model::{Article, Block, Hero, Topic};

/// Which parts of the article the card shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Kicker, headline, hero, share bar, summary, background boxes,
    /// related links, topics and the link to the article.
    #[default]
    Card,
    /// The card without the hero, its summary collapsed under the headline.
    Compact,
    /// Kicker, headline, one line of text and the link.
    Teaser,
    /// The card plus the lead and the whole body in order.
    Full,
}

impl Layout {
    /// The names in `data-layout` and in the card's `ac-card--…` class.
    pub const NAMES: &'static [(&'static str, Layout)] = &[
        ("card", Layout::Card),
        ("compact", Layout::Compact),
        ("teaser", Layout::Teaser),
        ("full", Layout::Full),
    ];

    pub fn name(self) -> &'static str {
        crate::options::name_of(Layout::NAMES, self)
    }

    /// What a card in this layout shows of `article`.
    pub fn parts(self, article: &Article) -> Parts<'_> {
        let mut parts = Parts {
            dateline: true,
            hero: None,
            teaser_line: None,
            share: true,
            summary: Summary::None,
            lead: None,
            blocks: Vec::new(),
            topics: &article.topics,
            outlet_links: true,
        };
        if self == Layout::Teaser {
            // One line: the lead, or else the first key point.
            parts.teaser_line = article
                .lead
                .as_ref()
                .or(article.summary.first())
                .map(String::as_str);
            return Parts {
                dateline: false,
                share: false,
                topics: &[],
                outlet_links: false,
                ..parts
            };
        }
        if self != Layout::Compact {
            parts.hero = article.hero.as_ref();
        }
        if !article.summary.is_empty() {
            parts.summary = if self == Layout::Compact {
                Summary::Collapsed
            } else {
                Summary::List
            };
        }
        // Outside the full layout the lead stands in only for a missing
        // summary, and only the boxes and link lists of the body show.
        let full = self == Layout::Full;
        if full || article.summary.is_empty() {
            parts.lead = article.lead.as_deref();
        }
        parts.blocks = article
            .body
            .iter()
            .filter(|block| {
                full || matches!(block, Block::Background { .. } | Block::Related { .. })
            })
            .collect();
        parts
    }
}

/// The parts of one card, top to bottom. The header (kicker, headline) and
/// the link to the article are in every card.
#[derive(Debug, PartialEq)]
pub struct Parts<'a> {
    /// Dates and reading time under the headline.
    pub dateline: bool,
    pub hero: Option<&'a Hero>,
    /// The teaser's one line of text.
    pub teaser_line: Option<&'a str>,
    pub share: bool,
    pub summary: Summary,
    pub lead: Option<&'a str>,
    /// Body blocks, in order.
    pub blocks: Vec<&'a Block>,
    pub topics: &'a [Topic],
    /// Source line, follow and standards links in the footer.
    pub outlet_links: bool,
}

/// How the key points show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Summary {
    None,
    /// A list under a heading that screen readers announce.
    List,
    /// Behind a disclosure under the headline.
    Collapsed,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Link;

    fn article() -> Article {
        Article {
            url: "https://news.example/a".into(),
            headline: "Kopf".into(),
            hero: Some(Hero {
                url: "/bild.jpg".into(),
                alt: Some(String::new()),
                ..Default::default()
            }),
            summary: vec!["Erster Punkt.".into(), "Zweiter.".into()],
            lead: Some("Der Vorspann.".into()),
            body: vec![
                Block::Paragraph {
                    text: "Absatz".into(),
                },
                Block::Background {
                    title: None,
                    text: "Erklärung".into(),
                },
                Block::Heading {
                    text: "Zwischentitel".into(),
                },
                Block::Related {
                    title: None,
                    links: vec![Link {
                        label: "Mehr".into(),
                        url: "/mehr".into(),
                    }],
                },
            ],
            topics: vec![Topic {
                label: "Nato".into(),
                url: None,
            }],
            ..Default::default()
        }
    }

    fn kinds(parts: &Parts) -> Vec<&'static str> {
        parts
            .blocks
            .iter()
            .map(|block| match block {
                Block::Paragraph { .. } => "paragraph",
                Block::Heading { .. } => "heading",
                Block::Quote { .. } => "quote",
                Block::Background { .. } => "background",
                Block::Related { .. } => "related",
            })
            .collect()
    }

    #[test]
    fn card_shows_boxes_and_links_of_the_body_but_no_running_text() {
        let article = article();
        let parts = Layout::Card.parts(&article);
        assert!(parts.dateline && parts.share && parts.outlet_links);
        assert!(parts.hero.is_some());
        assert_eq!(parts.summary, Summary::List);
        assert_eq!(parts.lead, None, "the summary is there, so no lead");
        assert_eq!(kinds(&parts), ["background", "related"]);
        assert_eq!(parts.topics.len(), 1);
        assert_eq!(parts.teaser_line, None);
    }

    #[test]
    fn compact_drops_the_hero_and_collapses_the_summary() {
        let article = article();
        let parts = Layout::Compact.parts(&article);
        assert_eq!(parts.hero, None);
        assert_eq!(parts.summary, Summary::Collapsed);
        assert_eq!(kinds(&parts), ["background", "related"]);
    }

    #[test]
    fn full_adds_the_lead_and_the_whole_body_in_order() {
        let article = article();
        let parts = Layout::Full.parts(&article);
        assert_eq!(parts.lead, Some("Der Vorspann."));
        assert_eq!(
            kinds(&parts),
            ["paragraph", "background", "heading", "related"]
        );
    }

    #[test]
    fn teaser_is_headline_one_line_and_link() {
        let mut article = article();
        let parts = Layout::Teaser.parts(&article);
        assert_eq!(parts.teaser_line, Some("Der Vorspann."));
        assert!(!parts.dateline && !parts.share && !parts.outlet_links);
        assert_eq!(
            (parts.hero, parts.summary, parts.lead),
            (None, Summary::None, None)
        );
        assert!(parts.blocks.is_empty() && parts.topics.is_empty());
        article.lead = None;
        assert_eq!(
            Layout::Teaser.parts(&article).teaser_line,
            Some("Erster Punkt.")
        );
    }

    #[test]
    fn the_lead_stands_in_for_a_missing_summary() {
        let mut article = article();
        article.summary.clear();
        for layout in [Layout::Card, Layout::Compact] {
            let parts = layout.parts(&article);
            assert_eq!(parts.summary, Summary::None);
            assert_eq!(parts.lead, Some("Der Vorspann."), "{layout:?}");
        }
    }
}
