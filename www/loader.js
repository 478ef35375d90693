// The embed script. Publishers include it once:
//   <script type="module" src="https://cdn.example/article-card/article-card.js"></script>
// and mark where cards go:
//   <div data-article-card data-src="article.json"><a href="…">Headline</a></div>
//   <article-card src="article.json"><a href="…">Headline</a></article-card>
// The README's "Embedding" section is the contract; in short:
// - The wasm module, its glue and the stylesheet load once per page, from
//   next to this script, all three at once and before any article data.
// - Each card renders into its own shadow root; the placeholder's own
//   content stays until the card is ready, and stays for good if the card
//   cannot be shown.
// - Pre-rendered cards (a declarative shadow root from `article-card
//   prerender`) are on the page already; they come alive in place when they
//   near the viewport, when the browser is idle, or when a reader uses a
//   control that needs script.
// - Every wait ends: data requests time out, a stuck bundle fails.
// - Placeholders added later are found by a MutationObserver; removed ones
//   are unmounted. ArticleCard.scan() looks again on request.
// - The only global is `window.ArticleCard` (and the `article-card` element).

const BASE = new URL('.', import.meta.url);
// The build writes the content-hashed names (and integrity hashes) here.
const FILES = { glue: 'article_card.js', wasm: 'article_card_bg.wasm', css: 'article-card.css' };
const STATE = 'articleCardState';
const PLACEHOLDER = '[data-article-card], article-card';
// Options a placeholder may set, as data-* (or plain on <article-card>),
// by their documented names; the card reads these same names (a native
// test compares this list with src/options.rs).
const OPTIONS = ['lang', 'layout', 'theme', 'heading-level', 'services', 'native-share',
  'orientation', 'button-style', 'share-url', 'share-title', 'referrer-track'];
// Options of this script itself; they are not passed to the card.
const OWN_OPTIONS = ['src', 'jsonld', 'timeout'];
const DEFAULT_TIMEOUT = 10;   // seconds, for data-src
const BUNDLE_TIMEOUT = 30;    // seconds, for the wasm, glue and stylesheet
const RETRY_AFTER = 600;      // ms before the one retry of a failed request
const MAX_FETCHES = 4;        // data requests at once, so the page keeps connections
const MAX_BYTES = 256 * 1024; // the card's own limit for article JSON
// Elements a card must never replace or live in.
const REFUSED = new Set(['html', 'head', 'body', 'a', 'button', 'label', 'select', 'option', 'textarea',
  'input', 'img', 'picture', 'video', 'audio', 'iframe', 'object', 'embed', 'canvas', 'svg', 'math',
  'br', 'hr', 'wbr', 'area', 'base', 'col', 'link', 'meta', 'source', 'track', 'script', 'style',
  'template', 'slot', 'details', 'summary', 'dialog', 'noscript', 'title']);
// Elements that can hold a shadow root (besides custom elements).
const SHADOW_HOSTS = new Set(['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span']);
// Controls that need script; using one brings a pre-rendered card alive.
const SCRIPT_CONTROLS = '.ac-share__button--copy, .ac-share__button--print, .ac-share__button--native';

const error = (message, ...rest) => console.error(`article card: ${message}`, ...rest);
const warn = (message, ...rest) => console.warn(`article card: ${message}`, ...rest);
const abortError = (why) => new DOMException(why, 'AbortError');

// --- The bundle ---------------------------------------------------------

// One compiled module serves every card. After a panic the instance may be
// stuck, so the survivors move to a fresh instance of the same module
// (see onPanic).
let bundle = null;   // Promise<{ module, css }>
let instance = null; // Promise<glue> of the current instance
let generation = 0;

const fileUrl = (name) => new URL(name, BASE);

