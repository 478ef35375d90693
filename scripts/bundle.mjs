// Finishes the release bundle in www/dist after wasm-pack: minifies the
// glue, the embed script and the stylesheet, gives every file but the
// embed script a content-hashed name (so that CDNs and browsers may keep
// them for good), writes those names and the files' integrity hashes into
// the embed script, and lists everything in manifest.json.
//   node scripts/bundle.mjs www/dist
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2] ?? 'www/dist';
const minify = (from, to) => execFileSync('esbuild', ['--minify', '--log-level=warning', from, `--outfile=${to}`, '--allow-overwrite']);

// Earlier builds' hashed files go first.
for (const name of readdirSync(out)) if (/\.[0-9a-f]{10}\.(js|wasm|css)$/.test(name)) rmSync(join(out, name));

minify(join(out, 'article_card.js'), join(out, 'article_card.js'));
minify('styles/article-card.css', join(out, 'article-card.css'));

const hashed = (name) => {
  const bytes = readFileSync(join(out, name));
  const tag = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
  const target = name.replace(/\.(js|wasm|css)$/, `.${tag}.$1`);
  renameSync(join(out, name), join(out, target));
  return { name: target, integrity: `sha384-${createHash('sha384').update(bytes).digest('base64')}` };
};
const files = {
  glue: hashed('article_card.js'),
  wasm: hashed('article_card_bg.wasm'),
  css: hashed('article-card.css'),
};

// The embed script keeps its stable name; it learns the others' names.
const loader = readFileSync('www/loader.js', 'utf8');
const line = /^const FILES = \{[^\n]*\};$/m;
if (!line.test(loader)) throw new Error('www/loader.js has no `const FILES = {…};` line');
const names = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v.name]));
const integrity = { wasm: files.wasm.integrity, css: files.css.integrity };
writeFileSync(join(out, 'article-card.src.js'),
  loader.replace(line, `const FILES = ${JSON.stringify({ ...names, integrity })};`));
minify(join(out, 'article-card.src.js'), join(out, 'article-card.js'));
rmSync(join(out, 'article-card.src.js'));

const loaderIntegrity = `sha384-${createHash('sha384').update(readFileSync(join(out, 'article-card.js'))).digest('base64')}`;
const manifest = { loader: { name: 'article-card.js', integrity: loaderIntegrity }, ...files };
writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(JSON.stringify(manifest, null, 2));
