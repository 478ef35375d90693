//! Share links, built without any request to a network: each service is a
//! plain link (or, for copy and print, a button) made from the article's
//! address and title. Nothing here touches the browser.

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
    pub const ALL: [Service; 13] = [
        Service::WhatsApp,
        Service::Facebook,
        Service::X,
        Service::LinkedIn,
        Service::Xing,
        Service::Telegram,
        Service::Bluesky,
        Service::Threema,
        Service::Pinterest,
        Service::Reddit,
        Service::Mail,
        Service::Copy,
        Service::Print,
    ];

    /// The name used in `data-services` and in share events.
    pub fn name(self) -> &'static str {
        match self {
            Service::WhatsApp => "whatsapp",
            Service::Facebook => "facebook",
            Service::X => "x",
            Service::LinkedIn => "linkedin",
            Service::Xing => "xing",
            Service::Telegram => "telegram",
            Service::Bluesky => "bluesky",
            Service::Threema => "threema",
            Service::Pinterest => "pinterest",
            Service::Reddit => "reddit",
            Service::Mail => "mail",
            Service::Copy => "copy",
            Service::Print => "print",
        }
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
        Service::ALL.into_iter().find(|s| s.name() == name)
    }

    /// The brand name shown next to the icon ("E-Mail" and the like come
    /// from the language tables instead).
    pub fn brand(self) -> Option<&'static str> {
        Some(match self {
            Service::WhatsApp => "WhatsApp",
            Service::Facebook => "Facebook",
            Service::X => "X",
            Service::LinkedIn => "LinkedIn",
            Service::Xing => "XING",
            Service::Telegram => "Telegram",
            Service::Bluesky => "Bluesky",
            Service::Threema => "Threema",
            Service::Pinterest => "Pinterest",
            Service::Reddit => "Reddit",
            Service::Mail | Service::Copy | Service::Print => return None,
        })
    }
}

/// What is shared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared<'a> {
    /// The address to share, tracking suffix included.
    pub url: &'a str,
    pub title: &'a str,
    /// A sentence about the article, for services that take one.
    pub text: Option<&'a str>,
    /// The hero image, for Pinterest.
    pub image: Option<&'a str>,
}

/// The link that shares `shared` on `service`; `None` for copy and print,
/// which are buttons.
pub fn share_link(service: Service, shared: &Shared) -> Option<String> {
    let url = encode(shared.url);
    let title = encode(shared.title);
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
                .map(|i| format!("&media={}", encode(i)))
                .unwrap_or_default();
            format!(
                "https://www.pinterest.com/pin/create/button/?url={url}{media}&description={title}"
            )
        }
        Service::Reddit => format!("https://www.reddit.com/submit?url={url}&title={title}"),
        Service::Mail => {
            // RFC 6068: every reserved character percent-encoded, line
            // breaks as CRLF.
            let body = match shared.text {
                Some(text) => format!("{text}\r\n\r\n{}", shared.url),
                None => shared.url.to_owned(),
            };
            format!("mailto:?subject={title}&body={}", encode(&body))
        }
        Service::Copy | Service::Print => return None,
    })
}

/// Percent-encodes everything but RFC 3986's unreserved characters, as
/// UTF-8: safe in any query value, `mailto:` included.
pub fn encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len() * 3);
    for &byte in text.as_bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        }
    }
    out
}

/// Adds the publisher's tracking parameters (`utm_source=share` or
/// `?utm_source=share`) to a URL's query, before any fragment.
pub fn with_tracking(url: &str, tracking: &str) -> String {
    let params = tracking.trim_start_matches(['?', '&']);
    if params.is_empty() {
        return url.to_owned();
    }
    let (base, fragment) = match url.find('#') {
        Some(i) => url.split_at(i),
        None => (url, ""),
    };
    let joiner = if !base.contains('?') {
        "?"
    } else if base.ends_with(['?', '&']) {
        ""
    } else {
        "&"
    };
    format!("{base}{joiner}{params}{fragment}")
}

/// Whether a tracking suffix is made of query parameters only: no spaces,
/// no fragment, nothing that could turn the URL into another one.
pub fn is_tracking_suffix(tracking: &str) -> bool {
    let params = tracking.trim_start_matches(['?', '&']);
    !params.is_empty()
        && params.split('&').all(|pair| {
            !pair.is_empty()
                && pair.bytes().all(|b| {
                    b.is_ascii_alphanumeric()
                        || matches!(b, b'-' | b'_' | b'.' | b'~' | b'=' | b'%' | b'+')
                })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared<'a>() -> Shared<'a> {
        Shared {
            url: "https://news.example/a?b=1",
            title: "Grüße & Küsse",
            text: Some("Der Vorspann."),
            image: Some("https://img.example/h.jpg"),
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
    fn encoding_covers_umlauts_ampersands_fragments_spaces_and_emoji() {
        assert_eq!(encode("äö ü"), "%C3%A4%C3%B6%20%C3%BC");
        assert_eq!(encode("a&b=c#d?e/f"), "a%26b%3Dc%23d%3Fe%2Ff");
        assert_eq!(encode("🙂"), "%F0%9F%99%82");
        assert_eq!(encode("A-z_0.9~"), "A-z_0.9~");
        assert_eq!(encode("+%"), "%2B%25");
        let s = Shared {
            url: "https://news.example/ä?q=a b&x=1#teil",
            title: "Fuß 🙂 #1",
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
        for service in Service::ALL {
            assert_eq!(Service::from_name(service.name()), Some(service));
        }
    }

    #[test]
    fn tracking_goes_into_the_query_before_the_fragment() {
        assert_eq!(
            with_tracking("https://n.example/a", "utm_source=share"),
            "https://n.example/a?utm_source=share"
        );
        assert_eq!(
            with_tracking("https://n.example/a?x=1", "?utm_source=share"),
            "https://n.example/a?x=1&utm_source=share"
        );
        assert_eq!(
            with_tracking("https://n.example/a?", "&ref=card"),
            "https://n.example/a?ref=card"
        );
        assert_eq!(
            with_tracking("https://n.example/a#teil", "ref=card"),
            "https://n.example/a?ref=card#teil"
        );
        assert_eq!(
            with_tracking("https://n.example/a", ""),
            "https://n.example/a"
        );
    }

    #[test]
    fn tracking_suffix_must_be_plain_parameters() {
        assert!(is_tracking_suffix("?utm_source=share&utm_medium=card"));
        assert!(is_tracking_suffix("ref=card"));
        for bad in [
            "",
            "?",
            "a b",
            "x=1#y",
            "x=1&&y=2",
            "/evil",
            "javascript:alert(1)",
            "x=\"1\"",
        ] {
            assert!(!is_tracking_suffix(bad), "{bad:?}");
        }
    }
}
