//! schema.org articles in JSON-LD: the shapes publishers' pages and SEO
//! plugins emit, read into the card's model (`tests/jsonld/*.json`); the
//! page's own JSON-LD blocks; problems at JSON-LD paths; the paywall
//! marker; and the way back out with `article-card jsonld`, round-tripping
//! every demo article and fixture.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use article_card::jsonld::out::to_jsonld;
use article_card::model::{Article, Block, Hero, Link, Topic};
use article_card::options::parse_options;
use article_card::pipeline::{
    parse_article, parse_jsonld_blocks, parse_jsonld_page, read_article, Parsed, Rejection,
};
use article_card::server::card_html;
use article_card::url::resolve;
use serde_json::{json, Value};

/// The JSON-LD fixtures that hold a valid article.
const VALID: [&str; 12] = [
    "yoast-graph",
    "string-image",
    "image-sizes",
    "mixed-authors",
    "no-dates",
    "date-only",
    "entities",
    "relative-urls",
    "paywall",
    "extension",
    "top-level-array",
    "page-article-with-url",
];

fn read(path: &str) -> String {
    let path = format!("{ROOT}/{path}");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn fixture(name: &str) -> String {
    if name == "page-article-with-url" {
        // The page's article block, on its own it needs its address.
        let mut value: Value = serde_json::from_str(&fixture("page-article")).unwrap();
        value["url"] = json!("https://www.valleyherald.example/science/record-swift-count");
        return value.to_string();
    }
    read(&format!("tests/jsonld/{name}.json"))
}

fn read_fixture(name: &str) -> Parsed {
    read_article(&fixture(name))
}

fn article(name: &str) -> Article {
    read_fixture(name)
        .article
        .unwrap_or_else(|r| panic!("{name} should be valid: {:#?}", r.problems))
}

fn notes(parsed: &Parsed) -> Vec<String> {
    parsed.notes.iter().map(ToString::to_string).collect()
}

fn problems(rejection: &Rejection) -> Vec<String> {
    rejection.problems.iter().map(ToString::to_string).collect()
}

fn rejection_of(text: &str) -> Rejection {
    parse_article(text).expect_err("should be refused")
}

fn labels(topics: &[Topic]) -> Vec<&str> {
    topics.iter().map(|t| t.label.as_str()).collect()
}

fn render(article: &Article, options: &str) -> String {
    card_html(Rc::new(article.clone()), Rc::new(parse_options(options).0))
}

const NOT_AN_ARTICLE: &str =
    "the card needs a NewsArticle, Article, BlogPosting or another article type of schema.org";

// ----- JSON-LD in -----

#[test]
fn a_yoast_like_graph_follows_its_id_links() {
    let parsed = read_fixture("yoast-graph");
    let article = parsed.article.clone().unwrap();
    let page = "https://www.rheinblick.example/region/rheinpegel-koeln-schutzwaende/";
    assert_eq!(article.url, page, "mainEntityOfPage → the WebPage's url");
    assert_eq!(
        article.headline,
        "Rheinpegel steigt: Köln baut mobile Schutzwände auf"
    );
    assert_eq!(
        article.lead.as_deref(),
        Some("Bis Donnerstag soll der Pegel auf 8,20 Meter steigen. Die Stadt sperrt erste Uferstraßen – Schiffe dürfen vorerst weiterfahren.")
    );
    assert_eq!(
        article.section.as_deref(),
        Some("Region"),
        "the first section"
    );
    assert_eq!(labels(&article.topics), ["Hochwasser", "Köln", "Rhein"]);
    assert_eq!(article.language.as_deref(), Some("de-DE"));
    assert_eq!(
        article.published.as_deref(),
        Some("2025-03-04T06:45:00+00:00")
    );
    assert_eq!(
        article.modified.as_deref(),
        Some("2025-03-04T11:20:00+00:00")
    );
    assert_eq!(
        article.hero,
        Some(Hero {
            url: "https://www.rheinblick.example/wp-content/uploads/2025/03/pegel-altstadt.jpg"
                .into(),
            alt: Some(String::new()),
            caption: Some(
                "Helferinnen und Helfer setzen am Altstadtufer die ersten Wandelemente.".into()
            ),
            credit: None,
            width: Some(1600),
            height: Some(900),
        }),
        "the #primaryimage node, not the logo or the avatar"
    );
    assert_eq!(
        article.source.as_deref(),
        Some("Jana Oberdieck"),
        "the Person node"
    );
    assert_eq!(article.standards, None);
    assert_eq!(article.free, None);
    assert!(article.summary.is_empty() && article.body.is_empty());
    assert_eq!(
        notes(&parsed),
        ["@graph[5].publishingPrinciples: has no name to show as the link's words; left out (give a CreativeWork with name and url)"],
        "the publisher's bare standards address has no words for a link"
    );
}

#[test]
fn a_string_image_comma_keywords_and_iso_8601_forms() {
    let article = article("string-image");
    assert_eq!(
        article.url,
        "https://www.harbourtimes.example/travel/night-trains-coast-line"
    );
    assert_eq!(
        article.hero,
        Some(Hero {
            url: "https://www.harbourtimes.example/media/2025/05/night-train-platform.jpg".into(),
            alt: Some(String::new()),
            ..Hero::default()
        })
    );
    assert_eq!(
        article.published.as_deref(),
        Some("2025-05-28T07:00:00+01:00"),
        "seconds added"
    );
    assert_eq!(
        article.modified.as_deref(),
        Some("2025-05-28T09:40:00+01:00"),
        "T for the space, +01:00 for +0100"
    );
    assert_eq!(labels(&article.topics), ["rail", "night trains", "tourism"]);
    assert_eq!(article.source.as_deref(), Some("Priya Marsh"));
    assert_eq!(article.language.as_deref(), Some("en-GB"));
    assert_eq!(article.section.as_deref(), Some("Travel"));
}

#[test]
fn an_image_list_gives_the_card_the_smallest_wide_enough_16_by_9_picture() {
    let article = article("image-sizes");
    assert_eq!(
        article.hero,
        Some(Hero {
            url: "https://cdn.fjordpost.example/img/salmon-tanks-16x9.jpg".into(),
            alt: Some("Rows of round concrete tanks inside a long, brightly lit hall".into()),
            caption: Some("Each tank holds around 40,000 fish in filtered fjord water.".into()),
            credit: Some("Fjordpost / Ingrid Solheim".into()),
            width: Some(1200),
            height: Some(675),
        }),
        "1200 px wide like the square one, and 16:9"
    );
    assert_eq!(
        article.url,
        "https://www.fjordpost.example/en/reportage/salmon-farms-inland"
    );
    assert_eq!(article.overline.as_deref(), Some("Aquaculture:"));
    assert_eq!(
        article.language.as_deref(),
        Some("en"),
        "a Language's alternateName"
    );

    let pick = |images: Value| -> Hero {
        let doc = json!({
            "@context": "https://schema.org", "@type": "NewsArticle",
            "url": "https://n.example/a", "headline": "Kopf", "image": images
        });
        parse_article(&doc.to_string()).unwrap().hero.unwrap()
    };
    let narrow = pick(json!([
        { "url": "https://n.example/s.jpg", "width": 400, "height": 300 },
        { "url": "https://n.example/m.jpg", "width": "800", "height": "600" },
        { "url": "https://n.example/m169.jpg", "width": 800, "height": 450 },
        "https://n.example/unknown.jpg"
    ]));
    assert_eq!(narrow.url, "https://n.example/m169.jpg", "else the widest");
    let unknown = pick(json!([
        "https://n.example/1.jpg",
        "https://n.example/2.jpg"
    ]));
    assert_eq!(unknown.url, "https://n.example/1.jpg", "else the first");
    let one_side = pick(json!({ "url": "https://n.example/w.jpg", "width": 1600 }));
    assert_eq!(
        (one_side.width, one_side.height),
        (None, None),
        "both or neither"
    );
}

#[test]
fn authors_mixing_people_organisations_and_names_make_the_source_line() {
    let parsed = read_fixture("mixed-authors");
    let article = parsed.article.clone().unwrap();
    assert_eq!(
        article.source.as_deref(),
        Some("Henrike Vossberg, Emre Kaplan, Lutz Arndt, dpa, Tageskurier-Wirtschaftsredaktion"),
        "in order, each once, the agency through its @id"
    );
    assert_eq!(
        notes(&parsed),
        ["@graph[0].author[5]: has no name; left out of the source line"]
    );
    assert_eq!(article.language.as_deref(), Some("de-DE"), "de_DE");
    assert_eq!(
        article.published.as_deref(),
        Some("2025-11-20T16:05:00+01:00")
    );
}

#[test]
fn an_article_without_dates_shows_no_dateline() {
    let parsed = read_fixture("no-dates");
    assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
    let article = parsed.article.unwrap();
    assert_eq!(
        article.headline, "Notes from the spring seed swap",
        "from name"
    );
    assert_eq!(
        article.url, "https://blog.allotment.example/2025/seed-swap-notes",
        "the document part of the @id"
    );
    assert_eq!((article.published, article.modified), (None, None));
    let html = render(&article_of("no-dates"), "{}");
    assert!(!html.contains("ac-dateline"), "{html}");
}

fn article_of(name: &str) -> Article {
    article(name)
}

#[test]
fn dates_without_time_or_offset_are_left_out_with_a_note() {
    let parsed = read_fixture("date-only");
    let article = parsed.article.clone().expect("the card still shows");
    assert_eq!((article.published, article.modified), (None, None));
    assert_eq!(
        notes(&parsed),
        [
            "datePublished: has no time of day, so the card shows no date; give one with its offset, such as 2025-08-17T14:30:00+02:00",
            "dateModified: has no UTC offset, so the card shows no date rather than guess the time zone; add one, such as +02:00 or Z",
        ]
    );
}

#[test]
fn entities_are_decoded_to_text_and_tags_stay_text() {
    let article = article("entities");
    assert_eq!(
        article.headline,
        "„Mutig & leise“: Sechs Romane auf der Shortlist für den Buchpreis – <em>zwei</em> Debüts"
    );
    assert_eq!(article.overline.as_deref(), Some("Literatur\u{a0}»"));
    assert_eq!(
        article.lead.as_deref(),
        Some("Die Jury lobt \"erzählerischen Mut\". Der Preis ist mit 25.000\u{a0}€ dotiert … Verliehen wird er im Oktober – wie immer im Römer.")
    );
    let hero = article.hero.clone().unwrap();
    assert_eq!(
        hero.caption.as_deref(),
        Some("Die sechs nominierten Bücher – vier Romane, zwei Debüts")
    );
    assert_eq!(
        hero.credit.as_deref(),
        Some("Su\u{308}dpost & Partner"),
        "a combining mark is a character like any other"
    );
    assert_eq!(article.source.as_deref(), Some("Redaktion 'Literatur'"));
    assert_eq!(labels(&article.topics), ["Buchpreis", "Literatur & Kritik"]);
    let html = render(&article, "{}");
    assert!(html.contains("&lt;em&gt;zwei&lt;/em&gt;"), "{html}");
    assert!(!html.contains("<em>"));
}

#[test]
fn relative_addresses_are_resolved_against_the_documents_address() {
    let expected = |article: &Article| {
        let site = "https://www.stadtanzeiger.example";
        assert_eq!(article.url, format!("{site}/kultur/museumsnacht-2025"));
        assert_eq!(
            article.hero.as_ref().unwrap().url,
            format!("{site}/bilder/museumsnacht/lichtinstallation.jpg")
        );
        assert_eq!(
            article.topics,
            [
                Topic {
                    label: "Museen".into(),
                    url: Some(format!("{site}/themen/museen"))
                },
                Topic {
                    label: "Nachtleben".into(),
                    url: None
                },
            ]
        );
        assert_eq!(
            article.standards,
            Some(Link {
                label: "So arbeitet unsere Redaktion".into(),
                url: format!("{site}/ueber-uns/grundsaetze"),
            })
        );
        let Block::Related { links, .. } = &article.body[0] else {
            panic!("{:?}", article.body);
        };
        let urls: Vec<&str> = links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                format!("{site}/kultur/programm").as_str(),
                "https://verkehr.stadtanzeiger.example/museumsnacht"
            ]
        );
    };
    // On its own: against the @id, the one absolute address it gives.
    expected(&article("relative-urls"));
    // On its page: against the page's address.
    let text = fixture("relative-urls");
    let on_page = parse_jsonld_blocks(
        &[&text],
        "https://www.stadtanzeiger.example/kultur/museumsnacht-2025?ref=start",
    );
    expected(&on_page.article.unwrap());
}

