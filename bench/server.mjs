// The benchmark's own static server. Unlike scripts/serve.mjs it sends text
// and wasm gzip-compressed, as any CDN would, so that the transferred bytes
// the browser reports are the bytes a reader would download.
//
// - Serves the repository read-only (the bundle in www/dist, the demo
//   articles and images, the bench pages).
// - Compresses .html .js .mjs .css .json .wasm .svg with gzip level 9 when
//   the request accepts gzip. Compressed bodies are cached by path, size
//   and mtime, so compression never adds to a measured response time (a
//   rebuild of www/dist is picked up on the next request).
// - Expands page templates: any .html under bench/pages/ is a template in
//   which the card block is repeated for ?n=N cards (see expandPage and
//   bench/README.md).
// - Serves bench/plain-card.js minified by esbuild as
//   /bench/plain-card.min.js, because the wasm embed's JS is minified too.
// - Can serve www/dist from a snapshot in memory (snapshotDist), so that a
//   rebuild while the benchmark runs does not mix two builds.
//
// Usage: node bench/server.mjs [port]   (to look at the pages by hand)
import { createServer } from 'node:http';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { renderCardHtml, escapeHtml } from './plain-card.js';
import { COMPRESSIBLE, TYPES } from '../scripts/serve.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));


/// The demo articles the generated pages cycle through, in this order.
export const ARTICLES = ['de-politik', 'en-city', 'minimal'];

const gzipCache = new Map(); // key -> gzip bytes
function gzipCached(key, body) {
  let hit = gzipCache.get(key);
  if (!hit) {
    hit = gzipSync(body, { level: 9 });
    gzipCache.set(key, hit);
  }
  return hit;
}

// bench/plain-card.js, minified like the real bundle's JS (esbuild --minify).
let minified = null;
async function plainCardMinified() {
  const path = join(ROOT, 'bench', 'plain-card.js');
  const info = await stat(path);
  const key = `${info.size}:${info.mtimeMs}`;
  if (minified?.key !== key) {
    const { transform } = await import('esbuild');
    const source = await readFile(path, 'utf8');
    const { code } = await transform(source, { minify: true, format: 'esm', loader: 'js' });
    minified = { key, body: Buffer.from(code), mtimeMs: info.mtimeMs };
  }
  return minified;
}

const articleCache = new Map();
async function article(name) {
  const path = join(ROOT, 'www', 'articles', `${name}.json`);
  const info = await stat(path);
  const key = `${name}:${info.mtimeMs}`;
  if (!articleCache.has(key)) {
    const text = await readFile(path, 'utf8');
    articleCache.set(key, { name, text, data: JSON.parse(text) });
  }
  return articleCache.get(key);
}

const BLOCK = /<!--bench:card(?:\s+([\w-]+))?\s*-->([\s\S]*?)<!--\/bench:card\s*-->/g;

