use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

use super::icons::icon;
use crate::i18n::Lang;
use crate::model::Article;
use crate::options::{NativeShare, ShareOptions};
use crate::panic_report::{mark, CardId};
use crate::share::{share_link, with_tracking, Service, Shared};

/// Name of the event a share dispatches; it bubbles out of the card (and
/// its shadow root) so that a publisher can count shares without us
/// tracking anyone.
pub const SHARE_EVENT: &str = "article-card:share";

#[derive(Properties, PartialEq, Clone)]
pub struct ShareBarProps {
    pub article: Rc<Article>,
    pub options: ShareOptions,
    pub lang: Lang,
    pub card: CardId,
}

#[derive(Clone, Copy, PartialEq)]
enum Copying {
    Idle,
    Copied,
    /// The clipboard could not be used: show the link to copy by hand.
    Manual,
}

/// The share bar: the browser's share sheet where there is one, plain links
/// to each service (nothing is requested from any network before the reader
/// clicks), copy link and print.
#[component]
pub fn ShareBar(props: &ShareBarProps) -> Html {
    let card = props.card;
    mark(card);
    let s = props.lang.strings();
    let options = &props.options;
    let article = &props.article;
    let native_available = use_state(has_native_share);
    let native_failed = use_state(|| false);
    let copying = use_state(|| Copying::Idle);
    let title_id = use_state(|| super::unique_id("ac-share"));
    let manual_field = use_node_ref();

    let url = with_tracking(
        options.url.as_deref().unwrap_or(&article.url),
        options.tracking.as_deref().unwrap_or(""),
    );
    let title = options.title.as_deref().unwrap_or(&article.headline);
    let text = article
        .summary
        .first()
        .or(article.lead.as_ref())
        .map(String::as_str);
    let image = article
        .hero
        .as_ref()
        .map(|h| h.url.as_str())
        .filter(|u| u.starts_with("http"));
    let shared = Shared {
        url: &url,
        title,
        text,
        image,
    };

    // Select the manual copy field as soon as it appears.
    {
        let field = manual_field.clone();
        use_effect_with(*copying, move |copying| {
            if *copying == Copying::Manual {
                if let Some(input) = field.cast::<HtmlInputElement>() {
                    let _ = input.focus();
                    input.select();
                }
            }
        });
    }

    let native = *native_available && options.native != NativeShare::Off;
    let show_links = !(native && options.native == NativeShare::Only) || *native_failed;
    if !native && options.services.is_empty() {
        return html! {};
    }
    let article_url = AttrValue::from(article.url.clone());

    let native_button = native.then(|| {
        let onclick = {
            let (url, title) = (url.clone(), title.to_owned());
            let text = text.map(str::to_owned);
            let (native_failed, article_url) = (native_failed.clone(), article_url.clone());
            Callback::from(move |event: MouseEvent| {
                mark(card);
                announce(&event, "native", &article_url);
                let request = native_share(&title, text.as_deref(), &url);
                let native_failed = native_failed.clone();
                spawn_local(async move {
                    if let Err(error) = JsFuture::from(request).await {
                        // The reader closing the sheet is no error; anything
                        // else falls back to the links.
                        if error_name(&error) != "AbortError" {
                            native_failed.set(true);
                        }
                    }
                });
            })
        };
        html! {
            <li class="ac-share__item">
                <button type="button" class="ac-share__button ac-share__button--native" {onclick}>
                    { icon(None) }<span class="ac-share__label">{ s.share_native }</span>
                </button>
            </li>
        }
    });

    // One element per service: a link for the networks and mail, a button
    // for copy and print. (Built through one `html!` to keep the module
    // small.)
    let item = |service: Service| -> Html {
        let link = share_link(service, &shared);
        let (label, name) = match (service, service.brand()) {
            (_, Some(brand)) => (
                brand,
                Some(format!("{}{brand}{}", s.share_on.0, s.share_on.1)),
            ),
            (Service::Mail, None) => (s.mail, Some(s.share_by_mail.to_owned())),
            (Service::Copy, None) => (s.copy_link, None),
            (_, None) => (s.print, None),
        };
        // Network links open in a new tab that learns nothing about the
        // page they came from; mail opens the reader's own program.
        let new_tab = link.is_some() && service != Service::Mail;
        let onclick = {
            let (article_url, copying, url) = (article_url.clone(), copying.clone(), url.clone());
            Callback::from(move |event: MouseEvent| {
                mark(card);
                announce(&event, service.name(), &article_url);
                match service {
                    Service::Copy => copy_link(url.clone(), copying.clone()),
                    Service::Print => {
                        if let Some(window) = web_sys::window() {
                            let _ = window.print();
                        }
                    }
                    _ => {}
                }
            })
        };
        html! {
            <li class="ac-share__item">
                <@{if link.is_some() { "a" } else { "button" }}
                    class={format!("ac-share__button ac-share__button--{}", service.name())}
                    type={link.is_none().then_some("button")}
                    href={link}
                    target={new_tab.then_some("_blank")}
                    rel={new_tab.then_some("noopener noreferrer")}
                    aria-label={name}
                    {onclick}
                >
                    { icon(Some(service)) }<span class="ac-share__label">{ label }</span>
                </@>
            </li>
        }
    };

    let class = format!(
        "ac-share{}{}",
        if options.vertical {
            " ac-share--vertical"
        } else {
            ""
        },
        if options.icons_only {
            " ac-share--icons"
        } else {
            ""
        },
    );
    html! {
        <div {class} part="share" role="group" aria-labelledby={(*title_id).clone()}>
            <p class="ac-share__title" id={(*title_id).clone()}>{ s.share }</p>
            <ul class="ac-share__list" role="list">
                { for native_button }
                if show_links {
                    { for options.services.iter().map(|service| item(*service)) }
                }
            </ul>
            <p class="ac-share__status" role="status" aria-live="polite">
                if *copying == Copying::Copied { { s.link_copied } }
            </p>
            if *copying == Copying::Manual {
                <label class="ac-share__manual">
                    <span class="ac-share__manual-label">{ s.link_to_copy }</span>
                    <input ref={manual_field} class="ac-share__manual-field" type="text" readonly=true value={url.clone()} />
                </label>
            }
        </div>
    }
}

