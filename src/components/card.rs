use std::rc::Rc;

use yew::prelude::*;

use super::parts::{block, figure, footer, header, summary, topics};
use super::{Ctx, ShareBar};
use crate::i18n::{direction, same_language, Lang};
use crate::layout::Summary;
use crate::model::Article;
use crate::options::CardOptions;
use crate::panic_report::{mark, CardId};

#[derive(Properties, Clone)]
pub struct CardProps {
    pub article: Rc<Article>,
    #[prop_or_default]
    pub options: Rc<CardOptions>,
    /// Start of the card's element ids (`ac-headline`). Cards in shadow roots
    /// of their own can all keep the default; where several cards share one
    /// document, give each its own.
    #[prop_or(AttrValue::Static("ac"))]
    pub id_prefix: AttrValue,
    /// Which card this is, for the embed's panic reports.
    #[prop_or_default]
    pub card: CardId,
}

/// New data always comes as a new `Rc`, so comparing pointers is enough
/// to know whether to render again, and much less code than comparing
/// whole articles.
impl PartialEq for CardProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.article, &other.article)
            && Rc::ptr_eq(&self.options, &other.options)
            && self.id_prefix == other.id_prefix
            && self.card == other.card
    }
}

/// The whole card: the parts its layout shows (`Layout::parts`), each only
/// when the article has it.
#[component]
pub fn ArticleCard(props: &CardProps) -> Html {
    mark(props.card);
    let article = &*props.article;
    let options = &*props.options;
    let lang = options
        .lang
        .unwrap_or_else(|| Lang::from_tag(article.language.as_deref()));
    let (headline_tag, heading) = options.heading_level.tags();
    let s = lang.strings();
    let content_lang = article.language.as_deref().unwrap_or(s.tag);
    // The card's direction follows its content, never the host page's.
    let dir = direction(content_lang);
    let own_texts_differ = !same_language(content_lang, s.tag);
    let ctx = Ctx {
        card: props.card,
        lang,
        s,
        heading,
        ui_lang: own_texts_differ.then_some(s.tag),
        ui_dir: (own_texts_differ && dir != direction(s.tag)).then(|| direction(s.tag)),
    };
    // Derived from the prefix, not counted, so that the server and the
    // browser give the same ids.
    let headline_id = AttrValue::from(format!("{}-headline", props.id_prefix));
    let layout = options.layout;
    let parts = layout.parts(article);

    html! {
        <article
            class={format!("ac-card ac-card--{}", layout.name())}
            part="card"
            lang={content_lang.to_owned()}
            {dir}
            data-theme={options.theme.attribute()}
            aria-labelledby={headline_id.clone()}
        >
            { header(article, &ctx, headline_tag, &headline_id, parts.dateline) }
            if let Some(line) = parts.teaser_line {
                <p class="ac-teaser-text" part="teaser-text">{ line.to_owned() }</p>
            }
            if let Some(hero) = parts.hero {
                { figure(hero, &ctx) }
            }
            // Between the hero and the summary, as on the publisher's pages.
            if parts.share {
                <ShareBar article={props.article.clone()} options={props.options.clone()} {ctx}
                    title_id={format!("{}-share", props.id_prefix)} />
            }
            if parts.summary != Summary::None {
                { summary(&article.summary, &ctx, parts.summary == Summary::Collapsed) }
            }
            if let Some(lead) = parts.lead {
                <p class="ac-lead" part="lead">{ lead.to_owned() }</p>
            }
            { for parts.blocks.iter().map(|b| block(b, &ctx)) }
            if !parts.topics.is_empty() {
                { topics(parts.topics, &ctx) }
            }
            { footer(article, &ctx, &headline_id, parts.outlet_links) }
        </article>
    }
}