function withTimeout(promise, seconds, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not arrive within ${seconds} s`)), seconds * 1000);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// The bundle's files, checked against the hashes the build wrote in.
const fetchFile = (url, kind) =>
  fetch(url, { signal: AbortSignal.timeout(BUNDLE_TIMEOUT * 1000), integrity: FILES.integrity?.[kind] ?? '' });

async function compile(url) {
  const response = await fetchFile(url, 'wasm');
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  if (WebAssembly.compileStreaming && response.headers.get('content-type')?.startsWith('application/wasm')) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

async function stylesheet(url) {
  const response = await fetchFile(url, 'css');
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const text = await response.text();
  if (!('replaceSync' in CSSStyleSheet.prototype)) return text;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return sheet;
}

// Starts the wasm (compiled while it streams in), the glue and the
// stylesheet together, so that no request waits for another.
function startBundle() {
  if (bundle) return bundle;
  const wasm = fileUrl(FILES.wasm);
  const glue = fileUrl(FILES.glue);
  const loading = Promise.all([
    compile(wasm),
    withTimeout(import(glue.href), BUNDLE_TIMEOUT, glue.href),
    stylesheet(fileUrl(FILES.css)),
  ]).then(([module, firstGlue, css]) => ({ module, firstGlue, css }));
  bundle = loading;
  loading.catch(() => { if (bundle === loading) bundle = null; });
  return loading;
}

// The glue of the current wasm instance.
function currentInstance() {
  if (instance) return instance;
  const loading = startBundle().then(async ({ module, firstGlue }) => {
    let glue = firstGlue;
    if (generation > 0) {
      // A new URL is a new module, hence a fresh instance.
      const url = fileUrl(FILES.glue);
      url.searchParams.set('instance', generation);
      glue = await withTimeout(import(url.href), BUNDLE_TIMEOUT, url.href);
    }
    generation += 1;
    await glue.default({ module_or_path: module });
    glue.setPanicHandler((id) => setTimeout(() => onPanic(glue, id)));
    return glue;
  });
  instance = loading;
  loading.catch(() => { if (instance === loading) instance = null; });
  return loading;
}

// --- Cards --------------------------------------------------------------

// element -> { id, glue, handle, box, fallback, data, options, source, waiting }
const cards = new Map();
// element -> the task loading it; a newer task replaces an older one.
const tasks = new Map();
let nextId = 1;

function setState(element, state) {
  if (state) element.dataset[STATE] = state;
  else delete element.dataset[STATE];
}

// Why an element cannot hold a card, or null if it can.
function refusal(element) {
  if (!(element instanceof Element)) return 'the target is not an element';
  const tag = element.localName;
  if (REFUSED.has(tag)) return `a card cannot replace a <${tag}>`;
  if (element.parentElement?.closest(PLACEHOLDER)) return 'the target is inside another card';
  const root = element.getRootNode();
  if (root instanceof ShadowRoot && (cards.has(root.host) || root.host.matches(PLACEHOLDER))) {
    return 'the target is inside another card';
  }
  return null;
}

const canHostShadow = (element) =>
  Boolean(element.shadowRoot) || SHADOW_HOSTS.has(element.localName) || element.localName.includes('-');

// Whether the publisher gave content of their own to show without a card.
function hasFallback(element) {
  return [...element.childNodes].some((node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent.trim() !== '';
    if (node.nodeType !== Node.ELEMENT_NODE) return false;
    return !node.matches('script, template, style');
  });
}

// A shadow root's top-level element of a kind (`:scope` does not work on
// shadow roots).
const child = (root, tag) => (root ? [...root.children].find((el) => el.localName === tag) : undefined);

// A pre-rendered card: its shadow root arrived with the page.
function prerendered(element) {
  return !cards.has(element) && Boolean(child(element.shadowRoot, 'div')?.querySelector(':scope > .ac-card'));
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

// The card's options as the JSON object of strings the card reads; this
// script's own options stay here.
function optionsJson(options) {
  const strings = {};
  for (const [key, value] of Object.entries(options ?? {})) {
    if (value == null || OWN_OPTIONS.includes(key)) continue;
    strings[key] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return JSON.stringify(strings);
}

function timeoutOf(element) {
  const raw = element.getAttribute('data-timeout') ??
    (element.localName === 'article-card' ? element.getAttribute('timeout') : null);
  if (raw === null) return DEFAULT_TIMEOUT;
  const seconds = Number(raw);
  if (raw.trim() !== '' && Number.isFinite(seconds) && seconds > 0) return seconds;
  warn(`timeout "${raw}" is not a number of seconds; using ${DEFAULT_TIMEOUT}`, element);
  return DEFAULT_TIMEOUT;
}

// The address of data-src, if it is one the card may fetch: http(s) or
// relative to the page; nothing else (data:, blob:, file:, javascript:).
function dataUrl(src) {
  if (src.trim() === '') throw new Error('data-src is empty');
  let url;
  try {
    url = new URL(src.trim(), document.baseURI);
  } catch {
    throw new Error(`data-src "${src}" is not a valid address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`data-src "${src}" is refused: only http(s) and relative addresses are allowed`);
  }
  return url;
}

