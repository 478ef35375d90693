//! Every text the card writes itself, one table per language.
//!
//! Adding a language means adding one `Strings` table and one arm in
//! `Lang::strings`; nothing else in the card knows which languages exist.

use crate::timestamp::Timestamp;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    De,
    En,
}

impl Lang {
    /// The languages the card writes its own texts in, by primary subtag.
    pub const NAMES: &'static [(&'static str, Lang)] = &[("de", Lang::De), ("en", Lang::En)];

    /// Picks the card's language from a BCP 47 tag by its primary subtag.
    /// German is the default when nothing is given; a language the card
    /// has no table for gets English, the more widely read fallback.
    pub fn from_tag(tag: Option<&str>) -> Lang {
        let Some(tag) = tag else { return Lang::De };
        let primary = tag.split('-').next().unwrap_or("");
        if primary.eq_ignore_ascii_case("de") {
            Lang::De
        } else {
            Lang::En
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::De => &DE,
            Lang::En => &EN,
        }
    }
}

/// The writing direction of a language (BCP 47 tag): right to left for
/// the scripts of Arabic, Hebrew and their neighbours, else left to right.
pub fn direction(tag: &str) -> &'static str {
    const RTL: [&str; 11] = [
        "ar", "arc", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi",
    ];
    let primary = tag.split('-').next().unwrap_or("").to_ascii_lowercase();
    if RTL.contains(&primary.as_str()) {
        "rtl"
    } else {
        "ltr"
    }
}

/// Whether two language tags name the same language (primary subtag).
pub fn same_language(a: &str, b: &str) -> bool {
    let primary = |tag: &str| tag.split('-').next().unwrap_or("").to_ascii_lowercase();
    primary(a) == primary(b)
}

