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

    let full = options.layout == Layout::Full;
    // The card layout keeps only the boxes and link lists of the body; the
    // lead appears there only in place of a missing summary.
    let show_lead = full || article.summary.is_empty();
    let blocks: Html = article
        .body
        .iter()
        .filter(|b| full || b.belongs_in_card())
        .map(|b| block(b, s, sub_tag, props.card))
        .collect();

    html! {
        <article class="ac-card" part="card" lang={content_lang} data-theme={options.theme.attribute()} aria-labelledby={(*headline_id).clone()}>
            { header(article, s, headline_tag, &headline_id) }
            if let Some(hero) = &article.hero {
                { figure(hero, s) }
            }
            // Between the hero and the summary, as on the publisher's pages.
            <ShareBar article={props.article.clone()} options={options.share.clone()} {lang} card={props.card} />
            if !article.summary.is_empty() {
                { summary(&article.summary, s, sub_tag) }
            }
            if show_lead {
                if let Some(lead) = &article.lead {
                    <p class="ac-lead" part="lead">{ lead.clone() }</p>
                }
            }
            { blocks }
            if !article.topics.is_empty() {
                { topics(&article.topics, s, sub_tag) }
            }
            { footer(article, s, &headline_id) }
        </article>
    }
}
