// The card on hostile host pages (www/hostile/): a theme with a 62.5 % root
// font size, every inherited text property set on the body, decorations on
// a wrapper and !important element rules, left to right and right to left.
// Each page is compared with itself served without that theme: nothing of
// the card may differ but what the reader's own settings decide.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { useBrowser } from './browser.mjs';

const env = useBrowser();
const CARDS = '[data-article-card], article-card';

// Inherited properties a page could pass on, and the sizes, spacing and
// colours they would change.
const PROPS = [
  'font-family', 'font-size', 'font-style', 'font-weight', 'font-variant-caps', 'font-feature-settings',
  'font-kerning', 'line-height', 'letter-spacing', 'word-spacing', 'text-transform', 'text-indent',
  'text-align', 'text-align-last', 'white-space-collapse', 'text-wrap-mode', 'text-wrap-style',
  'word-break', 'line-break', 'overflow-wrap', 'hyphens', 'tab-size', 'quotes', 'list-style-type',
  'list-style-position', 'cursor', 'text-shadow', '-webkit-text-fill-color', '-webkit-text-stroke-width',
  'text-decoration-line', 'text-underline-offset', 'direction', 'writing-mode', 'visibility', 'fill',
  'stroke', 'stroke-width', 'caret-color', 'color', 'background-color', 'border-top-color',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'border-top-left-radius', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'margin-top', 'margin-right', 'margin-bottom', 'margin-left', 'row-gap', 'column-gap',
  'min-width', 'min-height', 'max-width', 'box-sizing', 'display',
];
const PSEUDO_PROPS = ['content', 'font-size', 'color', 'margin-left', 'margin-right'];
// The card's controls, which must stay touch targets.
const CONTROLS = '.ac-share__button, summary.ac-disclosure__toggle, .ac-readmore';

/// Opens a page of www/hostile/ with its cards mounted, images decoded and
/// no animation. `neutral` serves the page without its theme; `fontSize`
/// is the reader's default font size in the browser's settings.
async function open(path, { neutral = false, width = 900, fontSize } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
  if (neutral) {
    await context.route('**/hostile/hostile.css', (route) => route.fulfill({ contentType: 'text/css', body: '' }));
  }
  const page = await context.newPage();
  if (fontSize) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: fontSize } });
  }
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${env.origin}/www/hostile/${path}`);
  await page.waitForFunction((selector) => {
    const cards = [...document.querySelectorAll(selector)];
    return cards.length > 0 && cards.every((c) => c.dataset.articleCardState === 'mounted');
  }, CARDS);
  await page.evaluate(async (selector) => {
    await document.fonts.ready;
    const images = [...document.querySelectorAll(selector)].flatMap((c) => [...c.shadowRoot.querySelectorAll('img')]);
    for (const img of images) img.loading = 'eager';
    await Promise.all(images.map((img) => img.decode().catch(() => {})));
  }, CARDS);
  return { context, page, errors };
}

/// Opens or closes every box of every card.
function setBoxes(page, open) {
  return page.evaluate(({ selector, open }) => {
    for (const host of document.querySelectorAll(selector)) {
      for (const box of host.shadowRoot.querySelectorAll('details')) box.open = open;
    }
  }, { selector: CARDS, open });
}

/// Every element of every card: its computed styles (and those of its
/// ::marker and ::after) and its box relative to the card.
function snapshot(page) {
  return page.evaluate(({ selector, props, pseudoProps }) => {
    const out = {};
    for (const host of document.querySelectorAll(selector)) {
      const card = host.shadowRoot.querySelector('.ac-card');
      const origin = card.getBoundingClientRect();
      [card, ...card.querySelectorAll('*')].forEach((el, i) => {
        const style = getComputedStyle(el);
        const entry = Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
        const r = el.getBoundingClientRect();
        entry.box = r.width || r.height
          ? [r.left - origin.left, r.top - origin.top, r.width, r.height].map((v) => v.toFixed(1)).join(' ')
          : 'none';
        for (const pseudo of ['::marker', '::after']) {
          const p = getComputedStyle(el, pseudo);
          if (p.content !== 'none' && p.content !== 'normal') {
            entry[pseudo] = pseudoProps.map((name) => p.getPropertyValue(name)).join(' ');
          }
        }
        out[`#${host.id} ${i} ${el.localName}.${el.classList[0] ?? ''}`] = entry;
      });
    }
    return out;
  }, { selector: CARDS, props: PROPS, pseudoProps: PSEUDO_PROPS });
}

