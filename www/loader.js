// The embed script: publishers include it once with
//   <script type="module" src=".../article-card.js"></script>
// It loads the card module once, adds the card stylesheet, and mounts a card
// on every placeholder: an element with `data-article-card` that carries
// either `data-src` (URL of the article JSON) or an inline
// <script type="application/json"> child. Assets are resolved relative to
// this script, so the bundle can live on another origin.
import init, { mountCard } from './article_card.js';

const here = new URL('.', import.meta.url);
const ready = init({ module_or_path: new URL('article_card_bg.wasm', here) });

function addStylesheet() {
  const href = new URL('article-card.css', here).href;
  if (document.querySelector(`link[data-article-card-css]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  link.dataset.articleCardCss = '';
  document.head.append(link);
}

async function articleJson(placeholder) {
  const inline = placeholder.querySelector('script[type="application/json"]');
  if (inline) return inline.textContent;
  const src = placeholder.dataset.src;
  if (!src) throw new Error('the placeholder has neither data-src nor an inline JSON script');
  const response = await fetch(new URL(src, document.baseURI), { credentials: 'omit' });
  if (!response.ok) throw new Error(`${src} answered ${response.status}`);
  return response.text();
}

async function mount(placeholder) {
  if (placeholder.dataset.articleCardState) return;
  placeholder.dataset.articleCardState = 'loading';
  try {
    const [json] = await Promise.all([articleJson(placeholder), ready]);
    const options = JSON.stringify({ ...placeholder.dataset });
    mountCard(placeholder, json, options);
    placeholder.dataset.articleCardState = 'mounted';
  } catch (error) {
    // The fallback content stays; the reason goes to the console.
    placeholder.dataset.articleCardState = 'failed';
    console.error('article card: could not load the article:', error.message, placeholder);
  }
}

addStylesheet();
document.querySelectorAll('[data-article-card]').forEach(mount);