// Data requests take turns, a few at a time, so that hanging ones never
// hold every connection of the page.
let fetching = 0;
const queue = [];
async function turn(signal) {
  while (fetching >= MAX_FETCHES) {
    await new Promise((resolve) => {
      queue.push(resolve);
      // A load given up while waiting leaves the queue at once.
      signal.addEventListener('abort', () => {
        const at = queue.indexOf(resolve);
        if (at >= 0) queue.splice(at, 1);
        resolve();
      }, { once: true });
    });
    if (signal.aborted) throw signal.reason;
  }
  fetching += 1;
  return () => { fetching -= 1; queue.shift()?.(); };
}

const sleep = (ms, signal) => new Promise((resolve, reject) => {
  const timer = setTimeout(resolve, ms);
  signal.addEventListener('abort', () => { clearTimeout(timer); reject(signal.reason); }, { once: true });
});

// Fetches article JSON: one retry after network errors and 5xx answers;
// the whole load ends after `seconds`.
async function fetchArticle(url, seconds, signal) {
  const deadline = AbortSignal.timeout(seconds * 1000);
  const both = AbortSignal.any([signal, deadline]);
  const why = (cause) => (deadline.aborted ? `timed out after ${seconds} s` : cause);
  for (let attempt = 1; ; attempt += 1) {
    let done;
    try {
      done = await turn(both);
      const response = await fetch(url, { signal: both, priority: 'low' });
      if (response.status >= 500 && attempt === 1) throw Object.assign(new Error(`answered ${response.status}`), { retry: true });
      if (!response.ok) throw new Error(`answered ${response.status}`);
      const length = Number(response.headers.get('content-length'));
      if (length > MAX_BYTES) throw new Error(`is ${length} bytes; the limit is ${MAX_BYTES}`);
      const type = response.headers.get('content-type') ?? '';
      const text = await response.text();
      if (/html/i.test(type) || /^\s*</.test(text)) throw new Error(`answered an HTML page (${type || 'no type'}), not JSON`);
      if (text.trim() === '') throw new Error('answered with no content');
      return text;
    } catch (cause) {
      if (signal.aborted) throw signal.reason;
      const retry = cause.retry || (cause instanceof TypeError && !deadline.aborted);
      if (attempt > 1 || !retry) throw new Error(`could not load ${url.href}: ${why(cause.message)}`);
      await sleep(RETRY_AFTER, both).catch(() => {
        throw new Error(`could not load ${url.href}: ${why(cause.message)}`);
      });
    } finally {
      done?.();
    }
  }
}

// The article JSON of a placeholder, and where it came from. `data-jsonld`
// takes the page's own schema.org blocks (`page` is then the page's
// address, which picks the article among them).
async function articleOf(element, signal) {
  const inline = element.querySelector(':scope > script[type="application/json"]');
  if (inline) return { text: inline.textContent, source: 'the inline JSON' };
  const own = (name) => element.getAttribute(`data-${name}`) ??
    (element.localName === 'article-card' ? element.getAttribute(name) : null);
  const src = own('src');
  if (src === null && own('jsonld') !== null) {
    const blocks = [...document.querySelectorAll('script[type="application/ld+json" i]')]
      .filter((script) => !script.parentElement?.closest(PLACEHOLDER))
      .map((script) => script.textContent);
    return { text: JSON.stringify(blocks), source: "the page's JSON-LD", page: document.baseURI };
  }
  if (src === null) throw new Error('the placeholder has neither data-src, data-jsonld nor an inline JSON script');
  const url = dataUrl(src);
  return { text: await fetchArticle(url, timeoutOf(element), signal), source: url.href, url };
}

