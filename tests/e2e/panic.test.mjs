// A panic in one card's Rust code must not take the others down. Uses the
// test bundle in target/panic-probe (built by scripts/test with the
// `panic-probe` feature), where a card headlined "__panic__" panics while
// rendering. Skipped when that bundle has not been built.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { expectOpen, useBrowser } from './browser.mjs';

const PROBE = new URL('../../target/panic-probe/article-card.js', import.meta.url);
const env = useBrowser();

const card = (id, headline) => `
  <div data-article-card id="${id}">
    <script type="application/json">${JSON.stringify({
      url: `https://news.example/${id}`,
      headline,
      body: [{ type: 'background', title: 'Hintergrund', text: 'Erklärung' }],
    })}</script>
    <a href="https://news.example/${id}">${headline}</a>
  </div>`;

test('a panicking card logs why, keeps its fallback, and the other cards keep working',
  { skip: !existsSync(PROBE) && 'the panic-probe bundle is not built' }, async () => {
    const page = await env.browser.newPage();
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
    await page.route(`${env.origin}/probe.html`, (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html><head><link rel="icon" href="/www/favicon.svg">
        <script type="module" src="/target/panic-probe/article-card.js"></script></head>
        <body>${card('first', 'Erste Karte')}${card('second', 'Zweite Karte')}</body></html>`,
    }));
    await page.goto(`${env.origin}/probe.html`);
    for (const id of ['first', 'second']) {
      await page.waitForSelector(`#${id}[data-article-card-state="mounted"]`, { state: 'attached' });
    }
    // Open one box first: the survivors restart without the reader noticing.
    await page.locator('#first .ac-background summary').click();

    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', `
      <div data-article-card id="broken"><script type="application/json">
        {"url": "https://news.example/broken", "headline": "__panic__"}
      </script><a href="https://news.example/broken">Fallback of the broken card</a></div>`));
    await page.waitForSelector('#broken[data-article-card-state="failed"]', { state: 'attached' });

    // The broken card shows its fallback; the message says what happened.
    assert.equal(await page.locator('#broken a').isVisible(), true);
    const report = errors.find((e) => e.startsWith('article card: internal error in card 3'));
    assert.ok(report, errors.join('\n'));
    assert.match(report, /the panic probe was asked to panic/);
    assert.match(report, /other cards on this page are being restarted/);

    // The others were moved to a fresh instance, keep the box the reader
    // opened, and still respond.
    for (const [id, open] of [['first', true], ['second', false]]) {
      await page.waitForSelector(`#${id}[data-article-card-state="mounted"]`, { state: 'attached' });
      const box = page.locator(`#${id} details.ac-background`);
      await expectOpen(box, open);
      await box.locator('summary').click();
      await expectOpen(box, !open);
    }
    // And new cards still mount.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend',
      '<div data-article-card data-src="/www/articles/minimal.json" id="after"></div>'));
    await page.waitForSelector('#after[data-article-card-state="mounted"]', { state: 'attached' });
    assert.equal(await page.locator('#after .ac-headline').textContent(), 'Am Wochenende wird es sonnig und warm');
    await page.close();
  });