/// The differences between two snapshots, one line each.
function differences(want, got) {
  const lines = [];
  for (const key of new Set([...Object.keys(want), ...Object.keys(got)])) {
    if (!want[key] || !got[key]) {
      lines.push(`${key}: only on the ${want[key] ? 'neutral' : 'hostile'} page`);
      continue;
    }
    for (const prop of Object.keys(want[key])) {
      if (want[key][prop] !== got[key][prop]) lines.push(`${key} ${prop}: ${want[key][prop]} → ${got[key][prop]}`);
    }
  }
  return lines;
}

for (const path of ['index.html', 'rtl.html']) {
  test(`${path}: every part of every card computes as on the page without its theme`, async () => {
    const [neutral, hostile] = await Promise.all([open(path, { neutral: true }), open(path)]);
    // The theme is really there.
    const root = await hostile.page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    assert.equal(root, '10px');
    for (const open of [false, true]) {
      await Promise.all([setBoxes(neutral.page, open), setBoxes(hostile.page, open)]);
      const [want, got] = await Promise.all([snapshot(neutral.page), snapshot(hostile.page)]);
      assert.ok(Object.keys(want).length > 250, 'the cards are there');
      assert.deepEqual(differences(want, got).slice(0, 20), [], `boxes ${open ? 'open' : 'closed'}`);
    }
    assert.deepEqual(hostile.errors, []);
    await Promise.all([neutral.context.close(), hostile.context.close()]);
  });
}

test('under a 62.5 % root the text keeps its size and every control is at least 44 × 44 px', async () => {
  const { context, page } = await open('index.html');
  const sizes = await page.evaluate(({ selector, controls }) => {
    const card = document.querySelector('#de-card').shadowRoot;
    const size = (s) => getComputedStyle(card.querySelector(s)).fontSize;
    const small = [...document.querySelectorAll(selector)]
      .flatMap((host) => [...host.shadowRoot.querySelectorAll(controls)])
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0)
      .filter(({ r }) => r.width < 44 || r.height < 44)
      .map(({ el, r }) => `${el.className} ${r.width}×${r.height}`);
    return {
      root: getComputedStyle(document.documentElement).fontSize,
      body: size('.ac-summary__item'),
      kicker: size('.ac-kicker'),
      source: size('.ac-source'),
      controls: [...document.querySelectorAll(selector)].flatMap((host) => [...host.shadowRoot.querySelectorAll(controls)]).length,
      small,
    };
  }, { selector: CARDS, controls: CONTROLS });
  assert.equal(sizes.root, '10px');
  assert.deepEqual([sizes.body, sizes.kicker, sizes.source], ['17px', '13px', '12px']);
  assert.ok(sizes.controls > 20);
  assert.deepEqual(sizes.small, []);
  await context.close();
});

test('the card follows the reader\'s default font size, whatever the page\'s root', async () => {
  // The same hostile page for a reader whose browser is set to 20 px
  // instead of 16 px: everything of the card grows by 20/16, but the
  // headline, which also follows the card's width (cqi).
  const [normal, large] = await Promise.all([open('index.html'), open('index.html', { fontSize: 20 })]);
  assert.equal(await large.page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '12.5px');
  const measure = (page) => page.evaluate(({ selector, controls }) => {
    const out = {};
    for (const host of document.querySelectorAll(selector)) {
      host.shadowRoot.querySelectorAll('.ac-card, .ac-card *').forEach((el, i) => {
        if (el.closest('.ac-headline') || el.matches('svg *')) return;
        out[`#${host.id} ${i} ${el.className?.baseVal ?? el.className}`] = parseFloat(getComputedStyle(el).fontSize);
      });
      host.shadowRoot.querySelectorAll(controls).forEach((el, i) => {
        out[`#${host.id} control ${i} min-height`] = parseFloat(getComputedStyle(el).minHeight);
      });
    }
    return out;
  }, { selector: CARDS, controls: CONTROLS });
  const [at16, at20] = await Promise.all([measure(normal.page), measure(large.page)]);
  const off = Object.keys(at16).filter((key) => Math.abs(at20[key] / at16[key] - 1.25) > 0.002)
    .map((key) => `${key}: ${at16[key]} → ${at20[key]}`);
  assert.ok(Object.keys(at16).length > 300);
  assert.deepEqual(off, []);
  assert.equal(at20['#de-card control 0 min-height'], 55);
  await Promise.all([normal.context.close(), large.context.close()]);
});

