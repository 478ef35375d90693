// A small static file server for the demo and the end-to-end tests.
// Usage: node scripts/serve.mjs [port]
// Serves the repository on 127.0.0.1:port and, as a stand-in for a CDN on
// another origin, again on port+1 (www/cross-origin.html loads the bundle
// from there). Right MIME types (wasm must be application/wasm for
// streaming compilation), CORS open to any origin as a CDN would be, and no
// caching, so a rebuild shows up on reload.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
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

export function startServer({ port = 0, root, headers = () => ({}) } = {}) {
  const base = resolve(root ?? join(fileURLToPath(import.meta.url), '..', '..'));
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let path = normalize(join(base, decodeURIComponent(url.pathname)));
    if (path !== base && !path.startsWith(base + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      const body = await readFile(path);
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        'access-control-allow-origin': '*',
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
