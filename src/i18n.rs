//! Every text the card writes itself, one table per language, as plain
//! data: dates and reading times are patterns, not code.
//!
//! Adding a language means adding one `Strings` table, one `Lang` variant
//! and its line in `Lang::NAMES` and `Lang::strings`; nothing else in the
//! card knows which languages exist, and a test checks every table is
//! complete.

use crate::timestamp::Timestamp;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    De,
    En,
    Fr,
    It,
    Es,
    Nl,
    Pl,
}

impl Lang {
    /// The languages the card writes its own texts in, by primary subtag.
    pub const NAMES: &'static [(&'static str, Lang)] = &[
        ("de", Lang::De),
        ("en", Lang::En),
        ("fr", Lang::Fr),
        ("it", Lang::It),
        ("es", Lang::Es),
        ("nl", Lang::Nl),
        ("pl", Lang::Pl),
    ];

    /// Picks the card's language from a BCP 47 tag by its primary subtag.
    /// German is the default when nothing is given; a language the card
    /// has no table for gets English, the more widely read fallback.
    pub fn from_tag(tag: Option<&str>) -> Lang {
        let Some(tag) = tag else { return Lang::De };
        crate::options::find(Lang::NAMES, &primary_subtag(tag)).unwrap_or(Lang::En)
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::De => &DE,
            Lang::En => &EN,
            Lang::Fr => &FR,
            Lang::It => &IT,
            Lang::Es => &ES,
            Lang::Nl => &NL,
            Lang::Pl => &PL,
        }
    }
}

/// The writing direction of a language (BCP 47 tag): right to left for
/// the scripts of Arabic, Hebrew and their neighbours, else left to right.
pub fn direction(tag: &str) -> &'static str {
    const RTL: [&str; 11] = [
        "ar", "arc", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi",
    ];
    if RTL.contains(&primary_subtag(tag).as_str()) {
        "rtl"
    } else {
        "ltr"
    }
}

/// The language of a BCP 47 tag without its region or script, lower-cased
/// ("de-AT" → "de"), as the card's tables and checks compare it.
pub fn primary_subtag(tag: &str) -> String {
    tag.split('-').next().unwrap_or("").to_ascii_lowercase()
}

/// Whether two language tags name the same language (primary subtag).
pub fn same_language(a: &str, b: &str) -> bool {
    primary_subtag(a) == primary_subtag(b)
}

/// One piece of a date pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece {
    Text(&'static str),
    /// The day of the month (`Strings::first_day` for the 1st).
    Day,
    /// The month's name from `Strings::months`.
    Month,
    Year,
    /// 00–23.
    Hour24,
    /// 0–23, without a leading zero.
    Hour,
    /// 1–12, with `Strings::am_pm` after the minutes.
    Hour12,
    /// 00–59.
    Minute,
    /// AM or PM, for `Hour12`.
    AmPm,
}

pub struct Strings {
    /// The language's tag for `lang` attributes.
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
    /// The header's marker on an article that is not free to read.
    pub paywall: &'static str,
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
    /// Reading time: before and after the number of minutes.
    pub reading: (&'static str, &'static str),
    pub months: [&'static str; 12],
    /// How the first day of a month is written ("1er" in French).
    pub first_day: &'static str,
    /// A date and time, in the offset the publisher wrote.
    pub date_time: &'static [Piece],
}

/// Tables are statics: the same table is the same language.
impl PartialEq for Strings {
    fn eq(&self, other: &Strings) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Strings {
    /// "17. August 2025, 14:30 Uhr" / "August 17, 2025, 2:30 PM".
    pub fn date_time(&self, at: &Timestamp) -> String {
        let mut out = String::new();
        let number = |out: &mut String, n: u32, width: usize| {
            let digits = n.to_string();
            for _ in digits.len()..width {
                out.push('0');
            }
            out.push_str(&digits);
        };
        for piece in self.date_time {
            match *piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Day if at.day == 1 => out.push_str(self.first_day),
                Piece::Day => number(&mut out, u32::from(at.day), 1),
                Piece::Month => out.push_str(self.months[usize::from(at.month.clamp(1, 12)) - 1]),
                Piece::Year => out.push_str(&at.year.to_string()),
                Piece::Hour24 => number(&mut out, u32::from(at.hour), 2),
                Piece::Hour => number(&mut out, u32::from(at.hour), 1),
                Piece::Hour12 => number(&mut out, u32::from((at.hour + 11) % 12 + 1), 1),
                Piece::Minute => number(&mut out, u32::from(at.minute), 2),
                Piece::AmPm => out.push_str(if at.hour < 12 { "AM" } else { "PM" }),
            }
        }
        out
    }

