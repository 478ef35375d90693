//! An embeddable news article card: a Yew component compiled to
//! WebAssembly.
//!
//! The pure logic (model, validation, timestamps, texts, options) is plain
//! Rust that `cargo test` checks natively; `components` renders an
//! already validated article; `embed` is the glue the script tag calls.

pub mod components;
pub mod decode;
pub mod embed;
pub mod i18n;
pub mod json;
pub mod model;
pub mod options;
pub mod panic_report;
pub mod share;
pub mod timestamp;
pub mod validate;
