//! A Yew app that shows article cards with the `article-card` crate
//! directly: no embed script, no shadow roots, the card's stylesheet
//! linked by the page (examples/yew-app/index.html). Build and serve it:
//!
//! ```sh
//! cargo build --release --example yew-app --target wasm32-unknown-unknown --no-default-features
//! wasm-bindgen --target web --out-dir examples/yew-app/pkg --no-typescript \
//!     target/wasm32-unknown-unknown/release/examples/yew-app.wasm
//! node scripts/serve.mjs   # then open http://127.0.0.1:8000/examples/yew-app/
//! ```

use std::rc::Rc;

use article_card::components::ArticleCard;
use article_card::layout::Layout;
use article_card::model::Article;
use article_card::options::{parse_options, CardOptions};
use article_card::pipeline::parse_article;
use yew::prelude::*;

/// The app's articles; a real app would fetch them.
fn articles() -> Vec<Rc<Article>> {
    [
        include_str!("../../www/articles/de-politik.json"),
        include_str!("../../www/articles/en-city.json"),
    ]
    .into_iter()
    .map(|json| Rc::new(parse_article(json).expect("the demo articles are valid")))
    .collect()
}

#[component]
fn App() -> Html {
    let articles = use_memo((), |_| articles());
    // Options as typed values…
    let teaser = Rc::new(CardOptions {
        layout: Layout::Teaser,
        ..CardOptions::default()
    });
    // …or as the embed's strings, with warnings for anything unknown.
    let (compact, warnings) =
        parse_options(r#"{"layout":"compact","lang":"en","services":"mail,copy"}"#);
    debug_assert!(warnings.is_empty());
    let compact = Rc::new(compact);
    html! {
        <main class="app">
            <h1>{ "Cards in a Yew app" }</h1>
            // Several cards share this document: each gets its own ids.
            <ArticleCard article={articles[0].clone()} id_prefix="lead" />
            <aside>
                <ArticleCard article={articles[1].clone()} options={teaser} id_prefix="side" />
                <ArticleCard article={articles[0].clone()} options={compact} id_prefix="list" />
            </aside>
        </main>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
