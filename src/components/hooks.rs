//! The share bar's behaviour, apart from how it looks: its state in one
//! reducer, and small hooks and actions around it.

use std::rc::Rc;
use std::time::Duration;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::browser::{copy_to_clipboard, has_share_sheet, open_share_sheet, SheetOutcome};

/// Where "Link kopieren" stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Copying {
    #[default]
    Idle,
    /// Copied; said in the live region for a few seconds.
    Copied,
    /// The clipboard could not be used: the link is shown to copy by hand.
    Manual,
}

/// Everything the share bar remembers.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ShareState {
    pub copying: Copying,
    /// Whether the browser has a share sheet: `None` until it has been
    /// asked, after the first render, so that the server and the browser
    /// render the same first.
    pub sheet: Option<bool>,
    /// The share sheet failed (the links then show); a reader who cancels
    /// it sees nothing happen.
    pub sheet_failed: bool,
}

pub enum ShareAction {
    SheetKnown(bool),
    SheetFailed,
    Copying(Copying),
}

impl Reducible for ShareState {
    type Action = ShareAction;

    fn reduce(self: Rc<Self>, action: ShareAction) -> Rc<Self> {
        let mut next = *self;
        match action {
            ShareAction::SheetKnown(known) => next.sheet = Some(known),
            ShareAction::SheetFailed => next.sheet_failed = true,
            ShareAction::Copying(copying) => next.copying = copying,
        }
        Rc::new(next)
    }
}

/// The share bar's state; asks the browser for its share sheet once the
/// bar is on the page.
#[hook]
pub fn use_share_state() -> UseReducerHandle<ShareState> {
    let state = use_reducer(ShareState::default);
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            dispatch.dispatch(ShareAction::SheetKnown(has_share_sheet()))
        });
    }
    state
}

/// How long "Link kopiert" stays.
const COPIED_FOR: Duration = Duration::from_secs(4);

/// Copies `url` (call it inside the click, as the Clipboard API requires).
pub fn copy_link(url: &str, dispatch: UseReducerDispatcher<ShareState>) {
    let request = copy_to_clipboard(url);
    spawn_local(async move {
        if request.await {
            dispatch.dispatch(ShareAction::Copying(Copying::Copied));
            yew::platform::time::sleep(COPIED_FOR).await;
            dispatch.dispatch(ShareAction::Copying(Copying::Idle));
        } else {
            dispatch.dispatch(ShareAction::Copying(Copying::Manual));
        }
    });
}

/// Opens the share sheet (inside the click, which browsers require).
pub fn share_sheet(
    title: &str,
    text: Option<&str>,
    url: &str,
    dispatch: UseReducerDispatcher<ShareState>,
) {
    let request = open_share_sheet(title, text, url);
    spawn_local(async move {
        if request.await == SheetOutcome::Failed {
            dispatch.dispatch(ShareAction::SheetFailed);
        }
    });
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
