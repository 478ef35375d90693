// Shared set-up of the end-to-end tests: a local static server and Debian's
// headless Chromium driven by playwright-core (which never downloads a
// browser of its own).
import { readFileSync } from 'node:fs';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/// The bundle's files by role (their names carry content hashes).
export function bundleFiles() {
  const manifest = JSON.parse(readFileSync(new URL('../../www/dist/manifest.json', import.meta.url), 'utf8'));
  return Object.fromEntries(Object.entries(manifest).map(([role, file]) => [role, file.name]));
}

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Without these, Chromium keeps calling home on this closed network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function serve(options = {}) {
  const server = await startServer({ port: 0, ...options });
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/// Opens a page and records what a reader's browser would report: console
/// errors and warnings, uncaught exceptions, and every request's origin.
export async function openPage(browser, url, viewport = { width: 900, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const log = { errors: [], warnings: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') log.errors.push(message.text());
    if (message.type() === 'warning') log.warnings.push(message.text());
  });
  page.on('pageerror', (error) => log.errors.push(`uncaught: ${error.message}`));
  page.on('request', (request) => log.requests.push(request.url()));
  await page.goto(url);
  return { page, log };
}

/// The origins of all requests, other than data: and blob: URLs.
export function requestOrigins(log) {
  return [...new Set(log.requests.filter((u) => /^https?:/.test(u)).map((u) => new URL(u).origin))];
}

/// Waits (up to two seconds) until the element's attribute has the value:
/// Yew renders after the event that caused the change, not during it.
export async function expectAttribute(locator, name, value) {
  const deadline = Date.now() + 2000;
  let actual;
  while (Date.now() < deadline) {
    actual = await locator.getAttribute(name);
    if (actual === value) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${name} is ${JSON.stringify(actual)}, expected ${JSON.stringify(value)}`);
}

/// Waits (up to two seconds) until a disclosure (`<details>`) is open or
/// closed.
export async function expectOpen(details, open) {
  const deadline = Date.now() + 2000;
  let actual;
  while (Date.now() < deadline) {
    actual = await details.evaluate((d) => d.open);
    if (actual === open) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the box is ${actual ? 'open' : 'closed'}, expected ${open ? 'open' : 'closed'}`);
}

/// Registers the usual before/after hooks of a test file: a local server
/// (and, with `cdn`, a second one on the next port; `handle` may answer
/// requests itself, see scripts/serve.mjs) and a browser. Returns
/// an object whose `browser`, `origin` and `cdnOrigin` are set once the
/// tests run.
export function useBrowser({ cdn = false, handle } = {}) {
  const env = {};
  const servers = [];
  before(async () => {
    const site = await serve({ handle });
    servers.push(site.server);
    env.origin = site.origin;
    if (cdn) {
      const second = await serve({ port: site.server.address().port + 1 });
      servers.push(second.server);
      env.cdnOrigin = second.origin;
    }
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    for (const server of servers) server.close();
  });
  return env;
}