/// Turns a page template into a page with `n` cards.
///
/// The template holds one or more blocks
///   <!--bench:card-->…<!--/bench:card-->          (any article)
///   <!--bench:card en-city-->…<!--/bench:card-->  (only for that article)
/// Everything from the first block to the last is replaced by n cards; card
/// i shows ARTICLES[i % 3] using its own block or else the generic one. In a
/// block these are replaced:
///   {{i}}         the card's index (0, 1, …)
///   {{article}}   the article's name (de-politik)
///   {{src}}       its URL (/www/articles/de-politik.json)
///   {{data}}      ` data-src="…"`, or nothing with ?data=inline; with
///                 ?layout=compact also ` data-layout="compact"`
///   {{inline}}    with ?data=inline the article as
///                 <script type="application/json">, else nothing
///   {{fallback}}  <a href="article url">headline</a>
///   {{url}} {{headline}}   the article's address and headline (escaped)
///   {{markup}}    the card's markup as bench/plain-card.js renders it
///                 (for pages that ship the card pre-rendered)
/// With ?embed=0, every element carrying `data-bench-embed` (the variant's
/// script tag) is left out: the same page without the card code, which the
/// harness uses as the heap baseline.
export async function expandPage(template, params) {
  const n = Math.max(0, Math.min(1000, Number(params.get('n') ?? 3) || 0));
  const inline = params.get('data') === 'inline';
  const layout = params.get('layout');
  const layoutAttr = layout ? ` data-layout="${escapeHtml(layout)}"` : '';
  const blocks = [...template.matchAll(BLOCK)];
  let page = template;
  if (blocks.length) {
    const generic = blocks.find((b) => !b[1])?.[2];
    const named = new Map(blocks.filter((b) => b[1]).map((b) => [b[1], b[2]]));
    const cards = [];
    for (let i = 0; i < n; i += 1) {
      const a = await article(ARTICLES[i % ARTICLES.length]);
      const block = named.get(a.name) ?? generic;
      if (block == null) throw new Error(`the page has no card block for ${a.name}`);
      const src = `/www/articles/${a.name}.json`;
      const values = {
        i: String(i),
        article: a.name,
        src,
        data: (inline ? '' : ` data-src="${src}"`) + layoutAttr,
        // "</" cannot end the script early: JSON allows "<\/".
        inline: inline ? `<script type="application/json">${a.text.replaceAll('</', '<\\/')}</script>` : '',
        fallback: `<a href="${escapeHtml(a.data.url)}">${escapeHtml(a.data.headline)}</a>`,
        url: escapeHtml(a.data.url),
        headline: escapeHtml(a.data.headline),
      };
      cards.push(block.replace(/\{\{(\w+)\}\}/g, (whole, key) => {
        if (key === 'markup') return renderCardHtml(a.data, layout ? { layout } : {});
        return values[key] ?? whole;
      }));
    }
    const start = blocks[0].index;
    const last = blocks[blocks.length - 1];
    page = template.slice(0, start) + cards.join('\n') + template.slice(last.index + last[0].length);
  }
  if (params.get('embed') === '0') {
    page = page.replace(/<(script|link)\b[^>]*\bdata-bench-embed\b[^>]*>(?:\s*<\/script>)?/g, '');
  }
  return page;
}

// The bundle's plain file names. Where the build gives its files
// content-hashed names (listed in www/dist/manifest.json), the plain name
// is served as an alias of the hashed file, so that the hand-written card
// can load "the" stylesheet without knowing the build's hash.
const PLAIN_NAMES = { glue: 'article_card.js', wasm: 'article_card_bg.wasm', css: 'article-card.css' };

function addAliases(files) {
  const manifest = files.get('/www/dist/manifest.json');
  if (!manifest) return files;
  let entries;
  try {
    entries = JSON.parse(manifest.body.toString('utf8'));
  } catch {
    return files;
  }
  for (const [kind, plain] of Object.entries(PLAIN_NAMES)) {
    const hashed = files.get(`/www/dist/${entries[kind]?.name}`);
    if (hashed && !files.has(`/www/dist/${plain}`)) files.set(`/www/dist/${plain}`, { ...hashed, alias: entries[kind].name });
  }
  return files;
}

/// Reads every file of www/dist into memory. A build in progress (a file
/// changed in the last few seconds, or while reading) is waited out, up to
/// two minutes. Returns Map('/www/dist/name' -> { body, mtimeMs, alias? }).
export async function snapshotDist({ quiet = 5000, limit = 120000 } = {}) {
  const dir = join(ROOT, 'www', 'dist');
  const started = Date.now();
  for (;;) {
    const names = (await readdir(dir)).sort();
    const files = new Map();
    let newest = 0;
    for (const name of names) {
      const path = join(dir, name);
      const before = await stat(path);
      if (!before.isFile()) continue;
      const body = await readFile(path);
      const after = await stat(path);
      newest = Math.max(newest, before.mtimeMs, after.mtimeMs);
      if (after.mtimeMs !== before.mtimeMs || after.size !== body.length) newest = Date.now();
      files.set(`/www/dist/${name}`, { body, mtimeMs: after.mtimeMs });
    }
    const namesAfter = (await readdir(dir)).sort();
    if (JSON.stringify(namesAfter) !== JSON.stringify(names)) newest = Date.now();
    if (Date.now() - newest >= quiet) return addAliases(files);
    if (Date.now() - started > limit) throw new Error('www/dist keeps changing; is a build running?');
    await new Promise((r) => setTimeout(r, 1000));
  }
}