// Starts a task for an element; the task before it is cancelled.
function begin(element) {
  tasks.get(element)?.controller.abort(abortError('replaced by a later mount or update'));
  const task = { controller: new AbortController() };
  task.signal = task.controller.signal;
  tasks.set(element, task);
  return task;
}

function end(element, task) {
  if (tasks.get(element) === task) tasks.delete(element);
}

// Puts a freshly rendered box in the element's place: into its shadow
// root (created with the stylesheet if needed) or, for elements that
// cannot hold one, in place of its own content.
function place(element, record, css) {
  release(element);
  let root = element.shadowRoot;
  if (!root && canHostShadow(element)) {
    try {
      root = element.attachShadow({ mode: 'open' });
    } catch {
      root = null;
    }
  }
  if (root) {
    const old = child(root, 'div');
    if (!child(root, 'style')) {
      if (typeof css === 'string') {
        const style = document.createElement('style');
        style.textContent = css;
        root.prepend(style);
      } else if (!root.adoptedStyleSheets.includes(css)) {
        root.adoptedStyleSheets = [css];
      }
    }
    if (old && old !== record.box) {
      keepReaderState(old, record.box);
      old.replaceWith(record.box);
    } else if (!old) {
      child(root, 'slot')?.remove();
      root.append(record.box);
    }
  } else {
    if (typeof css !== 'string' && !document.adoptedStyleSheets.includes(css)) {
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, css];
    }
    record.fallback ??= [...element.childNodes];
    element.replaceChildren(record.box);
  }
}

// A canonical text of a subtree: tags, sorted attributes and text, so that
// the server's HTML and the browser's DOM compare equal when they are.
function canonical(node) {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return '';
  const attributes = [...node.attributes].filter((a) => a.name !== 'open')
    .map((a) => `${a.name}=${a.value}`).sort().join(' ');
  return `<${node.localName} ${attributes}>${[...node.childNodes].map(canonical).join('')}</>`;
}

// Carries what the reader did with a pre-rendered card over to its live
// copy: open boxes and the focused control.
function keepReaderState(old, box) {
  const open = [...old.querySelectorAll('details')].map((d) => d.open);
  box.querySelectorAll('details').forEach((d, i) => { if (open[i]) d.open = true; });
  const focused = old.getRootNode().activeElement;
  if (focused && old.contains(focused)) {
    const all = [...old.querySelectorAll('a, button, summary, input')];
    const index = all.indexOf(focused);
    queueMicrotask(() => box.querySelectorAll('a, button, summary, input')[index]?.focus({ preventScroll: true }));
  }
}

// Renders `data` with `options` into `element`; resolves once the card
// shows them. `fallback: true` keeps the publisher's content when the
// data cannot make a card.
async function show(element, task, { text, source, page, options, fallback }) {
  const [glue, { css }] = await Promise.all([currentInstance(), startBundle()]);
  if (task.signal.aborted) throw task.signal.reason;
  let record = cards.get(element);
  if (record && record.glue !== glue) record = undefined; // its instance is gone
  const id = record?.id ?? nextId++;
  const json = optionsJson(options);
  const data = page === undefined
    ? glue.readCard(element, id, source, text, json)
    : glue.readPageCard(element, id, text, page, json);
  const keepsFallback = !data.ok && (hasFallback(element) || prerendered(element));
  if (keepsFallback) {
    data.free();
    throw Object.assign(new Error(`the article from ${source} cannot be shown (see above)`), { logged: true });
  }
  const ok = data.ok;
  await new Promise((resolve, reject) => {
    const rendered = () => {
      if (task.signal.aborted) return;
      try {
        if (!record.placed) {
          const before = child(element.shadowRoot, 'div');
          if (before && before !== record.box && canonical(before) !== canonical(record.box)) {
            warn('this card differs from what this version renders (pre-rendered by another version?); it was rendered afresh', element);
          }
          place(element, record, css);
          record.placed = true;
        }
        record.waiting = null;
        resolve();
      } catch (cause) {
        reject(cause);
      }
    };
    task.signal.addEventListener('abort', () => reject(task.signal.reason), { once: true });
    if (record) {
      record.waiting = { resolve, reject };
      Object.assign(record, { text, source, page, options });
      record.handle.update(data, rendered);
    } else {
      const box = document.createElement('div');
      const prefix = canHostShadow(element) ? 'ac' : `ac${id}`;
      record = { id, glue, box, text, source, page, options, fallback, placed: false, waiting: { resolve, reject } };
      cards.set(element, record);
      record.handle = glue.mountCard(box, data, id, prefix, rendered);
    }
  });
  if (!ok) throw Object.assign(new Error(`the article from ${source} cannot be shown (see above)`), { logged: true, shown: true });
}

