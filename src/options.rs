//! How a publisher configures one card (from `data-*` attributes or the JS
//! API). Unknown or invalid values never stop a card: they fall back to the
//! default and come back as warnings for the console.

use crate::i18n::Lang;
use crate::json::{self, Json};
use crate::share::{is_tracking_suffix, Service, DEFAULT_SERVICES};
use crate::validate::check_share_url;

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
    /// The name in `data-layout` and in the card's `ac-card--…` class.
    pub fn name(self) -> &'static str {
        match self {
            Layout::Card => "card",
            Layout::Compact => "compact",
            Layout::Teaser => "teaser",
            Layout::Full => "full",
        }
    }

    fn from_name(name: &str) -> Option<Layout> {
        match name {
            "card" => Some(Layout::Card),
            "compact" => Some(Layout::Compact),
            "teaser" => Some(Layout::Teaser),
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
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CardOptions {
    /// Language of the card's own texts; `None` follows the article.
    pub lang: Option<Lang>,
    pub layout: Layout,
    pub theme: Theme,
    /// Level of the headline's heading element, 2–6 (default 2), so the
    /// card fits the outline of the host page.
    pub heading_level: HeadingLevel,
    pub share: ShareOptions,
}

/// How the share bar looks and what it offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareOptions {
    /// In the publisher's order; empty means no share bar.
    pub services: Vec<Service>,
    pub native: NativeShare,
    pub vertical: bool,
    /// Icons without visible labels (the accessible names stay).
    pub icons_only: bool,
    /// Shared instead of the article's own address (absolute http/https).
    pub url: Option<String>,
    /// Shared instead of the headline.
    pub title: Option<String>,
    /// Query parameters appended to the shared address.
    pub tracking: Option<String>,
}

impl Default for ShareOptions {
    fn default() -> Self {
        ShareOptions {
            services: DEFAULT_SERVICES.to_vec(),
            native: NativeShare::default(),
            vertical: false,
            icons_only: false,
            url: None,
            title: None,
            tracking: None,
        }
    }
}

/// Whether the browser's own share sheet is offered where it exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NativeShare {
    /// A "Teilen…" button before the service links.
    #[default]
    On,
    /// Only the button where the browser has a share sheet; the links
    /// appear where it has none, or when it fails.
    Only,
    Off,
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
            // A region is fine ("de-AT", as the `lang` attribute of an
            // <article-card> may say); the card has texts for de and en.
            "lang" => match value
                .split('-')
                .next()
                .unwrap_or("")
                .to_ascii_lowercase()
                .as_str()
            {
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
            "services" => {
                options.share.services = parse_services(value, &mut warnings);
                Some(())
            }
            "nativeShare" => match value.as_str() {
                "on" => Some(NativeShare::On),
                "only" => Some(NativeShare::Only),
                "off" => Some(NativeShare::Off),
                _ => None,
            }
            .map(|native| options.share.native = native),
            "orientation" => match value.as_str() {
                "horizontal" => Some(false),
                "vertical" => Some(true),
                _ => None,
            }
            .map(|vertical| options.share.vertical = vertical),
            "buttonStyle" => match value.as_str() {
                "standard" => Some(false),
                "icon" => Some(true),
                _ => None,
            }
            .map(|icons| options.share.icons_only = icons),
            "shareUrl" => check_share_url(value)
                .ok()
                .map(|()| options.share.url = Some(value.clone())),
            "shareTitle" => (!value.trim().is_empty())
                .then(|| options.share.title = Some(value.trim().to_owned())),
            "referrerTrack" => {
                is_tracking_suffix(value).then(|| options.share.tracking = Some(value.clone()))
            }
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

/// A comma-separated list of services; unknown and repeated names are
/// skipped with a warning each.
fn parse_services(list: &str, warnings: &mut Vec<String>) -> Vec<Service> {
    let mut services = Vec::new();
    for name in list.split(',').filter(|n| !n.trim().is_empty()) {
        match Service::from_name(name) {
            Some(service) if !services.contains(&service) => services.push(service),
            Some(_) => warnings.push(format!("services: \"{}\" is listed twice", name.trim())),
            None => warnings.push(format!(
                "services: \"{}\" is not one of {}; skipping it",
                name.trim(),
                Service::ALL.map(Service::name).join(", ")
            )),
        }
    }
    services
}

/// The allowed values of an option, for warnings.
fn allowed(key: &str) -> &'static str {
    match key {
        "lang" => "one of de, en",
        "layout" => "one of card, compact, teaser, full",
        "theme" => "one of auto, light, dark",
        "nativeShare" => "one of on, only, off",
        "orientation" => "one of horizontal, vertical",
        "buttonStyle" => "one of standard, icon",
        "shareUrl" => "an absolute http or https address",
        "shareTitle" => "a text",
        "referrerTrack" => "query parameters such as utm_source=share",
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
            r#"{"lang":"en-GB","layout":"full","theme":"dark","headingLevel":"3","src":"a.json"}"#,
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
            "layout \"poster\" is not one of card, compact, teaser, full; using the default"
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

    #[test]
    fn share_services_keep_the_publishers_order() {
        let (options, warnings) =
            parse_options(r#"{"services":"mail, twitter,whatsapp,copy,print"}"#);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(
            options.share.services,
            [
                Service::Mail,
                Service::X,
                Service::WhatsApp,
                Service::Copy,
                Service::Print
            ]
        );
        assert_eq!(ShareOptions::default().services, DEFAULT_SERVICES);
        // An empty list turns the links off.
        assert!(parse_options(r#"{"services":""}"#)
            .0
            .share
            .services
            .is_empty());
    }

    #[test]
    fn unknown_and_repeated_services_are_skipped_with_warnings() {
        let (options, warnings) = parse_options(r#"{"services":"whatsapp,myspace,whatsapp"}"#);
        assert_eq!(options.share.services, [Service::WhatsApp]);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(
            warnings[0].starts_with("services: \"myspace\" is not one of whatsapp, facebook, x,")
        );
        assert_eq!(warnings[1], "services: \"whatsapp\" is listed twice");
    }

    #[test]
    fn share_settings_are_read_and_checked() {
        let (options, warnings) = parse_options(
            r#"{"nativeShare":"only","orientation":"vertical","buttonStyle":"icon",
                "shareUrl":"https://news.example/kurz","shareTitle":" Titel ","referrerTrack":"?utm_source=card"}"#,
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        let share = options.share;
        assert_eq!(share.native, NativeShare::Only);
        assert!(share.vertical && share.icons_only);
        assert_eq!(share.url.as_deref(), Some("https://news.example/kurz"));
        assert_eq!(share.title.as_deref(), Some("Titel"));
        assert_eq!(share.tracking.as_deref(), Some("?utm_source=card"));

        let (options, warnings) = parse_options(
            r#"{"nativeShare":"maybe","shareUrl":"javascript:alert(1)","referrerTrack":"a b"}"#,
        );
        assert_eq!(options.share, ShareOptions::default());
        assert_eq!(
            warnings,
            [
                "nativeShare \"maybe\" is not one of on, only, off; using the default",
                "shareUrl \"javascript:alert(1)\" is not an absolute http or https address; using the default",
                "referrerTrack \"a b\" is not query parameters such as utm_source=share; using the default",
            ]
        );
    }
}
