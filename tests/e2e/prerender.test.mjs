// Pre-rendered cards (article-card prerender / render): whole with script
// off; with script on, no layout shift, no wasm before the first paint, and
// the same DOM once alive; the server's HTML equals the browser's DOM for
// every demo article and layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expectOpen, openPage, useBrowser } from './browser.mjs';

const env = useBrowser();
const ROOT = new URL('../../', import.meta.url);
const CLI = new URL('target/debug/article-card', ROOT).pathname;
const PAGE = readFileSync(new URL('www/prerendered.html', ROOT), 'utf8');
// The demo page without its one browser-rendered card: nothing on it needs
// the wasm before the cards come into use.
const STATIC_PAGE = PAGE.replace(/<div data-article-card data-src="articles\/en-city.json" data-prerender="off"[\s\S]*?<\/div>/, '');
const PRERENDERED = ['pre-de-card', 'pre-de-compact', 'pre-de-teaser', 'pre-de-full',
  'pre-en-card', 'pre-en-compact', 'pre-en-teaser', 'pre-en-full'];

/// A canonical text of every card on the page, by element id: tags,
/// sorted attributes and text (the serialiser's attribute order is not
/// the DOM).
function cardsOf(page) {
  return page.evaluate(() => {
    const canonical = (node) => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent;
      if (node.nodeType !== Node.ELEMENT_NODE) return '';
      const attributes = [...node.attributes].map((a) => `${a.name}=${a.value}`).sort().join(' ');
      return `<${node.localName} ${attributes}>${[...node.childNodes].map(canonical).join('')}</>`;
    };
    return Object.fromEntries([...document.querySelectorAll('[id]')]
      .filter((el) => el.shadowRoot?.querySelector('.ac-card'))
      .map((el) => [el.id, canonical(el.shadowRoot.querySelector('.ac-card'))]));
  });
}

/// Serves `html` as /www/page.html (beside the real files).
async function staticPage(context, html) {
  await context.route('**/www/page.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
}

test('with script off a pre-rendered card is whole: readable, its box opens, its links work', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${env.origin}/www/prerendered.html`);
  for (const id of PRERENDERED) {
    assert.equal(await page.locator(`#${id} .ac-headline`).isVisible(), true, id);
    // The fallback link in the page's own DOM stays hidden behind the card.
    assert.equal(await page.locator(`#${id} > a`).isVisible(), false, id);
  }
  const card = page.locator('#pre-de-card');
  assert.match(await card.locator('.ac-headline').textContent(), /Außenminister ringen um Sicherheitszusagen/);
  const box = card.locator('details.ac-background');
  await box.locator('summary').click();
  await expectOpen(box, true);
  assert.match(await box.locator('.ac-disclosure__panel').innerText(), /Beistandsklausel/);
  await page.keyboard.press('Enter'); // the focused summary closes it again
  await expectOpen(box, false);
  // Share links are plain links; the controls that need script are not shown.
  const whatsapp = card.locator('.ac-share__button--whatsapp');
  assert.equal(await whatsapp.isVisible(), true);
  assert.match(await whatsapp.getAttribute('href'), /^https:\/\/wa\.me\/\?text=/);
  for (const control of ['copy', 'native']) {
    assert.equal(await card.locator(`.ac-share__button--${control}`).isVisible(), false, control);
  }
  // The browser-rendered card shows its fallback link; no script was fetched.
  assert.equal(await page.locator('#live > a').isVisible(), true);
  assert.deepEqual(requests.filter((p) => /\.(js|wasm)$/.test(p)), []);
  await context.close();
});

