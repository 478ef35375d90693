//! How a publisher configures one card (from `data-*` attributes, the
//! attributes of `<article-card>`, or the JS API). Unknown or invalid values
//! never stop a card: they fall back to the default and come back as
//! warnings for the console.
//!
//! Each option has one table of names (`OPTIONS`, and one per option
//! value): the parser, the "one of …" messages and the warnings all read
//! them, and a test checks that the embed script forwards exactly these.

use crate::i18n::Lang;
use crate::json::{self, Json};
use crate::layout::Layout;
use crate::share::{Service, DEFAULT_SERVICES};
use crate::url::{check_url, is_tracking_suffix, UrlKind};

/// Every option, by the name publishers write in `data-…` attributes.
pub const OPTIONS: [(&str, Opt); 11] = [
    ("lang", Opt::Lang),
    ("layout", Opt::Layout),
    ("theme", Opt::Theme),
    ("heading-level", Opt::HeadingLevel),
    ("services", Opt::Services),
    ("native-share", Opt::NativeShare),
    ("orientation", Opt::Orientation),
    ("button-style", Opt::ButtonStyle),
    ("share-url", Opt::ShareUrl),
    ("share-title", Opt::ShareTitle),
    ("referrer-track", Opt::ReferrerTrack),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opt {
    Lang,
    Layout,
    Theme,
    HeadingLevel,
    Services,
    NativeShare,
    Orientation,
    ButtonStyle,
    ShareUrl,
    ShareTitle,
    ReferrerTrack,
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
    pub const NAMES: &'static [(&'static str, Theme)] = &[
        ("auto", Theme::Auto),
        ("light", Theme::Light),
        ("dark", Theme::Dark),
    ];

    /// Value of the card's `data-theme` attribute, which the stylesheet
    /// reads; none for `Auto`.
    pub fn attribute(self) -> Option<&'static str> {
        (self != Theme::Auto).then(|| name_of(Theme::NAMES, self))
    }
}

/// Whether the browser's own share sheet is offered where it exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NativeShare {
    /// A "Teilen…" button beside the service links.
    #[default]
    On,
    /// Only the button where the browser has a share sheet; the links
    /// appear where it has none, or when it fails.
    Only,
    Off,
}

impl NativeShare {
    pub const NAMES: &'static [(&'static str, NativeShare)] = &[
        ("on", NativeShare::On),
        ("only", NativeShare::Only),
        ("off", NativeShare::Off),
    ];
}

/// `orientation`: whether the share bar is vertical.
const ORIENTATIONS: &[(&str, bool)] = &[("horizontal", false), ("vertical", true)];
/// `button-style`: whether share buttons show only their icons.
const BUTTON_STYLES: &[(&str, bool)] = &[("standard", false), ("icon", true)];

/// The value a name stands for in a names table.
pub fn find<T: Copy>(table: &[(&str, T)], name: &str) -> Option<T> {
    table
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, value)| *value)
}

/// The name of a value in a names table.
pub fn name_of<T: Copy + PartialEq>(table: &'static [(&'static str, T)], value: T) -> &'static str {
    table
        .iter()
        .find(|(_, v)| *v == value)
        .map_or("", |(name, _)| name)
}

/// "one of card, compact, teaser, full", for warnings.
fn one_of<T>(table: &[(&str, T)]) -> String {
    let names: Vec<&str> = table.iter().map(|(name, _)| *name).collect();
    format!("one of {}", names.join(", "))
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

/// The option a key names: the documented name (`heading-level`) or its
/// camelCase form (`headingLevel`), as the JS API may give it.
pub fn option_named(key: &str) -> Option<Opt> {
    let mut name = String::with_capacity(key.len() + 2);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            name.push('-');
        }
        name.push(c.to_ascii_lowercase());
    }
    find(&OPTIONS, &name)
}

/// Reads options from a JSON object of strings, as `data-*` attributes
/// give them; returns the options and a warning for each value that was
/// ignored, naming the option as the publisher wrote it.
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
        let Some(opt) = option_named(key) else {
            // The embed script keeps its own options (src, timeout).
            warnings.push(format!("unknown option {key}; ignoring it"));
            continue;
        };
        let Json::String(value) = value else {
            warnings.push(format!("option {key} must be text; ignoring it"));
            continue;
        };
        if let Err(allowed) = apply(&mut options, opt, value, &mut warnings) {
            warnings.push(format!(
                "{key} \"{value}\" is not {allowed}; using the default"
            ));
        }
    }
    (options, warnings)
}

