//! The share bar's behaviour, as small hooks: what it does, apart from how
//! it looks.

use std::time::Duration;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::browser::{copy_to_clipboard, has_share_sheet, open_share_sheet, SheetOutcome};

/// Where "Link kopieren" stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copying {
    Idle,
    /// Copied; said in the live region for a few seconds.
    Copied,
    /// The clipboard could not be used: the link is shown to copy by hand.
    Manual,
}

/// How long "Link kopiert" stays.
const COPIED_FOR: Duration = Duration::from_secs(4);

/// The copy state and the action that copies `url` (call it inside the
/// click, as the Clipboard API requires).
#[hook]
pub fn use_copy_link(url: AttrValue) -> (Copying, Callback<()>) {
    let copying = use_state(|| Copying::Idle);
    let copy = {
        let copying = copying.clone();
        Callback::from(move |()| {
            let request = copy_to_clipboard(&url);
            let copying = copying.clone();
            spawn_local(async move {
                if request.await {
                    copying.set(Copying::Copied);
                    yew::platform::time::sleep(COPIED_FOR).await;
                    copying.set(Copying::Idle);
                } else {
                    copying.set(Copying::Manual);
                }
            });
        })
    };
    (*copying, copy)
}

/// Whether the browser has a share sheet: `None` until it has been asked,
/// after the first render, so that the server and the browser render the
/// same first.
#[hook]
pub fn use_has_share_sheet() -> Option<bool> {
    let available = use_state(|| None);
    {
        let available = available.clone();
        use_effect_with((), move |_| available.set(Some(has_share_sheet())));
    }
    *available
}

/// Calls `handler` for clicks inside the element of `node` (while
/// `active`), through one listener that goes away with the component.
/// Yew's own `onclick` would register listeners it never removes, which
/// would keep every unmounted card in memory.
#[hook]
pub fn use_click(node: NodeRef, active: bool, handler: Callback<MouseEvent>) {
    // The listener always calls the handler of the latest render.
    let latest = use_mut_ref(|| handler.clone());
    *latest.borrow_mut() = handler;
    use_effect_with((node, active), move |(node, _)| {
        let listener = node.get().map(|target| {
            EventListener::new(&target, "click", move |event| {
                if let Some(event) = event.dyn_ref::<MouseEvent>() {
                    latest.borrow().emit(event.clone());
                }
            })
        });
        move || drop(listener)
    });
}

/// The action that opens the share sheet, and whether it failed (then the
/// links show; a reader who cancels sees nothing happen).
#[hook]
pub fn use_share_sheet(
    title: AttrValue,
    text: Option<AttrValue>,
    url: AttrValue,
) -> (bool, Callback<()>) {
    let failed = use_state(|| false);
    let open = {
        let failed = failed.clone();
        Callback::from(move |()| {
            let request = open_share_sheet(&title, text.as_deref(), &url);
            let failed = failed.clone();
            spawn_local(async move {
                if request.await == SheetOutcome::Failed {
                    failed.set(true);
                }
            });
        })
    };
    (*failed, open)
}
