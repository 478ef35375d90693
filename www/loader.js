// The embed script. Publishers include it once:
//   <script type="module" src="https://cdn.example/article-card/article-card.js"></script>
// and mark where cards go:
//   <div data-article-card data-src="article.json"><a href="…">Headline</a></div>
//   <article-card src="article.json"><a href="…">Headline</a></article-card>
// The README's "Embedding" section is the contract; in short:
// - The wasm module and the stylesheet are loaded once per page, from next
//   to this script (so the bundle may live on another origin).
// - Each card renders into its own shadow root; the placeholder's own
//   content stays as the fallback if loading fails.
// - Placeholders added later are found by a MutationObserver; removed ones
//   are unmounted. ArticleCard.scan() looks again on request.
// - The only global is `window.ArticleCard` (and the `article-card` element).

const BASE = new URL('.', import.meta.url);
const STATE = 'articleCardState';
const PLACEHOLDER = '[data-article-card]';
// Options a placeholder may set, as data-* (or plain on <article-card>),
// by their documented names; the card reads these same names (a native
// test compares this list with src/options.rs).
const OPTIONS = ['lang', 'layout', 'theme', 'heading-level', 'services', 'native-share',
  'orientation', 'button-style', 'share-url', 'share-title', 'referrer-track'];

const log = (...args) => console.error('article card:', ...args);

// One wasm instance serves every card. After a panic the instance may be
// stuck, so the survivors move to a fresh one (see onPanic).
let instance = null;
let generation = 0;
let nextId = 1;
let sheet = null;
const cards = new Map(); // element -> { id, json, options, glue, handle, container }
const pending = new WeakMap(); // element -> token of its latest load

function currentInstance() {
  if (instance) return instance;
  const url = new URL('article_card.js', BASE);
  // A new URL is a new module, hence a new wasm instance.
  if (generation > 0) url.searchParams.set('instance', generation);
  generation += 1;
  const loading = import(url.href).then(async (glue) => {
    await glue.default({ module_or_path: new URL('article_card_bg.wasm', BASE) });
    glue.setPanicHandler((id) => setTimeout(() => onPanic(glue, id)));
    return glue;
  });
  instance = loading;
  loading.catch(() => { if (instance === loading) instance = null; });
  return loading;
}

function stylesheet() {
  sheet ??= fetch(new URL('article-card.css', BASE))
    .then((response) => {
      if (!response.ok) throw new Error(`the stylesheet answered ${response.status}`);
      return response.text();
    })
    .then((text) => {
      if (!('replaceSync' in CSSStyleSheet.prototype)) return text;
      const constructed = new CSSStyleSheet();
      constructed.replaceSync(text);
      return constructed;
    });
  sheet.catch(() => { sheet = null; });
  return sheet;
}

// A fresh element to render into: inside the placeholder's shadow root, so
// that host CSS cannot reach the card and the card's CSS cannot leak out.
function container(element, css) {
  const box = document.createElement('div');
  let root = element.shadowRoot;
  if (!root) {
    try {
      root = element.attachShadow({ mode: 'open' });
    } catch {
      // Elements such as <a> or <li> cannot host a shadow root.
      root = null;
    }
  }
  if (!root) {
    if (typeof css !== 'string' && !document.adoptedStyleSheets.includes(css)) {
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, css];
    }
    element.replaceChildren(box);
  } else if (typeof css === 'string') {
    const style = document.createElement('style');
    style.textContent = css;
    root.replaceChildren(style, box);
  } else {
    root.adoptedStyleSheets = [css];
    root.replaceChildren(box);
  }
  return box;
}

