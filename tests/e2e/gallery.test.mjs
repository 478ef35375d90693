// The theming gallery (www/gallery.html) in both colour schemes: axe-core
// finds no accessibility violation, every card and control can be reached
// and seen by keyboard, and each publisher's section still looks like its
// committed reference screenshot.
//
// After an intended visual change, refresh the references with
//   ./scripts/update-screenshots
// and look at the new images before committing them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { useBrowser } from './browser.mjs';

const env = useBrowser();
const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const REFERENCES = new URL('./screenshots/', import.meta.url);
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
// Share of pixels that may differ (anti-aliasing, font hinting) before a
// screenshot counts as changed.
const TOLERANCE = 0.005;

async function gallery(colorScheme) {
  const page = await env.browser.newPage({ colorScheme, viewport: { width: 1100, height: 900 } });
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${env.origin}/www/gallery.html`);
  await page.waitForFunction(() => {
    const cards = [...document.querySelectorAll('[data-article-card]')];
    return cards.length > 0 && cards.every((c) => c.dataset.articleCardState === 'mounted');
  });
  // Images and fonts must be in before anything is measured or compared.
  await page.evaluate(async () => {
    await document.fonts.ready;
    const images = [...document.querySelectorAll('[data-article-card]')]
      .flatMap((c) => [...c.shadowRoot.querySelectorAll('img')]);
    for (const img of images) img.loading = 'eager';
    await Promise.all(images.map((img) => img.decode().catch(() => {})));
  });
  return { page, errors };
}

for (const colorScheme of ['light', 'dark']) {
  test(`gallery in ${colorScheme} mode: no axe-core violations`, async () => {
    const { page, errors } = await gallery(colorScheme);
    assert.ok(await page.locator('[data-article-card]').count() >= 15);
    // Open every disclosure too, so that the hidden text is checked.
    for (const toggle of await page.locator('summary.ac-disclosure__toggle').all()) await toggle.click();
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(() =>
      window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }));
    const violations = result.violations.map((v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`);
    assert.deepEqual(violations, []);
    assert.ok(result.passes.some((p) => p.id === 'color-contrast'), 'contrast was checked');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test(`gallery in ${colorScheme} mode: every control is reached by Tab and shows focus`, async () => {
    const { page } = await gallery(colorScheme);
    const expected = await page.evaluate(() => [...document.querySelectorAll('[data-article-card]')]
      .flatMap((c) => [...c.shadowRoot.querySelectorAll('a[href], button, summary')]).length);
    const seen = new Set();
    const unfocused = [];
    for (let i = 0; i < expected + 40 && seen.size < expected; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const host = document.activeElement;
        const inner = host?.shadowRoot?.activeElement;
        if (!inner) return null;
        const style = getComputedStyle(inner);
        return {
          key: `${host.id}:${[...host.shadowRoot.querySelectorAll('a[href], button, summary')].indexOf(inner)}`,
          visible: inner.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
          name: inner.getAttribute('aria-label') ?? inner.textContent.trim(),
        };
      });
      if (!focus) continue;
      seen.add(focus.key);
      if (!focus.visible) unfocused.push(focus.name);
    }
    assert.equal(seen.size, expected, 'some card controls cannot be reached by Tab');
    assert.deepEqual(unfocused, [], 'focus is not visible on these controls');
    await page.close();
  });

  test(`gallery in ${colorScheme} mode matches the reference screenshots`, async () => {
    const { page } = await gallery(colorScheme);
    const sections = await page.locator('main section[id]').all();
    assert.ok(sections.length >= 3, 'three publishers');
    mkdirSync(REFERENCES, { recursive: true });
    const changed = [];
    for (const section of sections) {
      const name = `${await section.getAttribute('id')}-${colorScheme}.png`;
      const file = new URL(name, REFERENCES);
      const actual = await section.screenshot({ animations: 'disabled', caret: 'hide' });
      if (UPDATE) {
        writeFileSync(file, actual);
        continue;
      }
      if (!existsSync(file)) {
        changed.push(`${name}: no reference (run ./scripts/update-screenshots)`);
        continue;
      }
      const want = PNG.sync.read(readFileSync(file));
      const got = PNG.sync.read(actual);
      if (want.width !== got.width || want.height !== got.height) {
        changed.push(`${name}: size ${got.width}x${got.height}, reference ${want.width}x${want.height}`);
        continue;
      }
      const diff = new PNG({ width: got.width, height: got.height });
      const pixels = pixelmatch(want.data, got.data, diff.data, got.width, got.height, { threshold: 0.1 });
      const share = pixels / (got.width * got.height);
      if (share > TOLERANCE) {
        const diffFile = new URL(`../../target/screenshot-diff-${name}`, import.meta.url);
        writeFileSync(diffFile, PNG.sync.write(diff));
        changed.push(`${name}: ${(share * 100).toFixed(2)} % of pixels differ (see target/screenshot-diff-${name})`);
      }
    }
    assert.deepEqual(changed, []);
    await page.close();
  });
}
