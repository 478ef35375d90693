//! The Yew components of the card. They take an already validated
//! `Article` and only render: what each layout shows comes from
//! `layout`, what the share bar offers from `share`, and the few browser
//! calls go through `browser`, from event handlers and effects only.

mod card;
mod disclosure;
mod error_card;
mod hooks;
mod icons;
mod parts;
mod share_bar;

pub use card::{ArticleCard, CardProps};
pub use error_card::error_card;
pub use share_bar::ShareBar;

use crate::i18n::{Lang, Strings};
use crate::panic_report::CardId;

/// What every part of one card needs to render.
#[derive(Clone, Copy, PartialEq)]
pub struct Ctx {
    /// Which card this is, for panic reports.
    pub card: CardId,
    /// The language of the card's own texts.
    pub lang: Lang,
    pub s: &'static Strings,
    /// Tag of sub-headings, one level below the headline.
    pub heading: &'static str,
    /// `lang` of the card's own texts where it differs from the article's.
    pub ui_lang: Option<&'static str>,
    /// `dir` of the card's own texts where it differs from the article's.
    pub ui_dir: Option<&'static str>,
}
