use std::rc::Rc;

use yew::prelude::*;

use super::parts::{block, figure, footer, header, summary, topics};
use super::ShareBar;
use crate::i18n::Lang;
use crate::model::Article;
use crate::options::{CardOptions, Layout};
use crate::panic_report::{mark, CardId};

#[derive(Properties, PartialEq, Clone)]
pub struct CardProps {
    pub article: Rc<Article>,
    #[prop_or_default]
    pub options: Rc<CardOptions>,
    /// Which card this is, for panic reports.
    pub card: CardId,
}

/// The whole card. Each part renders only when the article has it.
#[component]
pub fn ArticleCard(props: &CardProps) -> Html {
    mark(props.card);
    let article = &*props.article;
    let options = &*props.options;
    let lang = options
        .lang
        .unwrap_or_else(|| Lang::from_tag(article.language.as_deref()));
    let s = lang.strings();
    let (headline_tag, sub_tag) = options.heading_level.tags();
    // Kept across renders so that references to the headline stay valid.
    let headline_id = use_state(|| AttrValue::from(super::unique_id("ac-headline")));
    let content_lang: AttrValue = match &article.language {
        Some(tag) => tag.clone().into(),
        None => s.tag.into(),
    };

    let layout = options.layout;
    let card = props.card;
    let full = layout == Layout::Full;
    let teaser = layout == Layout::Teaser;
    // The lead appears outside the full layout only in place of a missing
    // summary.
    let show_lead = full || article.summary.is_empty();
    // The teaser's one line: the lead, or else the first key point.
    let teaser_line = article.lead.as_ref().or(article.summary.first());

    html! {
        <article
            class={format!("ac-card ac-card--{}", layout.name())}
            part="card"
            lang={content_lang}
            data-theme={options.theme.attribute()}
            aria-labelledby={(*headline_id).clone()}
        >
            { header(article, s, headline_tag, &headline_id, !teaser) }
            if teaser {
                if let Some(line) = teaser_line {
                    <p class="ac-teaser-text" part="teaser-text">{ line.clone() }</p>
                }
            } else {
                if layout != Layout::Compact {
                    if let Some(hero) = &article.hero {
                        { figure(hero, s) }
                    }
                }
                // Between the hero and the summary, as on the publisher's pages.
                <ShareBar article={props.article.clone()} options={options.share.clone()} {lang} {card} />
                if !article.summary.is_empty() {
                    { summary(&article.summary, s, sub_tag, (layout == Layout::Compact).then_some(card)) }
                }
                if show_lead {
                    if let Some(lead) = &article.lead {
                        <p class="ac-lead" part="lead">{ lead.clone() }</p>
                    }
                }
                // Outside the full layout only the boxes and link lists of
                // the body show.
                { for article.body.iter()
                    .filter(|b| full || b.belongs_in_card())
                    .map(|b| block(b, s, sub_tag, card)) }
                if !article.topics.is_empty() {
                    { topics(&article.topics, s, sub_tag) }
                }
            }
            { footer(article, s, &headline_id, teaser) }
        </article>
    }
}
