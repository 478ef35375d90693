//! Sharing without tracking: each service is a plain link (or, for copy
//! and print, a button) made from the article's address and title, so no
//! request reaches any network before the reader clicks. This module works
//! out everything the share bar shows; nothing here touches the browser.

use crate::i18n::Strings;
use crate::model::Article;
use crate::options::{name_of, ShareOptions};
use crate::url::{check_url, encode, with_tracking, UrlKind};

/// Name of the event a share dispatches; it bubbles out of the card (and
/// its shadow root) so that a publisher can count shares without us
/// tracking anyone.
pub const SHARE_EVENT: &str = "article-card:share";

/// Where a reader can share the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    WhatsApp,
    Facebook,
    X,
    LinkedIn,
    Xing,
    Telegram,
    Bluesky,
    Threema,
    Pinterest,
    Reddit,
    Mail,
    Copy,
    Print,
}

/// The services shown when the publisher chooses none: the ones German
/// readers use most, plus the two that involve no network at all.
pub const DEFAULT_SERVICES: [Service; 5] = [
    Service::WhatsApp,
    Service::Facebook,
    Service::X,
    Service::Mail,
    Service::Copy,
];

impl Service {
    /// Every service, by the name used in `data-services` and in share
    /// events.
    pub const NAMES: &'static [(&'static str, Service)] = &[
        ("whatsapp", Service::WhatsApp),
        ("facebook", Service::Facebook),
        ("x", Service::X),
        ("linkedin", Service::LinkedIn),
        ("xing", Service::Xing),
        ("telegram", Service::Telegram),
        ("bluesky", Service::Bluesky),
        ("threema", Service::Threema),
        ("pinterest", Service::Pinterest),
        ("reddit", Service::Reddit),
        ("mail", Service::Mail),
        ("copy", Service::Copy),
        ("print", Service::Print),
    ];

    pub fn name(self) -> &'static str {
        name_of(Service::NAMES, self)
    }

    /// Reads a service name; the names Shariff users know (`twitter`,
    /// `email`) are accepted too.
    pub fn from_name(name: &str) -> Option<Service> {
        let name = name.trim().to_ascii_lowercase();
        let name = match name.as_str() {
            "twitter" => "x",
            "email" | "e-mail" => "mail",
            other => other,
        };
        crate::options::find(Service::NAMES, name)
    }

    /// The label shown next to the icon, and the accessible name where it
    /// says more than the label ("Bei WhatsApp teilen").
    pub fn labels(self, s: &Strings) -> (&'static str, Option<String>) {
        let brand = |brand: &'static str| {
            let (before, after) = s.share_on;
            (brand, Some(format!("{before}{brand}{after}")))
        };
        match self {
            Service::WhatsApp => brand("WhatsApp"),
            Service::Facebook => brand("Facebook"),
            Service::X => brand("X"),
            Service::LinkedIn => brand("LinkedIn"),
            Service::Xing => brand("XING"),
            Service::Telegram => brand("Telegram"),
            Service::Bluesky => brand("Bluesky"),
            Service::Threema => brand("Threema"),
            Service::Pinterest => brand("Pinterest"),
            Service::Reddit => brand("Reddit"),
            Service::Mail => (s.mail, Some(s.share_by_mail.to_owned())),
            Service::Copy => (s.copy_link, None),
            Service::Print => (s.print, None),
        }
    }
}

/// What is shared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared {
    /// The address to share, tracking suffix included.
    pub url: String,
    pub title: String,
    /// A sentence about the article, for services that take one.
    pub text: Option<String>,
    /// The hero image, for Pinterest (absolute addresses only).
    pub image: Option<String>,
}

impl Shared {
    /// What a card shares of `article`, after the publisher's options.
    pub fn of(article: &Article, options: &ShareOptions) -> Shared {
        Shared {
            url: with_tracking(
                options.url.as_deref().unwrap_or(&article.url),
                options.tracking.as_deref().unwrap_or(""),
            ),
            title: options
                .title
                .clone()
                .unwrap_or_else(|| article.headline.clone()),
            text: article.summary.first().or(article.lead.as_ref()).cloned(),
            image: article
                .hero
                .as_ref()
                .map(|hero| hero.url.clone())
                .filter(|url| check_url(url, UrlKind::Absolute).is_ok()),
        }
    }
}

