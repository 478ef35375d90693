//! Component tests in a real browser (`wasm-pack test --headless --chrome`).
//! Each test mounts cards into a fresh element and checks the DOM a reader
//! would get. All browser tests live in this one file so that the test
//! command builds a single wasm test binary.
#![cfg(target_arch = "wasm32")]

use article_card::embed::{mount_card, MountedCard};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const GERMAN: &str = include_str!("../www/articles/de-politik.json");
const ENGLISH: &str = include_str!("../www/articles/en-city.json");
const MINIMAL: &str = include_str!("../www/articles/minimal.json");
const MARKUP: &str = include_str!("fixtures/markup-headline.json");
const INVALID: &str = include_str!("fixtures/invalid.json");

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A new, empty element in the page for one card.
fn fresh_root() -> Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    root
}

/// Waits until Yew's scheduler has finished every pending render (it
/// yields to the browser between batches, so one tick is not enough).
async fn settle() {
    yew::scheduler::flush().await;
}

/// Mounts a card and waits until it has rendered.
async fn mount(json: &str, options: &str) -> (Element, MountedCard) {
    let root = fresh_root();
    let card = mount_card(root.clone(), json, options, 1);
    settle().await;
    (root, card)
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into().unwrap())
        .collect()
}

fn count(root: &Element, selector: &str) -> usize {
    all(root, selector).len()
}

fn text(root: &Element, selector: &str) -> String {
    one(root, selector).text_content().unwrap_or_default()
}

fn attr(element: &Element, name: &str) -> Option<String> {
    element.get_attribute(name)
}

#[wasm_bindgen_test]
async fn german_article_shows_every_part() {
    let (root, _card) = mount(GERMAN, "").await;
    let card = one(&root, "article.ac-card");
    assert_eq!(attr(&card, "lang").as_deref(), Some("de"));

    let header = one(&card, "header.ac-header");
    assert_eq!(text(&header, ".ac-kicker"), "Politik");
    let headline = one(&header, "h2.ac-headline");
    assert_eq!(
        text(&headline, ".ac-overline"),
        "Nach dem Nato-Treffen in Oslo:"
    );
    assert_eq!(
        headline.text_content().unwrap(),
        "Nach dem Nato-Treffen in Oslo: Außenminister ringen um Sicherheitszusagen für Partnerländer"
    );
    // The card is named by its headline for assistive technology.
    assert_eq!(attr(&card, "aria-labelledby"), attr(&headline, "id"));

    let times = all(&header, "time");
    assert_eq!(times.len(), 2);
    assert_eq!(
        attr(&times[0], "datetime").as_deref(),
        Some("2025-08-17T14:30:00+02:00")
    );
    assert_eq!(
        times[0].text_content().unwrap(),
        "17. August 2025, 14:30 Uhr"
    );
    assert_eq!(
        times[1].text_content().unwrap(),
        "17. August 2025, 18:05 Uhr"
    );
    assert!(text(&header, ".ac-dateline").contains("Aktualisiert: "));

    let img = one(&card, "figure.ac-figure > img");
    assert_eq!(
        attr(&img, "src").as_deref(),
        Some("/www/images/konferenz.svg")
    );
    assert!(attr(&img, "alt")
        .unwrap()
        .starts_with("Ein langer Konferenztisch"));
    assert_eq!(attr(&img, "width").as_deref(), Some("1200"));
    assert_eq!(attr(&img, "height").as_deref(), Some("675"));
    assert_eq!(attr(&img, "loading").as_deref(), Some("lazy"));
    let caption = text(&card, "figure.ac-figure > figcaption");
    assert!(caption.starts_with("Die Außenministerinnen"), "{caption}");
    assert!(
        caption.ends_with("Bild: Beispielagentur | Mara Lindqvist"),
        "{caption}"
    );

    let bullets = all(&card, "ul.ac-summary__list > li");
    assert_eq!(bullets.len(), 4);
    assert!(bullets[3]
        .text_content()
        .unwrap()
        .starts_with("Die Staats- und Regierungschefs"));

    assert_eq!(
        text(&card, ".ac-background__toggle"),
        "Hintergrund: Artikel 5"
    );
    assert!(text(&card, ".ac-background__panel").starts_with("Artikel 5 des Nordatlantikvertrags"));

    assert_eq!(text(&card, ".ac-related__title"), "Lesen Sie auch");
    let related = all(&card, ".ac-related a");
    assert_eq!(related.len(), 2);
    assert_eq!(
        attr(&related[0], "href").as_deref(),
        Some("https://news.example/politik/beistandsklausel-erklaert")
    );

    assert_eq!(text(&card, ".ac-topics__title"), "Themen");
    let topics: Vec<_> = all(&card, ".ac-topic")
        .iter()
        .map(|t| t.text_content().unwrap())
        .collect();
    assert_eq!(topics, ["Nato", "Außenpolitik", "Sicherheit"]);
    assert_eq!(
        count(&card, "a.ac-topic"),
        2,
        "topics with a page are links, others plain text"
    );

    assert_eq!(text(&card, ".ac-source"), "/abc/news.example/dpa/xyz");
    assert_eq!(
        attr(&one(&card, ".ac-follow a"), "href").as_deref(),
        Some("https://news.example/folgen")
    );
    assert_eq!(
        attr(&one(&card, ".ac-standards a"), "href").as_deref(),
        Some("https://news.example/standards")
    );

    let more = one(&card, "a.ac-readmore");
    assert_eq!(more.text_content().unwrap(), "Ganzen Artikel lesen");
    assert_eq!(
        attr(&more, "href").as_deref(),
        Some("https://news.example/politik/nato-treffen-oslo-beistandszusagen")
    );
    assert_eq!(attr(&more, "aria-describedby"), attr(&headline, "id"));

    // The card layout leaves the running text to the article page.
    assert_eq!(
        count(&card, ".ac-paragraph, .ac-quote, .ac-subheading, .ac-lead"),
        0
    );
}

