//! Share links from any data: every character after the service's address
//! is unreserved, %XX, `=` or `&` (no space, quote, `<` or `#` of the data
//! stays raw), and the shared address decodes back to itself.
#![no_main]

use arbitrary::Arbitrary;
use article_card::share::{share_link, Service, Shared};
use article_card_fuzz::{assert_encoded, percent_decode};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    url: String,
    title: String,
    text: Option<String>,
    image: Option<String>,
}

fuzz_target!(|input: Input| {
    let shared = Shared {
        url: input.url,
        title: input.title,
        text: input.text,
        image: input.image,
    };
    for &(_, service) in Service::NAMES {
        let Some(link) = share_link(service, &shared) else {
            continue;
        };
        assert_encoded(&link);
        let carried = link
            .split(['?', '&'])
            .find_map(|p| p.strip_prefix("u=").or(p.strip_prefix("url=")));
        if let Some(value) = carried {
            assert_eq!(percent_decode(value), shared.url.as_bytes());
        }
    }
});
