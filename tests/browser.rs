//! Component tests in a real browser (`wasm-pack test --headless --chrome`).
//! Each test mounts cards into a fresh element and checks the DOM a reader
//! would get. All browser tests live in this one file so that the test
//! command builds a single wasm test binary.
#![cfg(target_arch = "wasm32")]

use article_card::embed::{mount_card, read_card, MountedCard};
use article_card::share::SHARE_EVENT;
use js_sys::{Function, Object, Reflect};
use wasm_bindgen::prelude::*;
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

thread_local! {
    static NEXT_CARD: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
}

/// Mounts a card and waits until it has rendered. The cards of these
/// tests share one document, so each gets its own id prefix.
async fn mount(json: &str, options: &str) -> (Element, MountedCard) {
    let root = fresh_root();
    let id = NEXT_CARD.with(|next| next.replace(next.get() + 1));
    let data = read_card(&root, id, "the test", json, options);
    let card = mount_card(root.clone(), data, id, format!("ac{id}"), None);
    settle().await;
    (root, card)
}

/// Shows new data in a mounted card and waits until it has rendered.
async fn update(root: &Element, card: &mut MountedCard, json: &str, options: &str) {
    card.update(read_card(root, 1, "the test", json, options), None);
    settle().await;
}

fn is_open(details: &Element) -> bool {
    details.has_attribute("open")
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
        text(&card, ".ac-background .ac-disclosure__title"),
        "Hintergrund: Artikel 5"
    );
    assert!(text(&card, ".ac-background .ac-disclosure__panel")
        .starts_with("Artikel 5 des Nordatlantikvertrags"));

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
        ".ac-lead",
        ".ac-background",
        ".ac-related",
        ".ac-topics",
        ".ac-source",
        ".ac-follow",
        ".ac-standards",
    ] {
        assert_eq!(count(&card, absent), 0, "{absent} should be absent");
    }
    // The share bar needs nothing but the address and headline.
    assert_eq!(count(&card, ".ac-share__button"), 5);
    // No element of the card is left without content, except the share
    // bar's live region, which must exist empty to announce changes, and
    // the shapes inside icons.
    for element in all(&card, "*:not([aria-live]):not(svg *)") {
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
    // A native disclosure: the browser keeps and announces its state and
    // handles Enter and Space, with or without script.
    let details = one(&root, "details.ac-background");
    let summary = one(&details, ":scope > summary.ac-disclosure__toggle");
    let panel = one(&details, ":scope > .ac-disclosure__panel");
    assert!(!is_open(&details), "collapsed by default");
    assert_eq!(
        text(&summary, "h3.ac-disclosure__heading"),
        "Hintergrund: Artikel 5"
    );
    assert!(text(&panel, ".ac-background__text").starts_with("Artikel 5"));
    // The name stays the title; the hints (one shown by the stylesheet per
    // state) are for the eye only.
    let hint = one(&summary, ".ac-disclosure__hint");
    assert_eq!(attr(&hint, "aria-hidden").as_deref(), Some("true"));
    assert_eq!(text(&hint, ".ac-disclosure__show"), "anzeigen");
    assert_eq!(text(&hint, ".ac-disclosure__hide"), "ausblenden");

    click(&summary);
    settle().await;
    assert!(is_open(&details));
    click(&summary);
    settle().await;
    assert!(!is_open(&details));
}

#[wasm_bindgen_test]
async fn boxes_of_several_cards_keep_their_own_state_and_ids() {
    let (first, _a) = mount(GERMAN, "").await;
    let (second, _b) = mount(GERMAN, "").await;
    click(&one(&first, ".ac-background summary"));
    settle().await;
    assert!(is_open(&one(&first, ".ac-background")));
    assert!(!is_open(&one(&second, ".ac-background")));
    let id = |root: &Element| attr(&one(root, ".ac-headline"), "id").unwrap();
    assert_ne!(id(&first), id(&second));
}