// While a card loads (and before the page's first paint), its placeholder
// keeps at least the height the card will need, worked out from the data (a lower bound: one line per text,
// the hero at its own aspect ratio), so that the page below it moves as
// little as possible when the card arrives. In pixels at the default text
// size; measured on the demo cards.
const reserved = new Map(); // element -> its own min-height, to restore

function reserveSpace(element, text, layout = 'card') {
  // Once the page has painted, growing the placeholder is a shift of its
  // own; better one shift when the card arrives than two.
  if (performance.getEntriesByType('paint').length > 0) return;
  let article;
  try {
    article = JSON.parse(text);
  } catch {
    return;
  }
  if (!article || typeof article !== 'object' || reserved.has(element)) return;
  const width = Math.min(element.clientWidth, 704);
  const pad = Math.min(28, Math.max(16, width * 0.05));
  const inner = width - 2 * pad - 2;
  const small = layout === 'compact' || layout === 'teaser';
  const gap = small ? 16 : 24;
  const blocks = Array.isArray(article.body) ? article.body : [];
  const parts = [
    (article.section ? 22 : 0) + (article.overline ? 24 : 0) + (small ? 26 : 34) +
      (layout !== 'teaser' && (article.published || blocks.length) ? 28 : 0),
    44, // the footer's link to the article
  ];
  if (layout === 'teaser') {
    if (article.lead || article.summary?.length) parts.push(24);
  } else {
    const hero = article.hero;
    if (hero && !small) parts.push(inner * ((hero.height > 0 && hero.width > 0) ? hero.height / hero.width : 0.5625));
    parts.push(70); // the share bar
    if (Array.isArray(article.summary) && article.summary.length) parts.push(small ? 46 : article.summary.length * 26);
    for (const block of blocks) {
      if (block?.type === 'background') parts.push(46);
      else if (block?.type === 'related') parts.push(30 + 40 * (block.links?.length ?? 0));
      else if (layout === 'full') parts.push(26);
    }
    if (Array.isArray(article.topics) && article.topics.length) parts.push(60);
  }
  const height = 2 * pad + 2 + parts.reduce((a, b) => a + b, 0) + gap * (parts.length - 1);
  if (height <= element.offsetHeight) return;
  reserved.set(element, element.style.minHeight);
  element.style.minHeight = `${Math.round(height)}px`;
}

function release(element) {
  if (!reserved.has(element)) return;
  element.style.minHeight = reserved.get(element);
  reserved.delete(element);
}

// Loads a placeholder's data and renders it. Failures are logged; the
// placeholder then keeps its own content.
async function load(element) {
  const task = begin(element);
  const why = refusal(element);
  if (why) {
    end(element, task);
    setState(element, 'failed');
    error(`${why}; use a <div> or <article-card>`, element);
    return undefined;
  }
  const options = optionsOf(element);
  const reserving = !prerendered(element) && canHostShadow(element);
  if (!prerendered(element)) {
    setState(element, 'loading');
    startBundle().catch(() => {});
  }
  try {
    const article = await articleOf(element, task.signal);
    // Data fetched from data-src arrives after the first paint, when a
    // reservation would be a shift of its own; inline data is there at once.
    if (reserving && !article.url) reserveSpace(element, article.text, options.layout);
    await show(element, task, { ...article, options });
    if (!element.isConnected) throw abortError('the placeholder was removed');
    setState(element, 'mounted');
  } catch (cause) {
    if (task.signal.aborted) return undefined;
    // A pre-rendered card keeps its static card; others their fallback.
    if (!cause.shown) unmount(element, { keepTask: true });
    setState(element, 'failed');
    if (!cause.logged) error(cause.message, element);
  } finally {
    release(element);
    end(element, task);
  }
  return undefined;
}