#[test]
fn a_page_with_several_blocks_gives_its_article_and_names_a_broken_block() {
    let blocks = [
        fixture("page-breadcrumbs"),
        fixture("page-organization"),
        "{ \"@context\": \"https://schema.org\", \"@type\": \"FAQPage\", }".to_owned(),
        fixture("page-article"),
    ];
    let blocks: Vec<&str> = blocks.iter().map(String::as_str).collect();
    let page = "https://www.valleyherald.example/science/record-swift-count";
    let parsed = parse_jsonld_blocks(&blocks, page);
    assert_eq!(
        notes(&parsed),
        ["script[2]: the JSON is not valid: expected a key in double quotes (line 1, column 57)"]
    );
    let article = parsed.article.clone().unwrap();
    assert_eq!(article.url, page, "the page's own address");
    assert_eq!(
        article.headline,
        "Volunteers count a record number of swifts over the valley"
    );
    assert_eq!(
        article.hero.as_ref().unwrap().url,
        "https://www.valleyherald.example/static/photos/swifts-evening-sky.jpg"
    );
    assert_eq!(
        article.standards,
        Some(Link {
            label: "Our editorial standards".into(),
            url: "https://www.valleyherald.example/about/standards".into(),
        }),
        "the publisher's, through an @id into another block"
    );
    assert_eq!(article.source.as_deref(), Some("Owen Pritchard"));

    // What the embed script hands over: JSON.stringify of the texts.
    let from_script = parse_jsonld_page(&serde_json::to_string(&blocks).unwrap(), page);
    assert_eq!(from_script, parsed);

    let without = parse_jsonld_blocks(&blocks[..3], page);
    assert_eq!(
        problems(&without.article.unwrap_err()),
        [
            "script[2]: the JSON is not valid: expected a key in double quotes (line 1, column 57)".to_owned(),
            format!("no article among the JSON-LD nodes (found BreadcrumbList, NewsMediaOrganization); {NOT_AN_ARTICLE}"),
        ]
    );
    assert_eq!(
        problems(&parse_jsonld_blocks(&[], page).article.unwrap_err()),
        ["the page has no <script type=\"application/ld+json\"> block"]
    );
    for bad in ["{}", "[1, 2]", "not json"] {
        assert_eq!(
            problems(&parse_jsonld_page(bad, page).article.unwrap_err()),
            ["the page's JSON-LD blocks must come as a JSON list of texts"],
            "{bad}"
        );
    }
}

