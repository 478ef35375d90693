//! The stateless pieces of the card, as plain functions returning `Html`:
//! they need no hooks, and a component each would cost every reader extra
//! wasm for props and lifecycle code.

use yew::prelude::*;

use super::disclosure::disclosure;
use super::Ctx;
use crate::model::{Article, Block, Hero, Link, Topic};
use crate::timestamp::Timestamp;

/// Kicker, headline (with its overline) and, with `dateline`, the dates
/// and reading time. `tag` is the headline's element (`h2` unless the host
/// page asks otherwise).
pub fn header(
    article: &Article,
    ctx: &Ctx,
    tag: &'static str,
    id: &AttrValue,
    dateline: bool,
) -> Html {
    let s = ctx.s;
    let time = |label: &'static str, text: &Option<String>| {
        let text = text.as_deref()?;
        let at = Timestamp::parse(text)?;
        Some(html! {
            <span class="ac-dateline__item">
                { label }{ ": " }
                <time datetime={text.to_owned()}>{ s.date_time(&at) }</time>
            </span>
        })
    };
    let reading = article.reading_minutes().map(|minutes| {
        html! { <span class="ac-dateline__item ac-reading-time">{ s.reading_time(minutes) }</span> }
    });
    let items: Vec<Html> = [
        time(s.published, &article.published),
        time(s.updated, &article.modified),
        reading,
    ]
    .into_iter()
    .flatten()
    .collect();
    html! {
        <header class="ac-header" part="header">
            if let Some(section) = &article.section {
                <p class="ac-kicker" part="kicker">{ section.clone() }</p>
            }
            // Only where the data says so: unknown is not "free".
            if article.free == Some(false) {
                <span class="ac-paywall" part="paywall" lang={ctx.ui_lang} dir={ctx.ui_dir}>{ s.paywall }</span>
            }
            <@{tag} class="ac-headline" part="headline" id={id.clone()}>
                if let Some(overline) = &article.overline {
                    <span class="ac-overline" part="overline">{ overline.clone() }</span>
                    { " " }
                }
                <span class="ac-headline__text">{ article.headline.clone() }</span>
            </@>
            if dateline && !items.is_empty() {
                <p class="ac-dateline" part="dateline" lang={ctx.ui_lang} dir={ctx.ui_dir}>
                    // Spaces keep the items apart when copied or read
                    // without styles.
                    { for items.into_iter().enumerate().map(|(i, item)| html! {
                        <>{ if i > 0 { " " } else { "" } }{ item }</>
                    }) }
                </p>
            }
        </header>
    }
}

/// The hero image with caption and credit.
pub fn figure(hero: &Hero, ctx: &Ctx) -> Html {
    let s = ctx.s;
    let has_caption = hero.caption.is_some() || hero.credit.is_some();
    html! {
        <figure class="ac-figure" part="figure">
            <img
                class="ac-figure__image"
                part="image"
                src={hero.url.clone()}
                alt={hero.alt.clone().unwrap_or_default()}
                width={hero.width.map(|w| w.to_string())}
                height={hero.height.map(|h| h.to_string())}
                loading="lazy"
                decoding="async"
            />
            if has_caption {
                <figcaption class="ac-figure__caption" part="caption">
                    if let Some(caption) = &hero.caption {
                        <span class="ac-figure__text">{ caption.clone() }</span>
                        { " " }
                    }
                    if let Some(credit) = &hero.credit {
                        <span class="ac-figure__credit">
                            if ctx.ui_lang.is_some() {
                                <span lang={ctx.ui_lang} dir={ctx.ui_dir}>{ s.image_credit }</span>
                            } else {
                                { s.image_credit }
                            }
                            { ": " }{ credit.clone() }
                        </span>
                    }
                </figcaption>
            }
        </figure>
    }
}

