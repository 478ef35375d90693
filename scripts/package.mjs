// Lays out the release from the bundle in www/dist (after scripts/bundle.mjs):
//   target/dist/<version>/   the files for a CDN path that never changes
//   target/npm/              the npm package (`npm pack` works on it)
// The version is the crate's (Cargo.toml). Run by ./scripts/build.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const cargo = readFileSync('Cargo.toml', 'utf8');
const field = (name) => new RegExp(`^${name} = "([^"]+)"`, 'm').exec(cargo)[1];
const version = field('version');
const manifest = JSON.parse(readFileSync('www/dist/manifest.json', 'utf8'));
const bundle = Object.values(manifest).map((file) => file.name);

function layout(dir, extra) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of [...bundle, 'manifest.json']) copyFileSync(join('www/dist', name), join(dir, name));
  for (const [from, to] of extra) copyFileSync(from, join(dir, to));
}

const cdn = join('target/dist', version);
layout(cdn, [['www/article-card.d.ts', 'article-card.d.ts']]);

const npm = 'target/npm';
layout(npm, [['www/article-card.d.ts', 'article-card.d.ts'], ['docs/npm-readme.md', 'README.md'], ['CHANGELOG.md', 'CHANGELOG.md']]);
const files = [...bundle, 'manifest.json', 'article-card.d.ts'];
writeFileSync(join(npm, 'package.json'), `${JSON.stringify({
  name: 'article-card',
  version,
  description: field('description'),
  license: field('license'),
  type: 'module',
  types: './article-card.d.ts',
  exports: {
    '.': { types: './article-card.d.ts', default: './article-card.js' },
    './style.css': `./${manifest.css.name}`,
    './manifest.json': './manifest.json',
    './package.json': './package.json',
  },
  files,
  // Loading the embed script defines the element and the one global.
  sideEffects: ['./article-card.js'],
  keywords: ['news', 'article', 'card', 'embed', 'webassembly', 'yew', 'schema.org'],
}, null, 2)}\n`);
console.log(`release ${version}: ${cdn}/ and ${npm}/`);
