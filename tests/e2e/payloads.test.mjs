// Hostile data stays data. Every string of tests/payloads/payloads.json goes
// into every text field, every URL field and every option of a card (built
// from www/articles/de-politik.json), rendered four ways: by the embed
// script from inline JSON and data-* attributes, through the JS API, by
// `article-card prerender` (declarative shadow roots, checked before and
// after they come alive) and by `article-card render`. A trap in every page
// must stay untouched: a global flag the payloads try to set, dialogs
// replaced by counters, a MutationObserver (inside the cards' shadow roots
// too) recording new active elements, event-handler attributes and
// javascript:/data:/vbscript: addresses, and Content-Security-Policy
// violations under a policy that forbids inline script and requires
// Trusted Types. Each card must also show what it was given: the payload
// as text, or the error notice where the rules refuse it.
//
// Needs the release bundle in www/dist and `cargo build --bin article-card`.
// PAYLOADS_TIMING=1 prints when each page opens and settles;
// SHOW_PROBLEMS=n shows more than the first 12 problems of a failure.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { expectOpen, useBrowser } from './browser.mjs';

const env = useBrowser();
const ROOT = new URL('../../', import.meta.url);
const CLI = new URL('target/debug/article-card', ROOT).pathname;
const CORPUS = JSON.parse(readFileSync(new URL('tests/payloads/payloads.json', ROOT), 'utf8'));
const ARTICLE = JSON.parse(readFileSync(new URL('www/articles/de-politik.json', ROOT), 'utf8'));
// Marks the harness's own elements; payloads are fixed text and cannot know it.
const NONCE = randomBytes(16).toString('hex');
const PER_PAGE = 100; // payloads per page
const OPTIONS = ['lang', 'layout', 'theme', 'heading-level', 'services', 'native-share',
  'orientation', 'button-style', 'share-url', 'share-title', 'referrer-track'];

const PAYLOADS = Object.entries(CORPUS.payloads)
  .flatMap(([kind, list]) => list.map((text) => ({ kind, text })))
  .map((payload, i) => ({ ...payload, id: `p${i}` }));

// --- The card's rules, as the README and docs/article-format.md state them --

/// Rust's `str::trim` (Unicode White_Space), which the decoder applies.
const trim = (s) => s.replace(/^\p{White_Space}+|\p{White_Space}+$/gu, '');
const chars = (s) => [...s].length;

