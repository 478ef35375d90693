// The card as a guest on real pages: servers that fail, hang or answer
// nonsense; API misuse; single-page apps that mount and remove cards
// thousands of times. The test server below answers /bad/… itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, useBrowser } from './browser.mjs';

const ARTICLE = readFileSync(new URL('../../www/articles/minimal.json', import.meta.url), 'utf8');
const seen = new Map(); // path -> requests received
const hanging = new Set(); // responses never answered, closed after the tests
let closed = 0; // hanging requests the browser gave up on

function handle(url, req, res) {
  if (!url.pathname.startsWith('/bad/')) return false;
  const count = (seen.get(url.pathname) ?? 0) + 1;
  seen.set(url.pathname, count);
  const json = (status, body, type = 'application/json') => res.writeHead(status, { 'content-type': type }).end(body);
  const [, , kind, arg] = url.pathname.split('/');
  switch (kind) {
    case 'hang':
      hanging.add(res);
      req.on('close', () => { if (!res.writableEnded) closed += 1; });
      break;
    case 'status': json(Number(arg), '{"error":"down"}'); break;
    case 'flaky': count === 1 ? json(503, 'busy') : json(200, ARTICLE); break;
    case 'slow': setTimeout(() => json(200, ARTICLE.replace('Am Wochenende', `Langsam ${arg}`)), Number(arg)); break;
    case 'html': json(200, '<!doctype html><title>Fehler</title><p>Nicht gefunden</p>', 'text/html'); break;
    case 'empty': json(200, ''); break;
    case 'object': json(200, '{}'); break;
    case 'big': json(200, `{"url":"https://news.example/a","headline":"Kopf","x":"${'x'.repeat(300 * 1024)}"}`); break;
    default: json(404, 'no');
  }
  return true;
}

const env = useBrowser({ handle });

/// A page with the embed script and these placeholders, served by the
/// test server, with the console recorded.
async function page(body) {
  const opened = await openPage(env.browser, `${env.origin}/index.html`);
  await opened.page.evaluate((html) => {
    document.querySelector('main').innerHTML = html;
  }, body);
  return opened;
}

const state = (page, id) => page.locator(`#${id}`).getAttribute('data-article-card-state');
const waitState = (page, id, value) =>
  page.waitForSelector(`#${id}[data-article-card-state="${value}"]`, { state: 'attached', timeout: 15000 });
const fallback = (id) => `<a href="https://news.example/${id}">Fallback ${id}</a>`;

test('data that cannot make a card keeps the fallback, fails, and the console names the URL and why', async () => {
  const cases = {
    html: 'answered an HTML page',
    empty: 'answered with no content',
    object: 'url: is required',
    big: 'bytes; the limit is 262144',
    'status/404': 'answered 404',
  };
  const ids = Object.keys(cases).map((k) => k.replace('/', '-'));
  const { page: p, log } = await page(Object.keys(cases).map((k, i) =>
    `<div data-article-card data-src="/bad/${k}" id="${ids[i]}">${fallback(ids[i])}</div>`).join(''));
  for (const [i, [kind, why]] of Object.entries(Object.entries(cases))) {
    const id = ids[i];
    await waitState(p, id, 'failed');
    assert.equal(await p.locator(`#${id} > a`).isVisible(), true, `${id}: the fallback shows`);
    assert.equal(await p.locator(`#${id} .ac-card`).count(), 0, `${id}: no card, no notice`);
    const message = log.errors.find((e) => e.includes(`${env.origin}/bad/${kind}`));
    assert.ok(message?.includes(why), `${id}: ${message ?? log.errors.join('\n')}`);
  }
});

