// The share bar in a real browser: what a screen reader gets, touch target
// sizes, and that showing many share bars asks no network for anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, requestOrigins, useBrowser } from './browser.mjs';

const ALL = 'whatsapp,facebook,x,linkedin,xing,telegram,bluesky,threema,pinterest,reddit,mail,copy,print';
const env = useBrowser();

test('twelve cards with every service request nothing outside the page origin', async () => {
  const { page, log } = await openPage(env.browser, `${env.origin}/index.html`);
  await page.evaluate((services) => {
    for (let i = 0; i < 12; i++) {
      const el = document.createElement('div');
      el.dataset.articleCard = '';
      el.dataset.src = i % 2 ? 'www/articles/de-politik.json' : 'www/articles/en-city.json';
      el.dataset.services = services;
      el.className = 'many';
      document.body.append(el);
    }
  }, ALL);
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.many')].every((el) => el.dataset.articleCardState === 'mounted'));
  assert.equal(await page.locator('.many .ac-share__button').count(), 12 * 13);
  await page.waitForTimeout(300);
  assert.deepEqual(requestOrigins(log), [env.origin]);
  assert.deepEqual(log.errors, []);
});

test('screen readers get a named group of named links and buttons', async () => {
  const { page } = await openPage(env.browser, `${env.origin}/index.html`);
  const bar = page.locator('#card-de .ac-share');
  await bar.waitFor();
  const tree = await bar.ariaSnapshot();
  for (const line of [
    '- group "Artikel teilen"',
    '- list:',
    '- listitem:',
    '- link "Bei WhatsApp teilen"',
    '- link "Bei Facebook teilen"',
    '- link "Bei X teilen"',
    '- link "Per E-Mail teilen"',
    '- button "Link kopieren"',
    '- status',
  ]) {
    assert.ok(tree.includes(line), `missing ${JSON.stringify(line)} in:\n${tree}`);
  }
});

test('share controls are at least 44 by 44 pixels and show focus', async () => {
  const { page } = await openPage(env.browser, `${env.origin}/index.html`, { width: 360, height: 800 });
  const buttons = page.locator('#card-de .ac-share__button');
  await buttons.first().waitFor();
  for (const button of await buttons.all()) {
    const box = await button.boundingBox();
    assert.ok(box.width >= 44 && box.height >= 44, `${await button.textContent()}: ${box.width}x${box.height}`);
  }
  await buttons.first().focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  const outline = await buttons.first().evaluate((el) => getComputedStyle(el).outlineStyle);
  assert.equal(outline, 'solid');
});

test('copy link in the env.browser puts the address on the clipboard', async () => {
  const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(`${env.origin}/index.html`);
  const copy = page.locator('#card-de .ac-share__button--copy');
  await copy.click();
  await page.locator('#card-de .ac-share__status', { hasText: 'Link kopiert' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, 'https://news.example/politik/nato-treffen-oslo-beistandszusagen');
  await context.close();
});
