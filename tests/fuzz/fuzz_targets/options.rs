//! Options, as text or as an object of any option names and values: never
//! a panic, and what a card shares is always an absolute http(s) address,
//! in share links that are fully encoded.
#![no_main]

use arbitrary::Arbitrary;
use article_card::json::Json;
use article_card::model::Article;
use article_card::options::{parse_options, OPTIONS};
use article_card::share::{share_link, Shared};
use article_card::url::{check_url, UrlKind};
use article_card_fuzz::{assert_encoded, assert_safe_url, write_json};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
enum Input {
    Text(String),
    /// Option (by index into the table, or any name) and value.
    Object(Vec<(Result<u8, String>, String)>),
}

fuzz_target!(|input: Input| {
    let text = match input {
        Input::Text(text) => text,
        Input::Object(members) => {
            let members = members
                .into_iter()
                .map(|(name, value)| {
                    let name = match name {
                        Ok(i) => OPTIONS[usize::from(i) % OPTIONS.len()].0.to_owned(),
                        Err(name) => name,
                    };
                    (name, Json::String(value))
                })
                .collect();
            let mut text = String::new();
            write_json(&Json::Object(members), &mut text);
            text
        }
    };
    let (options, _) = parse_options(&text);
    let article = Article {
        url: "https://news.example/a".into(),
        headline: "Kopf".into(),
        ..Article::default()
    };
    let shared = Shared::of(&article, &options.share);
    assert_safe_url(&shared.url, true);
    let checked = check_url(&shared.url, UrlKind::Absolute);
    assert!(
        checked.is_ok() || checked == Err("is longer than 2048 characters"),
        "{checked:?}"
    );
    for &service in &options.share.services {
        if let Some(link) = share_link(service, &shared) {
            assert_encoded(&link);
        }
    }
});