#[wasm_bindgen_test]
async fn updates_keep_a_box_the_reader_opened() {
    let (root, mut card) = mount(GERMAN, "").await;
    click(&one(&root, ".ac-background summary"));
    update(&root, &mut card, GERMAN, r#"{"theme":"dark"}"#).await;
    assert!(is_open(&one(&root, ".ac-background")));
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
    update(&root, &mut card, ENGLISH, "").await;
    assert!(text(&root, ".ac-headline").contains("riverside cycle network"));
    update(&root, &mut card, ENGLISH, r#"{"lang":"de"}"#).await;
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
            ".ac-background h4.ac-disclosure__heading, h4.ac-related__title, h4.ac-topics__title"
        ),
        3
    );
}

// --- The share bar -------------------------------------------------------

/// Replaces `navigator[name]` for the following tests (undefined removes
/// the API, as in browsers that lack it).
fn stub_navigator(name: &str, value: &JsValue) {
    let navigator = web_sys::window().unwrap().navigator();
    let descriptor = Object::new();
    Reflect::set(&descriptor, &"value".into(), value).unwrap();
    Reflect::set(&descriptor, &"configurable".into(), &true.into()).unwrap();
    Object::define_property(&navigator, &name.into(), &descriptor);
}

/// A clipboard whose writeText records the text in `window.copied` and
/// then resolves (or rejects).
fn stub_clipboard(works: bool) {
    let clipboard = Object::new();
    let body = if works {
        "window.copied = text; return Promise.resolve();"
    } else {
        "return Promise.reject(new DOMException('denied', 'NotAllowedError'));"
    };
    Reflect::set(
        &clipboard,
        &"writeText".into(),
        &Function::new_with_args("text", body),
    )
    .unwrap();
    stub_navigator("clipboard", &clipboard);
}

/// A navigator.share that records its argument in `window.shared` and
/// settles as `outcome` says: "ok", "AbortError" or another error name.
fn stub_native_share(outcome: &str) {
    let body = format!(
        "window.shared = data; return '{outcome}' === 'ok' ? Promise.resolve() : Promise.reject(new DOMException('no', '{outcome}'));"
    );
    stub_navigator("share", &Function::new_with_args("data", &body));
}

fn global(name: &str) -> JsValue {
    Reflect::get(&web_sys::window().unwrap(), &name.into()).unwrap()
}

fn string_at(object: &JsValue, key: &str) -> Option<String> {
    Reflect::get(object, &key.into()).ok()?.as_string()
}

/// Records the share events that reach `root`, and keeps clicks on links
/// from navigating away from the test page.
fn record_share_events(root: &Element) -> std::rc::Rc<std::cell::RefCell<Vec<(String, String)>>> {
    let events = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let sink = events.clone();
    let on_share =
        Closure::<dyn Fn(web_sys::CustomEvent)>::new(move |event: web_sys::CustomEvent| {
            let detail = event.detail();
            sink.borrow_mut().push((
                string_at(&detail, "service").unwrap_or_default(),
                string_at(&detail, "url").unwrap_or_default(),
            ));
        });
    root.add_event_listener_with_callback(SHARE_EVENT, on_share.as_ref().unchecked_ref())
        .unwrap();
    on_share.forget();
    let no_navigation =
        Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| event.prevent_default());
    root.add_event_listener_with_callback("click", no_navigation.as_ref().unchecked_ref())
        .unwrap();
    no_navigation.forget();
    events
}

fn click(element: &Element) {
    element.clone().dyn_into::<HtmlElement>().unwrap().click();
}

const GERMAN_URL: &str = "https://news.example/politik/nato-treffen-oslo-beistandszusagen";