/// Sets one option, or says what it allows.
fn apply(
    options: &mut CardOptions,
    opt: Opt,
    value: &str,
    warnings: &mut Vec<String>,
) -> Result<(), String> {
    let share = &mut options.share;
    match opt {
        // A region is fine ("de-AT", as the `lang` attribute of an
        // <article-card> may say).
        Opt::Lang => {
            let primary = crate::i18n::primary_subtag(value);
            options.lang = Some(find(Lang::NAMES, &primary).ok_or_else(|| one_of(Lang::NAMES))?);
        }
        Opt::Layout => {
            options.layout = find(Layout::NAMES, value).ok_or_else(|| one_of(Layout::NAMES))?
        }
        Opt::Theme => {
            options.theme = find(Theme::NAMES, value).ok_or_else(|| one_of(Theme::NAMES))?
        }
        Opt::HeadingLevel => {
            options.heading_level = value
                .parse()
                .ok()
                .and_then(HeadingLevel::new)
                .ok_or("a level from 2 to 6")?;
        }
        Opt::Services => share.services = parse_services(value, warnings),
        Opt::NativeShare => {
            share.native =
                find(NativeShare::NAMES, value).ok_or_else(|| one_of(NativeShare::NAMES))?;
        }
        Opt::Orientation => {
            share.vertical = find(ORIENTATIONS, value).ok_or_else(|| one_of(ORIENTATIONS))?
        }
        Opt::ButtonStyle => {
            share.icons_only = find(BUTTON_STYLES, value).ok_or_else(|| one_of(BUTTON_STYLES))?
        }
        Opt::ShareUrl => {
            check_url(value, UrlKind::Absolute).map_err(|_| "an absolute http or https address")?;
            share.url = Some(value.to_owned());
        }
        Opt::ShareTitle => {
            let title = value.trim();
            if title.is_empty() {
                return Err("a text".into());
            }
            share.title = Some(title.to_owned());
        }
        Opt::ReferrerTrack => {
            if !is_tracking_suffix(value) {
                return Err(
                    "query parameters such as utm_source=share, at most 256 characters".into(),
                );
            }
            share.tracking = Some(value.to_owned());
        }
    }
    Ok(())
}

/// A comma-separated list of services; unknown and repeated names are
/// skipped with a warning each.
fn parse_services(list: &str, warnings: &mut Vec<String>) -> Vec<Service> {
    let mut services = Vec::new();
    for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        match Service::from_name(name) {
            Some(service) if !services.contains(&service) => services.push(service),
            Some(_) => warnings.push(format!("services: \"{name}\" is listed twice")),
            None => warnings.push(format!(
                "services: \"{name}\" is not {}; skipping it",
                one_of(Service::NAMES)
            )),
        }
    }
    services
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
        let (options, warnings) =
            parse_options(r#"{"lang":"en-GB","layout":"full","theme":"dark","headingLevel":"3"}"#);
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
            parse_options(r#"{"lang":"pt","layout":"poster","headingLevel":"1","theme":"pink"}"#);
        assert_eq!(options, CardOptions::default());
        assert_eq!(warnings.len(), 4, "{warnings:?}");
        assert_eq!(
            warnings[0],
            "lang \"pt\" is not one of de, en, fr, it, es, nl, pl; using the default"
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
                "referrerTrack \"a b\" is not query parameters such as utm_source=share, at most 256 characters; using the default",
            ]
        );
    }

    /// The names in a `const NAME = ['a', 'b', …];` list of a script.
    fn js_list(script: &str, name: &str) -> Vec<String> {
        let start = script.find(&format!("const {name} = [")).expect("list") + name.len() + 10;
        let end = start + script[start..].find("];").expect("end of list");
        script[start..end]
            .split(',')
            .map(|item| item.trim().trim_matches('\'').to_owned())
            .filter(|item| !item.is_empty())
            .collect()
    }

    #[test]
    fn the_embed_script_forwards_exactly_the_options_the_card_reads() {
        let loader = include_str!("../www/loader.js");
        let forwarded = js_list(loader, "OPTIONS");
        let read: Vec<&str> = OPTIONS.iter().map(|(name, _)| *name).collect();
        assert_eq!(forwarded, read);
        // The README documents each of them.
        let readme = include_str!("../README.md");
        for name in read {
            assert!(
                readme.contains(&format!("| `{name}` |")),
                "{name} is not in the README's table"
            );
        }
    }

    #[test]
    fn options_are_named_as_documented_or_in_camel_case() {
        assert_eq!(option_named("heading-level"), Some(Opt::HeadingLevel));
        assert_eq!(option_named("headingLevel"), Some(Opt::HeadingLevel));
        assert_eq!(option_named("shareTitle"), Some(Opt::ShareTitle));
        assert_eq!(option_named("lang"), Some(Opt::Lang));
        assert_eq!(option_named("src"), None);
        let (_, warnings) = parse_options(r#"{"headingLvl":"3"}"#);
        assert_eq!(warnings, ["unknown option headingLvl; ignoring it"]);
        assert_eq!(option_named("heading_level"), None);
        for (name, opt) in OPTIONS {
            assert_eq!(option_named(name), Some(opt));
        }
        let (options, warnings) =
            parse_options(r#"{"heading-level":"4","share-title":"T","button-style":"x"}"#);
        assert_eq!(options.heading_level.tags().0, "h4");
        assert_eq!(options.share.title.as_deref(), Some("T"));
        assert_eq!(
            warnings,
            ["button-style \"x\" is not one of standard, icon; using the default"]
        );
    }
}