/// The summary bullets: under a heading that screen readers announce, or,
/// when `collapsed`, behind a disclosure with that heading.
pub fn summary(bullets: &[String], ctx: &Ctx, collapsed: bool) -> Html {
    let (s, heading) = (ctx.s, ctx.heading);
    let list = html! {
        <ul class="ac-summary__list">
            { for bullets.iter().map(|bullet| html! {
                <li class="ac-summary__item">{ bullet.clone() }</li>
            }) }
        </ul>
    };
    if collapsed {
        html! {
            { disclosure("summary", s.summary.into(), false, ctx, list) }
        }
    } else {
        html! {
            <div class="ac-summary" part="summary">
                <@{heading} class="ac-summary__heading ac-visually-hidden" lang={ctx.ui_lang} dir={ctx.ui_dir}>{ s.summary }</@>
                { list }
            </div>
        }
    }
}

/// One block of the body.
pub fn block(block: &Block, ctx: &Ctx) -> Html {
    let (s, heading) = (ctx.s, ctx.heading);
    match block {
        Block::Paragraph { text } => html! { <p class="ac-paragraph">{ text.clone() }</p> },
        Block::Heading { text } => {
            html! { <@{heading} class="ac-subheading">{ text.clone() }</@> }
        }
        Block::Quote { text, speaker } => html! {
            <figure class="ac-quote" part="quote">
                <blockquote class="ac-quote__text"><p>{ text.clone() }</p></blockquote>
                if let Some(speaker) = speaker {
                    <figcaption class="ac-quote__speaker">{ speaker.clone() }</figcaption>
                }
            </figure>
        },
        Block::Background { title, text } => {
            let text = html! { <p class="ac-background__text">{ text.clone() }</p> };
            match title {
                Some(title) => disclosure("background", title.clone().into(), true, ctx, text),
                None => disclosure("background", s.background.into(), false, ctx, text),
            }
        }
        Block::Related { title, links } => {
            let (lang, dir) = if title.is_some() {
                (None, None)
            } else {
                (ctx.ui_lang, ctx.ui_dir)
            };
            let title = title
                .clone()
                .map_or(AttrValue::Static(s.related), AttrValue::from);
            html! {
                <div class="ac-related" part="related">
                    <@{heading} class="ac-related__title" {lang} {dir}>{ title }</@>
                    <ul class="ac-related__list" role="list">
                        { for links.iter().map(|link| html! {
                            <li class="ac-related__item">
                                <a class="ac-related__link" href={link.url.clone()}>{ link.label.clone() }</a>
                            </li>
                        }) }
                    </ul>
                </div>
            }
        }
    }
}

/// The topic tags, as links where the publisher gave a topic page. (Here
/// and in related links, `role="list"` keeps the list announced in Safari,
/// which drops it for lists styled without markers.)
pub fn topics(topics: &[Topic], ctx: &Ctx) -> Html {
    let (s, heading) = (ctx.s, ctx.heading);
    html! {
        <div class="ac-topics" part="topics">
            <@{heading} class="ac-topics__title" lang={ctx.ui_lang} dir={ctx.ui_dir}>{ s.topics }</@>
            <ul class="ac-topics__list" role="list">
                { for topics.iter().map(|topic| html! {
                    <li class="ac-topics__item">
                        if let Some(url) = &topic.url {
                            <a class="ac-topic" href={url.clone()}>{ topic.label.clone() }</a>
                        } else {
                            <span class="ac-topic">{ topic.label.clone() }</span>
                        }
                    </li>
                }) }
            </ul>
        </div>
    }
}

/// Source line and the outlet's follow and standards links (with
/// `outlet_links`), and the link to the whole article, described by the
/// headline (`headline_id`) so that it names its article.
pub fn footer(article: &Article, ctx: &Ctx, headline_id: &AttrValue, outlet_links: bool) -> Html {
    let s = ctx.s;
    let link = |class: &'static str, link: &Link| {
        html! {
            <p class={class}><a href={link.url.clone()}>{ link.label.clone() }</a></p>
        }
    };
    html! {
        <footer class="ac-footer" part="footer">
            if outlet_links {
                if let Some(source) = &article.source {
                    <p class="ac-source" part="source">{ source.clone() }</p>
                }
                { for article.follow.as_ref().map(|l| link("ac-follow", l)) }
                { for article.standards.as_ref().map(|l| link("ac-standards", l)) }
            }
            <a class="ac-readmore" part="readmore" href={article.url.clone()} aria-describedby={headline_id.clone()}
                lang={ctx.ui_lang} dir={ctx.ui_dir}>
                { s.read_article }
            </a>
        </footer>
    }
}
