// The npm package as a front-end developer meets it: `npm pack`, installed
// from the tarball into a fresh TypeScript project, whose code type-checks
// against the declarations, while a wrong call does not. Needs the build
// (./scripts/build writes target/npm).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../', import.meta.url).pathname;
const TSC = join(ROOT, 'node_modules/.bin/tsc');

const CONSUMER = `
import type { Article, ArticleCardElement, CardOptions, ShareEventDetail } from 'article-card';

const article: Article = {
  url: 'https://news.example/a',
  headline: 'Ein Kopf',
  hero: { url: '/bild.jpg', alt: '', width: 1200, height: 675 },
  body: [{ type: 'background', title: 'Hintergrund', text: 'Erklärung' }],
  topics: ['Nato', { label: 'Sicherheit', url: '/themen/sicherheit' }],
};
const options: CardOptions = { layout: 'teaser', 'heading-level': 3, services: ['mail', 'copy'], shareTitle: 'Titel' };

export async function show(slot: HTMLElement): Promise<void> {
  await window.ArticleCard.mount(slot, article, options);
  await ArticleCard.update(slot, JSON.stringify(article), { lang: 'de-AT' });
  await ArticleCard.mount(slot, { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Aus JSON-LD' });
  ArticleCard.unmount(slot);
  await ArticleCard.scan(document.body);
}

const element: ArticleCardElement = document.createElement('article-card');
element.setAttribute('layout', 'full');
const found: ArticleCardElement | null = document.querySelector('article-card');

document.addEventListener('article-card:share', (event) => {
  const detail: ShareEventDetail = event.detail;
  console.log(detail.service, detail.url, found);
});

// @ts-expect-error: "poster" is not a layout
void ArticleCard.mount(element, article, { layout: 'poster' });
`;

// A call that must not type-check: an article without its headline.
const WRONG = `import type {} from 'article-card';
export const missing = window.ArticleCard.mount(document.body, { url: 'https://news.example/a' });
`;

test('the packed npm package installs into a TypeScript project and types its API', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'target/npm/package.json'), 'utf8'));
  assert.equal(pkg.types, './article-card.d.ts');
  assert.deepEqual(pkg.exports['.'], { types: './article-card.d.ts', default: './article-card.js' });
  assert.deepEqual(pkg.sideEffects, ['./article-card.js']);
  const scratch = mkdtempSync(join(tmpdir(), 'article-card-ts-'));
  try {
    execFileSync('npm', ['pack', '--silent', '--pack-destination', scratch, join(ROOT, 'target/npm')], { stdio: 'pipe' });
    const tarball = readdirSync(scratch).find((f) => f.endsWith('.tgz'));
    assert.ok(tarball, 'npm pack wrote a tarball');
    writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', `./${tarball}`], { cwd: scratch, stdio: 'pipe' });
    const installed = readdirSync(join(scratch, 'node_modules/article-card'));
    for (const file of pkg.files) assert.ok(installed.includes(file), `${file} is in the package`);
    const tsconfig = (files) => JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM'], skipLibCheck: false },
      files,
    });
    writeFileSync(join(scratch, 'consumer.ts'), CONSUMER);
    writeFileSync(join(scratch, 'wrong.ts'), WRONG);
    writeFileSync(join(scratch, 'tsconfig.json'), tsconfig(['consumer.ts']));
    const good = spawnSync(TSC, ['-p', scratch], { encoding: 'utf8' });
    assert.equal(good.status, 0, good.stdout + good.stderr);
    writeFileSync(join(scratch, 'tsconfig.json'), tsconfig(['wrong.ts']));
    const bad = spawnSync(TSC, ['-p', scratch], { encoding: 'utf8' });
    assert.notEqual(bad.status, 0, 'the call without a headline type-checked');
    assert.match(bad.stdout, /wrong\.ts\(2,\d+\): error TS2345: Argument of type '\{ url: string; \}'/, bad.stdout);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

test('the versioned release layout carries the version and content-hashed files', () => {
  const version = /^version = "([^"]+)"/m.exec(readFileSync(join(ROOT, 'Cargo.toml'), 'utf8'))[1];
  const files = readdirSync(join(ROOT, 'target/dist', version)).sort();
  assert.ok(files.includes('article-card.js'));
  assert.ok(files.includes('manifest.json'));
  assert.equal(files.filter((f) => /^article_card_bg\.[0-9a-f]{10}\.wasm$/.test(f)).length, 1, files.join(' '));
  assert.equal(files.filter((f) => /^article-card\.[0-9a-f]{10}\.css$/.test(f)).length, 1, files.join(' '));
});
