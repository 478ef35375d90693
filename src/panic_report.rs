//! What happens when the card's Rust code panics.
//!
//! A panic aborts the wasm instance's current call and can leave Yew's
//! scheduler stuck, which would freeze every card on the page. So the hook
//! logs which card failed, in words a publisher can act on, and tells the
//! embed script, which then moves the other cards to a fresh instance.
//! Components record the card they are working for (`mark`, on every render
//! and in event handlers) so that the hook can name it.

use std::cell::{Cell, RefCell};

use wasm_bindgen::JsValue;

/// Identifies one mounted card; given by the embed script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CardId(pub u32);

thread_local! {
    static ACTIVE: Cell<u32> = const { Cell::new(0) };
    static HANDLER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Notes that work for `card` is running now.
pub fn mark(card: CardId) {
    ACTIVE.with(|active| active.set(card.0));
}

/// Installs the panic hook (once; later calls only change the handler).
/// `handler` is called with the id of the card that was running.
pub fn install(handler: js_sys::Function) {
    let first = HANDLER.with(|h| h.replace(Some(handler)).is_none());
    if first {
        // Replaces Yew's default hook, which would only print the panic.
        yew::set_custom_panic_hook(Box::new(|info| {
            let card = ACTIVE.with(Cell::get);
            let message = format!(
                "article card: internal error in card {card}, please report it: {info}. \
                 The other cards on this page are being restarted."
            );
            web_sys::console::error_1(&message.into());
            HANDLER.with(|h| {
                if let Some(handler) = &*h.borrow() {
                    let _ = handler.call1(&JsValue::NULL, &JsValue::from(card));
                }
            });
        }));
    }
}
