// Size budget of the embed bundle: gzip (level 9) and brotli (quality 11)
// per file and in total. Sizes are deterministic for a given toolchain, so
// this is a pass/fail check: it stops changes that make every reader
// download more without anyone deciding to. docs/size.md explains the
// numbers and what was tried. `--list` prints the table only.
import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = new URL('../', import.meta.url);
const dist = new URL('www/dist/', root);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dist), 'utf8'));
const files = [manifest.wasm.name, manifest.glue.name, manifest.loader.name, manifest.css.name];

// The product's target for wasm + JS + CSS is 80 KB gzip (70 KB stretch).
// BUDGET is the ceiling enforced today: the size this bundle has, plus a
// little room. A bundle built on stable instead of the pinned nightly (see
// scripts/toolchain.sh) lacks the size settings and gets its own ceiling.
const TARGET = 80 * 1024;
const BUDGET = { nightly: 130 * 1024, stable: 137 * 1024 };
const routeFile = new URL('target/bundle-route', root);
const route = existsSync(routeFile) && readFileSync(routeFile, 'utf8').startsWith('nightly') ? 'nightly' : 'stable';

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const pad = (text, n) => String(text).padStart(n);
let gzipTotal = 0;
let brotliTotal = 0;
for (const name of files) {
  const bytes = readFileSync(new URL(name, dist));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  gzipTotal += gzip;
  brotliTotal += brotli;
  console.log(`  ${name.padEnd(34)} ${pad(bytes.length, 8)} bytes ${pad(gzip, 7)} gzip ${pad(brotli, 7)} brotli`);
}
console.log(`  ${'total'.padEnd(34)} ${' '.repeat(14)} ${pad(gzipTotal, 7)} gzip ${pad(brotliTotal, 7)} brotli` +
  ` = ${kb(gzipTotal)} gzip, ${kb(brotliTotal)} brotli`);
if (process.argv.includes('--list')) process.exit(0);

const budget = BUDGET[route];
console.log(`size budget (${route} build): ${kb(gzipTotal)} gzip of ${kb(budget)}; the product target is ${kb(TARGET)}`);
if (route === 'stable') {
  console.log('note: this bundle was built on stable, without the size settings of the pinned nightly; ./scripts/setup installs it where rustup can');
}
if (gzipTotal > budget) {
  console.error(`size budget: the bundle is ${kb(gzipTotal - budget)} over budget`);
  process.exit(1);
}
console.log('size budget: ok');
