use yew::prelude::*;

use super::unique_id;
use crate::panic_report::{mark, CardId};

#[derive(Properties, PartialEq, Clone)]
pub struct BackgroundBoxProps {
    pub title: AttrValue,
    pub text: AttrValue,
    /// Tag of the box's heading, one level below the headline.
    pub heading: &'static str,
    pub card: CardId,
}

/// A collapsible "Hintergrund" box following the WAI-ARIA disclosure
/// pattern. It uses a real `<button>`, so Enter and Space work by the
/// browser's own rules and no key handling is needed here.
#[component]
pub fn BackgroundBox(props: &BackgroundBoxProps) -> Html {
    let card = props.card;
    mark(card);
    let open = use_state(|| false);
    let panel_id = use_state(|| unique_id("ac-background"));
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| {
            mark(card);
            open.set(!*open)
        })
    };
    let expanded = if *open { "true" } else { "false" };
    html! {
        <aside class="ac-background" part="background">
            <@{props.heading} class="ac-background__heading">
                <button
                    type="button"
                    class="ac-background__toggle"
                    part="background-toggle"
                    aria-expanded={expanded}
                    aria-controls={(*panel_id).clone()}
                    onclick={toggle}
                >
                    <span class="ac-background__title">{ props.title.clone() }</span>
                    <svg class="ac-background__icon" aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="16" height="16">
                        <path d="M3 6l5 5 5-5" fill="none" stroke="currentColor" stroke-width="2" />
                    </svg>
                </button>
            </@>
            <div id={(*panel_id).clone()} class="ac-background__panel" part="background-panel" hidden={!*open}>
                <p class="ac-background__text">{ props.text.clone() }</p>
            </div>
        </aside>
    }
}