// Without a snapshot: the hashed file for a plain name that is missing.
async function diskAlias(pathname) {
  const plain = Object.values(PLAIN_NAMES).find((name) => pathname === `/www/dist/${name}`);
  if (!plain) return null;
  try {
    await stat(join(ROOT, 'www', 'dist', plain));
    return null;
  } catch {
    try {
      const manifest = JSON.parse(await readFile(join(ROOT, 'www', 'dist', 'manifest.json'), 'utf8'));
      const kind = Object.keys(PLAIN_NAMES).find((k) => PLAIN_NAMES[k] === plain);
      return manifest[kind]?.name ? join(ROOT, 'www', 'dist', manifest[kind].name) : null;
    } catch {
      return null;
    }
  }
}

export function startBenchServer({ port = 0, snapshot = null } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      let path = normalize(join(ROOT, decodeURIComponent(url.pathname)));
      if (path !== ROOT && !path.startsWith(ROOT.endsWith(sep) ? ROOT : ROOT + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      let body;
      let key;
      const frozen = snapshot?.get(url.pathname);
      if (frozen) {
        body = frozen.body;
        key = `snapshot:${url.pathname}:${frozen.mtimeMs}:${body.length}`;
      } else if (snapshot && url.pathname.startsWith('/www/dist/')) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not in the snapshot');
        return;
      } else if (url.pathname === '/bench/plain-card.min.js') {
        const min = await plainCardMinified();
        body = min.body;
        key = `plain-card.min:${min.key}`;
        path = join(ROOT, 'bench', 'plain-card.min.js');
      } else {
        const alias = await diskAlias(url.pathname);
        if (alias) path = alias;
        const info = await stat(path);
        if (info.isDirectory()) {
          path = join(path, 'index.html');
        }
        const file = await stat(path);
        body = await readFile(path);
        key = `${path}:${file.size}:${file.mtimeMs}`;
        const rel = relative(ROOT, path).split(sep).join('/');
        if (rel.startsWith('bench/pages/') && extname(path) === '.html') {
          body = Buffer.from(await expandPage(body.toString('utf8'), url.searchParams));
          key = null; // generated: compressed per request (pages are small)
        }
      }
      const ext = extname(path);
      const headers = {
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        // Every run uses a fresh browser context, so the cache is cold
        // anyway; no-cache keeps a rebuilt bundle from being missed.
        'cache-control': 'no-cache',
        'access-control-allow-origin': '*',
        vary: 'accept-encoding',
      };
      if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        body = key ? gzipCached(key, body) : gzipSync(body, { level: 9 });
        headers['content-encoding'] = 'gzip';
      }
      headers['content-length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      if (!res.headersSent) {
        const missing = error?.code === 'ENOENT' || error?.code === 'ENOTDIR';
        res.writeHead(missing ? 404 : 500, { 'content-type': 'text/plain' });
        res.end(missing ? 'not found' : String(error?.stack ?? error));
      }
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}

/// Compresses the files a page will need before anything is measured, so
/// that the first measured request does not pay for gzip -9 of the wasm.
export async function warmUp(origin, paths) {
  for (const p of paths) {
    const response = await fetch(new URL(p, origin), { headers: { 'accept-encoding': 'gzip' } });
    await response.arrayBuffer();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startBenchServer({ port: Number(process.argv[2] ?? 8100) });
  const { port } = server.address();
  console.log(`Bench pages on http://127.0.0.1:${port}/bench/pages/ (e.g. wasm.html?n=10&data=inline)`);
}