/// One control of the share bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareButton {
    pub service: Service,
    /// The link for networks and mail; copy and print are buttons.
    pub href: Option<String>,
    /// Network links open in a new tab that learns nothing about the page
    /// they came from; mail opens the reader's own program.
    pub new_tab: bool,
    pub label: &'static str,
    /// The accessible name, where it differs from the label.
    pub name: Option<String>,
}

/// The share bar's controls, in the publisher's order.
pub fn share_buttons(shared: &Shared, services: &[Service], s: &Strings) -> Vec<ShareButton> {
    services
        .iter()
        .map(|&service| {
            let href = share_link(service, shared);
            let (label, name) = service.labels(s);
            ShareButton {
                service,
                new_tab: href.is_some() && service != Service::Mail,
                href,
                label,
                name,
            }
        })
        .collect()
}

/// The class of the share bar for the publisher's options.
pub fn bar_class(options: &ShareOptions) -> String {
    let mut class = String::from("ac-share");
    if options.vertical {
        class.push_str(" ac-share--vertical");
    }
    if options.icons_only {
        class.push_str(" ac-share--icons");
    }
    class
}

/// The link that shares `shared` on `service`; `None` for copy and print,
/// which are buttons.
pub fn share_link(service: Service, shared: &Shared) -> Option<String> {
    let url = encode(&shared.url);
    let title = encode(&shared.title);
    let title_and_url = encode(&format!("{} {}", shared.title, shared.url));
    Some(match service {
        Service::WhatsApp => format!("https://wa.me/?text={title_and_url}"),
        Service::Facebook => format!("https://www.facebook.com/sharer/sharer.php?u={url}"),
        Service::X => format!("https://x.com/intent/tweet?text={title}&url={url}"),
        Service::LinkedIn => format!("https://www.linkedin.com/sharing/share-offsite/?url={url}"),
        Service::Xing => format!("https://www.xing.com/spi/shares/new?url={url}"),
        Service::Telegram => format!("https://t.me/share/url?url={url}&text={title}"),
        Service::Bluesky => format!("https://bsky.app/intent/compose?text={title_and_url}"),
        Service::Threema => format!("https://threema.id/compose?text={title_and_url}"),
        Service::Pinterest => {
            let media = shared
                .image
                .as_ref()
                .map(|image| format!("&media={}", encode(image)))
                .unwrap_or_default();
            format!(
                "https://www.pinterest.com/pin/create/button/?url={url}{media}&description={title}"
            )
        }
        Service::Reddit => format!("https://www.reddit.com/submit?url={url}&title={title}"),
        Service::Mail => {
            // RFC 6068: every reserved character percent-encoded, line
            // breaks as CRLF.
            let body = match &shared.text {
                Some(text) => format!("{text}\r\n\r\n{}", shared.url),
                None => shared.url.clone(),
            };
            format!("mailto:?subject={title}&body={}", encode(&body))
        }
        Service::Copy | Service::Print => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared() -> Shared {
        Shared {
            url: "https://news.example/a?b=1".into(),
            title: "Grüße & Küsse".into(),
            text: Some("Der Vorspann.".into()),
            image: Some("https://img.example/h.jpg".into()),
        }
    }

    /// Decodes %XX escapes, to compare a built link with what went in.
    fn decode(text: &str) -> String {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).unwrap());
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }

    /// The value of a query parameter of a built link, decoded.
    fn param(link: &str, name: &str) -> Option<String> {
        let query = link.split_once('?')?.1;
        query.split('&').find_map(|pair| {
            let (key, value) = pair.split_once('=')?;
            (key == name).then(|| decode(value))
        })
    }

    #[test]
    fn every_link_service_carries_the_article_url() {
        let s = shared();
        let expect = [
            (
                Service::WhatsApp,
                "https://wa.me/",
                "text",
                "Grüße & Küsse https://news.example/a?b=1",
            ),
            (
                Service::Facebook,
                "https://www.facebook.com/sharer/sharer.php",
                "u",
                "https://news.example/a?b=1",
            ),
            (
                Service::X,
                "https://x.com/intent/tweet",
                "url",
                "https://news.example/a?b=1",
            ),
            (
                Service::LinkedIn,
                "https://www.linkedin.com/sharing/share-offsite/",
                "url",
                "https://news.example/a?b=1",
            ),
            (
                Service::Xing,
                "https://www.xing.com/spi/shares/new",
                "url",
                "https://news.example/a?b=1",
            ),
            (
                Service::Telegram,
                "https://t.me/share/url",
                "url",
                "https://news.example/a?b=1",
            ),
            (
                Service::Bluesky,
                "https://bsky.app/intent/compose",
                "text",
                "Grüße & Küsse https://news.example/a?b=1",
            ),
            (
                Service::Threema,
                "https://threema.id/compose",
                "text",
                "Grüße & Küsse https://news.example/a?b=1",
            ),
            (
                Service::Pinterest,
                "https://www.pinterest.com/pin/create/button/",
                "url",
                "https://news.example/a?b=1",
            ),
            (
                Service::Reddit,
                "https://www.reddit.com/submit",
                "url",
                "https://news.example/a?b=1",
            ),
        ];
        for (service, prefix, name, value) in expect {
            let link = share_link(service, &s).unwrap();
            assert!(
                link.starts_with(&format!("{prefix}?")),
                "{service:?}: {link}"
            );
            assert_eq!(
                param(&link, name).as_deref(),
                Some(value),
                "{service:?}: {link}"
            );
        }
        let x = share_link(Service::X, &s).unwrap();
        assert_eq!(param(&x, "text").as_deref(), Some("Grüße & Küsse"));
        let telegram = share_link(Service::Telegram, &s).unwrap();
        assert_eq!(param(&telegram, "text").as_deref(), Some("Grüße & Küsse"));
        let reddit = share_link(Service::Reddit, &s).unwrap();
        assert_eq!(param(&reddit, "title").as_deref(), Some("Grüße & Küsse"));
    }

    #[test]
    fn pinterest_takes_the_hero_image_when_there_is_one() {
        let link = share_link(Service::Pinterest, &shared()).unwrap();
        assert_eq!(
            param(&link, "media").as_deref(),
            Some("https://img.example/h.jpg")
        );
        assert_eq!(
            param(&link, "description").as_deref(),
            Some("Grüße & Küsse")
        );
        let without = share_link(
            Service::Pinterest,
            &Shared {
                image: None,
                ..shared()
            },
        )
        .unwrap();
        assert_eq!(param(&without, "media"), None);
    }

    #[test]
    fn mail_has_subject_and_body_with_crlf() {
        let link = share_link(Service::Mail, &shared()).unwrap();
        assert!(link.starts_with("mailto:?subject="), "{link}");
        assert_eq!(param(&link, "subject").as_deref(), Some("Grüße & Küsse"));
        assert_eq!(
            param(&link, "body").as_deref(),
            Some("Der Vorspann.\r\n\r\nhttps://news.example/a?b=1")
        );
        // Spaces are %20, never "+", which mail programs would show.
        assert!(!link.contains('+') && !link.contains(' '), "{link}");
        let bare = share_link(
            Service::Mail,
            &Shared {
                text: None,
                ..shared()
            },
        )
        .unwrap();
        assert_eq!(
            param(&bare, "body").as_deref(),
            Some("https://news.example/a?b=1")
        );
    }

    #[test]
    fn copy_and_print_are_buttons_not_links() {
        assert_eq!(share_link(Service::Copy, &shared()), None);
        assert_eq!(share_link(Service::Print, &shared()), None);
    }

    #[test]
    fn links_keep_umlauts_ampersands_fragments_spaces_and_emoji() {
        let s = Shared {
            url: "https://news.example/ä?q=a b&x=1#teil".into(),
            title: "Fuß 🙂 #1".into(),
            text: None,
            image: None,
        };
        let link = share_link(Service::Facebook, &s).unwrap();
        // The whole article URL stays one parameter: its & and # are encoded.
        assert_eq!(link.matches('&').count(), 0, "{link}");
        assert!(!link.contains('#'), "{link}");
        assert_eq!(
            param(&link, "u").as_deref(),
            Some("https://news.example/ä?q=a b&x=1#teil")
        );
        let x = share_link(Service::X, &s).unwrap();
        assert_eq!(param(&x, "text").as_deref(), Some("Fuß 🙂 #1"));
    }

    #[test]
    fn names_include_the_ones_shariff_users_know() {
        assert_eq!(Service::from_name("twitter"), Some(Service::X));
        assert_eq!(Service::from_name(" WhatsApp "), Some(Service::WhatsApp));
        assert_eq!(Service::from_name("email"), Some(Service::Mail));
        assert_eq!(Service::from_name("myspace"), None);
        for &(name, service) in Service::NAMES {
            assert_eq!(service.name(), name);
            assert_eq!(Service::from_name(name), Some(service));
        }
    }

    #[test]
    fn every_service_has_a_label_and_a_name_that_contains_it() {
        use crate::i18n::{DE, EN};
        for &(_, service) in Service::NAMES {
            for s in [&DE, &EN] {
                let (label, name) = service.labels(s);
                assert!(!label.is_empty(), "{service:?}");
                // WCAG's "label in name", which ignores case.
                if let Some(name) = name {
                    let (name, label) = (name.to_lowercase(), label.to_lowercase());
                    assert!(name.contains(&label), "{service:?}: {name} / {label}");
                }
            }
        }
        assert_eq!(
            Service::WhatsApp.labels(&DE),
            ("WhatsApp", Some("Bei WhatsApp teilen".into()))
        );
        assert_eq!(
            Service::Xing.labels(&EN),
            ("XING", Some("Share on XING".into()))
        );
        assert_eq!(
            Service::Mail.labels(&DE),
            ("E-Mail", Some("Per E-Mail teilen".into()))
        );
        assert_eq!(Service::Copy.labels(&EN), ("Copy link", None));
        assert_eq!(Service::Print.labels(&DE), ("Drucken", None));
    }

    #[test]
    fn what_is_shared_follows_the_publishers_options() {
        let mut article = Article {
            url: "https://news.example/a".into(),
            headline: "Kopf".into(),
            lead: Some("Der Vorspann.".into()),
            hero: Some(crate::model::Hero {
                url: "/relativ.jpg".into(),
                ..Default::default()
            }),
            ..Default::default()
        };
        let plain = Shared::of(&article, &ShareOptions::default());
        assert_eq!(plain.url, "https://news.example/a");
        assert_eq!(plain.title, "Kopf");
        assert_eq!(
            plain.text.as_deref(),
            Some("Der Vorspann."),
            "the lead without a summary"
        );
        assert_eq!(plain.image, None, "a relative image cannot go to Pinterest");
        article.hero.as_mut().unwrap().url = "http-bild.jpg".into();
        assert_eq!(
            Shared::of(&article, &ShareOptions::default()).image,
            None,
            "nor one that only starts like one"
        );

        article.summary = vec!["Erster Punkt.".into()];
        article.hero.as_mut().unwrap().url = "https://img.example/h.jpg".into();
        let options = ShareOptions {
            url: Some("https://news.example/kurz#x".into()),
            title: Some("Anderer Titel".into()),
            tracking: Some("utm_source=share".into()),
            ..Default::default()
        };
        let shared = Shared::of(&article, &options);
        assert_eq!(shared.url, "https://news.example/kurz?utm_source=share#x");
        assert_eq!(shared.title, "Anderer Titel");
        assert_eq!(shared.text.as_deref(), Some("Erster Punkt."));
        assert_eq!(shared.image.as_deref(), Some("https://img.example/h.jpg"));
    }

    #[test]
    fn buttons_are_links_in_new_tabs_except_mail_copy_and_print() {
        let buttons = share_buttons(
            &shared(),
            &[
                Service::Reddit,
                Service::Mail,
                Service::Copy,
                Service::Print,
            ],
            &crate::i18n::EN,
        );
        let shape: Vec<_> = buttons
            .iter()
            .map(|b| (b.service, b.href.is_some(), b.new_tab, b.label))
            .collect();
        assert_eq!(
            shape,
            [
                (Service::Reddit, true, true, "Reddit"),
                (Service::Mail, true, false, "Email"),
                (Service::Copy, false, false, "Copy link"),
                (Service::Print, false, false, "Print"),
            ]
        );
        assert_eq!(buttons[0].name.as_deref(), Some("Share on Reddit"));
    }

    #[test]
    fn bar_class_names_orientation_and_style() {
        let mut options = ShareOptions::default();
        assert_eq!(bar_class(&options), "ac-share");
        options.vertical = true;
        options.icons_only = true;
        assert_eq!(
            bar_class(&options),
            "ac-share ac-share--vertical ac-share--icons"
        );
    }
}
