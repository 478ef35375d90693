use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

use super::hooks::{copy_link, share_sheet, use_click, use_share_state, Copying};
use super::icons::icon;
use super::Ctx;
use crate::browser::{announce_share, print};
use crate::model::Article;
use crate::options::{CardOptions, NativeShare};
use crate::panic_report::mark;
use crate::share::{bar_class, share_buttons, Service, Shared};

#[derive(Properties, Clone)]
pub struct ShareBarProps {
    pub article: Rc<Article>,
    pub options: Rc<CardOptions>,
    pub ctx: Ctx,
    /// Id of the bar's title, which names the group.
    pub title_id: AttrValue,
}

/// Compared by pointer, as `CardProps` is.
impl PartialEq for ShareBarProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.article, &other.article)
            && Rc::ptr_eq(&self.options, &other.options)
            && self.ctx == other.ctx
            && self.title_id == other.title_id
    }
}

/// Class modifier of every share control: `ac-share__button--whatsapp`.
const BUTTON_CLASS: &str = "ac-share__button--";

/// The share bar: plain links to each service (nothing is requested from
/// any network before the reader clicks), copy link, print, and the
/// browser's share sheet where there is one.
///
/// The first render is the same everywhere, the server included: the share
/// sheet button is there (last, so that removing it where the browser has
/// no sheet moves nothing), and one click listener on the bar, added after
/// rendering, serves every control.
#[component]
pub fn ShareBar(props: &ShareBarProps) -> Html {
    let Ctx { card, s, .. } = props.ctx;
    mark(card);
    let options = &props.options.share;
    let shared = Shared::of(&props.article, options);
    let state = use_share_state();
    let bar = use_node_ref();
    let manual_field = use_node_ref();

    // Every click is announced to the page (the share event), then does
    // what its service needs; links simply navigate.
    let on_click = {
        let article_url = props.article.url.clone();
        let dispatch = state.dispatcher();
        let shared = shared.clone();
        Callback::from(move |event: MouseEvent| {
            let Some(control) = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.closest(".ac-share__button").ok().flatten())
            else {
                return;
            };
            let class = control.get_attribute("class").unwrap_or_default();
            let Some(name) = class.split(' ').find_map(|c| c.strip_prefix(BUTTON_CLASS)) else {
                return;
            };
            mark(card);
            announce_share(Some(control.clone().into()), name, &article_url);
            match Service::from_name(name) {
                None => share_sheet(
                    &shared.title,
                    shared.text.as_deref(),
                    &shared.url,
                    dispatch.clone(),
                ),
                Some(Service::Copy) => copy_link(&shared.url, dispatch.clone()),
                Some(Service::Print) => print(),
                Some(_) => {}
            }
        })
    };
    let shown = options.native != NativeShare::Off || !options.services.is_empty();
    use_click(bar.clone(), shown, on_click);

    // Select the manual copy field as soon as it appears.
    let copying = state.copying;
    {
        let field = manual_field.clone();
        use_effect_with(copying, move |copying| {
            if *copying == Copying::Manual {
                if let Some(input) = field.cast::<HtmlInputElement>() {
                    let _ = input.focus();
                    input.select();
                }
            }
        });
    }

    // Unknown (`None`) until the browser has been asked, after rendering.
    let native = options.native != NativeShare::Off && state.sheet != Some(false);
    let only_native = options.native == NativeShare::Only && state.sheet == Some(true);
    if !native && options.services.is_empty() {
        return html! {};
    }
    let buttons =
        (!only_native || state.sheet_failed).then(|| share_buttons(&shared, &options.services, s));
    let items = buttons.into_iter().flatten().map(|button| {
        let new_tab = button.new_tab;
        html! {
            <li class="ac-share__item">
                <@{if button.href.is_some() { "a" } else { "button" }}
                    class={format!("ac-share__button {BUTTON_CLASS}{}", button.service.name())}
                    type={button.href.is_none().then_some("button")}
                    href={button.href}
                    target={new_tab.then_some("_blank")}
                    rel={new_tab.then_some("noopener noreferrer")}
                    aria-label={button.name}
                >
                    { icon(Some(button.service)) }<span class="ac-share__label">{ button.label }</span>
                </@>
            </li>
        }
    });
    let native_button = native.then(|| {
        html! {
            <li class="ac-share__item">
                <button type="button" class={format!("ac-share__button {BUTTON_CLASS}native")}>
                    { icon(None) }<span class="ac-share__label">{ s.share_native }</span>
                </button>
            </li>
        }
    });

    html! {
        <div ref={bar} class={bar_class(options)} part="share" role="group" aria-labelledby={props.title_id.clone()}
            lang={props.ctx.ui_lang} dir={props.ctx.ui_dir}>
            <p class="ac-share__title" id={props.title_id.clone()}>{ s.share }</p>
            <ul class="ac-share__list" role="list">
                { for items }
                { for native_button }
            </ul>
            <p class="ac-share__status" role="status" aria-live="polite">
                if copying == Copying::Copied { { s.link_copied } }
            </p>
            if copying == Copying::Manual {
                <label class="ac-share__manual">
                    <span class="ac-share__manual-label">{ s.link_to_copy }</span>
                    <input ref={manual_field} class="ac-share__manual-field" type="text" readonly=true value={shared.url.clone()} />
                </label>
            }
        </div>
    }
}