test('the page decides whether a card is visible or inert, nothing else', async () => {
  const { context, page } = await open('index.html');
  const result = await page.evaluate(() => {
    const host = document.querySelector('#de-card');
    const link = host.shadowRoot.querySelector('.ac-readmore');
    const wrapper = host.parentElement;
    wrapper.style.visibility = 'hidden';
    const hidden = getComputedStyle(link).visibility;
    wrapper.style.visibility = '';
    wrapper.inert = true;
    link.focus();
    const inertFocus = host.shadowRoot.activeElement === link;
    wrapper.inert = false;
    link.focus();
    return { hidden, inertFocus, focus: host.shadowRoot.activeElement === link };
  });
  assert.deepEqual(result, { hidden: 'hidden', inertFocus: false, focus: true });
  await context.close();
});

test('a decorated wrapper draws no line through the card, and no shadow or fill reaches it', async () => {
  const [neutral, hostile] = await Promise.all([open('index.html', { neutral: true }), open('index.html')]);
  const changed = [];
  // The cards sit at other heights on the two pages; moved onto whole
  // pixels (relative positioning keeps them in the flow, and so in reach of
  // the wrapper's decorations), both are drawn alike.
  for (const { page } of [neutral, hostile]) {
    await page.evaluate((selector) => {
      for (const host of document.querySelectorAll(selector)) {
        const { top, left } = host.getBoundingClientRect();
        Object.assign(host.style, { position: 'relative', top: `${Math.ceil(top) - top}px`, left: `${Math.ceil(left) - left}px` });
      }
    }, CARDS);
  }
  for (const id of ['de-card', 'en-compact', 'de-teaser']) {
    const shoot = (page) => page.locator(`#${id} .ac-card`).screenshot({ animations: 'disabled', caret: 'hide' });
    const [want, got] = (await Promise.all([shoot(neutral.page), shoot(hostile.page)])).map((png) => PNG.sync.read(png));
    assert.deepEqual([got.width, got.height], [want.width, want.height], id);
    const pixels = pixelmatch(want.data, got.data, null, want.width, want.height, { threshold: 0.1 });
    // An underline under every line of text makes one to three per cent.
    const share = pixels / (want.width * want.height);
    if (share > 0.001) changed.push(`${id}: ${(share * 100).toFixed(2)} % of pixels differ`);
  }
  assert.deepEqual(changed, []);
  await Promise.all([neutral.context.close(), hostile.context.close()]);
});