test('with script on: no layout shift, no wasm before the first paint, the same DOM once alive', async () => {
  const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  await staticPage(context, STATIC_PAGE);
  const page = await context.newPage();
  const errors = [];
  const warnings = [];
  page.on('console', (m) => (m.type() === 'error' ? errors : m.type() === 'warning' ? warnings : []).push(m.text()));
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${env.origin}/www/page.html`);
  const served = await cardsOf(page);
  assert.deepEqual(Object.keys(served).sort(), [...PRERENDERED].sort());
  await page.waitForFunction((ids) => ids.every((id) => document.getElementById(id).dataset.articleCardState === 'mounted'),
    PRERENDERED, { timeout: 15000 });
  // Scroll through the page so that every card has been seen and measured.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    }
  });
  const timing = await page.evaluate(() => ({
    shift: window.__shift,
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    wasm: performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.startTime,
  }));
  assert.equal(timing.shift, 0, 'layout shift');
  assert.ok(timing.paint > 0 && timing.wasm > timing.paint, `wasm requested at ${timing.wasm} ms, first paint at ${timing.paint} ms`);

  // Alive, the cards have the very DOM they were served with (only the
  // share-sheet button goes where the browser has no share sheet).
  const alive = await cardsOf(page);
  for (const id of PRERENDERED) {
    assert.equal(alive[id], served[id].replace(/<li class=ac-share__item><button class=ac-share__button ac-share__button--native type=button>.*?<\/><\/><\/>/, ''), id);
  }
  assert.deepEqual(warnings, []);
  assert.deepEqual(errors, []);

  // And they respond: the box, and copying the link.
  const box = page.locator('#pre-en-card details.ac-background');
  await box.locator('summary').click();
  await expectOpen(box, true);
  await page.locator('#pre-de-card .ac-share__button--copy').click();
  await page.locator('#pre-de-card .ac-share__status', { hasText: 'Link kopiert' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()),
    'https://news.example/politik/nato-treffen-oslo-beistandszusagen');
  await context.close();
});

test('a control used before the card is alive works once it is: the click is replayed', async () => {
  const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  await staticPage(context, STATIC_PAGE);
  // Hold the wasm back until the reader has clicked.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  const page = await context.newPage();
  await page.goto(`${env.origin}/www/page.html`);
  const copy = page.locator('#pre-en-card .ac-share__button--copy');
  await page.waitForSelector('#pre-en-card[data-article-card-state="prerendered"]', { state: 'attached' });
  await copy.click();
  assert.equal(await page.locator('#pre-en-card').getAttribute('data-article-card-state'), 'prerendered');
  release();
  await page.locator('#pre-en-card .ac-share__status', { hasText: 'Link copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'https://news.example/en/science/night-sky-survey');
  await context.close();
});

test('a card pre-rendered by another version is rendered afresh, with one warning', async () => {
  const context = await env.browser.newContext();
  // As if an older version had written another share title.
  await staticPage(context, STATIC_PAGE.replace('>Artikel teilen<', '>Teilen Sie den Artikel<'));
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.goto(`${env.origin}/www/page.html`);
  await page.waitForSelector('#pre-de-card[data-article-card-state="mounted"]', { state: 'attached' });
  assert.equal(await page.locator('#pre-de-card .ac-share__title').textContent(), 'Artikel teilen');
  await page.waitForFunction(() => document.querySelectorAll('[data-article-card-state="mounted"]').length === 8);
  assert.equal(warnings.length, 1, warnings.join('\n'));
  assert.match(warnings[0], /this card differs from what this version renders/);
  await context.close();
});

test('the server renders every demo article in every layout as the browser does', async () => {
  const articles = ['www/articles/de-politik.json', 'www/articles/en-city.json', 'www/articles/minimal.json',
    'tests/fixtures/markup-headline.json'];
  const layouts = ['card', 'compact', 'teaser', 'full'];
  const cases = [];
  for (const article of articles) {
    for (const layout of layouts) {
      const html = execFileSync(CLI, ['render', article, '--layout', layout, '--heading-level', '3'],
        { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      cases.push({ id: `s${cases.length}`, html, json: readFileSync(new URL(article, ROOT), 'utf8'), layout });
    }
  }
  const body = cases.map((c) => c.html.replace('<div data-article-card', `<div id="${c.id}" data-article-card`)).join('\n');
  const context = await env.browser.newContext();
  await staticPage(context, `<!doctype html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${env.origin}/www/page.html`);
  const server = await cardsOf(page);
  assert.equal(Object.keys(server).length, cases.length);

  // The same articles rendered by the browser (with a share sheet, so that
  // its button stays as the server writes it).
  await page.evaluate(async (all) => {
    Object.defineProperty(navigator, 'share', { value: async () => {}, configurable: true });
    await import('/www/dist/article-card.js');
    await Promise.all(all.map(({ id, json, layout }) => {
      const el = document.createElement('div');
      el.id = `c${id}`;
      document.body.append(el);
      return window.ArticleCard.mount(el, json, { layout, 'heading-level': '3' });
    }));
  }, cases);
  const client = await cardsOf(page);
  for (const { id } of cases) assert.equal(client[`c${id}`], server[id], id);

  // The pre-rendered ones come alive as that same DOM.
  await page.waitForFunction((n) => document.querySelectorAll('[data-article-card][data-article-card-state="mounted"]').length === n, cases.length);
  const alive = await cardsOf(page);
  for (const { id } of cases) assert.equal(alive[id], server[id], `${id} alive`);
  assert.deepEqual(errors, []);
  await context.close();
});
