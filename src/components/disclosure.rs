use yew::prelude::*;

use super::{unique_id, Ctx};
use crate::panic_report::mark;

#[derive(Properties, PartialEq, Clone)]
pub struct DisclosureProps {
    /// What is collapsed, for the root's class and part names:
    /// "background" (the "Hintergrund" box) or "summary" (compact layout).
    pub kind: &'static str,
    pub title: AttrValue,
    pub ctx: Ctx,
    /// What opens and closes.
    pub children: Html,
}

/// A collapsible part following the WAI-ARIA disclosure pattern, collapsed
/// at first. It uses a real `<button>`, so Enter and Space work by the
/// browser's own rules and no key handling is needed here.
#[component]
pub fn Disclosure(props: &DisclosureProps) -> Html {
    let Ctx {
        card, s, heading, ..
    } = props.ctx;
    mark(card);
    let open = use_state(|| false);
    let panel_id = use_state(|| unique_id("ac-panel"));
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| {
            mark(card);
            open.set(!*open)
        })
    };
    let kind = props.kind;
    html! {
        <div class={format!("ac-{kind} ac-disclosure")} part={format!("{kind} disclosure")}>
            <@{heading} class="ac-disclosure__heading">
                <button
                    type="button"
                    class="ac-disclosure__toggle"
                    part={format!("{kind}-toggle toggle")}
                    aria-expanded={if *open { "true" } else { "false" }}
                    aria-controls={(*panel_id).clone()}
                    onclick={toggle}
                >
                    <span class="ac-disclosure__title">{ props.title.clone() }</span>
                    // Seen, not read: aria-expanded already tells the state.
                    <span class="ac-disclosure__hint" aria-hidden="true">
                        { if *open { s.hide } else { s.show } }
                    </span>
                    <svg class="ac-disclosure__icon" aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="16" height="16">
                        <path d="M3 6l5 5 5-5" fill="none" stroke="currentColor" stroke-width="2" />
                    </svg>
                </button>
            </@>
            <div id={(*panel_id).clone()} class="ac-disclosure__panel" part={format!("{kind}-panel panel")} hidden={!*open}>
                { props.children.clone() }
            </div>
        </div>
    }
}