// The JS API's mount and update: `data` is an article object or JSON text.
function mount(element, data, options = {}) {
  const why = refusal(element);
  if (why) return Promise.reject(new TypeError(`article card: ${why}; use a <div> or <article-card>`));
  if (data === undefined || data === null || (typeof data !== 'object' && typeof data !== 'string')) {
    return Promise.reject(new TypeError('article card: mount(element, data) needs the article as an object or as JSON text'));
  }
  if (options === null || typeof options !== 'object') {
    return Promise.reject(new TypeError('article card: options must be an object such as { layout: "full" }'));
  }
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  forget(element);
  const task = begin(element);
  setState(element, cards.has(element) ? element.dataset[STATE] : 'loading');
  return show(element, task, { text, source: 'the JS API', options })
    .then(() => {
      if (tasks.get(element) === task) setState(element, 'mounted');
    }, (cause) => {
      if (!task.signal.aborted) {
        // Data that cannot make a card leaves the element's own content.
        if (!cause.shown) unmount(element, { keepTask: true });
        setState(element, 'failed');
      }
      if (cause.logged) throw new Error(`article card: ${cause.message}`);
      throw cause;
    })
    .finally(() => end(element, task));
}

// Takes the card away; the element shows its own content again.
function unmount(element, { keepTask = false } = {}) {
  if (!keepTask) {
    tasks.get(element)?.controller.abort(abortError('the card was unmounted'));
    tasks.delete(element);
  }
  const record = cards.get(element);
  if (!record) {
    if (!keepTask) delete element.dataset[STATE];
    return;
  }
  cards.delete(element);
  record.waiting?.reject(abortError('the card was unmounted'));
  try {
    record.handle.unmount();
    record.handle.free();
  } catch {
    // A dead instance (after a panic) cannot unmount; dropping it is enough.
  }
  if (!record.placed) return;
  if (element.shadowRoot && !record.fallback) {
    element.shadowRoot.replaceChildren(document.createElement('slot'));
    element.shadowRoot.adoptedStyleSheets = [];
  } else {
    element.replaceChildren(...(record.fallback ?? []));
  }
  if (!keepTask) delete element.dataset[STATE];
}

function onPanic(glue, id) {
  if (instance === null) return; // already recovering
  instance = null;
  for (const [element, record] of [...cards]) {
    if (record.glue !== glue) continue;
    if (record.id === id) {
      const waiting = record.waiting;
      unmount(element);
      setState(element, 'failed');
      waiting?.reject(new Error('article card: the card failed while rendering (see the console)'));
    } else {
      // The record's box is swapped for a fresh one on the new instance.
      cards.delete(element);
      const waiting = record.waiting;
      const task = begin(element);
      // The old box stays on the page until the new one replaces it.
      show(element, task, record).then(() => {
        setState(element, 'mounted');
        waiting?.resolve();
      }, (cause) => {
        if (task.signal.aborted) return;
        setState(element, 'failed');
        error(`could not restart a card: ${cause.message}`, element);
        waiting?.reject(cause);
      }).finally(() => end(element, task));
    }
  }
}

// --- Pre-rendered cards ---------------------------------------------------

const sleeping = new Map(); // pre-rendered element -> { root, wake, click }
let nearViewport = null;
let idleArmed = false;

