use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::hooks::{use_copy_link, use_has_share_sheet, use_share_sheet, Copying};
use super::icons::icon;
use super::Ctx;
use crate::browser::{announce_share, print};
use crate::model::Article;
use crate::options::{NativeShare, ShareOptions};
use crate::panic_report::mark;
use crate::share::{bar_class, share_buttons, Service, Shared};

#[derive(Properties, PartialEq, Clone)]
pub struct ShareBarProps {
    pub article: Rc<Article>,
    pub options: ShareOptions,
    pub ctx: Ctx,
}

/// The share bar: the browser's share sheet where there is one, plain links
/// to each service, copy link and print.
#[component]
pub fn ShareBar(props: &ShareBarProps) -> Html {
    let Ctx { card, s, .. } = props.ctx;
    mark(card);
    let options = &props.options;
    let shared = Shared::of(&props.article, options);
    let url = AttrValue::from(shared.url.clone());
    let article_url = AttrValue::from(props.article.url.clone());
    let (copying, copy) = use_copy_link(url.clone());
    let (sheet_failed, open_sheet) = use_share_sheet(
        shared.title.clone().into(),
        shared.text.clone().map(AttrValue::from),
        url.clone(),
    );
    let has_sheet = use_has_share_sheet();
    let title_id = use_state(|| super::unique_id("ac-share"));
    let manual_field = use_node_ref();

    // Select the manual copy field as soon as it appears.
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

    let native = has_sheet && options.native != NativeShare::Off;
    let show_links = !(native && options.native == NativeShare::Only) || sheet_failed;
    if !native && options.services.is_empty() {
        return html! {};
    }

    // Every click is announced to the page (the share event), then does
    // what the service needs: links simply navigate.
    let on_click = |service: Option<Service>| {
        let (article_url, copy, open_sheet) =
            (article_url.clone(), copy.clone(), open_sheet.clone());
        Callback::from(move |event: MouseEvent| {
            mark(card);
            let name = service.map_or("native", Service::name);
            announce_share(event.current_target(), name, &article_url);
            match service {
                None => open_sheet.emit(()),
                Some(Service::Copy) => copy.emit(()),
                Some(Service::Print) => print(),
                Some(_) => {}
            }
        })
    };

    let native_button = native.then(|| {
        html! {
            <li class="ac-share__item">
                <button type="button" class="ac-share__button ac-share__button--native" onclick={on_click(None)}>
                    { icon(None) }<span class="ac-share__label">{ s.share_native }</span>
                </button>
            </li>
        }
    });
    let buttons = show_links.then(|| share_buttons(&shared, &options.services, s));
    let items = buttons.into_iter().flatten().map(|button| {
        let new_tab = button.new_tab;
        html! {
            <li class="ac-share__item">
                <@{if button.href.is_some() { "a" } else { "button" }}
                    class={format!("ac-share__button ac-share__button--{}", button.service.name())}
                    type={button.href.is_none().then_some("button")}
                    href={button.href}
                    target={new_tab.then_some("_blank")}
                    rel={new_tab.then_some("noopener noreferrer")}
                    aria-label={button.name}
                    onclick={on_click(Some(button.service))}
                >
                    { icon(Some(button.service)) }<span class="ac-share__label">{ button.label }</span>
                </@>
            </li>
        }
    });

    html! {
        <div class={bar_class(options)} part="share" role="group" aria-labelledby={(*title_id).clone()}>
            <p class="ac-share__title" id={(*title_id).clone()}>{ s.share }</p>
            <ul class="ac-share__list" role="list">
                { for native_button }
                { for items }
            </ul>
            <p class="ac-share__status" role="status" aria-live="polite">
                if copying == Copying::Copied { { s.link_copied } }
            </p>
            if copying == Copying::Manual {
                <label class="ac-share__manual">
                    <span class="ac-share__manual-label">{ s.link_to_copy }</span>
                    <input ref={manual_field} class="ac-share__manual-field" type="text" readonly=true value={url} />
                </label>
            }
        </div>
    }
}
