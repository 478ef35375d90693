// The components in a Yew app of their own (examples/yew-app), without the
// embed script or shadow roots: the cards render with the page's copy of
// the stylesheet, each with its own ids. Skipped when the example has not
// been built (scripts/test builds it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { openPage, useBrowser } from './browser.mjs';

const BUILT = existsSync(new URL('../../examples/yew-app/pkg/yew-app.js', import.meta.url));
const env = useBrowser();

test('a Yew app renders cards with the crate directly', { skip: !BUILT && 'examples/yew-app is not built' }, async () => {
  const { page, log } = await openPage(env.browser, `${env.origin}/examples/yew-app/`);
  await page.waitForSelector('.ac-card');
  const cards = await page.evaluate(() => [...document.querySelectorAll('article.ac-card')].map((card) => ({
    layout: card.className,
    id: card.querySelector('.ac-headline').id,
    labelled: card.getAttribute('aria-labelledby'),
    styled: getComputedStyle(card).borderTopStyle,
    shadow: card.getRootNode() !== document,
  })));
  assert.deepEqual(cards, [
    { layout: 'ac-card ac-card--card', id: 'lead-headline', labelled: 'lead-headline', styled: 'solid', shadow: false },
    { layout: 'ac-card ac-card--teaser', id: 'side-headline', labelled: 'side-headline', styled: 'solid', shadow: false },
    { layout: 'ac-card ac-card--compact', id: 'list-headline', labelled: 'list-headline', styled: 'solid', shadow: false },
  ]);
  // Its options work: the compact card speaks English and offers mail and copy.
  assert.equal(await page.locator('article.ac-card--compact .ac-readmore').textContent(), 'Read the whole article');
  assert.deepEqual(await page.locator('article.ac-card--compact .ac-share__button').evaluateAll(
    (buttons) => buttons.map((b) => b.className.split('--')[1])), ['mail', 'copy']);
  // And the box opens.
  const box = page.locator('article.ac-card--card details.ac-background');
  await box.locator('summary').click();
  assert.equal(await box.evaluate((d) => d.open), true);
  assert.deepEqual(log.errors, []);
});
