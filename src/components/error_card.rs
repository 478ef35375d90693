use yew::prelude::*;

use crate::i18n::Strings;
use crate::options::Theme;

/// What readers see when the data cannot be shown: a short notice and, if
/// the article's address was valid, a link to it. The reasons go to the
/// console for the publisher, not onto the page.
pub fn error_card(s: &'static Strings, theme: Theme, url: Option<&AttrValue>) -> Html {
    html! {
        <div class="ac-card ac-card--error" part="card" lang={s.tag} data-theme={theme.attribute()}>
            <p class="ac-error">{ s.error }</p>
            if let Some(url) = url {
                <a class="ac-readmore" part="readmore" href={url.clone()}>{ s.error_link }</a>
            }
        </div>
    }
}
