use std::rc::Rc;

use yew::prelude::*;

use super::parts::{block, figure, footer, header, summary, topics};
use super::{Ctx, ShareBar};
use crate::i18n::Lang;
use crate::layout::Summary;
use crate::model::Article;
use crate::options::CardOptions;
use crate::panic_report::{mark, CardId};

#[derive(Properties, PartialEq, Clone)]
pub struct CardProps {
    pub article: Rc<Article>,
    #[prop_or_default]
    pub options: Rc<CardOptions>,
    /// Which card this is, for panic reports.
    pub card: CardId,
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
    let ctx = Ctx {
        card: props.card,
        lang,
        s: lang.strings(),
        heading,
    };
    // Kept across renders so that references to the headline stay valid.
    let headline_id = use_state(|| AttrValue::from(super::unique_id("ac-headline")));
    let content_lang: AttrValue = match &article.language {
        Some(tag) => tag.clone().into(),
        None => ctx.s.tag.into(),
    };
    let layout = options.layout;
    let parts = layout.parts(article);

    html! {
        <article
            class={format!("ac-card ac-card--{}", layout.name())}
            part="card"
            lang={content_lang}
            data-theme={options.theme.attribute()}
            aria-labelledby={(*headline_id).clone()}
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
                <ShareBar article={props.article.clone()} options={options.share.clone()} {ctx} />
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