test('on a right-to-left page the German card stays left to right; an Arabic card mirrors', async () => {
  const { context, page } = await open('rtl.html');
  const layout = await page.evaluate(() => {
    const rect = (el) => el.getBoundingClientRect();
    const chars = (el) => {
      const text = el.firstChild;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, 1);
      const first = range.getBoundingClientRect();
      range.setStart(text, text.length - 1);
      range.setEnd(text, text.length);
      return { first, last: range.getBoundingClientRect() };
    };
    const de = document.querySelector('#de-card').shadowRoot;
    const ar = document.querySelector('#ar-full').shadowRoot;
    const deOverline = chars(de.querySelector('.ac-overline'));
    const arOverline = chars(ar.querySelector('.ac-overline'));
    const style = (root, s) => getComputedStyle(root.querySelector(s));
    return {
      de: {
        direction: style(de, '.ac-card').direction,
        overline: de.querySelector('.ac-overline').textContent,
        // "Nach dem Nato-Treffen in Oslo:" reads from the left, the colon last.
        colonRightOfN: deOverline.last.left > deOverline.first.right,
        startsWithHeadline: Math.abs(deOverline.first.left - rect(de.querySelector('.ac-headline__text')).left) < 1,
        kickerLeft: Math.abs(rect(de.querySelector('.ac-kicker')).left - rect(de.querySelector('.ac-headline')).left) < 1,
      },
      ar: {
        direction: style(ar, '.ac-card').direction,
        colonLeftOfFirst: arOverline.last.right < arOverline.first.left,
        endsWithHeadline: Math.abs(arOverline.first.right - rect(ar.querySelector('.ac-headline__text')).right) < 1,
        box: [style(ar, '.ac-background').borderRightWidth, style(ar, '.ac-background').borderLeftWidth],
        quote: [style(ar, '.ac-quote').borderRightWidth, style(ar, '.ac-quote').borderLeftWidth,
          style(ar, '.ac-quote').paddingRight !== '0px', style(ar, '.ac-quote').paddingLeft],
        marker: [style(ar, '.ac-summary__item').marginRight !== '0px', style(ar, '.ac-summary__item').marginLeft],
        chevronLeftOfHint: rect(ar.querySelector('.ac-disclosure__icon')).right < rect(ar.querySelector('.ac-disclosure__show')).left,
        hintLeftOfTitle: rect(ar.querySelector('.ac-disclosure__hint')).right < rect(ar.querySelector('.ac-disclosure__title')).left,
        readmoreRight: Math.abs(rect(ar.querySelector('.ac-readmore')).right - rect(ar.querySelector('.ac-lead')).right) < 1,
      },
    };
  });
  assert.deepEqual(layout.de, {
    direction: 'ltr', overline: 'Nach dem Nato-Treffen in Oslo:', colonRightOfN: true, startsWithHeadline: true, kickerLeft: true,
  });
  assert.deepEqual(layout.ar, {
    direction: 'rtl', colonLeftOfFirst: true, endsWithHeadline: true, box: ['4px', '1px'], quote: ['3px', '0px', true, '0px'],
    marker: [true, '0px'], chevronLeftOfHint: true, hintLeftOfTitle: true, readmoreRight: true,
  });
  await context.close();
});

test('at 320 px every box title wraps between words, hint and chevron inside the toggle', async () => {
  const pages = await Promise.all([open('index.html', { width: 320 }), open('rtl.html', { width: 320 })]);
  const problems = [];
  for (const { page } of pages) {
    // Closed and open (a longer hint), and with more space around the title,
    // as a publisher may set it, so that the hint has to move below.
    for (const [open, space] of [[false, ''], [true, ''], [true, '1.5em']]) {
      await setBoxes(page, open);
      await page.evaluate((value) => document.documentElement.style.setProperty('--ac-space', value), space);
      problems.push(...await page.evaluate(({ selector, label }) => {
        const found = [];
        for (const host of document.querySelectorAll(selector)) {
          for (const toggle of host.shadowRoot.querySelectorAll('summary.ac-disclosure__toggle')) {
            const title = toggle.querySelector('.ac-disclosure__title');
            const name = `${label} #${host.id} "${title.textContent}"`;
            const text = title.firstChild;
            for (const word of text.data.matchAll(/\S+/g)) {
              const range = document.createRange();
              range.setStart(text, word.index);
              range.setEnd(text, word.index + word[0].length);
              const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
              if (lines.size > 1) found.push(`${name}: "${word[0]}" is broken over ${lines.size} lines`);
            }
            if (toggle.scrollWidth > toggle.clientWidth) found.push(`${name}: the toggle overflows`);
            const box = toggle.getBoundingClientRect();
            const hint = toggle.querySelector('.ac-disclosure__hint').getBoundingClientRect();
            const icon = toggle.querySelector('.ac-disclosure__icon').getBoundingClientRect();
            for (const [part, r] of [['hint', hint], ['chevron', icon]]) {
              if (r.left < box.left || r.right > box.right) found.push(`${name}: the ${part} sticks out`);
            }
            if (Math.abs((hint.top + hint.bottom) / 2 - (icon.top + icon.bottom) / 2) > 2) found.push(`${name}: hint and chevron are apart`);
          }
        }
        return found;
      }, { selector: CARDS, label: `${page.url().split('/').pop()} ${open ? 'open' : 'closed'}${space && ` --ac-space: ${space}`}` }));
    }
  }
  assert.deepEqual(problems, []);
  await Promise.all(pages.map(({ context }) => context.close()));
});
