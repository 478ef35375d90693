// Compares the DOM every benchmark variant renders with the real card's
// (the `wasm` variant, www/dist) for the three demo articles in
// www/articles/, card layout: first as loaded, then after a click on each
// card's background-box toggle. Prints "same" or the differences, line by
// line; exits with 1 when anything differs, so drift after a markup change
// in the Yew card shows at once.
//
// Usage: node bench/check-dom.mjs [--variant name] [--layout name|all] [--dump]
//   --variant  check only this variant against wasm
//   --layout   another layout (compact, teaser, full) or all four; the
//              default is the card layout
//   --dump     also print each variant's normalised DOM
//
// Normalised means: the shadow root's content as an indented tree, one
// element or text per line; attributes sorted by name; adjacent text nodes
// joined and empty ones left out; <style> and <link> left out (how the
// stylesheet is attached is not markup); element ids replaced by #1, #2, …
// in order of appearance, and references to them (aria-labelledby,
// aria-controls, aria-describedby, for) replaced the same way.
//
// bench/run.mjs calls checkDom() too, before measuring, and records the
// outcome in results.json: a benchmark of cards that differ compares
// different work.
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/e2e/browser.mjs';
import { ARTICLES, snapshotDist, startBenchServer } from './server.mjs';
import { VARIANTS } from './variants.mjs';
import { writePrerenderedPage } from './prerendered.mjs';

const REFERENCE = 'wasm';

// Runs in the page: the normalised text of each card's shadow root.
function normalise() {
  const REFS = ['aria-labelledby', 'aria-controls', 'aria-describedby', 'for'];
  const out = [];
  for (const host of document.querySelectorAll('[data-article-card], article-card')) {
    const root = host.shadowRoot ?? host;
    const ids = new Map();
    const idOf = (value) => {
      if (!ids.has(value)) ids.set(value, `#${ids.size + 1}`);
      return ids.get(value);
    };
    // Ids first, in document order, so a reference before its target
    // still gets the target's number.
    for (const el of root.querySelectorAll('[id]')) idOf(el.id);
    const lines = [];
    const walk = (node, depth) => {
      let text = '';
      const flush = () => {
        if (text !== '') lines.push(`${'  '.repeat(depth)}${JSON.stringify(text)}`);
        text = '';
      };
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) {
          text += child.data;
          continue;
        }
        if (child.nodeType !== Node.ELEMENT_NODE) continue;
        if (child.localName === 'style' || child.localName === 'link') continue;
        flush();
        const ns = child.namespaceURI === 'http://www.w3.org/2000/svg' ? 'svg:' : '';
        const attrs = [...child.attributes]
          .map((a) => {
            let value = a.value;
            if (a.name === 'id') value = idOf(value);
            else if (REFS.includes(a.name)) value = value.split(/\s+/).map(idOf).join(' ');
            return `${a.name}=${JSON.stringify(value)}`;
          })
          .sort();
        lines.push(`${'  '.repeat(depth)}<${ns}${child.localName}${attrs.length ? ` ${attrs.join(' ')}` : ''}>`);
        walk(child.localName === 'template' ? child.content : child, depth + 1);
      }
      flush();
    };
    walk(root, 0);
    out.push(lines.join('\n'));
  }
  return out;
}

// Runs in the page: clicks the background toggle of every card, waits two
// frames (the Yew card re-renders after the event).
async function openBackgroundBoxes() {
  for (const host of document.querySelectorAll('[data-article-card], article-card')) {
    (host.shadowRoot ?? host).querySelector('.ac-background .ac-disclosure__toggle')?.click();
  }
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
}

/// A line diff (longest common subsequence), as "-"/"+" lines with two
/// lines of context; empty when the texts are equal.
export function diffLines(a, b, context = 2) {
  const x = a.split('\n');
  const y = b.split('\n');
  const n = x.length;
  const m = y.length;
  const lcs = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const ops = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) ops.push([' ', x[i++], i]), j++;
    else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push(['-', x[i++], i]);
    else ops.push(['+', y[j++], i]);
  }
  if (ops.every(([op]) => op === ' ')) return '';
  const keep = ops.map(([op], k) => ops.slice(Math.max(0, k - context), k + context + 1).some(([o]) => o !== ' '));
  const out = [];
  ops.forEach(([op, line, at], k) => {
    if (keep[k]) out.push(`${op} ${line}`);
    else if (keep[k - 1]) out.push(`  … (line ${at})`);
  });
  return out.join('\n');
}

async function snapshot(browser, origin, variant, layout) {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/${variant.page}?n=${ARTICLES.length}&data=src${layout === 'card' ? '' : `&layout=${layout}`}`);
  // Every card alive (a pre-rendered card is there at once, but comes
  // alive later; until then it is the server's copy).
  await page.waitForFunction(
    (n) => [...document.querySelectorAll('[data-article-card], article-card')]
      .filter((e) => ['mounted', 'failed'].includes(e.dataset.articleCardState)).length === n,
    ARTICLES.length,
    { timeout: 15000 },
  );
  const initial = await page.evaluate(normalise);
  await page.evaluate(openBackgroundBoxes);
  const opened = await page.evaluate(normalise);
  await context.close();
  return { initial, opened, errors };
}

/// Compares every variant's DOM with the reference's; `log` receives the
/// report line by line. Returns the number of differing cards.
export async function checkDom({ browser, origin, variants = VARIANTS, layouts = ['card'], only = null, dump = false, log = console.log }) {
  let differences = 0;
  const reference = variants.find((v) => v.name === REFERENCE);
  for (const layout of layouts) {
    const expected = await snapshot(browser, origin, reference, layout);
    for (const variant of variants) {
      if (variant === reference || (only && variant.name !== only)) continue;
      const actual = await snapshot(browser, origin, variant, layout);
      log(`== ${variant.name} compared with ${REFERENCE} (${layout} layout)`);
      for (const error of actual.errors) log(`  console error in ${variant.name}: ${error}`);
      ARTICLES.forEach((article, k) => {
        for (const state of ['initial', 'opened']) {
          const label = `${article}, ${state === 'initial' ? 'as loaded' : 'background box opened'}`;
          if (dump) log(`-- ${variant.name}: ${label}\n${actual[state][k]}`);
          const diff = diffLines(expected[state][k] ?? '', actual[state][k] ?? '');
          if (!diff) {
            log(`  ${label}: same`);
          } else {
            differences += 1;
            log(`  ${label}: DIFFERENT ("-" ${REFERENCE}, "+" ${variant.name})`);
            log(diff.replace(/^/gm, '    '));
          }
        }
      });
    }
    if (dump) {
      ARTICLES.forEach((article, k) => log(`-- ${REFERENCE}: ${article}, as loaded\n${expected.initial[k]}`));
    }
  }
  return differences;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writePrerenderedPage();
  const args = process.argv.slice(2);
  const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const layout = option('--layout') ?? 'card';
  const server = await startBenchServer({ snapshot: await snapshotDist() });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launch();
  let differences;
  try {
    differences = await checkDom({
      browser,
      origin,
      layouts: layout === 'all' ? ['card', 'compact', 'teaser', 'full'] : [layout],
      only: option('--variant') ?? null,
      dump: args.includes('--dump'),
    });
  } finally {
    await browser.close();
    server.close();
  }
  console.log(differences ? `check-dom: ${differences} difference(s)` : 'check-dom: every variant renders the same DOM as the wasm card');
  process.exit(differences ? 1 : 0);
}