#[wasm_bindgen_test]
async fn share_bar_offers_the_default_services_as_plain_private_links() {
    stub_navigator("share", &JsValue::UNDEFINED);
    let (root, _card) = mount(GERMAN, "").await;
    let bar = one(&root, ".ac-share");
    assert_eq!(text(&bar, ".ac-share__title"), "Artikel teilen");
    assert_eq!(
        attr(&bar, "aria-labelledby"),
        attr(&one(&bar, ".ac-share__title"), "id")
    );
    let buttons = all(&bar, ".ac-share__button");
    let names: Vec<_> = buttons
        .iter()
        .map(|b| attr(b, "aria-label").unwrap_or_else(|| b.text_content().unwrap()))
        .collect();
    assert_eq!(
        names,
        [
            "Bei WhatsApp teilen",
            "Bei Facebook teilen",
            "Bei X teilen",
            "Per E-Mail teilen",
            "Link kopieren"
        ]
    );
    for link in &buttons[..3] {
        assert_eq!(link.tag_name(), "A");
        assert_eq!(attr(link, "target").as_deref(), Some("_blank"));
        assert_eq!(attr(link, "rel").as_deref(), Some("noopener noreferrer"));
        assert!(attr(link, "href").unwrap().starts_with("https://"));
        // The visible label is part of the accessible name.
        assert!(attr(link, "aria-label")
            .unwrap()
            .contains(&link.text_content().unwrap()));
    }
    let facebook = attr(&buttons[1], "href").unwrap();
    assert_eq!(
        facebook,
        "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fnews.example%2Fpolitik%2Fnato-treffen-oslo-beistandszusagen"
    );
    let mail = attr(&buttons[3], "href").unwrap();
    assert!(
        mail.starts_with("mailto:?subject=Au%C3%9Fenminister%20ringen"),
        "{mail}"
    );
    assert_eq!(
        attr(&buttons[3], "target"),
        None,
        "mail opens the mail program, not a tab"
    );
    assert_eq!(buttons[4].tag_name(), "BUTTON");
    assert_eq!(attr(&buttons[4], "type").as_deref(), Some("button"));
    // Icons are our own inline SVG, hidden from assistive technology.
    assert_eq!(count(&bar, "svg[aria-hidden=true] > path"), 5);
    assert_eq!(count(&bar, "img, script, iframe, link, use"), 0);
}

#[wasm_bindgen_test]
async fn share_bar_follows_services_orientation_style_language_and_share_url() {
    stub_navigator("share", &JsValue::UNDEFINED);
    let options = r#"{"lang":"en","services":"pinterest,telegram,print","orientation":"vertical",
        "buttonStyle":"icon","shareUrl":"https://news.example/s/1?a=b","referrerTrack":"utm_source=card"}"#;
    let (root, _card) = mount(GERMAN, options).await;
    let bar = one(&root, ".ac-share");
    assert_eq!(
        bar.class_name(),
        "ac-share ac-share--vertical ac-share--icons"
    );
    let buttons = all(&bar, ".ac-share__button");
    let names: Vec<_> = buttons
        .iter()
        .map(|b| attr(b, "aria-label").unwrap_or_else(|| b.text_content().unwrap()))
        .collect();
    assert_eq!(names, ["Share on Pinterest", "Share on Telegram", "Print"]);
    let pinterest = attr(&buttons[0], "href").unwrap();
    assert!(
        pinterest.starts_with("https://www.pinterest.com/pin/create/button/?url=https%3A%2F%2Fnews.example%2Fs%2F1%3Fa%3Db%26utm_source%3Dcard"),
        "{pinterest}"
    );
    assert_eq!(text(&bar, ".ac-share__title"), "Share article");
}

