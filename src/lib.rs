//! An embeddable news article card: a Yew component compiled to
//! WebAssembly.
//!
//! Data flows one way: text → `json` → `decode` → `validate` (run by
//! `pipeline`) → a checked `model::Article` → `components` → `embed`, the
//! glue the script tag calls and the only code that touches the host page.
//! Everything before `components` is plain Rust that `cargo test` checks
//! natively: the layout rules (`layout`), options, the URL policy (`url`),
//! share links (`share`), texts per language (`i18n`) and dates.

/// Every reader downloads the allocator: talc is smaller than the standard
/// library's dlmalloc and reuses freed memory as well (docs/size.md).
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod browser;
pub mod components;
pub mod decode;
pub mod embed;
pub mod i18n;
pub mod json;
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
