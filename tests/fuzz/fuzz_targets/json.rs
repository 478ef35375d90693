//! The JSON reader: never panics; what it reads has no repeated keys and
//! reads back the same when written out again.
#![no_main]

use article_card::json;
use article_card_fuzz::{assert_unique_keys, write_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(tree) = json::parse(text) {
        assert_unique_keys(&tree);
        let mut written = String::new();
        write_json(&tree, &mut written);
        assert_eq!(json::parse(&written).as_ref(), Ok(&tree), "{written}");
    }
});