/// src/url.rs `check_url`: http(s) with a host, or (for links and images) a
/// relative address; nothing with spaces or control characters; 2048 at most.
function urlAllowed(url, { relative }) {
  if (url === '' || chars(url) > 2048 || /[\p{White_Space}\p{Cc}]/u.test(url)) return false;
  const end = url.search(/[:/?#]/);
  if (end === -1 || url[end] !== ':') return relative;
  const scheme = url.slice(0, end).toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return false;
  const rest = url.slice(end + 1);
  return rest.startsWith('//') && rest.slice(2).split(/[/?#]/)[0] !== '';
}

/// src/url.rs `is_tracking_suffix` and `with_tracking`: query parameters
/// (at most `MAX_TRACKING`, 256 bytes) added to the shared address, before
/// its fragment.
function trackingSuffix(value) {
  const params = value.replace(/^[?&]+/, '');
  return params !== '' && value.length <= 256 && params.split('&').every((pair) => /^[A-Za-z0-9\-_.~=%+]+$/.test(pair));
}
function withTracking(url, tracking) {
  const params = tracking.replace(/^[?&]+/, '');
  if (params === '') return url;
  const cut = url.includes('#') ? url.indexOf('#') : url.length;
  const base = url.slice(0, cut);
  const joiner = !base.includes('?') ? '?' : /[?&]$/.test(base) ? '' : '&';
  return `${base}${joiner}${params}${url.slice(cut)}`;
}

// Text fields of the article: where each goes in the data, its length
// limit, and where the card shows it.
const each = (list, type, set) => list.filter((b) => b.type === type).forEach(set);
const TEXT_FIELDS = [
  { name: 'section', limit: 60, set: (a, v) => { a.section = v; }, show: '.ac-kicker' },
  { name: 'overline', limit: 150, set: (a, v) => { a.overline = v; }, show: '.ac-overline' },
  { name: 'headline', limit: 300, set: (a, v) => { a.headline = v; }, show: '.ac-headline__text' },
  { name: 'hero.alt', limit: 500, empty: true, set: (a, v) => { a.hero.alt = v; }, show: '.ac-figure__image', attribute: 'alt' },
  { name: 'hero.caption', limit: 500, set: (a, v) => { a.hero.caption = v; }, show: '.ac-figure__text' },
  { name: 'hero.credit', limit: 200, set: (a, v) => { a.hero.credit = v; }, show: '.ac-figure__credit', prefix: 'Bild: ' },
  { name: 'summary', limit: 400, set: (a, v) => { a.summary = a.summary.map(() => v); }, show: '.ac-summary__item' },
  { name: 'lead', limit: 2000, set: (a, v) => { a.lead = v; }, show: '.ac-lead' },
  { name: 'paragraph', limit: 5000, set: (a, v) => each(a.body, 'paragraph', (b) => { b.text = v; }), show: '.ac-paragraph' },
  { name: 'heading', limit: 300, set: (a, v) => each(a.body, 'heading', (b) => { b.text = v; }), show: '.ac-subheading' },
  { name: 'quote', limit: 5000, set: (a, v) => each(a.body, 'quote', (b) => { b.text = v; }), show: '.ac-quote__text > p' },
  { name: 'speaker', limit: 150, set: (a, v) => each(a.body, 'quote', (b) => { b.speaker = v; }), show: '.ac-quote__speaker' },
  { name: 'box title', limit: 150, set: (a, v) => each(a.body, 'background', (b) => { b.title = v; }), show: '.ac-background .ac-disclosure__title' },
  { name: 'box text', limit: 3000, set: (a, v) => each(a.body, 'background', (b) => { b.text = v; }), show: '.ac-background__text' },
  { name: 'related title', limit: 300, set: (a, v) => each(a.body, 'related', (b) => { b.title = v; }), show: '.ac-related__title' },
  { name: 'related label', limit: 300, set: (a, v) => each(a.body, 'related', (b) => b.links.forEach((l) => { l.label = v; })), show: '.ac-related__link' },
  { name: 'source', limit: 200, set: (a, v) => { a.source = v; }, show: '.ac-source' },
  { name: 'topic', limit: 60, set: (a, v) => { a.topics = a.topics.map((t) => (typeof t === 'string' ? v : { ...t, label: v })); }, show: '.ac-topic' },
  { name: 'follow', limit: 300, set: (a, v) => { a.follow.label = v; }, show: '.ac-follow > a' },
  { name: 'standards', limit: 300, set: (a, v) => { a.standards.label = v; }, show: '.ac-standards > a' },
];
// URL fields that may be relative, and the attribute that shows each.
const LINK_FIELDS = [
  { set: (a, v) => { a.hero.url = v; }, show: '.ac-figure__image', attribute: 'src' },
  { set: (a, v) => each(a.body, 'related', (b) => b.links.forEach((l) => { l.url = v; })), show: '.ac-related__link', attribute: 'href' },
  { set: (a, v) => { a.topics = a.topics.map((t) => (typeof t === 'string' ? t : { ...t, url: v })); }, show: 'a.ac-topic', attribute: 'href' },
  { set: (a, v) => { a.follow.url = v; }, show: '.ac-follow > a', attribute: 'href' },
  { set: (a, v) => { a.standards.url = v; }, show: '.ac-standards > a', attribute: 'href' },
];

/// A copy of the demo article, changed; `keep` names the fields a card
/// needs (all by default), so that pages stay small.
const article = (change, keep = Object.keys(ARTICLE)) => {
  const copy = structuredClone(Object.fromEntries(keep.map((key) => [key, ARTICLE[key]])));
  change(copy);
  return copy;
};
// What the cards that test one thing keep of it.
const FOR_URL = ['url', 'language', 'section', 'headline', 'lead'];
const FOR_LINKS = ['url', 'language', 'headline', 'hero', 'body', 'topics', 'follow', 'standards'];
const FOR_OPTIONS = ['url', 'language', 'section', 'headline', 'hero', 'summary', 'lead'];
const onlyRelated = (a) => { a.body = a.body.filter((b) => b.type === 'related'); };

/// The text fields a payload fits (within the limit; empty only where the
/// field may be empty), so that the card is valid and must show it.
function fittingFields(text) {
  const t = trim(text);
  return TEXT_FIELDS.filter((f) => chars(t) <= f.limit && (t !== '' || f.empty));
}

/// Every card a payload makes, with what the card must show.
function cardsOf(payload) {
  const p = payload.text;
  const t = trim(p);
  const wellFormed = p.isWellFormed(); // a lone surrogate is not JSON text the card reads
  const fields = fittingFields(p);
  const cards = [{
    kind: 'text', id: `${payload.id}-text`, layout: 'full', valid: wellFormed, fields,
    data: article((a) => fields.forEach((f) => f.set(a, p))),
  }];
  if (!fields.some((f) => f.name === 'headline')) {
    // Too long or empty for a headline: refused, with the error notice.
    cards.push({ kind: 'headline', id: `${payload.id}-headline`, layout: 'card', valid: false, data: article((a) => { a.headline = p; }, FOR_URL) });
  }
  cards.push({
    kind: 'url', id: `${payload.id}-url`, layout: 'teaser', valid: wellFormed && urlAllowed(t, { relative: false }),
    data: article((a) => { a.url = p; }, FOR_URL),
  });
  cards.push({
    kind: 'links', id: `${payload.id}-links`, layout: 'card', valid: wellFormed && urlAllowed(t, { relative: true }),
    data: article((a) => { onlyRelated(a); LINK_FIELDS.forEach((f) => f.set(a, p)); }, FOR_LINKS),
  });
  // Every option is the payload; the service list also names two services
  // that share the title and the address, so that both can be checked.
  const options = Object.fromEntries(OPTIONS.map((name) => [name, p]));
  options.services = `${p},x,mail`;
  cards.push({ kind: 'options', id: `${payload.id}-options`, valid: true, data: article(() => {}, FOR_OPTIONS), options });
  return cards.map((card) => ({ ...card, payload }));
}

// --- Pages -----------------------------------------------------------------

/// The test pages' policy: no inline script, no eval, Trusted Types
/// required, images and data from the web only (never data:).
function policy(styleHash = '', connect = "'self'") {
  return `default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src ${connect}; ` +
    `style-src 'self' ${styleHash}; img-src 'self' http: https:; base-uri 'none'; form-action 'none'; ` +
    "require-trusted-types-for 'script'; trusted-types 'none'";
}

const attr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
// Inline JSON as a publisher must write it: `<` escaped, so no `</script>`
// in the data ends the script.
const inlineJson = (data) =>
  `<script type="application/json" data-harness="${NONCE}">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;

function pageHtml(body, csp) {
  return `<!doctype html>
<html lang="de"><head>
<meta charset="utf-8" data-harness="${NONCE}">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}" data-harness="${NONCE}">
<title>Payloads</title>
<link rel="stylesheet" href="payloads-host.css" data-harness="${NONCE}">
<script type="module" src="dist/article-card.js" data-harness="${NONCE}"></script>
</head><body>
${body}
</body></html>`;
}

function placeholder(card) {
  const options = card.options ?? { layout: card.layout };
  const attributes = Object.entries(options).map(([name, value]) => ` data-${name}="${attr(value)}"`).join('');
  return `<div data-article-card id="${card.id}"${attributes}>${inlineJson(card.data)}</div>`;
}

/// Runs the command line; resolves with its status and output.
function run(args, input) {
  return new Promise((resolve, reject) => {
    const child = spawn(CLI, args);
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }));
    child.stdin.on('error', () => {}); // a command that exits early
    child.stdin.end(input);
  });
}

/// Runs `tasks` (functions returning promises), `limit` at a time.
async function pool(tasks, limit) {
  const results = [];
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  }));
  return results;
}

// --- The trap, installed in every page before anything else runs ------------

function trap(nonce) {
  const found = { pwned: 0, dialogs: [], elements: [], attributes: [], violations: [], errors: [] };
  Object.defineProperty(window, '__trap', { value: found });
  Object.defineProperty(window, '__pwned', { get: () => undefined, set: () => { found.pwned += 1; } });
  for (const name of ['alert', 'confirm', 'prompt', 'open']) {
    window[name] = () => { found.dialogs.push(name); };
  }
  document.addEventListener('securitypolicyviolation', (e) => {
    found.violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`.slice(0, 300));
  }, true);

  const ACTIVE = new Set(['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'meta',
    'link', 'portal', 'applet', 'style']);
  const URLS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data', 'poster',
    'background', 'ping', 'srcset', 'codebase', 'cite'];
  // Whitespace and control characters go (browsers drop some anywhere in
  // a URL), then the scheme is compared without regard to case.
  const squeeze = (value) => value.replace(/[\p{White_Space}\p{Cc}\p{Cf}]/gu, '').toLowerCase();
  const dangerous = (value) => /^(javascript|data|vbscript):/.test(squeeze(value));
  const show = (el) => el.outerHTML.slice(0, 200);

  function checkElement(el) {
    const tag = el.localName;
    if (ACTIVE.has(tag) && el.getAttribute('data-harness') !== nonce) {
      // The one legitimate <style>: a pre-rendered card's stylesheet, first
      // in its shadow root.
      const cardStyle = tag === 'style' && el.parentNode instanceof ShadowRoot && el.parentNode.firstElementChild === el;
      if (!cardStyle) found.elements.push(show(el));
    }
    for (const { name, value } of el.attributes) {
      if (name.startsWith('on')) found.attributes.push(`${name} on ${show(el)}`);
      if (URLS.includes(name) && dangerous(value)) found.attributes.push(`${name}=${value.slice(0, 80)} on <${tag}>`);
    }
  }

  function checkTree(node) {
    if (node.nodeType !== Node.ELEMENT_NODE && !(node instanceof ShadowRoot)) return;
    if (node.nodeType === Node.ELEMENT_NODE) checkElement(node);
    for (const el of node.querySelectorAll('*')) {
      checkElement(el);
      if (el.shadowRoot) checkTree(el.shadowRoot);
    }
    if (node.shadowRoot) checkTree(node.shadowRoot);
  }

  const watched = new WeakSet();
  function watch(root) {
    if (watched.has(root)) return;
    watched.add(root);
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'attributes') checkElement(record.target);
        for (const node of record.addedNodes) checkTree(node);
      }
    }).observe(root, { childList: true, subtree: true, attributes: true });
  }
  watch(document);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function attach(init) {
    const root = attachShadow.call(this, init);
    watch(root);
    return root;
  };

  // What a card shows, for the test to compare with what it was given.
  function describe(host) {
    const root = host.shadowRoot ?? host;
    const card = root.querySelector('.ac-card');
    if (!card) return null;
    const all = (selector) => [...root.querySelectorAll(selector)];
    return {
      error: card.classList.contains('ac-card--error'),
      className: card.className,
      theme: card.getAttribute('data-theme'),
      headingTag: root.querySelector('.ac-headline')?.localName ?? null,
      readmore: all('.ac-readmore').map((a) => a.getAttribute('href')),
      shares: all('a.ac-share__button').map((a) => a.getAttribute('href')),
    };
  }
  // Every shadow root that is already there (declarative ones come with the
  // parser, not through attachShadow): watched, checked, and a copy of its
  // card kept before the embed script brings it alive.
  window.__static = {};
  document.addEventListener('DOMContentLoaded', () => {
    for (const el of document.querySelectorAll('*')) {
      if (!el.shadowRoot) continue;
      watch(el.shadowRoot);
      checkTree(el.shadowRoot);
      const box = [...el.shadowRoot.children].find((child) => child.localName === 'div');
      if (el.id && box) window.__static[el.id] = box.cloneNode(true);
    }
  });
  window.__checkAll = () => checkTree(document.documentElement);
  window.__describe = describe;
}