// A pre-rendered card waits, already readable, until it is needed: near
// the viewport, when the browser is idle, or when a reader reaches for a
// control that needs script (its click is replayed once the card is alive).
function watchStatic(element) {
  if (sleeping.has(element)) return;
  setState(element, 'prerendered');
  const root = element.shadowRoot;
  const entry = { root, click: null };
  entry.wake = (event) => {
    const control = event.target.closest?.(SCRIPT_CONTROLS);
    if (!control) return;
    currentInstance().catch(() => {});
    if (event.type === 'click') {
      event.preventDefault();
      entry.click = [...root.querySelectorAll('.ac-share__button')].indexOf(control);
      awaken(element);
    }
  };
  for (const type of ['pointerdown', 'focusin', 'click']) root.addEventListener(type, entry.wake, true);
  sleeping.set(element, entry);
  nearViewport ??= new IntersectionObserver((entries) => {
    for (const seen of entries) if (seen.isIntersecting) awaken(seen.target);
  }, { rootMargin: '400px' });
  nearViewport.observe(element);
  if (!idleArmed) {
    idleArmed = true;
    const idle = window.requestIdleCallback ?? ((callback) => setTimeout(callback, 2000));
    idle(() => {
      idleArmed = false;
      for (const asleep of [...sleeping.keys()]) awaken(asleep);
    }, { timeout: 5000 });
  }
}

function forget(element) {
  const entry = sleeping.get(element);
  if (!entry) return null;
  sleeping.delete(element);
  nearViewport?.unobserve(element);
  for (const type of ['pointerdown', 'focusin', 'click']) entry.root.removeEventListener(type, entry.wake, true);
  return entry;
}

async function awaken(element) {
  const entry = sleeping.get(element);
  if (!entry || entry.waking) return;
  entry.waking = true;
  nearViewport?.unobserve(element);
  await load(element);
  if (sleeping.get(element) !== entry) return; // removed meanwhile
  forget(element);
  if (entry.click !== null && cards.has(element)) {
    element.shadowRoot.querySelectorAll('.ac-share__button')[entry.click]?.click();
  }
}

// --- Finding placeholders -------------------------------------------------

function placeholdersIn(root) {
  const found = [];
  if (root.matches?.(PLACEHOLDER)) found.push(root);
  found.push(...(root.querySelectorAll?.(PLACEHOLDER) ?? []));
  return found;
}

function scan(root = document) {
  const found = placeholdersIn(root).filter((el) => !cards.has(el) && !tasks.has(el) && !sleeping.has(el));
  const fresh = found.filter((el) => !prerendered(el));
  if (fresh.length > 0) startBundle().catch(() => {});
  return Promise.all(found.map((el) => {
    if (prerendered(el)) {
      watchStatic(el);
      return undefined;
    }
    return load(el);
  }));
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

let sweepQueued = false;
function watch() {
  new MutationObserver((records) => {
    let removed = false;
    for (const record of records) {
      for (const node of record.addedNodes) if (node.nodeType === Node.ELEMENT_NODE) scan(node);
      removed ||= record.removedNodes.length > 0;
    }
    // Moved elements come back at once; only what stays out is unmounted.
    if (removed && !sweepQueued) {
      sweepQueued = true;
      queueMicrotask(() => {
        sweepQueued = false;
        for (const element of new Set([...cards.keys(), ...tasks.keys(), ...sleeping.keys()])) {
          if (!element.isConnected) {
            forget(element);
            unmount(element);
          }
        }
      });
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

class ArticleCardElement extends HTMLElement {
  static observedAttributes = ['src', 'jsonld', 'timeout', ...OPTIONS];

  connectedCallback() {
    whenParsed(() => { if (this.isConnected && !cards.has(this) && !tasks.has(this)) scan(this); });
  }

  disconnectedCallback() {
    queueMicrotask(() => {
      if (!this.isConnected) {
        forget(this);
        unmount(this);
      }
    });
  }

  attributeChangedCallback() {
    if (!this.isConnected) return;
    if (sleeping.has(this)) awaken(this);
    else if (cards.has(this) || tasks.has(this)) load(this);
  }
}

if (!window.ArticleCard) {
  window.ArticleCard = Object.freeze({
    /** Renders `data` (article object or JSON text) into `element`. */
    mount,
    /** Same as mount: replaces the card's data and options. */
    update: mount,
    /** Removes the card; the element shows its own content again. */
    unmount: (element) => { forget(element); unmount(element); },
    /** Mounts placeholders below `root` that are not mounted yet. */
    scan: (root = document) => scan(root).then(() => undefined),
  });
  if (!customElements.get('article-card')) customElements.define('article-card', ArticleCardElement);
  whenParsed(() => {
    scan();
    watch();
  });
}
