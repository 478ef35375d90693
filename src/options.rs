//! How a publisher configures one card (from `data-*` attributes or the JS
//! API). Unknown or invalid values never stop a card: they fall back to the
//! default and come back as warnings for the console.

use crate::i18n::Lang;
use crate::json::{self, Json};

/// Which parts of the article the card shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Kicker, headline, hero, summary, background boxes, related links,
    /// topics and the link to the article.
    #[default]
    Card,
    /// The card plus the lead and the whole body in order.
    Full,
}

impl Layout {
    fn from_name(name: &str) -> Option<Layout> {
        match name {
            "card" => Some(Layout::Card),
            "full" => Some(Layout::Full),
            _ => None,
        }
    }
}

/// Colour scheme: by default the reader's system setting decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// Value of the card's `data-theme` attribute, which the stylesheet
    /// reads; none for `Auto`.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }

    fn from_name(name: &str) -> Option<Theme> {
        match name {
            "auto" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}

/// Settings of one card, already checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CardOptions {
    /// Language of the card's own texts; `None` follows the article.
    pub lang: Option<Lang>,
    pub layout: Layout,
    pub theme: Theme,
    /// Level of the headline's heading element, 2–6 (default 2), so the
    /// card fits the outline of the host page.
    pub heading_level: HeadingLevel,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeadingLevel(u8);

impl Default for HeadingLevel {
    fn default() -> Self {
        HeadingLevel(2)
    }
}

impl HeadingLevel {
    pub fn new(level: u8) -> Option<HeadingLevel> {
        (2..=6).contains(&level).then_some(HeadingLevel(level))
    }

    /// The tag of this level (`h2`), and of the level below it for the
    /// card's sub-headings (never deeper than `h6`).
    pub fn tags(self) -> (&'static str, &'static str) {
        const TAGS: [&str; 5] = ["h2", "h3", "h4", "h5", "h6"];
        let i = usize::from(self.0 - 2);
        (TAGS[i], TAGS[(i + 1).min(4)])
    }
}

/// Reads options from a JSON object of strings, as `data-*` attributes
/// give them; returns the options and a warning for each value that was
/// ignored.
pub fn parse_options(json: &str) -> (CardOptions, Vec<String>) {
    let mut warnings = Vec::new();
    let mut options = CardOptions::default();
    let tree = if json.trim().is_empty() {
        Ok(Json::Object(Vec::new()))
    } else {
        json::parse(json)
    };
    let members = match tree {
        Ok(Json::Object(members)) => members,
        _ => {
            warnings.push("options are not a JSON object; using the defaults".to_owned());
            Vec::new()
        }
    };
    for (key, value) in &members {
        let Json::String(value) = value else {
            warnings.push(format!("option {key} must be text; ignoring it"));
            continue;
        };
        let applied = match key.as_str() {
            "lang" => match value.as_str() {
                "de" => Some(Lang::De),
                "en" => Some(Lang::En),
                _ => None,
            }
            .map(|lang| options.lang = Some(lang)),
            "layout" => Layout::from_name(value).map(|layout| options.layout = layout),
            "theme" => Theme::from_name(value).map(|theme| options.theme = theme),
            "headingLevel" => value
                .parse()
                .ok()
                .and_then(HeadingLevel::new)
                .map(|level| options.heading_level = level),
            // Options of the embedding script, not of the card itself.
            _ => Some(()),
        };
        if applied.is_none() {
            warnings.push(format!(
                "{key} \"{value}\" is not {}; using the default",
                allowed(key)
            ));
        }
    }
    (options, warnings)
}

/// The allowed values of an option, for warnings.
fn allowed(key: &str) -> &'static str {
    match key {
        "lang" => "one of de, en",
        "layout" => "one of card, full",
        "theme" => "one of auto, light, dark",
        _ => "a level from 2 to 6",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_options_are_the_defaults() {
        assert_eq!(parse_options(""), (CardOptions::default(), vec![]));
        assert_eq!(parse_options("{}"), (CardOptions::default(), vec![]));
    }

    #[test]
    fn reads_every_setting() {
        let (options, warnings) = parse_options(
            r#"{"lang":"en","layout":"full","theme":"dark","headingLevel":"3","src":"a.json"}"#,
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(options.theme.attribute(), Some("dark"));
        assert_eq!(options.lang, Some(Lang::En));
        assert_eq!(options.layout, Layout::Full);
        assert_eq!(options.heading_level.tags(), ("h3", "h4"));
        assert_eq!(HeadingLevel::new(6).unwrap().tags(), ("h6", "h6"));
    }

    #[test]
    fn invalid_values_fall_back_with_a_warning_each() {
        let (options, warnings) =
            parse_options(r#"{"lang":"fr","layout":"poster","headingLevel":"1","theme":"pink"}"#);
        assert_eq!(options, CardOptions::default());
        assert_eq!(warnings.len(), 4, "{warnings:?}");
        assert_eq!(
            warnings[0],
            "lang \"fr\" is not one of de, en; using the default"
        );
        assert_eq!(
            warnings[1],
            "layout \"poster\" is not one of card, full; using the default"
        );
        assert_eq!(
            warnings[2],
            "headingLevel \"1\" is not a level from 2 to 6; using the default"
        );
        assert_eq!(
            warnings[3],
            "theme \"pink\" is not one of auto, light, dark; using the default"
        );
        let (options, warnings) = parse_options(r#"{"layout": 3}"#);
        assert_eq!(options, CardOptions::default());
        assert_eq!(warnings, ["option layout must be text; ignoring it"]);
        let (options, warnings) = parse_options("[1,2]");
        assert_eq!(options, CardOptions::default());
        assert_eq!(warnings.len(), 1);
    }
}
