// The demo page (index.html) as a reader sees it in headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundleFiles, expectOpen, openPage, requestOrigins, useBrowser } from './browser.mjs';

const env = useBrowser();

async function demoPage() {
  const opened = await openPage(env.browser, `${env.origin}/index.html`);
  await opened.page.waitForSelector('#card-minimal article.ac-card');
  return opened;
}

test('the German demo card shows every part of the article', async () => {
  const { page, log } = await demoPage();
  const card = page.locator('#card-de article.ac-card');
  assert.equal(await card.getAttribute('lang'), 'de');
  // textContent, not innerText: the look (uppercase kicker) is not the content.
  const text = (selector) => card.locator(selector).textContent();

  assert.equal(await text('.ac-kicker'), 'Politik');
  assert.equal(await text('.ac-overline'), 'Nach dem Nato-Treffen in Oslo:');
  assert.match(await text('h2.ac-headline'), /Außenminister ringen um Sicherheitszusagen/);
  assert.deepEqual(await card.locator('time').evaluateAll((t) => t.map((e) => e.dateTime)), [
    '2025-08-17T14:30:00+02:00',
    '2025-08-17T18:05:00+02:00',
  ]);
  const image = card.locator('figure img');
  assert.ok(await image.evaluate((img) => img.complete && img.naturalWidth > 0), 'hero image loaded');
  assert.match(await text('figcaption'), /Bild: Beispielagentur \| Mara Lindqvist/);
  assert.equal(await card.locator('.ac-summary__item').count(), 4);
  assert.equal(await text('.ac-background .ac-disclosure__title'), 'Hintergrund: Artikel 5');
  assert.equal(await card.locator('.ac-related__link').count(), 2);
  assert.deepEqual(await card.locator('.ac-topic').allTextContents(), ['Nato', 'Außenpolitik', 'Sicherheit']);
  assert.equal(await text('.ac-source'), '/abc/news.example/dpa/xyz');
  assert.equal(await text('.ac-readmore'), 'Ganzen Artikel lesen');

  // The panel is really hidden by default, not just marked.
  assert.equal(await card.locator('.ac-background .ac-disclosure__panel').isVisible(), false);
  assert.deepEqual(log.errors, []);
});

test('the background box opens and closes with Enter and Space', async () => {
  const { page } = await demoPage();
  const box = page.locator('#card-de details.ac-background');
  const toggle = box.locator('summary');
  const panel = box.locator('.ac-disclosure__panel');
  // The reader is told what it is and that it is collapsed.
  assert.match(await toggle.ariaSnapshot(), /Hintergrund: Artikel 5/);
  assert.equal(await box.evaluate((d) => d.open), false);
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expectOpen(box, true);
  assert.equal(await panel.isVisible(), true);
  // Only the hint that fits the state is shown.
  assert.equal(await box.locator('.ac-disclosure__hide').isVisible(), true);
  assert.equal(await box.locator('.ac-disclosure__show').isVisible(), false);
  await page.keyboard.press('Space');
  await expectOpen(box, false);
  assert.equal(await panel.isVisible(), false);
  await page.keyboard.press(' ');
  await expectOpen(box, true);
});

test('the background box can be reached with the Tab key', async () => {
  const { page } = await demoPage();
  const focused = [];
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    focused.push(await page.evaluate(() => {
      // Focus inside a card's shadow root shows as the host; look inside.
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.className ?? '';
    }));
    if (focused.at(-1).includes('ac-disclosure__toggle')) break;
  }
  assert.ok(focused.at(-1).includes('ac-disclosure__toggle'), `tab order: ${focused.join(', ')}`);
});

test('every demo card renders, in its language, without errors or foreign requests', async () => {
  const { page, log } = await demoPage();
  assert.equal(await page.locator('article.ac-card').count(), 3);
  assert.equal(await page.locator('#card-en article').getAttribute('lang'), 'en');
  assert.equal(await page.locator('#card-en .ac-readmore').innerText(), 'Read the whole article');
  const minimal = page.locator('#card-minimal article');
  assert.equal(await minimal.locator('.ac-figure, .ac-summary, .ac-background, .ac-topics, time').count(), 0);
  // The cards cover the fallback links, which stay in the page's own DOM.
  for (const link of await page.locator('[data-article-card] > a').all()) {
    assert.equal(await link.isVisible(), false);
  }
  assert.deepEqual(log.errors, []);
  assert.deepEqual(requestOrigins(log), [env.origin]);
});

test('the demo server serves as a CDN should: wasm type, compression, caching', async () => {
  const { wasm, loader, css } = bundleFiles();
  const get = (name, encoding) => fetch(`${env.origin}/www/dist/${name}`, { headers: { 'accept-encoding': encoding } });
  const module = await get(wasm, 'gzip, deflate, br');
  assert.equal(module.headers.get('content-type'), 'application/wasm');
  assert.equal(module.headers.get('content-encoding'), 'br');
  assert.equal(module.headers.get('vary'), 'Accept-Encoding');
  // Content-hashed files never change, so they are kept for good; the
  // embed script keeps its name and is checked on every load.
  assert.equal(module.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal((await get(css, 'gzip')).headers.get('content-encoding'), 'gzip');
  const script = await get(loader, 'identity');
  assert.equal(script.headers.get('content-encoding'), null);
  assert.equal(script.headers.get('cache-control'), 'no-cache');
  assert.match(wasm, /^article_card_bg\.[0-9a-f]{10}\.wasm$/);
});