#[wasm_bindgen_test]
async fn no_share_bar_without_services_or_share_sheet() {
    stub_navigator("share", &JsValue::UNDEFINED);
    let (root, _card) = mount(GERMAN, r#"{"services":""}"#).await;
    assert_eq!(count(&root, ".ac-share"), 0);
}

#[wasm_bindgen_test]
async fn copy_link_writes_the_link_and_says_so() {
    stub_navigator("share", &JsValue::UNDEFINED);
    stub_clipboard(true);
    let (root, _card) = mount(GERMAN, r#"{"services":"copy","referrerTrack":"ref=card"}"#).await;
    let events = record_share_events(&root);
    let status = one(&root, ".ac-share__status");
    assert_eq!(attr(&status, "aria-live").as_deref(), Some("polite"));
    assert_eq!(status.text_content().unwrap(), "");
    click(&one(&root, ".ac-share__button--copy"));
    settle().await;
    yew::platform::time::sleep(std::time::Duration::from_millis(10)).await;
    settle().await;
    assert_eq!(
        global("copied").as_string().as_deref(),
        Some(&*format!("{GERMAN_URL}?ref=card"))
    );
    assert_eq!(
        one(&root, ".ac-share__status").text_content().unwrap(),
        "Link kopiert"
    );
    assert_eq!(count(&root, ".ac-share__manual-field"), 0);
    assert_eq!(
        *events.borrow(),
        [("copy".to_owned(), GERMAN_URL.to_owned())]
    );
}

#[wasm_bindgen_test]
async fn without_a_clipboard_the_link_is_offered_for_copying_by_hand() {
    stub_navigator("share", &JsValue::UNDEFINED);
    for clipboard in ["missing", "refusing"] {
        if clipboard == "missing" {
            stub_navigator("clipboard", &JsValue::UNDEFINED);
        } else {
            stub_clipboard(false);
        }
        let (root, _card) = mount(GERMAN, r#"{"services":"copy"}"#).await;
        click(&one(&root, ".ac-share__button--copy"));
        settle().await;
        yew::platform::time::sleep(std::time::Duration::from_millis(10)).await;
        settle().await;
        let field: web_sys::HtmlInputElement =
            one(&root, ".ac-share__manual-field").dyn_into().unwrap();
        assert_eq!(field.value(), GERMAN_URL, "{clipboard}");
        assert!(field.read_only());
        assert_eq!(text(&root, ".ac-share__manual-label"), "Link zum Kopieren");
        assert_eq!(
            field.selection_end().unwrap(),
            Some(GERMAN_URL.len() as u32),
            "{clipboard}: selected"
        );
    }
}

#[wasm_bindgen_test]
async fn clicking_a_service_dispatches_a_share_event_from_the_card() {
    stub_navigator("share", &JsValue::UNDEFINED);
    let (root, _card) = mount(GERMAN, r#"{"services":"whatsapp,mail,reddit"}"#).await;
    let events = record_share_events(&root);
    for button in all(&root, ".ac-share__button") {
        click(&button);
    }
    let services: Vec<_> = events
        .borrow()
        .iter()
        .map(|(s, u)| (s.clone(), u == GERMAN_URL))
        .collect();
    assert_eq!(
        services,
        [
            ("whatsapp".to_owned(), true),
            ("mail".to_owned(), true),
            ("reddit".to_owned(), true)
        ]
    );
}

#[wasm_bindgen_test]
async fn native_share_sheet_gets_title_text_and_url() {
    stub_native_share("ok");
    let (root, _card) = mount(GERMAN, "").await;
    let buttons = all(&root, ".ac-share__button");
    assert_eq!(
        buttons.len(),
        6,
        "the share button comes after the five links"
    );
    assert_eq!(buttons[5].text_content().unwrap(), "Teilen…");
    let events = record_share_events(&root);
    click(&buttons[5]);
    settle().await;
    let shared = global("shared");
    assert_eq!(string_at(&shared, "url").as_deref(), Some(GERMAN_URL));
    assert_eq!(
        string_at(&shared, "title").as_deref(),
        Some("Außenminister ringen um Sicherheitszusagen für Partnerländer")
    );
    assert_eq!(
        string_at(&shared, "text").as_deref(),
        Some(
            "Die Bündnispartner wollen Partnerländern verbindlichere Sicherheitszusagen anbieten."
        )
    );
    assert_eq!(events.borrow()[0].0, "native");
    stub_navigator("share", &JsValue::UNDEFINED);
}

#[wasm_bindgen_test]
async fn native_only_hides_the_links_until_the_sheet_fails() {
    // Cancelling is the reader's choice: the links stay hidden.
    stub_native_share("AbortError");
    let (root, _card) = mount(GERMAN, r#"{"nativeShare":"only"}"#).await;
    assert_eq!(count(&root, ".ac-share__button"), 1);
    click(&one(&root, ".ac-share__button--native"));
    settle().await;
    yew::platform::time::sleep(std::time::Duration::from_millis(10)).await;
    settle().await;
    assert_eq!(count(&root, ".ac-share__button"), 1);

    // Any other failure brings the links back.
    stub_native_share("NotAllowedError");
    let (root, _card) = mount(GERMAN, r#"{"nativeShare":"only"}"#).await;
    click(&one(&root, ".ac-share__button--native"));
    settle().await;
    yew::platform::time::sleep(std::time::Duration::from_millis(10)).await;
    settle().await;
    assert_eq!(count(&root, ".ac-share__button"), 6);

    // Where there is no share sheet, "only" shows the links.
    stub_navigator("share", &JsValue::UNDEFINED);
    let (root, _card) = mount(GERMAN, r#"{"nativeShare":"only"}"#).await;
    assert_eq!(count(&root, ".ac-share__button--native"), 0);
    assert_eq!(count(&root, ".ac-share__button"), 5);
}

// --- Layouts and languages ----------------------------------------------

/// The parts present in a card, by their classes, in a fixed order.
fn parts_present(root: &Element) -> Vec<&'static str> {
    [
        ".ac-kicker",
        ".ac-overline",
        ".ac-headline",
        ".ac-dateline",
        ".ac-reading-time",
        ".ac-figure",
        ".ac-share",
        ".ac-summary",
        ".ac-lead",
        ".ac-teaser-text",
        ".ac-paragraph",
        ".ac-quote",
        ".ac-background",
        ".ac-related",
        ".ac-topics",
        ".ac-source",
        ".ac-follow",
        ".ac-standards",
        ".ac-readmore",
    ]
    .into_iter()
    .filter(|selector| count(root, selector) > 0)
    .collect()
}

#[wasm_bindgen_test]
async fn each_layout_shows_its_parts() {
    stub_navigator("share", &JsValue::UNDEFINED);
    let every = [
        ".ac-kicker",
        ".ac-overline",
        ".ac-headline",
        ".ac-dateline",
        ".ac-reading-time",
        ".ac-figure",
        ".ac-share",
        ".ac-summary",
        ".ac-background",
        ".ac-related",
        ".ac-topics",
        ".ac-source",
        ".ac-follow",
        ".ac-standards",
        ".ac-readmore",
    ];
    let (card, _a) = mount(GERMAN, r#"{"layout":"card"}"#).await;
    assert_eq!(parts_present(&card), every);
    assert_eq!(one(&card, "article").class_name(), "ac-card ac-card--card");

    let (compact, _b) = mount(GERMAN, r#"{"layout":"compact"}"#).await;
    let expected: Vec<_> = every.into_iter().filter(|p| *p != ".ac-figure").collect();
    assert_eq!(parts_present(&compact), expected);
    // The key points wait behind a disclosure under the headline.
    let summary = one(&compact, ".ac-summary.ac-disclosure");
    assert_eq!(
        text(&summary, ".ac-disclosure__title"),
        "Das Wichtigste in Kürze"
    );
    assert!(!is_open(&summary));
    assert_eq!(
        count(&summary, ".ac-disclosure__panel .ac-summary__item"),
        4
    );
    click(&one(&summary, "summary"));
    settle().await;
    assert!(is_open(&summary));

    let (teaser, _c) = mount(GERMAN, r#"{"layout":"teaser"}"#).await;
    assert_eq!(
        parts_present(&teaser),
        [
            ".ac-kicker",
            ".ac-overline",
            ".ac-headline",
            ".ac-teaser-text",
            ".ac-readmore"
        ]
    );
    assert!(
        text(&teaser, ".ac-teaser-text").starts_with("Zwei Tage lang"),
        "the lead is the teaser's line"
    );

    let (full, _d) = mount(GERMAN, r#"{"layout":"full"}"#).await;
    let mut with_body = every.to_vec();
    with_body.splice(8..8, [".ac-lead", ".ac-paragraph", ".ac-quote"]);
    assert_eq!(parts_present(&full), with_body);
}

#[wasm_bindgen_test]
async fn teaser_without_lead_takes_the_first_key_point() {
    let article = r#"{"url":"https://news.example/t","headline":"Kopf","summary":["Erster Punkt.","Zweiter."]}"#;
    let (root, _card) = mount(article, r#"{"layout":"teaser"}"#).await;
    assert_eq!(text(&root, ".ac-teaser-text"), "Erster Punkt.");
}

#[wasm_bindgen_test]
async fn card_texts_follow_the_language_in_every_layout() {
    stub_navigator("share", &JsValue::UNDEFINED);
    for (lang, expected) in [
        (
            "de",
            [
                "Artikel teilen",
                "Ganzen Artikel lesen",
                "Themen",
                "Mehr zum Thema",
                "1 Min. Lesezeit",
            ],
        ),
        (
            "en",
            [
                "Share article",
                "Read the whole article",
                "Topics",
                "Read more",
                "1 min read",
            ],
        ),
    ] {
        let options = format!(r#"{{"lang":"{lang}","layout":"full"}}"#);
        let (root, _card) = mount(ENGLISH, &options).await;
        let seen = [
            text(&root, ".ac-share__title"),
            text(&root, ".ac-readmore"),
            text(&root, ".ac-topics__title"),
            text(&root, ".ac-related__title"),
            text(&root, ".ac-reading-time"),
        ];
        assert_eq!(seen, expected, "{lang}");
        // The content keeps its own language.
        assert_eq!(attr(&one(&root, "article"), "lang").as_deref(), Some("en"));
        let (compact, _c) = mount(
            ENGLISH,
            &format!(r#"{{"lang":"{lang}","layout":"compact"}}"#),
        )
        .await;
        let title = text(&compact, ".ac-summary .ac-disclosure__title");
        assert_eq!(
            title,
            if lang == "de" {
                "Das Wichtigste in Kürze"
            } else {
                "At a glance"
            }
        );
        let hint = text(&compact, ".ac-summary .ac-disclosure__show");
        assert_eq!(hint, if lang == "de" { "anzeigen" } else { "show" });
    }
}

#[wasm_bindgen_test]
async fn dateline_shows_reading_time_between_spaces() {
    let (root, _card) = mount(GERMAN, r#"{"layout":"card"}"#).await;
    assert_eq!(
        text(&root, ".ac-dateline"),
        "Veröffentlicht: 17. August 2025, 14:30 Uhr Aktualisiert: 17. August 2025, 18:05 Uhr 2 Min. Lesezeit"
    );
}

#[wasm_bindgen_test]
async fn the_cards_own_texts_carry_their_language_and_direction() {
    stub_navigator("share", &JsValue::UNDEFINED);
    let (root, _a) = mount(GERMAN, r#"{"lang":"en"}"#).await;
    let card = one(&root, "article");
    assert_eq!(attr(&card, "lang").as_deref(), Some("de"));
    assert_eq!(attr(&card, "dir").as_deref(), Some("ltr"));
    for own in [
        ".ac-dateline",
        ".ac-share",
        ".ac-summary__heading",
        ".ac-disclosure__hint",
        ".ac-topics__title",
        ".ac-readmore",
    ] {
        assert_eq!(
            attr(&one(&card, own), "lang").as_deref(),
            Some("en"),
            "{own}"
        );
    }
    // Titles written by the publisher keep the article's language.
    for theirs in [
        ".ac-disclosure__title",
        ".ac-related__title",
        ".ac-headline",
    ] {
        assert_eq!(attr(&one(&card, theirs), "lang"), None, "{theirs}");
    }
    // When the card speaks the article's language, nothing needs marking.
    let (plain, _b) = mount(GERMAN, "").await;
    assert_eq!(count(&plain, "[lang]"), 1);

    // Right-to-left content is laid out right to left, whatever the page
    // says; the card's own (English) texts stay left to right.
    let arabic = r#"{"url":"https://news.example/ar","headline":"عنوان الخبر","language":"ar","topics":["سياسة"]}"#;
    let (rtl, _c) = mount(arabic, "").await;
    let card = one(&rtl, "article");
    assert_eq!(attr(&card, "dir").as_deref(), Some("rtl"));
    let more = one(&card, ".ac-readmore");
    assert_eq!(
        (
            attr(&more, "lang").as_deref(),
            attr(&more, "dir").as_deref()
        ),
        (Some("en"), Some("ltr"))
    );
}

#[wasm_bindgen_test]
async fn the_error_notice_takes_the_size_of_its_layout() {
    let (root, _card) = mount("{}", r#"{"layout":"teaser"}"#).await;
    let notice = one(&root, ".ac-card--error");
    assert_eq!(
        notice.class_name(),
        "ac-card ac-card--error ac-card--teaser"
    );
}

#[wasm_bindgen_test]
async fn the_card_speaks_each_of_its_seven_languages() {
    stub_navigator("share", &JsValue::UNDEFINED);
    let expected = [
        (
            "de",
            "Artikel teilen",
            "Ganzen Artikel lesen",
            "Themen",
            "17. August 2025, 14:30 Uhr",
            "2 Min. Lesezeit",
        ),
        (
            "en",
            "Share article",
            "Read the whole article",
            "Topics",
            "August 17, 2025, 2:30 PM",
            "2 min read",
        ),
        (
            "fr",
            "Partager l’article",
            "Lire l’article complet",
            "Thèmes",
            "17 août 2025 à 14 h 30",
            "2 min de lecture",
        ),
        (
            "it",
            "Condividi l’articolo",
            "Leggi l’articolo completo",
            "Temi",
            "17 agosto 2025, ore 14:30",
            "2 min di lettura",
        ),
        (
            "es",
            "Compartir artículo",
            "Leer el artículo completo",
            "Temas",
            "17 de agosto de 2025, 14:30",
            "2 min de lectura",
        ),
        (
            "nl",
            "Artikel delen",
            "Lees het hele artikel",
            "Onderwerpen",
            "17 augustus 2025 om 14:30",
            "2 min leestijd",
        ),
        (
            "pl",
            "Udostępnij artykuł",
            "Przeczytaj cały artykuł",
            "Tematy",
            "17 sierpnia 2025, godz. 14:30",
            "2 min czytania",
        ),
    ];
    for (lang, share, more, topics, date, reading) in expected {
        let (root, _card) = mount(GERMAN, &format!(r#"{{"lang":"{lang}"}}"#)).await;
        let seen = [
            text(&root, ".ac-share__title"),
            text(&root, ".ac-readmore"),
            text(&root, ".ac-topics__title"),
            text(&root, "time"),
            text(&root, ".ac-reading-time"),
        ];
        assert_eq!(seen, [share, more, topics, date, reading], "{lang}");
        // The card's own texts say which language they are in.
        let own = attr(&one(&root, ".ac-readmore"), "lang");
        assert_eq!(own.as_deref(), (lang != "de").then_some(lang), "{lang}");
        // Every share control has a name in that language.
        for button in all(&root, ".ac-share__button") {
            let name =
                attr(&button, "aria-label").unwrap_or_else(|| button.text_content().unwrap());
            assert!(!name.trim().is_empty(), "{lang}");
        }
    }
}