/// What every card on the page shows, by element id: the fields asked for
/// by `wanted` ({ id: [[selector, attribute?], …] }) and the general shape.
async function collect(page, wanted, when = 'now') {
  // As one JSON text: much faster through the protocol than a large object.
  const json = await page.evaluate(({ wanted, when }) => {
    const out = {};
    for (const [id, selectors] of Object.entries(wanted)) {
      // The copy taken as the page was parsed, or the card as it is now.
      const host = when === 'static' ? window.__static[id] : document.getElementById(id);
      if (!host) continue;
      const card = window.__describe(host);
      const fields = {};
      if (card) {
        const root = host.shadowRoot ?? host;
        for (const [selector, attribute] of selectors) {
          fields[`${selector}@${attribute ?? ''}`] = [...root.querySelectorAll(selector)]
            .map((el) => (attribute ? el.getAttribute(attribute) : el.textContent));
        }
      }
      out[id] = { state: host.dataset.articleCardState ?? null, when, card, fields };
    }
    return JSON.stringify(out);
  }, { wanted, when });
  return JSON.parse(json);
}

/// The fields to read for each card.
function wantedOf(cards) {
  return Object.fromEntries(cards.map((card) => {
    if (card.kind === 'text') return [card.id, card.fields.map((f) => [f.show, f.attribute])];
    if (card.kind === 'links') return [card.id, LINK_FIELDS.map((f) => [f.show, f.attribute])];
    if (card.kind === 'api' || card.kind === 'render') return [card.id, [['.ac-headline__text']]];
    return [card.id, []];
  }));
}