fn navigator() -> Option<web_sys::Navigator> {
    web_sys::window().map(|w| w.navigator())
}

/// Whether `navigator.share` exists: secure contexts in Safari, Chrome on
/// most systems and mobile browsers; not desktop Firefox.
fn has_native_share() -> bool {
    navigator().is_some_and(|n| has_method(&n, "share"))
}

fn has_method(object: &JsValue, name: &str) -> bool {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).is_ok_and(|f| f.is_function())
}

fn native_share(title: &str, text: Option<&str>, url: &str) -> js_sys::Promise {
    let data = web_sys::ShareData::new();
    data.set_title(title);
    if let Some(text) = text {
        data.set_text(text);
    }
    data.set_url(url);
    match navigator() {
        Some(navigator) => navigator.share_with_data(&data),
        None => js_sys::Promise::reject(&JsValue::from_str("no navigator")),
    }
}

/// Copies the link with the Clipboard API (which must be called inside the
/// click), or shows it for copying by hand where that API is missing or
/// refuses.
fn copy_link(url: String, copying: UseStateHandle<Copying>) {
    let clipboard = navigator()
        .map(|n| JsValue::from(n.clipboard()))
        .filter(|c| has_method(c, "writeText"));
    let Some(clipboard) = clipboard else {
        copying.set(Copying::Manual);
        return;
    };
    let request = clipboard
        .unchecked_into::<web_sys::Clipboard>()
        .write_text(&url);
    spawn_local(async move {
        match JsFuture::from(request).await {
            Ok(_) => {
                copying.set(Copying::Copied);
                yew::platform::time::sleep(std::time::Duration::from_secs(4)).await;
                copying.set(Copying::Idle);
            }
            Err(_) => copying.set(Copying::Manual),
        }
    });
}

fn error_name(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default()
}

/// Dispatches the share event on the card's root element.
fn announce(event: &MouseEvent, service: &str, article_url: &str) {
    let Some(target) = event
        .current_target()
        .and_then(|t| t.dyn_into::<Element>().ok())
    else {
        return;
    };
    let root = target.closest(".ac-card").ok().flatten().unwrap_or(target);
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"service".into(), &service.into());
    let _ = js_sys::Reflect::set(&detail, &"url".into(), &article_url.into());
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    // Crosses the shadow root, so listeners on the page receive it.
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(share_event) = web_sys::CustomEvent::new_with_event_init_dict(SHARE_EVENT, &init) {
        let _ = root.dispatch_event(&share_event);
    }
}
