// The embed contract in a real browser: the demo host pages in www/, the
// JS API, and the card behaving as a good guest on pages it does not own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundleFiles, expectOpen, openPage, requestOrigins, useBrowser } from './browser.mjs';

// The "CDN": the same files on the next port, as www/cross-origin.html expects.
const env = useBrowser({ cdn: true });

const mounted = (page, selector) =>
  page.waitForSelector(`${selector}[data-article-card-state="mounted"]`, { state: 'attached' });

/// Opens a host page and waits for the given cards to be mounted.
async function hostPage(path, cards) {
  const opened = await openPage(env.browser, `${env.origin}${path}`);
  for (const selector of cards) await mounted(opened.page, selector);
  return opened;
}

/// The disclosure of the card in `selector` opens on click (shadow DOM is
/// pierced by playwright's locators).
async function assertDisclosureToggles(page, selector) {
  const box = page.locator(`${selector} details.ac-background`).first();
  await expectOpen(box, false);
  await box.locator('summary').click();
  await expectOpen(box, true);
  assert.equal(await page.locator(`${selector} .ac-background .ac-disclosure__panel`).first().isVisible(), true);
}

/// Computed styles of the host page's own elements.
function hostStyles(page) {
  return page.evaluate(() => {
    const props = ['color', 'font-family', 'font-size', 'line-height', 'margin-top', 'padding-left',
      'list-style-type', 'background-color', 'text-transform', 'display', 'box-sizing', 'text-align'];
    const pick = (el) => Object.fromEntries(props.map((p) => [p, getComputedStyle(el).getPropertyValue(p)]));
    return Object.fromEntries(
      ['body', 'h1', 'h2', '.host-list', '.host-list li', '.host-paragraph', '#add-card', 'main']
        .map((sel) => [sel, document.querySelector(sel)])
        .filter(([, el]) => el)
        .map(([sel, el]) => [sel, pick(el)]),
    );
  });
}

