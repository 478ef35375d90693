// The renderer built for WASI (wasm32-wasip1), run under Node's own WASI
// runtime as an edge runtime would run it, prints byte for byte what the
// native command prints. Skipped when the WASI module was not built (a
// machine without the wasm32-wasip1 target; scripts/test says so).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const ROOT = new URL('../', import.meta.url).pathname;
const MODULE = 'target/wasm32-wasip1/release/article-card.wasm';
const NATIVE = 'target/debug/article-card';
const skip = !existsSync(`${ROOT}${MODULE}`) && 'the WASI module is not built';

const wasi = (args, input) => spawnSync(process.execPath, ['--no-warnings', 'scripts/wasi.mjs', MODULE, ...args],
  { cwd: ROOT, encoding: 'utf8', input });
const native = (args, input) => spawnSync(NATIVE, args, { cwd: ROOT, encoding: 'utf8', input });

test('WASI renders every demo article in every layout as the native command does', { skip }, () => {
  for (const article of ['www/articles/de-politik.json', 'www/articles/en-city.json', 'www/articles/minimal.json']) {
    for (const layout of ['card', 'compact', 'teaser', 'full']) {
      const args = ['render', article, '--layout', layout];
      const edge = wasi(args);
      assert.equal(edge.status, 0, edge.stderr);
      assert.ok(edge.stdout.includes('<template shadowrootmode="open">'));
      assert.equal(edge.stdout, native(args).stdout, `${article} ${layout}`);
    }
  }
});

test('WASI checks, reads standard input and pre-renders pages like the native command', { skip }, () => {
  const check = ['check', 'www/articles/minimal.json', 'tests/fixtures/invalid.json'];
  const edge = wasi(check);
  assert.equal(edge.status, 1);
  assert.equal(edge.stdout, native(check).stdout);
  const input = execFileSync('cat', ['www/articles/en-city.json'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(wasi(['render', '-', '--theme', 'dark'], input).stdout, native(['render', '-', '--theme', 'dark'], input).stdout);
  const page = ['prerender', 'www/prerendered-source.html', '--quiet'];
  const pre = wasi(page);
  assert.equal(pre.status, 0, pre.stderr);
  assert.equal(pre.stdout, native(page).stdout);
});