    /// "3 Min. Lesezeit" / "3 min read".
    pub fn reading_time(&self, minutes: u32) -> String {
        format!("{}{minutes}{}", self.reading.0, self.reading.1)
    }
}

use Piece::{AmPm, Day, Hour, Hour12, Hour24, Minute, Month, Text, Year};

pub static DE: Strings = Strings {
    tag: "de",
    summary: "Das Wichtigste in Kürze",
    background: "Hintergrund",
    related: "Mehr zum Thema",
    topics: "Themen",
    read_article: "Ganzen Artikel lesen",
    published: "Veröffentlicht",
    updated: "Aktualisiert",
    paywall: "Nur mit Abo",
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
    reading: ("", " Min. Lesezeit"),
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
    first_day: "1",
    date_time: &[
        Day,
        Text(". "),
        Month,
        Text(" "),
        Year,
        Text(", "),
        Hour24,
        Text(":"),
        Minute,
        Text(" Uhr"),
    ],
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
    paywall: "Subscribers only",
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
    reading: ("", " min read"),
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
    first_day: "1",
    date_time: &[
        Month,
        Text(" "),
        Day,
        Text(", "),
        Year,
        Text(", "),
        Hour12,
        Text(":"),
        Minute,
        Text(" "),
        AmPm,
    ],
};

pub static FR: Strings = Strings {
    tag: "fr",
    summary: "L’essentiel",
    background: "Contexte",
    related: "À lire aussi",
    topics: "Thèmes",
    read_article: "Lire l’article complet",
    published: "Publié",
    updated: "Mis à jour",
    paywall: "Réservé aux abonnés",
    image_credit: "Photo",
    error: "Cet article ne peut pas être affiché pour le moment.",
    error_link: "Vers l’article",
    share: "Partager l’article",
    share_native: "Partager…",
    share_on: ("Partager sur ", ""),
    mail: "E-mail",
    share_by_mail: "Partager par e-mail",
    copy_link: "Copier le lien",
    link_copied: "Lien copié",
    link_to_copy: "Lien à copier",
    print: "Imprimer",
    show: "afficher",
    hide: "masquer",
    reading: ("", " min de lecture"),
    months: [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    first_day: "1er",
    date_time: &[
        Day,
        Text(" "),
        Month,
        Text(" "),
        Year,
        Text(" à "),
        Hour,
        Text(" h "),
        Minute,
    ],
};

pub static IT: Strings = Strings {
    tag: "it",
    summary: "In breve",
    background: "Contesto",
    related: "Leggi anche",
    topics: "Temi",
    read_article: "Leggi l’articolo completo",
    published: "Pubblicato",
    updated: "Aggiornato",
    paywall: "Riservato agli abbonati",
    image_credit: "Foto",
    error: "Questo articolo non può essere mostrato al momento.",
    error_link: "Vai all’articolo",
    share: "Condividi l’articolo",
    share_native: "Condividi…",
    share_on: ("Condividi su ", ""),
    mail: "E-mail",
    share_by_mail: "Condividi via e-mail",
    copy_link: "Copia il link",
    link_copied: "Link copiato",
    link_to_copy: "Link da copiare",
    print: "Stampa",
    show: "mostra",
    hide: "nascondi",
    reading: ("", " min di lettura"),
    months: [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
    first_day: "1º",
    date_time: &[
        Day,
        Text(" "),
        Month,
        Text(" "),
        Year,
        Text(", ore "),
        Hour24,
        Text(":"),
        Minute,
    ],
};

pub static ES: Strings = Strings {
    tag: "es",
    summary: "Lo esencial",
    background: "Contexto",
    related: "Más sobre el tema",
    topics: "Temas",
    read_article: "Leer el artículo completo",
    published: "Publicado",
    updated: "Actualizado",
    paywall: "Solo para suscriptores",
    image_credit: "Foto",
    error: "Este artículo no se puede mostrar en este momento.",
    error_link: "Ir al artículo",
    share: "Compartir artículo",
    share_native: "Compartir…",
    share_on: ("Compartir en ", ""),
    mail: "Correo",
    share_by_mail: "Compartir por correo",
    copy_link: "Copiar enlace",
    link_copied: "Enlace copiado",
    link_to_copy: "Enlace para copiar",
    print: "Imprimir",
    show: "mostrar",
    hide: "ocultar",
    reading: ("", " min de lectura"),
    months: [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    first_day: "1",
    date_time: &[
        Day,
        Text(" de "),
        Month,
        Text(" de "),
        Year,
        Text(", "),
        Hour24,
        Text(":"),
        Minute,
    ],
};

pub static NL: Strings = Strings {
    tag: "nl",
    summary: "In het kort",
    background: "Achtergrond",
    related: "Meer over dit onderwerp",
    topics: "Onderwerpen",
    read_article: "Lees het hele artikel",
    published: "Gepubliceerd",
    updated: "Bijgewerkt",
    paywall: "Alleen voor abonnees",
    image_credit: "Foto",
    error: "Dit artikel kan nu niet worden getoond.",
    error_link: "Naar het artikel",
    share: "Artikel delen",
    share_native: "Delen…",
    share_on: ("Delen via ", ""),
    mail: "E-mail",
    share_by_mail: "Delen via e-mail",
    copy_link: "Link kopiëren",
    link_copied: "Link gekopieerd",
    link_to_copy: "Link om te kopiëren",
    print: "Afdrukken",
    show: "tonen",
    hide: "verbergen",
    reading: ("", " min leestijd"),
    months: [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    first_day: "1",
    date_time: &[
        Day,
        Text(" "),
        Month,
        Text(" "),
        Year,
        Text(" om "),
        Hour24,
        Text(":"),
        Minute,
    ],
};

pub static PL: Strings = Strings {
    tag: "pl",
    summary: "Najważniejsze w skrócie",
    background: "Kontekst",
    related: "Czytaj także",
    topics: "Tematy",
    read_article: "Przeczytaj cały artykuł",
    published: "Opublikowano",
    updated: "Zaktualizowano",
    paywall: "Tylko dla subskrybentów",
    image_credit: "Fot.",
    error: "Tego artykułu nie można teraz wyświetlić.",
    error_link: "Przejdź do artykułu",
    share: "Udostępnij artykuł",
    share_native: "Udostępnij…",
    share_on: ("Udostępnij przez ", ""),
    mail: "E-mail",
    share_by_mail: "Wyślij e-mailem",
    copy_link: "Kopiuj link",
    link_copied: "Skopiowano link",
    link_to_copy: "Link do skopiowania",
    print: "Drukuj",
    show: "pokaż",
    hide: "ukryj",
    reading: ("", " min czytania"),
    // The genitive, as dates are written ("17 sierpnia 2025").
    months: [
        "stycznia",
        "lutego",
        "marca",
        "kwietnia",
        "maja",
        "czerwca",
        "lipca",
        "sierpnia",
        "września",
        "października",
        "listopada",
        "grudnia",
    ],
    first_day: "1",
    date_time: &[
        Day,
        Text(" "),
        Month,
        Text(" "),
        Year,
        Text(", godz. "),
        Hour24,
        Text(":"),
        Minute,
    ],
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
        assert_eq!(Lang::from_tag(Some("fr-CA")), Lang::Fr);
        assert_eq!(Lang::from_tag(Some("PL")), Lang::Pl);
        assert_eq!(Lang::from_tag(Some("pt")), Lang::En);
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

    /// Every language the card names has a table, and every table says
    /// everything: no empty text, twelve months, a date with the day,
    /// month, year, hour and minute, and a reading time around a number.
    #[test]
    fn every_language_has_a_complete_table() {
        assert_eq!(Lang::NAMES.len(), 7);
        for &(name, lang) in Lang::NAMES {
            let s = lang.strings();
            assert_eq!(s.tag, name);
            assert_eq!(Lang::from_tag(Some(name)), lang);
            let texts = [
                s.summary,
                s.background,
                s.related,
                s.topics,
                s.read_article,
                s.published,
                s.updated,
                s.paywall,
                s.image_credit,
                s.error,
                s.error_link,
                s.share,
                s.share_native,
                s.mail,
                s.share_by_mail,
                s.copy_link,
                s.link_copied,
                s.link_to_copy,
                s.print,
                s.show,
                s.hide,
                s.first_day,
            ];
            for text in texts.into_iter().chain(s.months) {
                assert!(!text.trim().is_empty(), "{name}: an empty text");
            }
            assert!(
                !s.share_on.0.is_empty() || !s.share_on.1.is_empty(),
                "{name}: share_on"
            );
            assert!(!s.reading.1.trim().is_empty(), "{name}: reading time");
            let has = |piece: Piece| s.date_time.contains(&piece);
            assert!(
                has(Day) && has(Month) && has(Year) && has(Minute),
                "{name}: date pattern"
            );
            assert!(
                has(Hour24) || has(Hour) || (has(Hour12) && has(AmPm)),
                "{name}: hour"
            );
            // Distinct tables, distinct words: no table copied by mistake.
            for &(other, other_lang) in Lang::NAMES {
                if other != name {
                    assert_ne!(s.share, other_lang.strings().share, "{name} and {other}");
                }
            }
        }
    }

    #[test]
    fn formats_dates_and_reading_times_in_each_language() {
        let t = at("2025-08-17T14:30:00+02:00");
        let first = at("2025-03-01T09:05:00+01:00");
        let expected = [
            (
                Lang::De,
                "17. August 2025, 14:30 Uhr",
                "1. März 2025, 09:05 Uhr",
                "3 Min. Lesezeit",
            ),
            (
                Lang::En,
                "August 17, 2025, 2:30 PM",
                "March 1, 2025, 9:05 AM",
                "3 min read",
            ),
            (
                Lang::Fr,
                "17 août 2025 à 14 h 30",
                "1er mars 2025 à 9 h 05",
                "3 min de lecture",
            ),
            (
                Lang::It,
                "17 agosto 2025, ore 14:30",
                "1º marzo 2025, ore 09:05",
                "3 min di lettura",
            ),
            (
                Lang::Es,
                "17 de agosto de 2025, 14:30",
                "1 de marzo de 2025, 09:05",
                "3 min de lectura",
            ),
            (
                Lang::Nl,
                "17 augustus 2025 om 14:30",
                "1 maart 2025 om 09:05",
                "3 min leestijd",
            ),
            (
                Lang::Pl,
                "17 sierpnia 2025, godz. 14:30",
                "1 marca 2025, godz. 09:05",
                "3 min czytania",
            ),
        ];
        for (lang, date, first_day, reading) in expected {
            let s = lang.strings();
            assert_eq!(s.date_time(&t), date);
            assert_eq!(s.date_time(&first), first_day);
            assert_eq!(s.reading_time(3), reading);
        }
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