#[test]
fn among_several_articles_the_one_of_the_page_wins() {
    let teaser = json!({
        "@context": "https://schema.org", "@type": "NewsArticle",
        "url": "https://n.example/sport/pokal", "headline": "Pokalspiel verlegt"
    })
    .to_string();
    let main = json!({
        "@context": "https://schema.org", "@type": "NewsArticle",
        "mainEntityOfPage": { "@id": "https://n.example/politik/haushalt/" },
        "headline": "Haushalt beschlossen"
    })
    .to_string();
    let headline = |page: &str| {
        parse_jsonld_blocks(&[&teaser, &main], page)
            .article
            .unwrap()
            .headline
    };
    assert_eq!(
        headline("https://n.example/politik/haushalt#kommentare"),
        "Haushalt beschlossen"
    );
    assert_eq!(
        headline("https://n.example/politik/haushalt/"),
        "Haushalt beschlossen"
    );
    assert_eq!(
        headline("https://n.example/startseite"),
        "Pokalspiel verlegt",
        "else the first"
    );
    // A web page whose main entity is the article.
    let nested = json!({
        "@context": "https://schema.org", "@type": "WebPage",
        "mainEntity": { "@type": "BackgroundNewsArticle", "url": "https://n.example/h", "headline": "Hintergrund" }
    });
    assert_eq!(
        parse_article(&nested.to_string()).unwrap().headline,
        "Hintergrund"
    );
}

