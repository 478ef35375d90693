//! The few browser calls the share bar makes: the share sheet, the
//! clipboard, printing and the share event. Components call these only from
//! effects and event handlers, never while rendering, so that the server
//! renderer can render the same components.

use std::future::Future;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Element;

use crate::share::SHARE_EVENT;

fn navigator() -> Option<web_sys::Navigator> {
    web_sys::window().map(|w| w.navigator())
}

fn has_method(object: &JsValue, name: &str) -> bool {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).is_ok_and(|f| f.is_function())
}

/// Whether `navigator.share` exists: secure contexts in Safari, Chrome on
/// most systems and mobile browsers; not desktop Firefox.
pub fn has_share_sheet() -> bool {
    navigator().is_some_and(|n| has_method(&n, "share"))
}

/// How the share sheet ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetOutcome {
    Shared,
    /// The reader closed the sheet: nothing to do.
    Cancelled,
    /// Anything else (not allowed, unsupported data…).
    Failed,
}

/// Opens the browser's share sheet. The request is made at once, so call
/// it inside the click: browsers allow the sheet only during a user gesture.
pub fn open_share_sheet(
    title: &str,
    text: Option<&str>,
    url: &str,
) -> impl Future<Output = SheetOutcome> {
    let request = navigator().map(|navigator| {
        let data = web_sys::ShareData::new();
        data.set_title(title);
        if let Some(text) = text {
            data.set_text(text);
        }
        data.set_url(url);
        JsFuture::from(navigator.share_with_data(&data))
    });
    async move {
        match request {
            None => SheetOutcome::Failed,
            Some(request) => match request.await {
                Ok(_) => SheetOutcome::Shared,
                Err(error) if error_name(&error) == "AbortError" => SheetOutcome::Cancelled,
                Err(_) => SheetOutcome::Failed,
            },
        }
    }
}

/// Writes `text` to the clipboard; resolves to false where the Clipboard
/// API is missing or refuses. Like the share sheet, call it inside the click.
pub fn copy_to_clipboard(text: &str) -> impl Future<Output = bool> {
    let request = navigator()
        .map(|n| JsValue::from(n.clipboard()))
        .filter(|c| has_method(c, "writeText"))
        .map(|c| JsFuture::from(c.unchecked_into::<web_sys::Clipboard>().write_text(text)));
    async move {
        match request {
            Some(request) => request.await.is_ok(),
            None => false,
        }
    }
}

pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

fn error_name(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default()
}

/// Dispatches the share event from the card that holds `target`. It bubbles
/// and crosses the shadow root, so listeners on the page receive it.
pub fn announce_share(target: Option<web_sys::EventTarget>, service: &str, article_url: &str) {
    let Some(target) = target.and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let root = target.closest(".ac-card").ok().flatten().unwrap_or(target);
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"service".into(), &service.into());
    let _ = js_sys::Reflect::set(&detail, &"url".into(), &article_url.into());
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(SHARE_EVENT, &init) {
        let _ = root.dispatch_event(&event);
    }
}