const T0 = Date.now();
const mark = (what) => process.env.PAYLOADS_TIMING && console.log(`${((Date.now() - T0) / 1000).toFixed(1)} s ${what}`);

async function openTrapped(path, html) {
  mark(`open ${path}`);
  const context = await env.browser.newContext({ viewport: { width: 900, height: 900 } });
  // Nothing leaves the test's own server: other addresses (the payloads'
  // images and data-src) get an empty 404 at once.
  // (scripts/serve.mjs cannot answer paths with broken %-escapes, which
  // some payloads are, so those get the same.)
  const answerable = (path) => { try { decodeURIComponent(path); return true; } catch { return false; } };
  await context.route((url) => url.origin !== env.origin || !answerable(url.pathname),
    (route) => route.fulfill({ status: 404, body: '' }));
  // Hundreds of cards per page: the browser lays out and paints only those
  // on screen (the DOM, which the test reads, is whole either way).
  await context.route(`${env.origin}/www/payloads-host.css`, (route) => route.fulfill({
    contentType: 'text/css',
    body: '[data-article-card], body > div { display: block; content-visibility: auto; contain-intrinsic-size: auto 600px; }',
  }));
  if (html !== undefined) {
    await context.route(`${env.origin}${path}`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  }
  const page = await context.newPage();
  const log = { dialogs: 0, errors: [], differs: [] };
  page.on('dialog', (dialog) => { log.dialogs += 1; dialog.dismiss().catch(() => {}); });
  page.on('pageerror', (error) => log.errors.push(error.message));
  page.on('console', (message) => {
    if (message.text().includes('differs from what this version renders')) log.differs.push(message.text());
  });
  await page.addInitScript(trap, NONCE);
  await page.goto(`${env.origin}${path}`, { waitUntil: 'domcontentloaded' });
  return { context, page, log };
}

/// Waits until no card on the page is still loading or asleep.
async function settled(page, ids) {
  mark(`settling ${page.url()}`);
  await page.waitForFunction((ids) => ids.every((id) => {
    const state = document.getElementById(id)?.dataset.articleCardState;
    return state === 'mounted' || state === 'failed';
  }), ids, { timeout: 120_000, polling: 100 });
}

/// The trap's findings, after a last look at the whole DOM.
async function sprung(page, log) {
  mark(`settled ${page.url()}`);
  const found = await page.evaluate(() => {
    window.__checkAll();
    return window.__trap;
  });
  return { ...found, dialogs: [...found.dialogs, ...Array(log.dialogs).fill('dialog')], errors: log.errors };
}

/// Fails with the first few problems and their number.
function assertNone(failures) {
  assert.deepEqual(failures.slice(0, Number(process.env.SHOW_PROBLEMS ?? 12)), [], `${failures.length} problems`);
}

function assertUntouched(found, where) {
  assert.equal(found.pwned, 0, `${where}: a payload set window.__pwned`);
  assert.deepEqual(found.dialogs, [], `${where}: a payload opened a dialog or window`);
  assert.deepEqual(found.elements, [], `${where}: active elements appeared`);
  assert.deepEqual(found.attributes, [], `${where}: event handlers or script addresses appeared`);
  assert.deepEqual(found.violations, [], `${where}: Content-Security-Policy violations`);
  assert.deepEqual(found.errors, [], `${where}: uncaught errors`);
}

// --- What each card must show ------------------------------------------------

/// How the HTML parser stores text it reads (pre-rendered cards): CR and
/// CRLF become LF; NUL is dropped from text and replaced in attributes.
const parsedText = (s) => s.replace(/\r\n?/g, '\n').replace(/\0/g, '');
const parsedAttribute = (s) => s.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');

const SAFE_SHARE = /^(https:\/\/[a-z.]+\/[a-z0-9/._-]*\?|mailto:\?)[A-Za-z0-9\-_.~%=&]*$/;

/// Checks one card against what it was given; returns a list of failures.
function verify(card, seen, { parsed = false, source = 'api' } = {}) {
  const failures = [];
  const fail = (why) => failures.push(`${card.id} (${card.payload.kind} ${JSON.stringify(card.payload.text).slice(0, 60)}): ${why}`);
  if (!seen) return [`${card.id}: not on the page`];
  const shown = seen.card && !seen.card.error;
  const text = parsed ? parsedText : (s) => s;
  const attribute = parsed ? parsedAttribute : (s) => s;
  if (card.valid && !shown) fail(`should show the card, state ${seen.state}, ${seen.card ? 'error notice' : 'no card'}`);
  if (!card.valid && card.kind !== 'src') {
    if (shown) fail('should be refused, yet shows a card');
    else if (!seen.card?.error) fail(`should show the error notice, state ${seen.state}`);
  }
  if (card.kind === 'src' && (seen.state !== 'failed' || seen.card)) fail(`data-src should fail without a card, state ${seen.state}`);
  if (!shown) return failures;

  for (const href of seen.card.shares) {
    if (!SAFE_SHARE.test(href)) fail(`share link not fully encoded: ${href.slice(0, 120)}`);
    const shared = new URL(href.replace(/^mailto:/, 'https://mail.invalid/')).searchParams.get('u') ??
      new URL(href.replace(/^mailto:/, 'https://mail.invalid/')).searchParams.get('url');
    if (shared !== null && !/^https?:\/\/[^\s/?#]+/i.test(shared)) fail(`shares a non-web address: ${shared.slice(0, 80)}`);
  }
  const p = card.payload.text;
  const t = trim(p);
  if (card.kind === 'text') {
    for (const f of card.fields) {
      const values = seen.fields[`${f.show}@${f.attribute ?? ''}`];
      const expected = f.attribute ? attribute(t) : text((f.prefix ?? '') + t);
      if (!values?.length) fail(`${f.name} is missing`);
      else if (!values.every((v) => v === expected)) fail(`${f.name} shows ${JSON.stringify(values[0]).slice(0, 80)}`);
    }
  }
  // Addresses are trimmed like every text of the data.
  if (card.kind === 'url' && !seen.card.readmore.every((href) => href === attribute(t))) fail(`links to ${seen.card.readmore}`);
  if (card.kind === 'links') {
    for (const f of LINK_FIELDS) {
      const values = seen.fields[`${f.show}@${f.attribute}`];
      if (!values?.length || !values.every((v) => v === attribute(t))) fail(`${f.show} ${f.attribute} is ${JSON.stringify(values)}`);
    }
  }
  if (card.options) {
    // The option as the card received it: from the JS API as given, from
    // an attribute as the HTML parser read it, or, on the server, as the
    // command read the page's attribute.
    // (A page is UTF-8: a lone surrogate in an attribute arrives as U+FFFD.)
    const option = source === 'attribute' ? parsedAttribute(p.toWellFormed())
      : source === 'server' && card.kind === 'options' ? p.toWellFormed() : p;
    const title = trim(option) || trim(card.data.headline);
    const address = withTracking(urlAllowed(option, { relative: false }) ? option : trim(card.data.url),
      trackingSuffix(option) ? option : '');
    for (const href of seen.card.shares) {
      const query = new URL(href.replace(/^mailto:/, 'https://mail.invalid/')).searchParams;
      const sharedTitle = query.get('subject') ?? (href.startsWith('https://x.com/') ? query.get('text') : null);
      if (sharedTitle !== null && sharedTitle !== title) fail(`shares the title ${JSON.stringify(sharedTitle).slice(0, 80)} (${source})`);
      const sharedUrl = query.get('u') ?? query.get('url');
      if (sharedUrl !== null && sharedUrl !== address) fail(`shares the address ${JSON.stringify(sharedUrl).slice(0, 80)}`);
    }
    const layout = ['card', 'compact', 'teaser', 'full'].includes(option) ? option : 'card';
    if (!seen.card.className.includes(`ac-card--${layout}`)) fail(`layout ${seen.card.className}`);
    const theme = ['light', 'dark'].includes(option) ? option : null;
    if (seen.card.theme !== theme) fail(`theme ${seen.card.theme}`);
    const level = /^[2-6]$/.test(option) ? `h${option}` : 'h2';
    if (seen.card.headingTag !== level) fail(`headline is a ${seen.card.headingTag}`);
  }
  if ((card.kind === 'api' || card.kind === 'render') && card.fields.some((f) => f.name === 'headline')) {
    const headline = seen.fields['.ac-headline__text@'];
    if (headline?.[0] !== text(t)) fail(`headline is ${JSON.stringify(headline)}`);
  }
  return failures;
}

// --- The tests -----------------------------------------------------------------

let CHUNKS;
let STYLE_HASH;

before(() => {
  assert.ok(existsSync(CLI), 'build the command first: cargo build --bin article-card');
  CHUNKS = [];
  for (let i = 0; i < PAYLOADS.length; i += PER_PAGE) CHUNKS.push(PAYLOADS.slice(i, i + PER_PAGE));
  // The CSP hash of the pre-rendered cards' inline stylesheet.
  const rendered = spawnSync(CLI, ['render', new URL('www/articles/minimal.json', ROOT).pathname], { encoding: 'utf8' });
  const css = rendered.stdout.match(/<template shadowrootmode="open"><style>([^<]*)<\/style>/)[1];
  STYLE_HASH = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
});

test('the corpus: at least 300 distinct strings of every kind the brief names', () => {
  const texts = PAYLOADS.map((p) => p.text);
  assert.equal(CORPUS.count, texts.length, 'the "count" field of payloads.json');
  assert.ok(texts.length >= 300, `${texts.length} payloads`);
  assert.equal(new Set(texts).size, texts.length, 'no payload twice');
  for (const kind of ['script-elements', 'event-handlers', 'url-schemes', 'css-injection', 'bidi-controls',
    'zero-width', 'long-and-many-graphemes', 'json-and-script-breaking', 'template-and-markup-syntax']) {
    assert.ok(CORPUS.payloads[kind]?.length >= 10, kind);
  }
});

// Cards the browser rendered (the error notice included), cards the server
// rendered (checked as parsed), data-src placeholders, pages.
const stats = { browser: 0, server: 0, src: 0, pages: 0 };

test('the trap catches what it is there to catch', async () => {
  const card = { id: 'control', layout: 'card', data: ARTICLE };
  const { context, page, log } = await openTrapped('/www/payloads-control.html', pageHtml(placeholder(card), policy()));
  await settled(page, ['control']);
  // What an injection would look like, done by hand inside the card.
  await page.evaluate(() => {
    const box = document.getElementById('control').shadowRoot.querySelector('.ac-card');
    const link = document.createElement('a');
    link.href = 'java\tscript:void 0';
    box.append(link);
    const image = document.createElement('img');
    try {
      image.setAttribute('onerror', '__pwned=1');
    } catch {
      // Trusted Types refuse a handler from a string (and report it).
    }
    image.setAttribute('onfocus-like', 'x'); // no handler, but an on… name
    image.src = 'data:,x';
    box.append(image);
    const script = document.createElement('script');
    try {
      script.textContent = '__pwned=1';
    } catch {
      // Trusted Types refuse it (and report it).
    }
    box.append(script);
    window.__pwned = 1;
    window.alert('x');
  });
  await page.waitForFunction(() => window.__trap.violations.length >= 3);
  const found = await sprung(page, log);
  assert.equal(found.pwned, 1);
  assert.deepEqual(found.dialogs, ['alert']);
  assert.ok(found.elements.some((e) => e.startsWith('<script')), found.elements.join('\n'));
  assert.ok(found.attributes.some((a) => a.startsWith('onfocus-like')), found.attributes.join('\n'));
  assert.ok(found.attributes.some((a) => a.startsWith('href=java')), found.attributes.join('\n'));
  assert.ok(found.attributes.some((a) => a.startsWith('src=data:')), found.attributes.join('\n'));
  // The data: image, and the handler and script text from strings.
  const directives = found.violations.map((v) => v.split(' ')[0]);
  assert.equal(directives.filter((d) => d === 'require-trusted-types-for').length, 2, found.violations.join('\n'));
  for (const directive of ['img-src']) {
    assert.ok(directives.includes(directive), `${directive} in ${found.violations.join('\n')}`);
  }
  await context.close();
});

test('JS API and data-src: payloads as data objects and as every option', async () => {
  const failures = [];
  await pool(CHUNKS.map((chunk, n) => async () => {
    const items = chunk.map((payload) => {
      const fields = fittingFields(payload.text);
      return {
        kind: 'api', id: `${payload.id}-api`, payload, fields, valid: payload.text.isWellFormed(),
        data: article((a) => fields.forEach((f) => f.set(a, payload.text))),
        options: Object.fromEntries(OPTIONS.map((name) => [name, payload.text])),
      };
    });
    const sources = chunk.map((payload) => ({ kind: 'src', id: `${payload.id}-src`, payload, valid: false }));
    const data = JSON.stringify({
      api: items.map(({ id, data: article, options }) => ({ id, article, options })),
      src: sources.map(({ id, payload }) => ({ id, src: payload.text })),
    });
    // The page fetches its data, so that strings reach it exactly as JSON
    // has them (lone surrogates included).
    const { context, page, log } = await openTrapped(`/www/payloads-api-${n}.html`,
      pageHtml('', policy('', "'self' http: https:")));
    await context.route(`${env.origin}/www/payloads-api-${n}.json`, (route) => route.fulfill({ contentType: 'application/json', body: data }));
    mark(`mounting ${n}`);
    const outcomes = await page.evaluate(async (url) => {
      const { api, src } = await (await fetch(url)).json();
      for (const { id, src: address } of src) {
        const el = document.createElement('div');
        el.id = id;
        el.dataset.articleCard = '';
        el.dataset.src = address;
        document.body.append(el);
      }
      return Promise.all(api.map(async ({ id, article, options }) => {
        const el = document.createElement('div');
        el.id = id;
        document.body.append(el);
        try {
          await window.ArticleCard.mount(el, article, options);
          return [id, 'resolved'];
        } catch (error) {
          return [id, error.name];
        }
      }));
    }, `/www/payloads-api-${n}.json`);
    await settled(page, sources.map((c) => c.id));
    const seen = await collect(page, wantedOf([...items, ...sources]));
    const outcome = Object.fromEntries(outcomes);
    for (const card of items) {
      if (outcome[card.id] !== (card.valid ? 'resolved' : 'Error')) failures.push(`${card.id}: mount ended with ${outcome[card.id]}`);
      failures.push(...verify(card, seen[card.id]));
    }
    for (const card of sources) failures.push(...verify(card, seen[card.id]));
    assertUntouched(await sprung(page, log), `API page ${n}`);
    stats.browser += items.length;
    stats.src += sources.length;
    stats.pages += 1;
    await context.close();
  }), 2);
  assertNone(failures);
});

/// Known (see the README's Security section): `prerender` reads option
/// attributes without decoding character references (`&amp;` stays
/// `&amp;`) and drops a U+FEFF at the start of a value.
const prerenderMisreads = (card) => card.kind === 'options' && /^\uFEFF|[&"<>]/.test(card.payload.text);

// Each page is pre-rendered by the command line first: the cards it
// accepts arrive as declarative shadow roots (checked as parsed, before
// any script touches them); then the embed script renders every card in
// the browser from the inline JSON and the data-* options, the refused
// ones at once and the others when they come alive in place of the
// server's.
test('embed and `article-card prerender`: inline JSON and data-* options, before and after coming alive', async (t) => {
  const failures = [];
  const optionFailures = [];
  await pool(CHUNKS.map((chunk, n) => async () => {
    const cards = chunk.flatMap(cardsOf);
    const source = pageHtml(cards.map(placeholder).join('\n'), policy(STYLE_HASH));
    mark(`prerender ${n}`);
    const result = await run(['prerender', '--quiet', '-'], source);
    // Exit status 1 names the placeholders left to the browser: the refused ones.
    assert.ok(result.status === 0 || result.status === 1, result.stderr);
    const { context, page, log } = await openTrapped(`/www/payloads-pre-${n}.html`, result.stdout);
    const wanted = wantedOf(cards);
    // Before the embed script touches them: the server's HTML as parsed.
    mark(`loaded ${n}`);
    const before = await collect(page, wanted, 'static');
    mark(`collected ${n}`);
    const prerendered = await page.evaluate(() => Object.keys(window.__static));
    for (const card of cards) {
      const isStatic = prerendered.includes(card.id);
      if (isStatic !== card.valid) failures.push(`${card.id}: pre-rendered ${isStatic}, valid ${card.valid}`);
      if (!isStatic) continue;
      const problems = verify(card, before[card.id], { parsed: true, source: 'server' });
      if (prerenderMisreads(card)) optionFailures.push(...problems);
      else failures.push(...problems);
    }
    await settled(page, cards.map((c) => c.id));
    const after = await collect(page, wanted);
    for (const card of cards) failures.push(...verify(card, after[card.id], { source: 'attribute' }));
    // Coming alive, a card compares the server's DOM with its own; they
    // may differ only where the HTML parser changed the text (CR, NUL) or,
    // for options, where prerender kept character references.
    const explained = cards.filter((c) => /[\r\0]/.test(c.payload.text) || prerenderMisreads(c));
    if (log.differs.length > explained.length) failures.push(`${log.differs.length} cards differed from the server's, ${explained.length} explained`);
    assertUntouched(await sprung(page, log), `pre-rendered page ${n}`);
    stats.browser += cards.length;
    stats.server += prerendered.length;
    stats.pages += 1;
    await context.close();
  }), 2);
  assertNone(failures);
  await t.test('options with &, ", <, > or a leading U+FEFF keep their meaning when pre-rendered',
    {}, () => {
    assertNone(optionFailures);
  });
});

test('rendered by `article-card render`: the placeholder, its JSON and its options', async () => {
  const failures = [];
  await pool(CHUNKS.map((chunk, n) => async () => {
    const made = await pool(chunk.map((payload) => async () => {
      const fields = fittingFields(payload.text);
      const card = {
        kind: 'render', id: `${payload.id}-render`, payload, fields, valid: payload.text.isWellFormed(),
        data: article((a) => fields.forEach((f) => f.set(a, payload.text))),
      };
      // Every option as a flag (a NUL cannot travel in a command line).
      if (!payload.text.includes('\0')) card.options = Object.fromEntries(OPTIONS.map((name) => [name, payload.text]));
      const options = Object.entries(card.options ?? { layout: 'full' }).map(([name, value]) => `--${name}=${value}`);
      const result = await run(['render', ...options, '-'], JSON.stringify(card.data));
      if ((result.status === 0) !== card.valid) failures.push(`${card.id}: render exited with ${result.status}`);
      // The command's own script element gets the harness's mark; any
      // other script in its output would be the payload's.
      const html = result.stdout
        .replace('<div data-article-card', `<div id="${card.id}" data-article-card`)
        .replace('<script type="application/json">', `<script type="application/json" data-harness="${NONCE}">`);
      return { card, html };
    }), 4);
    const cards = made.filter((m) => m.card.valid).map((m) => m.card);
    const html = pageHtml(made.map((m) => m.html).join('\n'), policy(STYLE_HASH));
    const { context, page, log } = await openTrapped(`/www/payloads-render-${n}.html`, html);
    const before = await collect(page, wantedOf(cards), 'static');
    for (const card of cards) failures.push(...verify(card, before[card.id], { parsed: true, source: 'server' }));
    await settled(page, cards.map((c) => c.id));
    const after = await collect(page, wantedOf(cards));
    for (const card of cards) {
      if (after[card.id]?.state !== 'mounted') failures.push(`${card.id}: did not come alive (${after[card.id]?.state})`);
      failures.push(...verify(card, after[card.id], { source: 'attribute' }));
    }
    assertUntouched(await sprung(page, log), `render page ${n}`);
    stats.browser += cards.length;
    stats.server += cards.length;
    stats.pages += 1;
    await context.close();
  }), 2);
  assertNone(failures);
  console.log(`payloads: ${PAYLOADS.length} strings; ${stats.browser} cards rendered in the browser, ` +
    `${stats.server} by the server, ${stats.src} data-src placeholders, on ${stats.pages} pages`);
});

test('Trusted Types: the strict-CSP page renders, opens a box, copies a link, updates and unmounts without a violation', async () => {
  const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    }, true);
  });
  await page.goto(`${env.origin}/www/strict-csp.html`);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /require-trusted-types-for 'script'/);
  for (const id of ['#card-src', '#card-element']) {
    await page.waitForSelector(`${id}[data-article-card-state="mounted"]`, { state: 'attached' });
  }
  const box = page.locator('#card-src details.ac-background');
  await box.locator('summary').click();
  await expectOpen(box, true);
  await page.locator('#card-src .ac-share__button--copy').click();
  await page.waitForFunction(() => document.querySelector('#card-src').shadowRoot
    .querySelector('.ac-share__status')?.textContent.trim() !== '');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()),
    'https://news.example/politik/nato-treffen-oslo-beistandszusagen');
  await page.click('#add-card');
  await page.waitForSelector('#card-late[data-article-card-state="mounted"]', { state: 'attached' });
  // The JS API's other paths: update with new data and options, unmount.
  await page.evaluate(async () => {
    const element = document.getElementById('card-late');
    const data = await (await fetch('articles/en-city.json')).text();
    await window.ArticleCard.update(element, data, { layout: 'compact', theme: 'dark' });
    element.shadowRoot.querySelector('.ac-summary summary, .ac-disclosure__toggle')?.click();
    window.ArticleCard.unmount(element);
  });
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  // The policy is really enforced: an HTML sink throws and is reported.
  const blocked = await page.evaluate(() => {
    try {
      document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
      return false;
    } catch {
      return true;
    }
  });
  assert.equal(blocked, true);
  assert.equal((await page.evaluate(() => window.__violations)).length, 1);
  await context.close();
});
