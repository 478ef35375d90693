use yew::prelude::*;

use super::Ctx;

/// A collapsible part ("Hintergrund: Artikel 5", the compact layout's
/// summary), collapsed at first. It is a native `<details>`: the browser
/// keeps its state, announces it and opens it with Enter and Space, with
/// or without script, so the server's HTML and the browser's DOM are the
/// same. `kind` names its class and parts ("background" or "summary");
/// `own_title` says whether the title comes from the article or is the
/// card's own text.
pub fn disclosure(
    kind: &'static str,
    title: AttrValue,
    own_title: bool,
    ctx: &Ctx,
    children: Html,
) -> Html {
    let s = ctx.s;
    let (title_lang, title_dir) = if own_title {
        (None, None)
    } else {
        (ctx.ui_lang, ctx.ui_dir)
    };
    html! {
        <details class={format!("ac-{kind} ac-disclosure")} part={format!("{kind} disclosure")}>
            <summary class="ac-disclosure__toggle" part={format!("{kind}-toggle toggle")}>
                <@{ctx.heading} class="ac-disclosure__heading">
                    <span class="ac-disclosure__title" lang={title_lang} dir={title_dir}>{ title }</span>
                </@>
                // Seen, not read: the browser already tells the state. The
                // stylesheet shows the hint that fits it.
                <span class="ac-disclosure__hint" aria-hidden="true" lang={ctx.ui_lang} dir={ctx.ui_dir}>
                    <span class="ac-disclosure__show">{ s.show }</span>
                    <span class="ac-disclosure__hide">{ s.hide }</span>
                </span>
                <svg class="ac-disclosure__icon" aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="16" height="16">
                    <path d="M3 6l5 5 5-5" fill="none" stroke="currentColor" stroke-width="2" />
                </svg>
            </summary>
            <div class="ac-disclosure__panel" part={format!("{kind}-panel panel")}>
                { children }
            </div>
        </details>
    }
}
