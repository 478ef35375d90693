//! The Yew components of the card. They take an already validated
//! `Article`, so they never have to deal with bad data themselves.

mod card;
mod disclosure;
mod error_card;
mod icons;
mod parts;
mod share_bar;

pub use card::{ArticleCard, CardProps};
pub use disclosure::Disclosure;
pub use error_card::error_card;
pub use share_bar::{ShareBar, SHARE_EVENT};

use std::cell::Cell;

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