pub struct Strings {
    pub tag: &'static str,
    /// Heading of the summary bullets (visually hidden by the default look).
    pub summary: &'static str,
    /// Title of a background box that brings none of its own.
    pub background: &'static str,
    pub related: &'static str,
    pub topics: &'static str,
    pub read_article: &'static str,
    pub published: &'static str,
    pub updated: &'static str,
    /// Prefix of the image credit ("Bild: dpa").
    pub image_credit: &'static str,
    pub error: &'static str,
    pub error_link: &'static str,
    /// Title of the share bar.
    pub share: &'static str,
    /// The button that opens the browser's share sheet.
    pub share_native: &'static str,
    /// Accessible name of a service link: before and after the brand
    /// ("Bei " + "WhatsApp" + " teilen").
    pub share_on: (&'static str, &'static str),
    pub mail: &'static str,
    pub share_by_mail: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    /// Label of the field shown where the clipboard cannot be used.
    pub link_to_copy: &'static str,
    pub print: &'static str,
    /// Visible hints on collapsed and open parts.
    pub show: &'static str,
    pub hide: &'static str,
    /// "3 Min. Lesezeit", from the number of minutes.
    reading_time: fn(u32) -> String,
    months: [&'static str; 12],
    date_time: fn(&Timestamp, &Strings) -> String,
}

/// Tables are statics: the same table is the same language.
impl PartialEq for Strings {
    fn eq(&self, other: &Strings) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Strings {
    /// "17. August 2025, 14:30 Uhr" / "August 17, 2025, 2:30 PM", in the
    /// offset the publisher wrote.
    pub fn date_time(&self, at: &Timestamp) -> String {
        (self.date_time)(at, self)
    }

    /// "3 Min. Lesezeit" / "3 min read".
    pub fn reading_time(&self, minutes: u32) -> String {
        (self.reading_time)(minutes)
    }

    fn month(&self, at: &Timestamp) -> &'static str {
        self.months[usize::from(at.month.clamp(1, 12)) - 1]
    }
}

pub static DE: Strings = Strings {
    tag: "de",
    summary: "Das Wichtigste in Kürze",
    background: "Hintergrund",
    related: "Mehr zum Thema",
    topics: "Themen",
    read_article: "Ganzen Artikel lesen",
    published: "Veröffentlicht",
    updated: "Aktualisiert",
    image_credit: "Bild",
    error: "Dieser Artikel kann gerade nicht angezeigt werden.",
    error_link: "Zum Artikel",
    share: "Artikel teilen",
    share_native: "Teilen…",
    share_on: ("Bei ", " teilen"),
    mail: "E-Mail",
    share_by_mail: "Per E-Mail teilen",
    copy_link: "Link kopieren",
    link_copied: "Link kopiert",
    link_to_copy: "Link zum Kopieren",
    print: "Drucken",
    show: "anzeigen",
    hide: "ausblenden",
    reading_time: |minutes| format!("{minutes} Min. Lesezeit"),
    months: [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    date_time: |at, s| {
        format!(
            "{}. {} {}, {:02}:{:02} Uhr",
            at.day,
            s.month(at),
            at.year,
            at.hour,
            at.minute
        )
    },
};

pub static EN: Strings = Strings {
    tag: "en",
    summary: "At a glance",
    background: "Background",
    related: "Read more",
    topics: "Topics",
    read_article: "Read the whole article",
    published: "Published",
    updated: "Updated",
    image_credit: "Image",
    error: "This article cannot be shown right now.",
    error_link: "Open the article",
    share: "Share article",
    share_native: "Share…",
    share_on: ("Share on ", ""),
    mail: "Email",
    share_by_mail: "Share by email",
    copy_link: "Copy link",
    link_copied: "Link copied",
    link_to_copy: "Link to copy",
    print: "Print",
    show: "show",
    hide: "hide",
    reading_time: |minutes| format!("{minutes} min read"),
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    date_time: |at, s| {
        let (hour, half) = match at.hour {
            0 => (12, "AM"),
            h @ 1..=11 => (h, "AM"),
            12 => (12, "PM"),
            h => (h - 12, "PM"),
        };
        format!(
            "{} {}, {}, {}:{:02} {}",
            s.month(at),
            at.day,
            at.year,
            hour,
            at.minute,
            half
        )
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        Timestamp::parse(text).unwrap()
    }

    #[test]
    fn picks_language_by_primary_subtag() {
        assert_eq!(Lang::from_tag(None), Lang::De);
        assert_eq!(Lang::from_tag(Some("de-AT")), Lang::De);
        assert_eq!(Lang::from_tag(Some("DE")), Lang::De);
        assert_eq!(Lang::from_tag(Some("en-GB")), Lang::En);
        assert_eq!(Lang::from_tag(Some("fr")), Lang::En);
    }

    #[test]
    fn knows_the_direction_of_right_to_left_languages() {
        assert_eq!(direction("ar"), "rtl");
        assert_eq!(direction("he-IL"), "rtl");
        assert_eq!(direction("FA"), "rtl");
        assert_eq!(direction("de"), "ltr");
        assert_eq!(direction("en-GB"), "ltr");
        assert!(same_language("de-AT", "DE"));
        assert!(!same_language("de", "en"));
    }

    #[test]
    fn formats_dates_per_language() {
        let t = at("2025-08-17T14:30:00+02:00");
        assert_eq!(DE.date_time(&t), "17. August 2025, 14:30 Uhr");
        assert_eq!(EN.date_time(&t), "August 17, 2025, 2:30 PM");
        let morning = at("2025-03-05T09:05:00+01:00");
        assert_eq!(DE.date_time(&morning), "5. März 2025, 09:05 Uhr");
        assert_eq!(EN.date_time(&morning), "March 5, 2025, 9:05 AM");
        assert_eq!(
            EN.date_time(&at("2025-01-01T00:15:00Z")),
            "January 1, 2025, 12:15 AM"
        );
        assert_eq!(DE.reading_time(3), "3 Min. Lesezeit");
        assert_eq!(EN.reading_time(3), "3 min read");
        assert_eq!(
            EN.date_time(&at("2025-12-31T12:00:00Z")),
            "December 31, 2025, 12:00 PM"
        );
    }
}