function optionsJson(options) {
  const strings = {};
  for (const [key, value] of Object.entries(options ?? {})) {
    if (value != null) strings[key] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return JSON.stringify(strings);
}

async function render(element, data, options) {
  const json = typeof data === 'string' ? data : JSON.stringify(data);
  const [glue, css] = await Promise.all([currentInstance(), stylesheet()]);
  const record = cards.get(element);
  if (record && record.glue === glue) {
    record.handle.update(json, optionsJson(options));
    Object.assign(record, { json, options });
  } else {
    const id = record?.id ?? nextId++;
    const box = container(element, css);
    const handle = glue.mountCard(box, json, optionsJson(options), id);
    cards.set(element, { id, json, options, glue, handle, container: box });
  }
  element.dataset[STATE] = 'mounted';
}

function unmount(element) {
  const record = cards.get(element);
  if (!record) return;
  cards.delete(element);
  try {
    record.handle.unmount();
    record.handle.free();
  } catch {
    // A dead instance (after a panic) cannot unmount; dropping it is enough.
  }
  // Show the placeholder's own content again.
  if (element.shadowRoot) element.shadowRoot.replaceChildren(document.createElement('slot'));
  else record.container.remove();
  delete element.dataset[STATE];
}

function onPanic(glue, id) {
  if (instance === null) return; // already recovering
  instance = null;
  for (const [element, record] of cards) {
    if (record.glue !== glue) continue;
    if (record.id === id) {
      unmount(element);
      element.dataset[STATE] = 'failed';
    } else {
      element.dataset[STATE] = 'loading';
      render(element, record.json, record.options).catch((error) => {
        element.dataset[STATE] = 'failed';
        log('could not restart a card:', error, element);
      });
    }
  }
}

function optionsOf(element) {
  const options = {};
  for (const name of OPTIONS) {
    const value = element.getAttribute(`data-${name}`) ??
      (element.localName === 'article-card' ? element.getAttribute(name) : null);
    if (value !== null) options[name] = value;
  }
  return options;
}

async function articleJson(element) {
  const inline = element.querySelector(':scope > script[type="application/json"]');
  if (inline) return inline.textContent;
  const src = element.getAttribute('data-src') ?? element.getAttribute('src');
  if (!src) throw new Error('the placeholder has neither data-src nor an inline JSON script');
  const response = await fetch(new URL(src, document.baseURI));
  if (!response.ok) throw new Error(`${src} answered ${response.status}`);
  return response.text();
}

// Loads a placeholder's data and renders it; on failure the placeholder
// keeps its fallback content and the reason goes to the console.
async function load(element) {
  const token = {};
  pending.set(element, token);
  element.dataset[STATE] = 'loading';
  try {
    const json = await articleJson(element);
    if (pending.get(element) !== token) return;
    await render(element, json, optionsOf(element));
  } catch (error) {
    if (pending.get(element) !== token) return;
    element.dataset[STATE] = 'failed';
    log('could not load the article:', error.message, element);
  }
}

function scan(root = document) {
  const found = [];
  if (root.matches?.(PLACEHOLDER)) found.push(root);
  found.push(...(root.querySelectorAll?.(PLACEHOLDER) ?? []));
  return Promise.all(found.filter((el) => !el.dataset[STATE]).map(load));
}

// Parser-inserted placeholders may not have their children (the inline
// JSON) yet, so nothing is read before the document is parsed.
function whenParsed(callback) {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', callback, { once: true });
  } else {
    callback();
  }
}

function watch() {
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node.nodeType === Node.ELEMENT_NODE) scan(node);
      for (const node of record.removedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        for (const element of cards.keys()) {
          if (node === element || node.contains(element)) {
            // Moved elements come back at once; only unmount what stays out.
            queueMicrotask(() => { if (!element.isConnected) unmount(element); });
          }
        }
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

class ArticleCardElement extends HTMLElement {
  static observedAttributes = ['src', ...OPTIONS];

  connectedCallback() {
    whenParsed(() => { if (this.isConnected && !this.dataset[STATE]) load(this); });
  }

  disconnectedCallback() {
    queueMicrotask(() => { if (!this.isConnected) unmount(this); });
  }

  attributeChangedCallback() {
    if (this.isConnected && this.dataset[STATE]) load(this);
  }
}

if (!window.ArticleCard) {
  window.ArticleCard = Object.freeze({
    /** Renders `data` (article object or JSON text) into `element`. */
    mount: (element, data, options = {}) => render(element, data, options),
    /** Same as mount: replaces the card's data and options. */
    update: (element, data, options = {}) => render(element, data, options),
    /** Removes the card; the element shows its own content again. */
    unmount,
    /** Mounts placeholders below `root` that are not mounted yet. */
    scan,
  });
  if (!customElements.get('article-card')) customElements.define('article-card', ArticleCardElement);
  whenParsed(() => {
    scan();
    watch();
  });
}
