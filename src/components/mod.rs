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
pub use disclosure::Disclosure;
pub use error_card::error_card;
pub use share_bar::ShareBar;

use std::cell::Cell;

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
}

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

/// An element id unique on the page, however many cards it holds, so that
/// `aria-controls` and `aria-labelledby` always point into the same card.
fn unique_id(prefix: &str) -> String {
    let n = NEXT_ID.with(|next| {
        let n = next.get();
        next.set(n.wrapping_add(1));
        n
    });
    format!("{prefix}-{n}")
}