#[wasm_bindgen_test]
async fn full_layout_adds_lead_and_body_in_order() {
    let (root, _card) = mount(GERMAN, r#"{"layout":"full"}"#).await;
    assert!(text(&root, ".ac-lead").starts_with("Zwei Tage lang"));
    let classes: Vec<String> = all(
        &root,
        ".ac-lead, .ac-paragraph, .ac-subheading, .ac-quote, .ac-background, .ac-related",
    )
    .iter()
    .map(|e| e.class_name().split(' ').next().unwrap().to_owned())
    .collect();
    assert_eq!(
        classes,
        [
            "ac-lead",
            "ac-paragraph",
            "ac-subheading",
            "ac-paragraph",
            "ac-quote",
            "ac-background",
            "ac-related",
            "ac-subheading",
            "ac-paragraph",
            "ac-quote",
            "ac-paragraph"
        ]
    );
    let quote = one(&root, "figure.ac-quote");
    assert!(text(&quote, "blockquote").starts_with("Wir haben heute mehr erreicht"));
    assert_eq!(text(&quote, "figcaption"), "Ein Sprecher des Bündnisses");
    assert_eq!(count(&root, "h3.ac-subheading"), 2);
}

#[wasm_bindgen_test]
async fn english_article_uses_english_texts_and_dates() {
    let (root, _card) = mount(ENGLISH, "").await;
    let card = one(&root, "article.ac-card");
    assert_eq!(attr(&card, "lang").as_deref(), Some("en"));
    assert_eq!(text(&card, "time"), "August 17, 2025, 2:30 PM");
    assert!(text(&card, ".ac-dateline").starts_with("Published: "));
    assert!(text(&card, "figcaption").ends_with("Image: Example Photo Desk | Jonas Reed"));
    assert_eq!(text(&card, ".ac-topics__title"), "Topics");
    // A related list without its own title gets the card's default one.
    assert_eq!(text(&card, ".ac-related__title"), "Read more");
    assert_eq!(text(&card, "a.ac-readmore"), "Read the whole article");
    assert_eq!(text(&card, ".ac-summary__heading"), "At a glance");
}

#[wasm_bindgen_test]
async fn minimal_article_renders_nothing_empty_or_dangling() {
    let (root, _card) = mount(MINIMAL, "").await;
    let card = one(&root, "article.ac-card");
    assert_eq!(attr(&card, "lang").as_deref(), Some("de"));
    assert_eq!(
        text(&card, ".ac-headline"),
        "Am Wochenende wird es sonnig und warm"
    );
    assert_eq!(
        attr(&one(&card, "a.ac-readmore"), "href").as_deref(),
        Some("https://news.example/kurz/wetter-wochenende")
    );
    for absent in [
        ".ac-kicker",
        ".ac-overline",
        ".ac-dateline",
        "time",
        "figure",
        "img",
        ".ac-summary",
        "ul",
        ".ac-lead",
        ".ac-background",
        "button",
        ".ac-related",
        ".ac-topics",
        ".ac-source",
        ".ac-follow",
        ".ac-standards",
    ] {
        assert_eq!(count(&card, absent), 0, "{absent} should be absent");
    }
    // No element of the card is left without content.
    for element in all(&card, "*") {
        let has_content = !element.text_content().unwrap_or_default().trim().is_empty()
            || element.children().length() > 0;
        assert!(
            has_content,
            "empty <{}> in the minimal card",
            element.tag_name()
        );
    }
    // Every id reference points at an element that exists.
    for element in all(
        &card,
        "[aria-describedby], [aria-labelledby], [aria-controls]",
    ) {
        for name in ["aria-describedby", "aria-labelledby", "aria-controls"] {
            if let Some(id) = attr(&element, name) {
                assert!(
                    document().get_element_by_id(&id).is_some(),
                    "{name}={id} dangles"
                );
            }
        }
    }
}

#[wasm_bindgen_test]
async fn lead_stands_in_for_a_missing_summary() {
    let article = r#"{"url":"https://news.example/x","headline":"Kopf","lead":"Der Vorspann."}"#;
    let (root, _card) = mount(article, "").await;
    assert_eq!(text(&root, ".ac-lead"), "Der Vorspann.");
    assert_eq!(count(&root, ".ac-summary"), 0);
}

#[wasm_bindgen_test]
async fn background_box_is_a_collapsed_disclosure_that_opens_and_closes_by_click() {
    let (root, _card) = mount(GERMAN, "").await;
    let button: HtmlElement = one(&root, ".ac-background button").dyn_into().unwrap();
    let panel = one(&root, ".ac-background__panel");
    assert_eq!(attr(&button, "type").as_deref(), Some("button"));
    assert_eq!(attr(&button, "aria-controls"), attr(&panel, "id"));
    assert_eq!(attr(&button, "aria-expanded").as_deref(), Some("false"));
    assert!(panel.has_attribute("hidden"), "collapsed by default");

    button.click();
    settle().await;
    assert_eq!(attr(&button, "aria-expanded").as_deref(), Some("true"));
    assert!(!panel.has_attribute("hidden"));

    button.click();
    settle().await;
    assert_eq!(attr(&button, "aria-expanded").as_deref(), Some("false"));
    assert!(panel.has_attribute("hidden"));
}

#[wasm_bindgen_test]
async fn background_boxes_of_several_cards_have_their_own_ids_and_state() {
    let (first, _a) = mount(GERMAN, "").await;
    let (second, _b) = mount(GERMAN, "").await;
    let id = |root: &Element| attr(&one(root, ".ac-background__panel"), "id").unwrap();
    assert_ne!(id(&first), id(&second));
    let button: HtmlElement = one(&first, ".ac-background button").dyn_into().unwrap();
    button.click();
    settle().await;
    assert_eq!(
        attr(&one(&first, ".ac-background button"), "aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(
        attr(&one(&second, ".ac-background button"), "aria-expanded").as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn markup_in_the_data_stays_text() {
    let (root, _card) = mount(MARKUP, "").await;
    let headline = one(&root, ".ac-headline__text");
    assert_eq!(
        headline.text_content().unwrap(),
        "<script>window.hacked = 1</script><img src=x onerror=\"window.hacked = 2\">"
    );
    assert_eq!(
        headline.child_element_count(),
        0,
        "the headline created elements"
    );
    assert_eq!(count(&root, "script, img, b"), 0);
    assert_eq!(count(&root, ".ac-summary a"), 0);
    settle().await;
    let hacked = js_sys::Reflect::get(&web_sys::window().unwrap(), &"hacked".into()).unwrap();
    assert!(hacked.is_undefined(), "a script from the data ran");
}

#[wasm_bindgen_test]
async fn broken_data_shows_the_error_state_and_other_cards_keep_working() {
    let (good, _a) = mount(ENGLISH, "").await;
    let (bad, _b) = mount(INVALID, "").await;
    let (syntax, _c) = mount("{ not json", r#"{"lang":"en"}"#).await;

    let error = one(&bad, ".ac-card--error");
    assert_eq!(attr(&error, "lang").as_deref(), Some("de"));
    assert_eq!(
        text(&error, ".ac-error"),
        "Dieser Artikel kann gerade nicht angezeigt werden."
    );
    // The address was valid, so readers can still reach the article.
    assert_eq!(
        attr(&one(&error, "a"), "href").as_deref(),
        Some("https://news.example/kaputt")
    );
    assert_eq!(
        count(&bad, ".ac-headline, img, button"),
        0,
        "nothing of the broken data is shown"
    );

    assert_eq!(
        text(&syntax, ".ac-error"),
        "This article cannot be shown right now."
    );
    assert_eq!(count(&syntax, "a"), 0, "no address to offer");

    assert_eq!(count(&good, "article.ac-card .ac-headline"), 1);
}

#[wasm_bindgen_test]
async fn update_replaces_the_article_and_unmount_empties_the_element() {
    let (root, mut card) = mount(MINIMAL, "").await;
    card.update(ENGLISH, "");
    settle().await;
    assert!(text(&root, ".ac-headline").contains("riverside cycle network"));
    card.update(ENGLISH, r#"{"lang":"de"}"#);
    settle().await;
    assert_eq!(
        text(&root, ".ac-topics__title"),
        "Themen",
        "options apply on update"
    );
    card.unmount();
    settle().await;
    assert_eq!(root.child_element_count(), 0);
    card.unmount();
}

#[wasm_bindgen_test]
async fn theme_option_marks_the_card_and_the_error_state() {
    let (auto, _a) = mount(MINIMAL, "").await;
    assert_eq!(attr(&one(&auto, ".ac-card"), "data-theme"), None);
    let (dark, _b) = mount(MINIMAL, r#"{"theme":"dark"}"#).await;
    assert_eq!(
        attr(&one(&dark, ".ac-card"), "data-theme").as_deref(),
        Some("dark")
    );
    let (broken, _c) = mount("{}", r#"{"theme":"light"}"#).await;
    assert_eq!(
        attr(&one(&broken, ".ac-card--error"), "data-theme").as_deref(),
        Some("light")
    );
}

#[wasm_bindgen_test]
async fn heading_level_follows_the_host_page_outline() {
    let (root, _card) = mount(GERMAN, r#"{"headingLevel":"3"}"#).await;
    assert_eq!(count(&root, "h3.ac-headline"), 1);
    assert_eq!(
        count(
            &root,
            "h4.ac-background__heading, h4.ac-related__title, h4.ac-topics__title"
        ),
        3
    );
}
