// schema.org JSON-LD in the browser: a placeholder that takes the page's
// own blocks (data-jsonld), JSON-LD from data-src and from the JS API, and
// the same pages pre-rendered by the command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { openPage, useBrowser } from './browser.mjs';

const ROOT = new URL('../../', import.meta.url);
const CLI = new URL('target/debug/article-card', ROOT).pathname;
const read = (path) => readFileSync(new URL(path, ROOT), 'utf8');
const env = useBrowser();

// An article page as a CMS writes it: breadcrumbs, the organisation and the
// article in three blocks, the article's key points card in the sidebar.
const ARTICLE_PAGE = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Artikel</title>
<link rel="icon" href="/www/favicon.svg">
<script type="application/ld+json">${read('tests/jsonld/page-breadcrumbs.json')}</script>
<script type="application/ld+json">${read('tests/jsonld/page-organization.json')}</script>
<script type="application/ld+json">${read('tests/jsonld/page-article.json')}</script>
<script type="module" src="/www/dist/article-card.js"></script></head>
<body><main><h1>Artikel</h1>
<aside><div data-article-card data-jsonld data-layout="compact" id="own"><a href="#">Das Wichtigste</a></div></aside>
<div data-article-card data-src="/tests/jsonld/yoast-graph.json" id="graph"></div>
<div id="api"></div>
</main></body></html>`;

test('JSON-LD from the page itself, from data-src and from the JS API makes cards', async () => {
  const context = await env.browser.newContext();
  await context.route('**/www/jsonld-page.html', (route) => route.fulfill({ contentType: 'text/html', body: ARTICLE_PAGE }));
  // The articles' images live on their publishers' (made-up) hosts.
  await context.route(/^https:\/\/[^/]+\.example\//, (route) => route.fulfill({
    contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"/>',
  }));
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${env.origin}/www/jsonld-page.html`);
  for (const id of ['own', 'graph']) {
    await page.waitForSelector(`#${id}[data-article-card-state="mounted"]`, { state: 'attached' });
  }
  const article = JSON.parse(read('tests/jsonld/page-article.json'));
  assert.equal(await page.locator('#own .ac-headline__text').textContent(), article.headline);
  assert.equal(await page.locator('#own article').getAttribute('class'), 'ac-card ac-card--compact');
  assert.equal(await page.locator('#graph .ac-headline__text').textContent(), 'Rheinpegel steigt: Köln baut mobile Schutzwände auf');
  // Entities in the data are text: the description's &#8211; is a dash.
  assert.match(await page.locator('#graph .ac-lead').textContent(), /Uferstraßen – Schiffe/);
  // The paywall marker, from the JS API with an article for subscribers.
  await page.evaluate((data) => window.ArticleCard.mount(document.getElementById('api'), data), JSON.parse(read('tests/jsonld/paywall.json')));
  assert.equal(await page.locator('#api .ac-paywall').textContent(), 'Nur mit Abo');
  assert.equal(await page.locator('#api .ac-overline').textContent(), 'Kommentar:');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a page with JSON-LD pre-renders its data-jsonld card', async () => {
  const html = execFileSync(CLI, ['prerender', '-', '--quiet', '--url', JSON.parse(read('tests/jsonld/page-article.json')).url ?? 'https://news.example/'],
    { input: ARTICLE_PAGE.replace('<div data-article-card data-src="/tests/jsonld/yoast-graph.json" id="graph"></div>', ''), encoding: 'utf8', cwd: new URL('.', ROOT).pathname });
  assert.match(html, /<div data-article-card data-jsonld data-layout="compact" id="own"><a href="#">Das Wichtigste<\/a><template shadowrootmode="open">/);
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  await context.route('**/www/jsonld-static.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
  const page = await context.newPage();
  await page.goto(`${env.origin}/www/jsonld-static.html`);
  const headline = JSON.parse(read('tests/jsonld/page-article.json')).headline;
  assert.equal(await page.locator('#own .ac-headline__text').textContent(), headline);
  await context.close();
});
