// Size budget of the embed bundle, in gzip bytes (level 9). Sizes are
// deterministic for a given toolchain, so this is a pass/fail check: it
// stops changes that make every reader download more without anyone
// deciding to. docs/size.md explains the numbers and what was tried.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const dist = new URL('../www/dist/', import.meta.url);
const files = ['article_card_bg.wasm', 'article_card.js', 'article-card.js', 'article-card.css'];

// The product's target for wasm + JS + CSS is 70 KB; BUDGET is the ceiling
// enforced today (see docs/size.md for why the two differ).
const TARGET = 70 * 1024;
const BUDGET = 116 * 1024;

let total = 0;
for (const name of files) {
  const bytes = readFileSync(new URL(name, dist));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  total += gzip;
  console.log(`${name.padEnd(24)} ${String(bytes.length).padStart(8)} bytes ${String(gzip).padStart(7)} gzip`);
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`${'total'.padEnd(24)} ${' '.repeat(14)} ${String(total).padStart(7)} gzip = ${kb(total)} (budget ${kb(BUDGET)}, target ${kb(TARGET)})`);
if (total > BUDGET) {
  console.error(`size budget: the bundle is ${kb(total - BUDGET)} over budget`);
  process.exit(1);
}
console.log('size budget: ok');
