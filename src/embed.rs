//! The entry points the embedding script calls. Everything from the page
//! arrives here as strings and is parsed and checked before any component
//! sees it; a card with broken data shows the error state and explains why
//! in the console, without touching other cards.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::prelude::*;
use yew::AppHandle;

use crate::components::{error_card, ArticleCard};
use crate::i18n::Lang;
use crate::model::Article;
use crate::options::{parse_options, CardOptions, Theme};
use crate::panic_report::{self, CardId};
use crate::pipeline::parse_article;

/// What one mounted card shows.
#[derive(Clone, PartialEq)]
pub enum CardState {
    Ready(Rc<Article>, Rc<CardOptions>),
    Failed {
        lang: Lang,
        theme: Theme,
        url: Option<AttrValue>,
    },
}

#[derive(Properties, Clone, PartialEq)]
pub struct CardRootProps {
    pub id: CardId,
    pub state: CardState,
}

/// The root of each card's Yew app.
#[component]
pub fn CardRoot(props: &CardRootProps) -> Html {
    panic_report::mark(props.id);
    #[cfg(feature = "panic-probe")]
    if matches!(&props.state, CardState::Ready(a, _) if a.headline == "__panic__") {
        panic!("the panic probe was asked to panic");
    }
    match &props.state {
        CardState::Ready(article, options) => {
            html! { <ArticleCard article={article.clone()} options={options.clone()} card={props.id} /> }
        }
        CardState::Failed { lang, theme, url } => error_card(lang.strings(), *theme, url.as_ref()),
    }
}

/// Parses the article and options for a card, logging every problem and
/// warning against the card's element so the publisher can find it.
pub fn load(root: &Element, article_json: &str, options_json: &str) -> CardState {
    let (options, warnings) = parse_options(options_json);
    for warning in warnings {
        web_sys::console::warn_2(&format!("article card: {warning}").into(), root);
    }
    match parse_article(article_json) {
        Ok(article) => CardState::Ready(Rc::new(article), Rc::new(options)),
        Err(rejection) => {
            let mut message = String::from("article card: this article cannot be shown:");
            for problem in &rejection.problems {
                message.push_str("\n  ");
                message.push_str(&problem.to_string());
            }
            web_sys::console::error_2(&message.into(), root);
            let lang = options
                .lang
                .unwrap_or_else(|| Lang::from_tag(rejection.language.as_deref()));
            CardState::Failed {
                lang,
                theme: options.theme,
                url: rejection.url.map(AttrValue::from),
            }
        }
    }
}

/// A card mounted on an element; JavaScript holds it to update or remove it.
#[wasm_bindgen]
pub struct MountedCard {
    root: Element,
    id: CardId,
    app: Option<AppHandle<CardRoot>>,
}

/// Renders a card into `root` (its content is replaced) from article JSON
/// and a JSON object of option strings. `id` names the card in panic
/// reports.
#[wasm_bindgen(js_name = mountCard)]
pub fn mount_card(root: Element, article_json: &str, options_json: &str, id: u32) -> MountedCard {
    let id = CardId(id);
    panic_report::mark(id);
    let state = load(&root, article_json, options_json);
    let props = CardRootProps { id, state };
    let app = yew::Renderer::<CardRoot>::with_root_and_props(root.clone(), props).render();
    MountedCard {
        root,
        id,
        app: Some(app),
    }
}

/// Asks to be told (with the card's id) when the card code panics; see
/// `panic_report`.
#[wasm_bindgen(js_name = setPanicHandler)]
pub fn set_panic_handler(handler: js_sys::Function) {
    panic_report::install(handler);
}

#[wasm_bindgen]
impl MountedCard {
    /// Shows new article data or options in the same place.
    pub fn update(&mut self, article_json: &str, options_json: &str) {
        panic_report::mark(self.id);
        let state = load(&self.root, article_json, options_json);
        if let Some(app) = &mut self.app {
            app.update(CardRootProps { id: self.id, state });
        }
    }

    /// Removes the card and its event listeners; calling it twice is harmless.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}
