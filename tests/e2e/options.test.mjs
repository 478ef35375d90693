// Every option travels from the page into the rendered card: as data-*
// attributes on a placeholder, as plain attributes on <article-card>
// (including changes after it rendered), and through the JS API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useBrowser } from './browser.mjs';

const env = useBrowser();

/// A page with the embed script and the given body; `navigator.share` is
/// stubbed so that the share-sheet options can be seen at work.
async function hostWith(body) {
  const opened = await openPage(env.browser, `${env.origin}/index.html`);
  const { page } = opened;
  await page.evaluate(() => {
    Object.defineProperty(navigator, 'share', { value: async () => {}, configurable: true });
  });
  await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), body);
  return opened;
}

const mounted = (page, selector) =>
  page.waitForSelector(`${selector}[data-article-card-state="mounted"]`, { state: 'attached' });

test('all eleven data-* options reach the card', async () => {
  const { page, log } = await hostWith(`
    <div data-article-card data-src="www/articles/de-politik.json" id="all"
      data-lang="en" data-layout="full" data-theme="dark" data-heading-level="4"
      data-services="mail,copy,print" data-native-share="off" data-orientation="vertical"
      data-button-style="icon" data-share-url="https://news.example/kurz"
      data-share-title="Kurztitel" data-referrer-track="utm_source=card"></div>
    <div data-article-card data-src="www/articles/de-politik.json" id="only" data-native-share="only"></div>`);
  await mounted(page, '#all');
  await mounted(page, '#only');
  const card = page.locator('#all article.ac-card');
  assert.equal(await card.getAttribute('class'), 'ac-card ac-card--full'); // layout
  assert.equal(await card.getAttribute('data-theme'), 'dark'); // theme
  assert.equal(await page.locator('#all .ac-readmore').textContent(), 'Read the whole article'); // lang
  assert.equal(await page.locator('#all h4.ac-headline').count(), 1); // heading-level
  const bar = page.locator('#all .ac-share');
  assert.equal(await bar.getAttribute('class'), 'ac-share ac-share--vertical ac-share--icons'); // orientation, button-style
  const buttons = await bar.locator('.ac-share__button').evaluateAll((els) => els.map((e) => e.className.split('--')[1]));
  assert.deepEqual(buttons, ['mail', 'copy', 'print']); // services, native-share=off
  const mail = new URL(await bar.locator('.ac-share__button--mail').getAttribute('href'));
  assert.equal(mail.searchParams.get('subject'), 'Kurztitel'); // share-title
  assert.match(mail.searchParams.get('body'), /https:\/\/news\.example\/kurz\?utm_source=card$/); // share-url, referrer-track
  // native-share=only: just the share-sheet button where the browser has one.
  const only = await page.locator('#only .ac-share__button').evaluateAll((els) => els.map((e) => e.className.split('--')[1]));
  assert.deepEqual(only, ['native']);
  assert.deepEqual(log.warnings, []);
});

test('<article-card> reads plain attributes and re-renders when they change', async () => {
  const { page, log } = await hostWith(`
    <article-card src="www/articles/en-city.json" id="el" lang="de" layout="compact" theme="light"
      heading-level="3" services="whatsapp" native-share="off" orientation="vertical"
      button-style="icon" share-url="https://news.example/e" share-title="Titel"
      referrer-track="ref=el"></article-card>`);
  await mounted(page, '#el');
  const card = page.locator('#el article.ac-card');
  assert.equal(await card.getAttribute('class'), 'ac-card ac-card--compact');
  assert.equal(await card.getAttribute('data-theme'), 'light');
  assert.equal(await page.locator('#el .ac-readmore').textContent(), 'Ganzen Artikel lesen');
  assert.equal(await page.locator('#el h3.ac-headline').count(), 1);
  assert.equal(await page.locator('#el .ac-share').getAttribute('class'), 'ac-share ac-share--vertical ac-share--icons');
  const whatsapp = new URL(await page.locator('#el .ac-share__button--whatsapp').getAttribute('href'));
  assert.equal(whatsapp.searchParams.get('text'), 'Titel https://news.example/e?ref=el');
  assert.equal(await page.locator('#el .ac-share__button').count(), 1);

  // attributeChangedCallback: a change re-renders the card.
  await page.evaluate(() => {
    const el = document.getElementById('el');
    el.setAttribute('layout', 'teaser');
    el.setAttribute('lang', 'en');
  });
  await page.waitForFunction(() => document.getElementById('el').shadowRoot
    ?.querySelector('article.ac-card--teaser .ac-readmore')?.textContent === 'Read the whole article');
  await page.evaluate(() => document.getElementById('el').setAttribute('theme', 'dark'));
  await page.waitForFunction(() => document.getElementById('el').shadowRoot
    ?.querySelector('article')?.dataset.theme === 'dark');
  assert.deepEqual(log.warnings, []);
  assert.deepEqual(log.errors, []);
});

test('the JS API takes documented and camelCase option names', async () => {
  const { page, log } = await hostWith('<div id="api">Fallback</div>');
  await page.evaluate(() => window.ArticleCard.mount(document.getElementById('api'),
    { url: 'https://news.example/api', headline: 'API' },
    { 'heading-level': '5', shareTitle: 'Aus der API', services: ['x', 'mail'], 'native-share': 'off' }));
  assert.equal(await page.locator('#api h5.ac-headline').count(), 1);
  const x = new URL(await page.locator('#api .ac-share__button--x').getAttribute('href'));
  assert.equal(x.searchParams.get('text'), 'Aus der API');
  assert.equal(await page.locator('#api .ac-share__button').count(), 2);
  assert.deepEqual(log.warnings, []);
});