test('foreign publisher page: inline, data-src and late cards render; host keeps its styles', async () => {
  // The page as its own authors see it, with the embed script blocked.
  const bare = await env.browser.newPage({ viewport: { width: 900, height: 900 } });
  await bare.route('**/dist/article-card.js', (route) => route.abort());
  await bare.goto(`${env.origin}/www/foreign-publisher.html`);
  const before = await hostStyles(bare);
  await bare.close();

  const { page, log } = await hostPage('/www/foreign-publisher.html', ['#card-inline', '#card-src']);
  assert.equal(await page.locator('#card-inline .ac-headline').textContent(),
    'Landtag beschließt Doppelhaushalt nach langer Nachtsitzung');
  assert.equal(await page.locator('#card-src .ac-summary__item').count(), 4);
  await assertDisclosureToggles(page, '#card-inline');
  await assertDisclosureToggles(page, '#card-src');

  await page.click('#add-card');
  await mounted(page, '#card-late');
  assert.match(await page.locator('#card-late .ac-headline').textContent(), /riverside cycle network/);
  await assertDisclosureToggles(page, '#card-late');

  assert.deepEqual(await hostStyles(page), before, 'the card changed the host page\'s own styles');
  // The host's rules do not reach into the card either.
  const card = page.locator('#card-src');
  assert.equal(await card.locator('.ac-summary__list').evaluate((ul) => getComputedStyle(ul).backgroundColor), 'rgba(0, 0, 0, 0)');
  assert.notEqual(await card.locator('.ac-background .ac-disclosure__toggle').evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(255, 105, 180)');
  assert.equal(await card.locator('.ac-figure__image').evaluate((img) => getComputedStyle(img).filter), 'none');
  assert.deepEqual(log.errors, []);
  assert.deepEqual(requestOrigins(log), [env.origin]);
});

test('strict CSP page: cards render with no policy violation', async () => {
  const page = await env.browser.newPage();
  const violations = [];
  await page.exposeFunction('reportViolation', (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${env.origin}/www/strict-csp.html`);
  await mounted(page, '#card-src');
  await mounted(page, '#card-element');
  await assertDisclosureToggles(page, '#card-src');
  // The custom element honours its options: the full layout shows the body.
  assert.ok(await page.locator('#card-element .ac-paragraph').count() > 0);
  await page.click('#add-card');
  await mounted(page, '#card-late');
  assert.equal(await page.locator('#card-late .ac-headline').textContent(), 'Am Wochenende wird es sonnig und warm');
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
});

test('cross-origin page: the bundle, its wasm and CSS come from the second origin', async () => {
  const { page, log } = await hostPage('/www/cross-origin.html', ['#card-src', '#card-src-2']);
  await assertDisclosureToggles(page, '#card-src');
  const fromCdn = log.requests.filter((u) => u.startsWith(env.cdnOrigin)).map((u) => new URL(u).pathname);
  const files = bundleFiles();
  assert.deepEqual(fromCdn.sort(), [files.css, files.loader, files.glue, files.wasm].map((f) => `/www/dist/${f}`).sort());
  assert.equal(await page.locator('#card-src-2 article').getAttribute('data-theme'), 'dark');
  assert.deepEqual(log.errors, []);
  assert.deepEqual(requestOrigins(log).sort(), [env.origin, env.cdnOrigin].sort());
});

test('the module is fetched once however many cards there are', async () => {
  const { log } = await hostPage('/www/foreign-publisher.html', ['#card-inline', '#card-src']);
  const wasm = log.requests.filter((u) => u.endsWith('.wasm'));
  const css = log.requests.filter((u) => /article-card\.[0-9a-f]+\.css$/.test(u));
  assert.equal(wasm.length, 1);
  assert.equal(css.length, 1);
});

test('a good guest: one global, no alert, title and focus untouched', async () => {
  const page = await env.browser.newPage();
  await page.addInitScript(() => {
    window.__alerts = 0;
    window.alert = window.confirm = window.prompt = () => { window.__alerts += 1; };
    window.__globalsBefore = Object.getOwnPropertyNames(window);
  });
  await page.goto(`${env.origin}/www/foreign-publisher.html`);
  await mounted(page, '#card-src');
  await page.locator('#card-src .ac-background .ac-disclosure__toggle').click();
  await page.evaluate(() => document.activeElement.blur());
  const result = await page.evaluate(() => ({
    added: Object.getOwnPropertyNames(window).filter((n) => !window.__globalsBefore.includes(n) && n !== '__globalsBefore'),
    alerts: window.__alerts,
    title: document.title,
    focus: document.activeElement === document.body,
    element: customElements.get('article-card') !== undefined,
  }));
  assert.deepEqual(result.added, ['ArticleCard']);
  assert.equal(result.alerts, 0);
  assert.equal(result.title, 'Der Morgenkurier – Partnerseite');
  assert.equal(result.element, true);

  const fresh = await env.browser.newPage();
  await fresh.goto(`${env.origin}/www/foreign-publisher.html`);
  await mounted(fresh, '#card-src');
  assert.equal(await fresh.evaluate(() => document.activeElement === document.body), true, 'the card took focus');
  await fresh.close();
  await page.close();
});

test('JS API: mount with an object, update, unmount, scan; removal unmounts', async () => {
  const { page, log } = await hostPage('/index.html', ['#card-de']);
  const article = { url: 'https://news.example/api', headline: 'Aus der API', summary: ['Punkt'] };

  await page.evaluate(async (data) => {
    const el = document.createElement('div');
    el.id = 'api-card';
    el.textContent = 'Fallback';
    document.body.append(el);
    await window.ArticleCard.mount(el, data, { lang: 'en' });
  }, article);
  assert.equal(await page.locator('#api-card .ac-headline').textContent(), 'Aus der API');
  assert.equal(await page.locator('#api-card .ac-readmore').textContent(), 'Read the whole article');

  await page.evaluate(async (data) => {
    await window.ArticleCard.update(document.getElementById('api-card'), { ...data, headline: 'Neu' }, {});
  }, article);
  assert.equal(await page.locator('#api-card .ac-headline').textContent(), 'Neu');
  assert.equal(await page.locator('#api-card .ac-readmore').textContent(), 'Ganzen Artikel lesen');

  await page.evaluate(() => window.ArticleCard.unmount(document.getElementById('api-card')));
  assert.equal(await page.locator('#api-card article').count(), 0);
  assert.equal(await page.locator('#api-card').innerText(), 'Fallback', 'the fallback shows again');

  // A placeholder added without the observer noticing (inside a template
  // clone appended later) is found by scan(); removing it unmounts it.
  const state = await page.evaluate(async () => {
    const el = document.createElement('div');
    el.dataset.articleCard = '';
    el.dataset.src = 'www/articles/minimal.json';
    el.id = 'scanned';
    document.body.append(el);
    await window.ArticleCard.scan(document.body);
    const mountedState = el.dataset.articleCardState;
    el.remove();
    await new Promise((r) => setTimeout(r, 50));
    return { mountedState, after: el.dataset.articleCardState };
  });
  assert.deepEqual(state, { mountedState: 'mounted', after: undefined });
  assert.deepEqual(log.errors, []);
});

test('failures: a missing article keeps the fallback; bad options warn and fall back', async () => {
  const page = await env.browser.newPage();
  const errors = [];
  const warnings = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await page.goto(`${env.origin}/index.html`);
  await mounted(page, '#card-de');
  await page.evaluate(() => {
    document.body.insertAdjacentHTML('beforeend', `
      <div data-article-card data-src="www/articles/does-not-exist.json" id="missing"><a href="https://news.example/x">Fallback headline</a></div>
      <div data-article-card data-src="www/articles/minimal.json" data-layout="poster" data-theme="neon" id="bad-options"></div>`);
  });
  await page.waitForSelector('#missing[data-article-card-state="failed"]', { state: 'attached' });
  await mounted(page, '#bad-options');
  assert.equal(await page.locator('#missing a').innerText(), 'Fallback headline');
  assert.equal(await page.locator('#missing a').isVisible(), true);
  assert.equal(errors.length, 2, errors.join('\n')); // the 404 itself, and our explanation
  assert.match(errors[1], /^article card: could not load http:\/\/127\.0\.0\.1:\d+\/www\/articles\/does-not-exist\.json: answered 404/);
  assert.ok(warnings.some((w) => w.includes('layout "poster" is not one of card, compact, teaser, full; using the default')), warnings.join('\n'));
  assert.ok(warnings.some((w) => w.includes('theme "neon" is not one of auto, light, dark')), warnings.join('\n'));
  assert.equal(await page.locator('#bad-options .ac-headline').textContent(), 'Am Wochenende wird es sonnig und warm');
  await page.close();
});

test('no chained requests: the wasm, glue and stylesheet are all requested before any arrives', async () => {
  const context = await env.browser.newContext();
  const started = [];
  let firstAnswer = Infinity;
  // Every answer of the bundle is held back a little, so that a request
  // made only after another one's answer would show.
  await context.route(/\/www\/dist\/(?!article-card\.js)/, async (route) => {
    started.push(new URL(route.request().url()).pathname);
    await new Promise((resolve) => setTimeout(resolve, 300));
    firstAnswer = Math.min(firstAnswer, started.length);
    await route.continue();
  });
  const page = await context.newPage();
  await page.goto(`${env.origin}/index.html`);
  await page.waitForSelector('#card-de[data-article-card-state="mounted"]', { state: 'attached' });
  const files = bundleFiles();
  assert.deepEqual(started.sort(), [files.css, files.glue, files.wasm].map((f) => `/www/dist/${f}`).sort());
  assert.equal(firstAnswer, 3, 'a bundle file was requested only after another one had arrived');
  // The wasm and the stylesheet are checked against the build's hashes.
  const loader = await (await fetch(`${env.origin}/www/dist/${files.loader}`)).text();
  assert.match(loader, /sha384-[A-Za-z0-9+/]+=*/);
  await context.close();
});
