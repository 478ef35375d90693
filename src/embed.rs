//! The entry points the embedding script calls, and the only code that
//! touches the host page. Everything from the page arrives here as strings
//! and is parsed and checked (`read_card`) before any component sees it; a
//! card with broken data explains why in the console, without touching
//! other cards.

use std::rc::Rc;

use js_sys::Function;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::prelude::*;
use yew::AppHandle;

use crate::components::{error_card, ArticleCard};
use crate::i18n::Lang;
use crate::layout::Layout;
use crate::model::Article;
use crate::options::{parse_options, CardOptions, Theme};
use crate::panic_report::{self, CardId};
use crate::pipeline::{parse_jsonld_page, read_article, Parsed};

/// What one mounted card shows.
#[derive(Clone)]
pub enum CardState {
    Ready(Rc<Article>, Rc<CardOptions>),
    Failed {
        lang: Lang,
        layout: Layout,
        theme: Theme,
        url: Option<AttrValue>,
    },
}

/// Ready states compare by pointer: new data always comes as a new `Rc`.
impl PartialEq for CardState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (CardState::Ready(a, o), CardState::Ready(b, p)) => {
                Rc::ptr_eq(a, b) && Rc::ptr_eq(o, p)
            }
            (
                CardState::Failed {
                    lang,
                    layout,
                    theme,
                    url,
                },
                CardState::Failed {
                    lang: l,
                    layout: y,
                    theme: t,
                    url: u,
                },
            ) => lang == l && layout == y && theme == t && url == u,
            _ => false,
        }
    }
}

#[derive(Properties, Clone, PartialEq)]
pub struct CardRootProps {
    pub id: CardId,
    pub state: CardState,
    pub id_prefix: AttrValue,
    /// Called once this state is on the page.
    pub on_rendered: Option<Function>,
}

/// The root of each card's Yew app.
#[component]
pub fn CardRoot(props: &CardRootProps) -> Html {
    panic_report::mark(props.id);
    #[cfg(feature = "panic-probe")]
    if matches!(&props.state, CardState::Ready(a, _) if a.headline == "__panic__") {
        panic!("the panic probe was asked to panic");
    }
    // Effects run once the whole tree is in the DOM, children first.
    use_effect_with(props.on_rendered.clone(), |on_rendered| {
        if let Some(on_rendered) = on_rendered {
            let _ = on_rendered.call0(&JsValue::NULL);
        }
    });
    match &props.state {
        CardState::Ready(article, options) => html! {
            <ArticleCard article={article.clone()} options={options.clone()}
                id_prefix={props.id_prefix.clone()} card={props.id} />
        },
        CardState::Failed {
            lang,
            layout,
            theme,
            url,
        } => error_card(lang.strings(), *layout, *theme, url.as_ref()),
    }
}

/// An article and its options, read and checked, ready to mount.
#[wasm_bindgen]
pub struct CardData {
    state: CardState,
}

#[wasm_bindgen]
impl CardData {
    /// Whether the article can be shown; if not, mounting it shows the
    /// error notice.
    #[wasm_bindgen(getter)]
    pub fn ok(&self) -> bool {
        matches!(self.state, CardState::Ready(..))
    }
}

/// Reads article JSON (our format or schema.org JSON-LD) and a JSON object
/// of option strings for card `id` on `element`. Every warning and problem
/// goes to the console with the element, so the publisher can find it, and
/// with `source` (the data's URL, or "the inline JSON").
#[wasm_bindgen(js_name = readCard)]
pub fn read_card(
    element: &Element,
    id: u32,
    source: &str,
    article_json: &str,
    options_json: &str,
) -> CardData {
    panic_report::mark(CardId(id));
    card_data(element, source, read_article(article_json), options_json)
}

/// Like `readCard`, for a `data-jsonld` placeholder: the page's own
/// `<script type="application/ld+json">` blocks, as one JSON list of their
/// texts, and the page's address, which picks the article the page is
/// about and resolves relative addresses.
#[wasm_bindgen(js_name = readPageCard)]
pub fn read_page_card(
    element: &Element,
    id: u32,
    blocks_json: &str,
    page_url: &str,
    options_json: &str,
) -> CardData {
    panic_report::mark(CardId(id));
    let parsed = parse_jsonld_page(blocks_json, page_url);
    card_data(element, "the page's JSON-LD", parsed, options_json)
}

fn card_data(element: &Element, source: &str, parsed: Parsed, options_json: &str) -> CardData {
    let (options, warnings) = parse_options(options_json);
    for warning in warnings {
        web_sys::console::warn_2(&format!("article card: {warning}").into(), element);
    }
    // What the card leaves out of JSON-LD, such as a date without a time.
    for note in parsed.notes {
        web_sys::console::warn_2(&format!("article card: {source}: {note}").into(), element);
    }
    let state = match parsed.article {
        Ok(article) => CardState::Ready(Rc::new(article), Rc::new(options)),
        Err(rejection) => {
            let mut message = format!("article card: the article from {source} cannot be shown:");
            for problem in &rejection.problems {
                message.push_str("\n  ");
                message.push_str(&problem.to_string());
            }
            web_sys::console::error_2(&message.into(), element);
            CardState::Failed {
                lang: options
                    .lang
                    .unwrap_or_else(|| Lang::from_tag(rejection.language.as_deref())),
                layout: options.layout,
                theme: options.theme,
                url: rejection.url.map(AttrValue::from),
            }
        }
    };
    CardData { state }
}

/// A card mounted on an element; JavaScript holds it to update or remove it.
#[wasm_bindgen]
pub struct MountedCard {
    id: CardId,
    id_prefix: AttrValue,
    app: Option<AppHandle<CardRoot>>,
}

/// Renders a card into `container` (its content is replaced). `id` names
/// the card in panic reports; `id_prefix` starts its element ids (see
/// `CardProps`); `on_rendered` is called once the card is on the page.
#[wasm_bindgen(js_name = mountCard)]
pub fn mount_card(
    container: Element,
    data: CardData,
    id: u32,
    id_prefix: String,
    on_rendered: Option<Function>,
) -> MountedCard {
    let id = CardId(id);
    panic_report::mark(id);
    let id_prefix = AttrValue::from(id_prefix);
    let props = CardRootProps {
        id,
        state: data.state,
        id_prefix: id_prefix.clone(),
        on_rendered,
    };
    let app = yew::Renderer::<CardRoot>::with_root_and_props(container, props).render();
    MountedCard {
        id,
        id_prefix,
        app: Some(app),
    }
}

/// Asks to be told (with the card's id) when the card code panics; see
/// `panic_report`.
#[wasm_bindgen(js_name = setPanicHandler)]
pub fn set_panic_handler(handler: Function) {
    panic_report::install(handler);
}

#[wasm_bindgen]
impl MountedCard {
    /// Shows new article data or options in the same place.
    pub fn update(&mut self, data: CardData, on_rendered: Option<Function>) {
        panic_report::mark(self.id);
        if let Some(app) = &mut self.app {
            app.update(CardRootProps {
                id: self.id,
                state: data.state,
                id_prefix: self.id_prefix.clone(),
                on_rendered,
            });
        }
    }

    /// Removes the card and its event listeners; calling it twice is harmless.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}