test('requests time out, retry once after errors and 5xx, and refuse addresses that are not the web', async () => {
  const refused = ['data:application/json,{}', 'blob:https://x/1', 'file:///etc/passwd', 'javascript:alert(1)', ' '];
  const { page: p, log } = await page(`
    <div data-article-card data-src="/bad/hang/timeout" data-timeout="1" id="slowpoke">${fallback('slowpoke')}</div>
    <div data-article-card data-src="/bad/flaky" id="flaky">${fallback('flaky')}</div>
    <div data-article-card data-src="/bad/status/502" id="down">${fallback('down')}</div>
    ${refused.map((src, i) => `<div data-article-card data-src="${src}" id="refused${i}">${fallback(`r${i}`)}</div>`).join('')}`);
  await waitState(p, 'flaky', 'mounted');
  assert.equal(seen.get('/bad/flaky'), 2, 'one retry after the 503');
  await waitState(p, 'down', 'failed');
  assert.equal(seen.get('/bad/status/502'), 2, 'one retry, not more');
  await waitState(p, 'slowpoke', 'failed');
  assert.ok(log.errors.some((e) => e.includes(`${env.origin}/bad/hang/timeout: timed out after 1 s`)), log.errors.join('\n'));
  assert.equal(await p.locator('#slowpoke > a').isVisible(), true);
  for (const i of refused.keys()) {
    await waitState(p, `refused${i}`, 'failed');
    assert.equal(await p.locator(`#refused${i} > a`).isVisible(), true);
  }
  assert.equal(log.errors.filter((e) => e.includes('is refused: only http(s) and relative addresses')).length, 4, log.errors.join('\n'));
  assert.ok(log.errors.some((e) => e.includes('data-src is empty')));
  // Nothing was fetched for the refused ones.
  assert.ok(!log.requests.some((u) => /^(data|blob|file|javascript):/.test(u)), log.requests.join('\n'));
  assert.equal(log.requests.filter((u) => u === `${env.origin}/index.html`).length, 1, 'a blank data-src fetched the page');
});

