// One measurement = one page load in a fresh browser context (so the HTTP
// cache, compiled code caches and the renderer process are cold), with the
// probe (bench/probe.js) injected before the page's own scripts.
import { readFileSync } from 'node:fs';

const PROBE = readFileSync(new URL('./probe.js', import.meta.url), 'utf8');

export const VIEWPORT = { width: 900, height: 900 };

/// Network and CPU conditions of the cold-start measurements.
export const CONDITIONS = {
  plain: { label: 'no throttling' },
  cpu4x: { label: '4× CPU throttling', cpuRate: 4 },
  rtt150: {
    label: '150 ms RTT, 9 Mbit/s down and up',
    network: { offline: false, latency: 150, downloadThroughput: 9e6 / 8, uploadThroughput: 9e6 / 8 },
  },
};

const TIMEOUT = 30000;

/// Rejects if `promise` has not settled within `ms` (a card that never
/// paints must not hang the run).
function within(promise, what, ms = TIMEOUT) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/// Opens a fresh context and page with the probe, the CDP domains the
/// measurements need and the given condition; returns helpers.
async function openPage(browser, condition = CONDITIONS.plain) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await context.addInitScript({ content: PROBE });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const cdp = await context.newCDPSession(page);

  // Every response's encoded (transferred) size, as the network stack
  // reports it when the response is complete: headers and body as
  // received, so gzip counts.
  const requests = new Map(); // requestId -> { url, type, bytes, done }
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!/^https?:/.test(e.request.url)) return;
    requests.set(e.requestId, { url: e.request.url, type: e.type, bytes: 0, done: false, sent: Date.now() });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.mime = e.response.mimeType;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { bytes: e.encodedDataLength, done: true, at: Date.now() });
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { done: true, failed: e.errorText, at: Date.now() });
  });
  await cdp.send('Network.enable');
  await cdp.send('Performance.enable');
  if (condition.cpuRate) await cdp.send('Emulation.setCPUThrottlingRate', { rate: condition.cpuRate });
  if (condition.network) await cdp.send('Network.emulateNetworkConditions', condition.network);

  // Resolves once no request has been in flight for `quiet` ms.
  const networkIdle = async (quiet = 300, limit = 10000) => {
    const start = Date.now();
    for (;;) {
      const list = [...requests.values()];
      const busy = list.some((r) => !r.done);
      const last = Math.max(0, ...list.map((r) => r.at ?? r.sent));
      if (!busy && Date.now() - last >= quiet) return;
      if (Date.now() - start > limit) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  const heap = async () => {
    await page.evaluate(() => window.__bench.settle());
    // Main-thread time so far, before the forced collections add to it.
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    // Twice: the first collection may leave garbage its finalisers free.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    return {
      jsHeapUsed: usage.usedSize,
      jsHeapTotal: usage.totalSize,
      embedderHeapUsed: usage.embedderHeapUsedSize ?? null, // Blink's heap: DOM nodes and the like
      backingStorage: usage.backingStorageSize ?? null,
      nodes: metrics.Nodes,
      scriptDuration: metrics.ScriptDuration * 1000,
      taskDuration: metrics.TaskDuration * 1000,
      layoutDuration: metrics.LayoutDuration * 1000,
      recalcStyleDuration: metrics.RecalcStyleDuration * 1000,
      wasmMemory: await page.evaluate(() => window.__bench.wasmMemoryBytes()),
    };
  };

  return { context, page, cdp, requests, errors, networkIdle, heap };
}

function pageUrl(origin, variant, params) {
  return `${origin}/${variant.page}?${new URLSearchParams(params)}`;
}

async function close(opened) {
  await opened.context.close();
  if (opened.errors.length) throw new Error(`the page reported errors: ${opened.errors.join(' | ')}`);
}

