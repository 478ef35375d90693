// Runs the article-card command built for WASI (wasm32-wasip1) under
// Node's own WASI runtime, the way an edge runtime would run it:
//   node --no-warnings scripts/wasi.mjs target/wasm32-wasip1/release/article-card.wasm render www/articles/minimal.json
// The current folder is the only one the module can read.
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';

const [module, ...args] = process.argv.slice(2);
if (!module) {
  console.error('usage: node --no-warnings scripts/wasi.mjs MODULE.wasm [ARGS…]');
  process.exit(2);
}
const wasi = new WASI({
  version: 'preview1',
  args: ['article-card', ...args],
  env: {},
  preopens: { '.': process.cwd() },
  returnOnExit: true,
});
const compiled = await WebAssembly.compile(await readFile(module));
const instance = await WebAssembly.instantiate(compiled, wasi.getImportObject());
process.exitCode = wasi.start(instance);
