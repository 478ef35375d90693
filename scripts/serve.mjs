// A small static file server for the demo and the end-to-end tests.
// Usage: node scripts/serve.mjs [port]
// Serves the repository on 127.0.0.1:port and, as a stand-in for a CDN on
// another origin, again on port+1 (www/cross-origin.html loads the bundle
// from there). Right MIME types (wasm must be application/wasm for
// streaming compilation), CORS open to any origin as a CDN would be,
// brotli or gzip where the browser takes them, and the caching a CDN
// should use: content-hashed files (name.0123456789.ext) for a year and
// immutable, everything else revalidated on every load, so that a rebuild
// shows up on reload.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
};

export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg']);
const compressed = new Map(); // path -> { mtime, br, gzip }

// The body in the best encoding the request accepts.
async function encode(path, body, accept, mtime) {
  if (!COMPRESSIBLE.has(extname(path)) || body.length < 512) return { body };
  const wants = (name) => accept.split(',').some((part) => {
    const [token, ...params] = part.split(';').map((p) => p.trim());
    const q = params.find((p) => p.startsWith('q='));
    return token === name && (!q || Number(q.slice(2)) > 0);
  });
  let entry = compressed.get(path);
  if (!entry || entry.mtime !== mtime) {
    entry = { mtime };
    compressed.set(path, entry);
  }
  if (wants('br')) {
    entry.br ??= brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    return { body: entry.br, encoding: 'br' };
  }
  if (wants('gzip')) {
    entry.gzip ??= gzipSync(body, { level: 9 });
    return { body: entry.gzip, encoding: 'gzip' };
  }
  return { body };
}

// `handle(url, req, res)` may answer a request itself (tests use it for
// misbehaving endpoints) by returning true.
export function startServer({ port = 0, root, headers = () => ({}), handle = () => false } = {}) {
  const base = resolve(root ?? join(fileURLToPath(import.meta.url), '..', '..'));
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (handle(url, req, res)) return;
    let path;
    try {
      path = normalize(join(base, decodeURIComponent(url.pathname)));
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad address');
      return;
    }
    if (path !== base && !path.startsWith(base + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      let info = await stat(path);
      if (info.isDirectory()) {
        path = join(path, 'index.html');
        info = await stat(path);
      }
      const raw = await readFile(path);
      const { body, encoding } = await encode(path, raw, req.headers['accept-encoding'] ?? '', info.mtimeMs);
      const hashed = /\.[0-9a-f]{10}\.(js|wasm|css)$/.test(path);
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
        'access-control-allow-origin': '*',
        vary: 'Accept-Encoding',
        ...(encoding ? { 'content-encoding': encoding } : {}),
        ...headers(url, req),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 8000);
  await startServer({ port });
  await startServer({ port: port + 1 });
  console.log(`Serving the demo on http://127.0.0.1:${port}/ (Ctrl+C stops it)`);
  console.log(`Host pages: http://127.0.0.1:${port}/www/ (the bundle's second origin is port ${port + 1})`);
}