#[test]
fn a_top_level_list_of_nodes() {
    let article = article("top-level-array");
    assert_eq!(article.headline, "Weinlese beginnt so früh wie nie");
    assert_eq!(article.source.as_deref(), Some("Bernd Thielen"));
    assert_eq!(
        article.url,
        "https://www.moselzeitung.example/lokales/weinlese-beginnt-frueh"
    );
}

#[test]
fn types_other_than_articles_are_refused_by_name() {
    let recipe = read_fixture("recipe").article.unwrap_err();
    assert_eq!(
        problems(&recipe),
        [format!("@type: Recipe is not an article; {NOT_AN_ARTICLE}")]
    );
    assert_eq!(recipe.url, None);
    let event = read_fixture("event-graph").article.unwrap_err();
    assert_eq!(
        problems(&event),
        [format!(
            "no article among the JSON-LD nodes (found WebPage, Event); {NOT_AN_ARTICLE}"
        )]
    );
    let untyped = rejection_of(r#"{"@context": "https://schema.org", "headline": "Kopf"}"#);
    assert_eq!(
        problems(&untyped),
        [format!("@type: is missing; {NOT_AN_ARTICLE}")]
    );
}

#[test]
fn context_and_type_forms() {
    let doc = |context: Value, kind: Value| {
        let mut doc = json!({ "@type": kind, "url": "https://n.example/a", "headline": "Kopf" });
        if !context.is_null() {
            doc["@context"] = context;
        }
        parse_article(&doc.to_string()).map(|a| a.headline)
    };
    for (context, kind) in [
        (json!("https://schema.org"), json!("NewsArticle")),
        (
            json!("http://schema.org/"),
            json!(["Article", "CreativeWork"]),
        ),
        (
            json!({ "@vocab": "https://schema.org/" }),
            json!("BlogPosting"),
        ),
        (
            json!({ "schema": "https://schema.org/" }),
            json!("schema:OpinionNewsArticle"),
        ),
        (
            json!(["https://schema.org", { "@language": "de" }]),
            json!("ReviewNewsArticle"),
        ),
        (Value::Null, json!("https://schema.org/NewsArticle")),
        (Value::Null, json!("http://schema.org/LiveBlogPosting")),
    ] {
        assert_eq!(
            doc(context.clone(), kind.clone()).as_deref(),
            Ok("Kopf"),
            "{context} {kind}"
        );
    }
    let missing = doc(Value::Null, json!("NewsArticle")).unwrap_err();
    assert_eq!(
        problems(&missing),
        ["@context: is missing: JSON-LD names its vocabulary, as in \"@context\": \"https://schema.org\""]
    );
    let other = doc(json!("https://vocab.example/news"), json!("NewsArticle")).unwrap_err();
    assert_eq!(
        problems(&other),
        ["@context: must name schema.org, as in \"@context\": \"https://schema.org\""]
    );
    assert!(doc(json!("https://schema.org"), json!("TechArticle")).is_err());
}

#[test]
fn invalid_json_ld_gets_every_problem_at_its_path() {
    let rejection = read_fixture("broken-article").article.unwrap_err();
    assert_eq!(
        problems(&rejection),
        [
            "@graph[2].datePublished: is not an ISO 8601 date and time such as 2025-08-17T14:30:00+02:00",
            "@graph[2].isAccessibleForFree: must be true or false, not \"maybe\"",
            "@graph[2].image[0].width: must be a number of pixels such as 1200 or \"1200px\", not \"wide\"",
            "@graph[2].image[0].url: only http and https links are allowed",
            "@graph[2].author: must be a Person, an Organization or a name, not a number",
            "@graph[2].keywords[0]: must be text or a DefinedTerm with a name, not true or false",
            "@graph[2].headline: is required",
            "@graph[2].inLanguage.name: is not a language tag such as de or en-GB",
        ]
    );
    assert_eq!(
        rejection.url.as_deref(),
        Some("https://www.northgazette.example/politics/budget-vote"),
        "the error notice can still link the article"
    );
    assert_eq!(rejection.language, None, "\"English\" is no language tag");
}

#[test]
fn the_rules_of_our_format_hold_at_json_ld_paths() {
    let long = "Wort ".repeat(61);
    let graph = json!({
        "@context": "https://schema.org",
        "@graph": [{
            "@type": "NewsArticle",
            "url": "https://n.example/a",
            "headline": long.trim(),
            "inLanguage": "de",
            "image": { "@type": "ImageObject", "url": "https://n.example/b.jpg", "width": 0, "height": 0 },
            "datePublished": "2025-08-17T14:30:00+02:00",
            "dateModified": "2025-08-17T09:00:00+02:00",
            "keywords": [{ "@type": "DefinedTerm", "name": "Nato", "url": "data:text/html,x" }],
            "articleCard": {
                "summary": ["eins", ""],
                "body": [{ "type": "related", "links": [] }],
                "follow": { "label": "Folgen", "url": "mailto:a@n.example" }
            }
        }]
    });
    let rejection = rejection_of(&graph.to_string());
    assert_eq!(
        problems(&rejection),
        [
            "@graph[0].headline: is 304 characters long; the limit is 300",
            "@graph[0].image.width: must be between 1 and 10000 pixels",
            "@graph[0].image.height: must be between 1 and 10000 pixels",
            "@graph[0].articleCard.summary[1]: bullet is empty",
            "@graph[0].articleCard.body[0].links: list is empty",
            "@graph[0].keywords[0].url: only http and https links are allowed",
            "@graph[0].articleCard.follow.url: only http and https links are allowed",
            "@graph[0].dateModified: is earlier than published",
        ]
    );
    assert_eq!(rejection.url.as_deref(), Some("https://n.example/a"));
    assert_eq!(rejection.language.as_deref(), Some("de"));

    let typed = json!({
        "@context": "https://schema.org", "@type": "NewsArticle",
        "url": "https://n.example/a", "headline": ["Kopf"],
        "description": { "text": "x" },
        "articleCard": { "summary": "eins", "body": [{ "type": "gedicht" }] }
    });
    assert_eq!(
        problems(&rejection_of(&typed.to_string())),
        [
            "description: must be text, not an object",
            "articleCard.summary: must be a list, not text",
            "articleCard.body[0].type: \"gedicht\" is not one of paragraph, heading, quote, background or related",
        ]
    );
}

#[test]
fn more_keywords_than_the_card_shows_are_cut_with_a_note() {
    let keywords: Vec<String> = (1..=25).map(|i| format!("Thema {i}")).collect();
    let doc = json!({
        "@context": "https://schema.org", "@type": "NewsArticle",
        "url": "https://n.example/a", "headline": "Kopf", "keywords": keywords.join(", ")
    });
    let parsed = read_article(&doc.to_string());
    assert_eq!(parsed.article.as_ref().unwrap().topics.len(), 20);
    assert_eq!(
        notes(&parsed),
        ["keywords: has 25 keywords; the card shows the first 20"]
    );
}

#[test]
fn hostile_json_ld_costs_little() {
    // Many objects under a very long key, and thousands of references to
    // them: paths are built only for what is followed, lists are capped.
    let key = "k".repeat(100_000);
    let nested: Vec<Value> = (0..2_000)
        .map(|i| json!({ "@id": format!("p{i}"), "name": "N" }))
        .collect();
    let refs: Vec<Value> = (0..2_000)
        .map(|i| json!({ "@id": format!("p{i}") }))
        .collect();
    let doc = json!({
        "@context": "https://schema.org",
        "@graph": [
            { "@type": "NewsArticle", "url": "https://n.example/a", "headline": "Kopf",
              "author": refs, "image": vec![json!({ "@id": "p1" }); 500],
              "keywords": vec![json!({ "@id": "p2" }); 1_000] },
            { key.as_str(): nested }
        ]
    })
    .to_string();
    assert!(
        doc.len() < article_card::pipeline::MAX_JSON_BYTES,
        "{}",
        doc.len()
    );
    let started = std::time::Instant::now();
    let parsed = read_article(&doc);
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    let long = format!("@graph[1].{}…", "k".repeat(63));
    let rejection = parsed.article.as_ref().unwrap_err();
    assert_eq!(
        problems(rejection)[0],
        format!("{long}[1]: an image needs a url or contentUrl")
    );
    assert_eq!(rejection.problems.len(), 100, "the first 100 images");
    assert_eq!(
        notes(&parsed)[..3],
        [
            "@graph[0].image: has 500 images; the card looks at the first 100",
            "@graph[0].author: has 2000 authors; the card looks at the first 100",
            "@graph[0].keywords: has 1000 keywords; the card shows the first 20",
        ]
    );
}

#[test]
fn our_own_format_is_read_as_before() {
    assert_eq!(
        problems(&rejection_of("[{\"headline\": \"Kopf\"}]"))[0],
        "must be an object, not a list",
        "a list without JSON-LD nodes is not JSON-LD"
    );
    for name in ["de-politik", "en-city", "minimal"] {
        let parsed = read_article(&read(&format!("www/articles/{name}.json")));
        assert!(parsed.article.is_ok() && parsed.notes.is_empty(), "{name}");
    }
}

// ----- the paywall marker -----

#[test]
fn a_paywalled_article_carries_a_marker_in_its_header() {
    let article = article("paywall");
    assert_eq!(article.free, Some(false), "\"False\" as text");
    assert_eq!(article.overline.as_deref(), Some("Kommentar:"));
    let html = render(&article, "{}");
    assert!(
        html.contains("<span part=\"paywall\" class=\"ac-paywall\">Nur mit Abo</span>"),
        "{html}"
    );
    let header = &html[html.find("<header").unwrap()..html.find("</header>").unwrap()];
    assert!(header.contains("ac-paywall"), "in the header");
    let english = render(&article, r#"{"lang": "en"}"#);
    assert!(
        english.contains(
            "<span part=\"paywall\" lang=\"en\" class=\"ac-paywall\">Subscribers only</span>"
        ),
        "{english}"
    );
    for teaser in [
        render(&article, r#"{"layout": "teaser"}"#),
        render(&article, r#"{"layout": "compact"}"#),
    ] {
        assert!(teaser.contains("ac-paywall"), "every layout");
    }

    let free = article_of("extension");
    assert_eq!(free.free, Some(true));
    assert!(!render(&free, "{}").contains("ac-paywall"));
    let unknown = article_of("string-image");
    assert_eq!(unknown.free, None);
    assert!(
        !render(&unknown, "{}").contains("ac-paywall"),
        "not saying is not a paywall"
    );

    for (value, free) in [
        ("false", false),
        ("\"false\"", false),
        ("\"https://schema.org/True\"", true),
    ] {
        let doc = format!(
            r#"{{"@context":"https://schema.org","@type":"NewsArticle","url":"https://n.example/a","headline":"Kopf","isAccessibleForFree":{value}}}"#
        );
        assert_eq!(parse_article(&doc).unwrap().free, Some(free), "{value}");
    }
}

#[test]
fn our_own_format_says_free_as_true_or_false() {
    let own = |free: &str| {
        parse_article(&format!(
            r#"{{"url": "https://n.example/a", "headline": "Kopf", "free": {free}}}"#
        ))
    };
    assert_eq!(own("false").unwrap().free, Some(false));
    assert_eq!(own("true").unwrap().free, Some(true));
    assert_eq!(own("null").unwrap().free, None);
    assert_eq!(
        problems(&own("\"nein\"").unwrap_err()),
        ["free: must be true or false, not text"]
    );
}

// ----- the extension -----

#[test]
fn the_extension_brings_the_parts_schema_org_has_no_words_for() {
    let article = article("extension");
    assert_eq!(
        article.summary,
        [
            "Volunteer divers planted the shoots by hand in small hessian bags.",
            "About two thirds of the first year's plants have taken root."
        ]
    );
    assert_eq!(article.body.len(), 2);
    assert!(
        matches!(&article.body[1], Block::Background { title: Some(t), .. } if t == "Background: why seagrass matters")
    );
    assert_eq!(
        article.source.as_deref(),
        Some("/lo/coastalrecord"),
        "the extension's source line wins over the authors"
    );
    assert_eq!(
        article.follow,
        Some(Link {
            label: "Follow our environment desk".into(),
            url: "https://www.coastalrecord.example/environment/newsletter".into()
        })
    );
    assert_eq!(
        article.standards.as_ref().map(|l| l.label.as_str()),
        Some("How we report")
    );
    assert_eq!(article.reading_minutes(), Some(1));

    // Only the parts schema.org cannot hold come from the extension.
    let other = json!({
        "@context": "https://schema.org", "@type": "NewsArticle",
        "url": "https://n.example/a", "headline": "Kopf",
        "articleCard": { "headline": 5, "url": "javascript:x", "summary": ["Eins"] }
    });
    let article = parse_article(&other.to_string()).unwrap();
    assert_eq!(
        (article.headline.as_str(), article.summary.len()),
        ("Kopf", 1)
    );
}

// ----- JSON-LD out -----

/// Every article our format and the JSON-LD fixtures hold.
fn every_article() -> Vec<(String, Article)> {
    let mut all = Vec::new();
    for name in ["de-politik", "en-city", "minimal"] {
        let text = read(&format!("www/articles/{name}.json"));
        all.push((name.to_owned(), parse_article(&text).unwrap()));
    }
    let fixtures = std::fs::read_dir(format!("{ROOT}/tests/fixtures")).unwrap();
    for entry in fixtures {
        let path = entry.unwrap().path();
        if let Ok(article) = parse_article(&std::fs::read_to_string(&path).unwrap()) {
            all.push((path.display().to_string(), article));
        }
    }
    for name in VALID {
        all.push((name.to_owned(), article(name)));
    }
    all
}

/// What cannot survive the trip, and only that: relative addresses, which
/// our format leaves to the host page and JSON-LD resolves against the
/// article's page, come back absolute.
fn with_absolute_addresses(mut article: Article) -> Article {
    let base = article.url.clone();
    let absolute = |url: &mut String| {
        if let Some(resolved) = resolve(&base, url) {
            *url = resolved;
        }
    };
    if let Some(hero) = &mut article.hero {
        absolute(&mut hero.url);
    }
    for topic in &mut article.topics {
        if let Some(url) = &mut topic.url {
            absolute(url);
        }
    }
    for block in &mut article.body {
        if let Block::Related { links, .. } = block {
            links.iter_mut().for_each(|link| absolute(&mut link.url));
        }
    }
    for link in [&mut article.follow, &mut article.standards]
        .into_iter()
        .flatten()
    {
        absolute(&mut link.url);
    }
    article
}

#[test]
fn every_article_survives_the_trip_through_json_ld() {
    let all = every_article();
    assert!(all.len() >= 16, "{}", all.len());
    for (name, article) in all {
        let jsonld = to_jsonld(&article);
        let parsed = read_article(&jsonld);
        assert!(parsed.notes.is_empty(), "{name}: {:?}", parsed.notes);
        let back = parsed
            .article
            .unwrap_or_else(|r| panic!("{name}: {:#?}\n{jsonld}", r.problems));
        assert_eq!(back, with_absolute_addresses(article), "{name}\n{jsonld}");
    }
}

#[test]
fn the_output_has_what_search_engines_read() {
    let article = parse_article(&read("www/articles/de-politik.json")).unwrap();
    let out: Value = serde_json::from_str(&to_jsonld(&article)).unwrap();
    let url = "https://news.example/politik/nato-treffen-oslo-beistandszusagen";
    assert_eq!(out["@context"], "https://schema.org");
    assert_eq!(out["@type"], "NewsArticle");
    assert_eq!(
        out["mainEntityOfPage"],
        json!({ "@type": "WebPage", "@id": url })
    );
    assert_eq!(out["url"], url);
    assert_eq!(out["headline"], article.headline);
    assert_eq!(out["alternativeHeadline"], "Nach dem Nato-Treffen in Oslo:");
    assert_eq!(
        out["image"],
        json!([{
            "@type": "ImageObject",
            "url": "https://news.example/www/images/konferenz.svg",
            "width": 1200,
            "height": 675,
            "caption": "Die Außenministerinnen und Außenminister tagten zwei Tage lang hinter verschlossenen Türen.",
            "creditText": "Beispielagentur | Mara Lindqvist",
            "description": "Ein langer Konferenztisch mit Flaggen und Mikrofonen vor einer blauen Wand"
        }])
    );
    assert_eq!(out["datePublished"], "2025-08-17T14:30:00+02:00");
    assert_eq!(out["dateModified"], "2025-08-17T18:05:00+02:00");
    assert_eq!(out["inLanguage"], "de");
    assert_eq!(out["articleSection"], "Politik");
    assert_eq!(out["description"], article.lead.clone().unwrap());
    assert_eq!(out["keywords"][2], "Sicherheit");
    assert_eq!(
        out["keywords"][0],
        json!({ "@type": "DefinedTerm", "name": "Nato", "url": "https://news.example/themen/nato" })
    );
    assert_eq!(
        out["publishingPrinciples"]["name"],
        "Unsere journalistischen Standards"
    );
    assert_eq!(out["articleCard"]["summary"].as_array().unwrap().len(), 4);
    assert_eq!(out["articleCard"]["source"], "/abc/news.example/dpa/xyz");
    assert_eq!(out["articleCard"]["body"].as_array().unwrap().len(), 10);
    assert_eq!(
        out["articleCard"]["follow"]["url"],
        "https://news.example/folgen"
    );
    for absent in ["author", "publisher", "isAccessibleForFree"] {
        assert!(out.get(absent).is_none(), "{absent}");
    }
    let paywalled: Value = serde_json::from_str(&to_jsonld(&article_of("paywall"))).unwrap();
    assert_eq!(paywalled["isAccessibleForFree"], false);
}

#[test]
fn the_output_is_valid_json_and_safe_in_a_script_element() {
    let article = Article {
        url: "https://n.example/a?x=1&y=2".into(),
        headline: "</script><script>alert(\"x\")</script> \\ \u{1}\u{1f} Tab\there AT&amp;T".into(),
        lead: Some("Zeile eins\nZeile zwei\u{2028}Ende <!-- -->".into()),
        summary: vec!["</SCRIPT>".into()],
        topics: vec![Topic {
            label: "Müller, Hans".into(),
            url: None,
        }],
        ..Article::default()
    };
    let out = to_jsonld(&article);
    assert!(!out.contains('<'), "{out}");
    assert!(out.contains("\\u003c/script>"));
    assert!(out.contains("\\u0001"));
    assert!(out.ends_with("}\n"));
    let value: Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(
        value["headline"],
        "</script><script>alert(\"x\")</script> \\ \u{1}\u{1f} Tab\there AT&amp;amp;T"
    );
    assert_eq!(parse_article(&out).unwrap(), article);
}

// ----- the command -----

#[path = "common/command.rs"]
mod command;

use command::{run, stderr, stdout, ROOT};

#[test]
fn the_jsonld_command_writes_json_ld_for_an_article() {
    let output = run(&["jsonld", "www/articles/en-city.json"], "");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    let text = stdout(&output);
    assert!(
        text.starts_with(
            "{\n  \"@context\": \"https://schema.org\",\n  \"@type\": \"NewsArticle\","
        ),
        "{text}"
    );
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        value["headline"],
        "Council approves a riverside cycle network after two years of debate"
    );
    assert_eq!(
        parse_article(&text).unwrap(),
        with_absolute_addresses(parse_article(&read("www/articles/en-city.json")).unwrap())
    );

    let piped = run(&["jsonld", "-"], &read("www/articles/en-city.json"));
    assert_eq!(piped.status.code(), Some(0));
    assert_eq!(stdout(&piped), text, "standard input gives the same");

    let script = run(
        &["jsonld", "--script", "tests/fixtures/markup-headline.json"],
        "",
    );
    assert_eq!(script.status.code(), Some(0));
    let html = stdout(&script);
    assert!(
        html.starts_with("<script type=\"application/ld+json\">\n{"),
        "{html}"
    );
    assert!(html.ends_with("}\n</script>\n"), "{html}");
    let inner =
        &html["<script type=\"application/ld+json\">".len()..html.len() - "</script>\n".len()];
    assert!(!inner.contains('<'), "{inner}");
    serde_json::from_str::<Value>(inner).unwrap();
}

#[test]
fn the_jsonld_command_reads_json_ld_too_and_prints_its_notes() {
    let output = run(&["jsonld", "tests/jsonld/date-only.json"], "");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stderr(&output),
        "article-card: note: datePublished: has no time of day, so the card shows no date; give one with its offset, such as 2025-08-17T14:30:00+02:00\n\
         article-card: note: dateModified: has no UTC offset, so the card shows no date rather than guess the time zone; add one, such as +02:00 or Z\n"
    );
    let value: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        value["@type"], "NewsArticle",
        "an AnalysisNewsArticle comes out as a NewsArticle"
    );
    assert!(value.get("datePublished").is_none());
    assert_eq!(value["articleCard"]["source"], "Carla Wenzel");
}

#[test]
fn the_jsonld_command_fails_on_invalid_or_missing_articles() {
    let invalid = run(&["jsonld", "tests/jsonld/broken-article.json"], "");
    assert_eq!(invalid.status.code(), Some(1));
    assert_eq!(stdout(&invalid), "", "nothing half-written");
    let err = stderr(&invalid);
    assert!(
        err.starts_with(
            "article-card: tests/jsonld/broken-article.json is not a valid article:\n  @graph[2]."
        ),
        "{err}"
    );
    assert!(
        err.contains("  @graph[2].image[0].url: only http and https links are allowed\n"),
        "{err}"
    );

    let own = run(
        &["jsonld", "-"],
        r#"{"url": "https://n.example/a", "headline": ""}"#,
    );
    assert_eq!(own.status.code(), Some(1));
    assert_eq!(
        stderr(&own),
        "article-card: standard input is not a valid article:\n  headline: is required\n"
    );

    let missing = run(&["jsonld", "tests/jsonld/no-such-file.json"], "");
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(
        stderr(&missing),
        "article-card: tests/jsonld/no-such-file.json: no such file\n"
    );
    assert_eq!(run(&["jsonld"], "").status.code(), Some(2), "usage error");

    let help = run(&["jsonld", "--help"], "");
    assert!(stdout(&help).contains("Usage: article-card jsonld"));
    assert!(stdout(&run(&["--help"], "")).contains("jsonld"));
}
