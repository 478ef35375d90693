use yew::prelude::*;

use crate::i18n::Strings;
use crate::layout::Layout;
use crate::options::Theme;

/// What readers see when the data cannot be shown and there is no
/// fallback content of the publisher's to keep: a short notice, sized like
/// the card it stands in for, and, if the article's address was valid, a
/// link to it. The reasons go to the console for the publisher, not onto
/// the page.
pub fn error_card(
    s: &'static Strings,
    layout: Layout,
    theme: Theme,
    url: Option<&AttrValue>,
) -> Html {
    html! {
        <div class={format!("ac-card ac-card--error ac-card--{}", layout.name())} part="card"
            lang={s.tag} dir="ltr" data-theme={theme.attribute()} role="note">
            <p class="ac-error">{ s.error }</p>
            if let Some(url) = url {
                <a class="ac-readmore" part="readmore" href={url.clone()}>{ s.error_link }</a>
            }
        </div>
    }
}
