//! The whole pipeline (JSON, or JSON-LD) and the server renderer: never a
//! panic; an accepted article has only http(s) or relative addresses; its
//! card carries no script, event handler or script address.
#![no_main]

use std::rc::Rc;

use article_card::options::parse_options;
use article_card::pipeline::parse_article;
use article_card::server::card_html;
use article_card_fuzz::{assert_article_addresses, assert_safe_html};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(article) = parse_article(text) else {
        return;
    };
    assert_article_addresses(&article);
    let layout = ["card", "compact", "teaser", "full"][text.len() % 4];
    let (options, _) = parse_options(&format!(r#"{{"layout":"{layout}"}}"#));
    let html = card_html(Rc::new(article), Rc::new(options));
    assert_safe_html(&html);
});
