//! An embeddable news article card: a Yew component compiled to
//! WebAssembly, that also renders on the server.
//!
//! Data flows one way: text → `json` → `decode` (or `jsonld` for
//! schema.org data) → `validate`, run by `pipeline` → a checked
//! [`model::Article`] → `components` → `embed`, the glue the script tag
//! calls and the only code that touches the host page. Everything before
//! `components` is plain Rust that `cargo test` checks natively: the layout
//! rules (`layout`), options, the URL policy (`url`), share links
//! (`share`), texts per language (`i18n`) and dates.
//!
//! # In a Yew app
//!
//! A Yew app renders the card directly, without the embed script: depend
//! on the crate with `default-features = false` (the `embed` feature holds
//! the script tag's entry points and the browser module's allocator), read
//! the article with [`pipeline::parse_article`], which checks it as the
//! embed does, and render [`components::ArticleCard`]:
//!
//! ```
//! use std::rc::Rc;
//!
//! use article_card::components::ArticleCard;
//! use article_card::layout::Layout;
//! use article_card::options::{CardOptions, Theme};
//! use article_card::pipeline::parse_article;
//! use yew::prelude::*;
//!
//! let json = r#"{ "url": "https://news.example/a", "headline": "Ein Kopf" }"#;
//! let article = Rc::new(parse_article(json).expect("a valid article"));
//! let options = Rc::new(CardOptions {
//!     layout: Layout::Teaser,
//!     theme: Theme::Dark,
//!     ..CardOptions::default()
//! });
//! let card = html! { <ArticleCard {article} {options} id_prefix="sidebar" /> };
//! # let _ = card;
//! ```
//!
//! Broken data is refused with every problem and its field path:
//!
//! ```
//! use article_card::pipeline::parse_article;
//!
//! let refused = parse_article(r#"{ "url": "javascript:alert(1)", "headline": "" }"#).unwrap_err();
//! let problems: Vec<String> = refused.problems.iter().map(ToString::to_string).collect();
//! assert_eq!(problems, [
//!     "url: only http and https links are allowed",
//!     "headline: is required",
//! ]);
//! ```
//!
//! Options can also come as the embed's strings, warnings and all, with
//! [`options::parse_options`]. Without a shadow root, include
//! `styles/article-card.css` in the page: every rule in it is scoped under
//! `.ac-card` (see the README's "Styling").

/// Every reader downloads the allocator: talc is smaller than the standard
/// library's dlmalloc and reuses freed memory as well (docs/size.md).
#[cfg(all(feature = "embed", target_arch = "wasm32", target_os = "unknown"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod browser;
pub mod components;
pub mod decode;
#[cfg(feature = "embed")]
pub mod embed;
pub mod i18n;
pub mod json;
pub mod jsonld;
pub mod layout;
pub mod model;
pub mod options;
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
pub mod page;
pub mod panic_report;
pub mod pipeline;
pub mod problem;
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
pub mod server;
pub mod share;
pub mod timestamp;
pub mod url;
pub mod validate;