test('hanging data requests never hold back the bundle or the other cards', async () => {
  // (Their timeout is longer than the test, so only the card code frees
  // their turns.)
  const hangs = Array.from({ length: 6 }, (_, i) =>
    `<div data-article-card data-src="/bad/hang/${i}" data-timeout="120" id="hang${i}">${fallback(`h${i}`)}</div>`);
  const { page: p } = await page(`${hangs.join('')}
    <div data-article-card id="inline"><script type="application/json">${ARTICLE}</script>${fallback('inline')}</div>`);
  // The bundle was requested before any data and does not queue behind
  // the hanging requests: the inline card mounts while they hang.
  await waitState(p, 'inline', 'mounted');
  for (let i = 0; i < 6; i += 1) assert.equal(await state(p, `hang${i}`), 'loading');
  // Four requests run at once; the last two wait their turn. Cards given
  // up while waiting leave the queue, so a card added later gets the turn
  // the first freed request leaves.
  await p.evaluate(() => {
    window.ArticleCard.unmount(document.getElementById('hang4'));
    window.ArticleCard.unmount(document.getElementById('hang5'));
    document.querySelector('main').insertAdjacentHTML('beforeend',
      '<div data-article-card data-src="/www/articles/en-city.json" id="later"></div>');
  });
  await p.waitForSelector('#later[data-article-card-state="loading"]', { state: 'attached' });
  // Unmounting a card that is loading cancels its request.
  const before = closed;
  await p.evaluate(() => window.ArticleCard.unmount(document.getElementById('hang0')));
  await p.waitForFunction(() => !document.getElementById('hang0').dataset.articleCardState);
  const deadline = Date.now() + 5000;
  while (closed === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  assert.ok(closed > before, 'the request was aborted');
  await waitState(p, 'later', 'mounted');
  await p.close();
});

test('mount and update resolve when their data shows; the last call wins', async () => {
  const { page: p, log } = await page(`<div id="target">Fallback</div>
    <div data-article-card data-src="/bad/slow/800" id="slow">${fallback('slow')}</div>`);
  const result = await p.evaluate(async (text) => {
    const el = document.getElementById('target');
    const a = JSON.parse(text);
    const first = window.ArticleCard.mount(el, { ...a, headline: 'Erste' });
    const second = window.ArticleCard.mount(el, { ...a, headline: 'Zweite' });
    const outcome = await Promise.allSettled([first, second]);
    const shown = el.shadowRoot.querySelector('.ac-headline').textContent;
    // A slow data-src answer does not overwrite a later JS mount.
    const slow = document.getElementById('slow');
    await window.ArticleCard.mount(slow, { ...a, headline: 'Von der API' });
    await new Promise((r) => setTimeout(r, 1200));
    return {
      outcome: outcome.map((o) => o.status === 'rejected' ? o.reason.name : 'shown'),
      shown,
      slow: slow.shadowRoot.querySelector('.ac-headline').textContent,
      state: slow.dataset.articleCardState,
    };
  }, ARTICLE);
  assert.deepEqual(result, { outcome: ['AbortError', 'shown'], shown: 'Zweite', slow: 'Von der API', state: 'mounted' });
  assert.deepEqual(log.errors, []);
});

test('refused targets and missing data are left as they were, with a clear error', async () => {
  const { page: p } = await page('<div id="plain">Text</div><div data-article-card id="host"></div>');
  await p.evaluate(() => window.ArticleCard.mount(document.getElementById('host'),
    { url: 'https://news.example/a', headline: 'Kopf' }));
  const outcome = await p.evaluate(async () => {
    const img = document.createElement('img');
    const input = document.createElement('input');
    const link = document.createElement('a');
    const button = document.createElement('button');
    document.body.append(img, input, link, button);
    const inner = document.getElementById('host').shadowRoot.querySelector('.ac-headline');
    const targets = { html: document.documentElement, head: document.head, body: document.body, img, input, a: link, button, inner, text: 'div' };
    const before = document.documentElement.outerHTML.length;
    const result = {};
    for (const [name, target] of Object.entries(targets)) {
      try {
        await window.ArticleCard.mount(target, { url: 'https://news.example/a', headline: 'Kopf' });
        result[name] = 'mounted';
      } catch (error) {
        result[name] = `${error.name}: ${error.message}`;
      }
    }
    const plain = document.getElementById('plain');
    let missing;
    try {
      await window.ArticleCard.mount(plain, undefined);
    } catch (error) {
      missing = `${error.name}: ${error.message}`;
    }
    return { result, missing, same: document.documentElement.outerHTML.length === before, plain: plain.outerHTML,
      shadows: [document.documentElement, document.body, img, link, plain].map((e) => Boolean(e.shadowRoot)) };
  });
  for (const [name, message] of Object.entries(outcome.result)) {
    assert.match(message, /^TypeError: article card: /, name);
  }
  assert.match(outcome.result.html, /cannot replace a <html>/);
  assert.match(outcome.result.inner, /inside another card/);
  assert.match(outcome.result.text, /not an element/);
  assert.match(outcome.missing, /^TypeError: article card: mount\(element, data\) needs the article/);
  assert.equal(outcome.same, true, 'the page is unchanged');
  assert.equal(outcome.plain, '<div id="plain">Text</div>');
  assert.deepEqual(outcome.shadows, [false, false, false, false, false]);
});

test('without content of its own, a card that cannot be shown gets the notice in its layout', async () => {
  const { page: p } = await page('<div id="empty"></div>');
  const outcome = await p.evaluate(async () => {
    const el = document.getElementById('empty');
    const error = await window.ArticleCard.mount(el, { url: 'https://news.example/a' }, { layout: 'teaser' })
      .then(() => 'resolved', (e) => e.message);
    return { error, notice: el.shadowRoot?.querySelector('.ac-card')?.className, state: el.dataset.articleCardState };
  });
  assert.match(outcome.error, /cannot be shown/);
  assert.equal(outcome.notice, 'ac-card ac-card--error ac-card--teaser');
  assert.equal(outcome.state, 'failed');
});

test('a copy of a mounted placeholder mounts as a card of its own', async () => {
  const { page: p } = await page(`<div data-article-card id="original"><script type="application/json">${ARTICLE}</script></div>`);
  await waitState(p, 'original', 'mounted');
  await p.evaluate(() => {
    const copy = document.getElementById('original').cloneNode(true);
    copy.id = 'copy';
    document.querySelector('main').append(copy);
  });
  await waitState(p, 'copy', 'mounted');
  assert.equal(await p.locator('#copy .ac-headline').textContent(), 'Am Wochenende wird es sonnig und warm');
});

/// The bytes of the JS heap's objects, from a heap snapshot: everything
/// but the code the engine compiles (`code` nodes, and the compiled wasm
/// module), which grows as the engine optimises hot functions during the
/// first thousands of cycles and is not memory the card keeps.
async function heapObjects(cdp) {
  const chunks = [];
  const collect = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
  const { snapshot, nodes, strings } = JSON.parse(chunks.join(''));
  const fields = snapshot.meta.node_fields;
  const types = snapshot.meta.node_types[0];
  const [type, name, size] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  let bytes = 0;
  for (let i = 0; i < nodes.length; i += fields.length) {
    if (types[nodes[i + type]] === 'code' || strings[nodes[i + name]].includes('WasmNativeModule')) continue;
    bytes += nodes[i + size];
  }
  return bytes;
}

/// DOM nodes, listeners, JS heap objects and wasm memory, after garbage
/// collection.
async function counters(p, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  const heap = await heapObjects(cdp);
  const wasm = await p.evaluate(() => window.__memories.reduce((sum, m) => sum + m.buffer.byteLength, 0));
  return { nodes, listeners: jsEventListeners, heap, wasm };
}

test('a thousand mounts and unmounts, and 200 removed placeholders, leave nothing behind', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    // Keep a hand on every wasm memory, to measure it.
    window.__memories = [];
    const instantiate = WebAssembly.instantiate;
    WebAssembly.instantiate = async (...args) => {
      const result = await instantiate.apply(WebAssembly, args);
      const instance = result.instance ?? result;
      for (const value of Object.values(instance.exports)) if (value instanceof WebAssembly.Memory) window.__memories.push(value);
      return result;
    };
  });
  const p = await context.newPage();
  const cdp = await context.newCDPSession(p);
  await p.goto(`${env.origin}/index.html`);
  await p.waitForSelector('#card-minimal[data-article-card-state="mounted"]', { state: 'attached' });
  const cycle = (n) => p.evaluate(async ({ n, text }) => {
    const host = document.createElement('div');
    document.body.append(host);
    for (let i = 0; i < n; i += 1) {
      const el = document.createElement('div');
      host.append(el);
      await window.ArticleCard.mount(el, text, { layout: i % 2 ? 'card' : 'compact' });
      window.ArticleCard.unmount(el);
      el.remove();
    }
    host.remove();
    await new Promise((r) => setTimeout(r, 100));
  }, { n, text: ARTICLE });
  // Warm up (first-use allocations, caches), then measure a thousand more.
  await cycle(100);
  const before = await counters(p, cdp);
  await cycle(1000);
  const after = await counters(p, cdp);
  assert.equal(after.nodes, before.nodes, 'DOM nodes');
  assert.equal(after.listeners, before.listeners, 'event listeners');
  const growth = (after.heap - before.heap) + (after.wasm - before.wasm);
  assert.ok(growth <= 64 * 1024, `JS heap and wasm memory grew by ${growth} bytes: ${JSON.stringify({ before, after })}`);

  // Placeholders removed by the page are unmounted, listeners and all.
  await p.evaluate((text) => {
    const host = document.createElement('div');
    host.id = 'many';
    host.innerHTML = Array.from({ length: 200 },
      () => `<div data-article-card><script type="application/json">${text}</script></div>`).join('');
    document.body.append(host);
  }, ARTICLE);
  await p.waitForFunction(() => [...document.querySelectorAll('#many > div')].every((el) => el.dataset.articleCardState === 'mounted'));
  await p.evaluate(() => document.getElementById('many').remove());
  await p.waitForTimeout(100);
  const removed = await counters(p, cdp);
  assert.equal(removed.listeners, before.listeners, 'event listeners after removing 200 placeholders');
  assert.ok(removed.nodes <= before.nodes, `DOM nodes: ${removed.nodes} after, ${before.nodes} before`);
  await context.close();
});

test.after(() => {
  for (const res of hanging) res.destroy();
});
