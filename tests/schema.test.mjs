// docs/article.schema.json in a generic JSON Schema validator (Ajv, draft
// 2020-12), as a CMS developer would use it: the demo articles pass, the
// broken fixture fails where the card also finds its problems.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const read = (path) => JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8'));
// strictTypes off: limits sit beside a $ref to their type, as draft 2020-12 allows.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
const validate = ajv.compile(read('docs/article.schema.json'));

test('the demo articles and the schema example are valid', () => {
  const schema = read('docs/article.schema.json');
  for (const path of ['www/articles/de-politik.json', 'www/articles/en-city.json', 'www/articles/minimal.json', 'tests/fixtures/markup-headline.json']) {
    assert.equal(validate(read(path)), true, `${path}: ${ajv.errorsText(validate.errors)}`);
  }
  assert.equal(validate(schema.examples[0]), true, ajv.errorsText(validate.errors));
});

test('broken articles fail where the card finds their problems', () => {
  assert.equal(validate(read('tests/fixtures/invalid.json')), false);
  const where = new Set(validate.errors.map((e) => e.instancePath));
  for (const path of ['/headline', '/language', '/hero/url', '/summary/2', '/body/0/text', '/body/1/links/0/url', '/topics/1', '/published']) {
    assert.ok(where.has(path), `${path} in ${[...where].join(' ')}`);
  }
  // hero.alt is required.
  assert.ok(validate.errors.some((e) => e.instancePath === '/hero' && e.params.missingProperty === 'alt'));
  const cases = [
    [{ url: 'javascript:alert(1)', headline: 'x' }, '/url'],
    [{ url: 'https://a.example/', headline: 'x', topics: [{ label: 'T', url: 'data:text/html,x' }] }, '/topics/0'],
    [{ url: 'https://a.example/', headline: 'x', hero: { url: '/b.jpg', alt: '', width: 800 } }, '/hero'],
    [{ url: 'https://a.example/', headline: 'x'.repeat(301) }, '/headline'],
    [{ url: 'https://a.example/', headline: 'x', summary: Array(9).fill('p') }, '/summary'],
    [{ url: 'https://a.example/', headline: 'x', body: [{ type: 'poem', text: 'x' }] }, '/body/0'],
  ];
  for (const [article, path] of cases) {
    assert.equal(validate(article), false, JSON.stringify(article));
    assert.ok(validate.errors.some((e) => e.instancePath.startsWith(path)), `${path}: ${ajv.errorsText(validate.errors)}`);
  }
  assert.equal(validate({ url: 'https://a.example/', headline: 'x', extra: 'ignored', hero: { url: 'bild.jpg', alt: '' } }), true);
});
