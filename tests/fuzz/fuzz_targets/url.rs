//! The URL policy and its helpers: what `check_url` accepts is what a
//! browser reads as http(s) (or, where allowed, relative); tracking added
//! to a valid address keeps it valid; `encode` is reversible and leaves
//! only unreserved characters and %XX.
#![no_main]

use arbitrary::Arbitrary;
use article_card::url::{check_url, encode, is_tracking_suffix, with_tracking, UrlKind};
use article_card_fuzz::{assert_safe_url, percent_decode};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    url: String,
    tracking: String,
}

fuzz_target!(|input: Input| {
    let Input { url, tracking } = input;
    if check_url(&url, UrlKind::AbsoluteOrRelative).is_ok() {
        assert_safe_url(&url, false);
    }
    if check_url(&url, UrlKind::Absolute).is_ok() {
        assert_safe_url(&url, true);
        if is_tracking_suffix(&tracking) {
            let tracked = with_tracking(&url, &tracking);
            let checked = check_url(&tracked, UrlKind::Absolute);
            assert!(
                checked.is_ok() || checked == Err("is longer than 2048 characters"),
                "{tracked:?}: {checked:?}"
            );
            assert!(tracked.starts_with(&url[..url.find(['?', '#']).unwrap_or(url.len())]));
        }
    }
    let encoded = encode(&url);
    assert!(encoded
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-_.~%".contains(&b)));
    assert_eq!(percent_decode(&encoded), url.as_bytes());
});