/// Cold start: the three demo cards with data-src (as on the demo page),
/// under one condition. Returns the first card's paint time; with
/// `details`, also the transferred bytes and the toggle latency.
export async function coldStart(browser, origin, variant, conditionName, { details = false } = {}) {
  const opened = await openPage(browser, CONDITIONS[conditionName]);
  const { page, requests, networkIdle } = opened;
  try {
    await page.goto(pageUrl(origin, variant, { n: 3, data: 'src' }), { waitUntil: 'commit' });
    const { first, all } = await within(page.evaluate(() => window.__bench.cardsPainted()), 'the cards painting');
    const result = { first: first.painted, firstFrame: first.frame, all: all.painted };
    if (!details) {
      result.lcp = await lcpAfter(page, first.frame);
      return result;
    }
    await networkIdle();
    result.lcp = await lcpAfter(page, first.frame);
    result.bytes = transferred(requests, origin);

    // The background box of the first card: scroll it into view, let the
    // page settle, then a real mouse click through the input pipeline.
    const toggle = '.ac-background .ac-disclosure__toggle';
    await page.evaluate((sel) => {
      const host = document.querySelector('[data-article-card], article-card');
      (host.shadowRoot ?? host).querySelector(sel).scrollIntoView({ block: 'center' });
    }, toggle);
    await page.evaluate(() => window.__bench.settle());
    const at = await page.evaluate(
      ([t, p]) => window.__bench.armToggle(0, t, p),
      [toggle, '.ac-background .ac-disclosure__panel'],
    );
    await page.mouse.click(at.x, at.y);
    const done = await within(page.evaluate(() => window.__bench.toggleDone()), 'the panel showing');
    result.toggle = done.painted - done.click;
    result.toggleFrame = done.frame - done.click;
    // The browser's own Event Timing for the click (to the next presented
    // frame, rounded to 8 ms; only reported from 16 ms up).
    result.toggleEventTiming = await page.evaluate(() => {
      const click = window.__bench.events.filter((e) => e.name === 'click').pop();
      return click ? click.duration : null;
    });
    return result;
  } finally {
    await close(opened);
  }
}

// The presentation time of the first frame that showed card content: the
// first largest-contentful-paint entry for content inside a shadow root
// (Chromium reports it without the element, unlike the placeholder's own
// fallback link) at or after the frame in which the probe saw the first
// card. A cross-check of the probe, not the measurement. Entries arrive
// once the frame is presented, so this waits up to 2 s.
async function lcpAfter(page, frame) {
  return page.evaluate((f) => new Promise((resolve) => {
    const until = performance.now() + 2000;
    const poll = () => {
      const entry = window.__bench.lcp.find((e) => e.time >= f && e.node === null);
      if (entry || performance.now() > until) resolve(entry ? entry.time : null);
      else setTimeout(poll, 20);
    };
    poll();
  }), frame);
}

/// Transferred bytes by kind: the page itself, the card's code and
/// stylesheet ("embed"), the article data, images.
function transferred(requests, origin) {
  const sums = { total: 0, document: 0, embed: 0, data: 0, images: 0, requests: 0, files: {} };
  for (const r of requests.values()) {
    if (!r.done || r.failed) continue;
    const path = r.url.startsWith(origin) ? new URL(r.url).pathname : r.url;
    const kind = r.type === 'Document' ? 'document'
      : path.startsWith('/www/articles/') ? 'data'
        : r.type === 'Image' || /\.(svg|png|jpe?g|webp|avif|gif)$/.test(path) ? 'images'
          : 'embed';
    sums[kind] += r.bytes;
    sums.total += r.bytes;
    sums.requests += 1;
    sums.files[path] = (sums.files[path] ?? 0) + r.bytes;
  }
  return sums;
}

/// N cards with inline JSON: the time until all of them are painted; with
/// `memory`, also the heap and wasm memory after they are (and the page is
/// idle and garbage-collected).
export async function manyCards(browser, origin, variant, n, { memory = false } = {}) {
  const opened = await openPage(browser);
  const { page, networkIdle, heap } = opened;
  try {
    await page.goto(pageUrl(origin, variant, { n, data: 'inline' }), { waitUntil: 'commit' });
    const { all } = await within(page.evaluate(() => window.__bench.cardsPainted()), 'the cards painting');
    if (all.count !== n) throw new Error(`expected ${n} cards, saw ${all.count}`);
    const result = { all: all.painted };
    if (memory) {
      await networkIdle();
      Object.assign(result, await heap());
    }
    return result;
  } finally {
    await close(opened);
  }
}

/// The same 100-card page without the variant's script (elements marked
/// data-bench-embed are left out): the heap a page needs before any card
/// code runs, subtracted to get the growth due to the cards.
export async function heapBaseline(browser, origin, variant, n = 100) {
  const opened = await openPage(browser);
  const { page, networkIdle, heap } = opened;
  try {
    await page.goto(pageUrl(origin, variant, { n, data: 'inline', embed: 0 }), { waitUntil: 'load' });
    await networkIdle();
    return await heap();
  } finally {
    await close(opened);
  }
}
