// Turns bench/results.json into docs/benchmarks.md and docs/benchmarks.svg.
// Called by bench/run.mjs; `node bench/report.mjs` regenerates both from
// the last results (after editing this file or the docs' hand-written part).
//
// docs/benchmarks.md is generated except for the section between the
// "what-was-tried" markers, which is kept as it is from the existing file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe } from './stats.mjs';

const DOCS = new URL('../docs/', import.meta.url);
const MD = new URL('benchmarks.md', DOCS);
const SVG = new URL('benchmarks.svg', DOCS);
const TRIED_START = '<!-- what-was-tried:start -->';
const TRIED_END = '<!-- what-was-tried:end -->';
const TRIED_PLACEHOLDER = `_To be filled in by whoever changes the card for these targets: what was
changed, what it did to which number (with the results.json it came
from), and what was tried without gain._`;

// The order of rows in tables and chart.
const ROWS = ['cold.plain', 'cold.cpu4x', 'cold.rtt150', 'cards.1', 'cards.10', 'cards.100', 'toggle', 'main.100',
  'heap.growth', 'heap.used', 'wasm.memory', 'blink.growth', 'bytes.embed', 'bytes.total'];
const COLOURS = ['#0b57a0', '#b3261e', '#1e7d32', '#7b3fa0', '#a15c00'];
const BASELINE_COLOUR = '#5b616a';

function value(v, unit) {
  if (v == null || !Number.isFinite(v)) return '–';
  if (unit === 'ms') return `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`;
  if (unit === 'bytes') {
    if (Math.abs(v) >= 1024 * 1024) return `${(v / 2 ** 20).toFixed(2)} MiB`;
    return `${(v / 1024).toFixed(1)} KiB`;
  }
  return String(v);
}

const times = (r) => (r == null ? '–' : `${r.toFixed(2)}×`);
const interval = (r) => (r?.low == null ? '' : ` (${r.low.toFixed(2)}–${r.high.toFixed(2)})`);

// "1.2–3.4 KiB": a range in one unit.
function range(a, b, unit) {
  const [x, y] = [value(a, unit), value(b, unit)];
  const u = x.split(' ')[1];
  return u && u === y.split(' ')[1] ? `${x.split(' ')[0]}–${y}` : `${x}–${y}`;
}

function spread(s, unit) {
  if (!s.n) return '–';
  if (s.max === 0) return 'none';
  return `${value(s.median, unit)}<br><small>IQR ${range(s.q1, s.q3, unit)}; range ${range(s.min, s.max, unit)}</small>`;
}

const escapeXml = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/// A horizontal bar chart of the ratios to the baseline, on a log scale,
/// with the paired-bootstrap interval as a whisker and the targets marked.
export function chart(results) {
  const others = results.variants.filter((v) => v.name !== results.baseline);
  const rows = ROWS.filter((m) => others.some((v) => results.summary[v.name][m]?.ratio));
  const ratios = rows.flatMap((m) => others.map((v) => results.summary[v.name][m]?.ratio).filter(Boolean));
  const highest = Math.max(2, ...ratios.map((r) => r.high ?? r.value), ...results.targets.filter((t) => t.kind === 'ratio').map((t) => t.limit));
  const lowest = Math.min(0.5, ...ratios.map((r) => r.low ?? r.value));
  const lo = 2 ** Math.floor(Math.log2(lowest));
  const hi = 2 ** Math.ceil(Math.log2(highest));

  const width = 820;
  const left = 270;
  const right = width - 70;
  const barHeight = 14;
  const rowGap = 12;
  const top = 58;
  const rowHeight = others.length * (barHeight + 4) + rowGap;
  const absolute = results.targets.filter((t) => t.kind === 'absolute');
  const height = top + rows.length * rowHeight + 46 + absolute.length * 18;
  const x = (r) => left + ((Math.log2(r) - Math.log2(lo)) / (Math.log2(hi) - Math.log2(lo))) * (right - left);

  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" font-size="12">`);
  out.push(`<title>Each variant as a multiple of the ${escapeXml(results.baseline)} card (median; lower is better)</title>`);
  out.push(`<rect width="${width}" height="${height}" fill="#fff"/>`);
  const runs = results.settings.runs;
  out.push(`<text x="16" y="22" font-size="15" font-weight="700" fill="#1a1a1a">Ratio to the hand-written card (median of ${runs} run${runs === 1 ? '' : 's'}; lower is better)</text>`);
  // Legend.
  let lx = 16;
  others.forEach((v, k) => {
    out.push(`<rect x="${lx}" y="34" width="12" height="12" fill="${COLOURS[k % COLOURS.length]}"/>`);
    out.push(`<text x="${lx + 17}" y="44.5" fill="#1a1a1a">${escapeXml(v.name)}</text>`);
    lx += 30 + v.name.length * 7;
  });
  out.push(`<line x1="${lx}" y1="40" x2="${lx + 22}" y2="40" stroke="#1a1a1a" stroke-width="1.5"/>`);
  out.push(`<text x="${lx + 27}" y="44.5" fill="#1a1a1a">95 % interval</text>`);
  lx += 120;
  out.push(`<line x1="${lx}" y1="34" x2="${lx}" y2="47" stroke="#b3261e" stroke-width="2" stroke-dasharray="3 2"/>`);
  out.push(`<text x="${lx + 6}" y="44.5" fill="#1a1a1a">target</text>`);

  // Grid and axis.
  const bottom = top + rows.length * rowHeight;
  for (let t = lo; t <= hi + 1e-9; t *= 2) {
    const tx = x(t).toFixed(1);
    const one = Math.abs(t - 1) < 1e-9;
    out.push(`<line x1="${tx}" y1="${top - 4}" x2="${tx}" y2="${bottom}" stroke="${one ? BASELINE_COLOUR : '#e3e5e8'}" stroke-width="${one ? 1.5 : 1}"/>`);
    out.push(`<text x="${tx}" y="${bottom + 16}" text-anchor="middle" fill="#5b616a">${t < 1 ? t.toFixed(2).replace(/0$/, '') : t}×</text>`);
  }
  out.push(`<text x="${x(1).toFixed(1)}" y="${bottom + 32}" text-anchor="middle" fill="${BASELINE_COLOUR}">1× = ${escapeXml(results.baseline)}</text>`);

  rows.forEach((m, i) => {
    const y0 = top + i * rowHeight;
    const label = results.metrics[m].label;
    out.push(`<text x="${left - 10}" y="${y0 + (rowHeight - rowGap) / 2 + 4}" text-anchor="end" fill="#1a1a1a">${escapeXml(label)}</text>`);
    others.forEach((v, k) => {
      const r = results.summary[v.name][m]?.ratio;
      if (!r) return;
      const y = y0 + k * (barHeight + 4);
      const x1 = x(1);
      const x2 = x(r.value);
      const colour = COLOURS[k % COLOURS.length];
      out.push(`<rect x="${Math.min(x1, x2).toFixed(1)}" y="${y}" width="${Math.max(1, Math.abs(x2 - x1)).toFixed(1)}" height="${barHeight}" fill="${colour}" fill-opacity="0.85"><title>${escapeXml(`${v.name}: ${times(r.value)}${interval(r)}`)}</title></rect>`);
      if (r.low != null) {
        const cy = y + barHeight / 2;
        out.push(`<path d="M${x(r.low).toFixed(1)} ${cy}H${x(r.high).toFixed(1)}M${x(r.low).toFixed(1)} ${cy - 4}v8M${x(r.high).toFixed(1)} ${cy - 4}v8" stroke="#1a1a1a" stroke-width="1.2" fill="none"/>`);
      }
      const tx = Math.max(x2, r.high != null ? x(r.high) : x2, x1) + 5;
      out.push(`<text x="${tx.toFixed(1)}" y="${y + barHeight - 3}" fill="#1a1a1a">${times(r.value)}</text>`);
    });
    for (const t of results.targets.filter((t) => t.metric === m && t.kind === 'ratio').slice(0, 1)) {
      out.push(`<line x1="${x(t.limit).toFixed(1)}" y1="${y0 - 3}" x2="${x(t.limit).toFixed(1)}" y2="${y0 + rowHeight - rowGap + 1}" stroke="#b3261e" stroke-width="2" stroke-dasharray="3 2"/>`);
    }
  });
  // Targets that are not ratios, as text under the axis.
  absolute.forEach((t, k) => {
    const shown = `${t.variant}: ${results.metrics[t.metric].label.toLowerCase()} ${value(t.value, 'bytes')} (target ≤ ${value(t.limit, 'bytes')}: ${t.met ? 'met' : 'missed'})`;
    out.push(`<text x="16" y="${bottom + 52 + k * 18}" fill="${t.met ? '#1a1a1a' : '#b3261e'}">${escapeXml(shown)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/// Pearson's r of [x, y] pairs; null for fewer than three.
function correlation(pairs) {
  if (pairs.length < 3) return null;
  const mean = (k) => pairs.reduce((sum, p) => sum + p[k], 0) / pairs.length;
  const [mx, my] = [mean(0), mean(1)];
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  return sxx && syy ? sxy / Math.sqrt(sxx * syy) : null;
}

function keptTried() {
  if (!existsSync(MD)) return TRIED_PLACEHOLDER;
  const text = readFileSync(MD, 'utf8');
  const start = text.indexOf(TRIED_START);
  const end = text.indexOf(TRIED_END);
  if (start < 0 || end < start) return TRIED_PLACEHOLDER;
  return text.slice(start + TRIED_START.length, end).trim() || TRIED_PLACEHOLDER;
}

export function markdown(results) {
  const { summary, metrics, baseline, machine, settings } = results;
  const others = results.variants.filter((v) => v.name !== baseline);
  const all = [results.variants.find((v) => v.name === baseline), ...others];
  const L = [];
  L.push('# Benchmarks: the Yew/wasm card and a hand-written card');
  L.push('');
  L.push('<!-- Generated by `node bench/run.mjs` (or `node bench/report.mjs`) from');
  L.push('     bench/results.json. Everything but the "What was tried" section is');
  L.push('     rewritten on every run; edit bench/report.mjs to change it. -->');
  L.push('');
  L.push(`Measured ${results.date.slice(0, 10)}: ${settings.runs} run${settings.runs === 1 ? '' : 's'} per variant, interleaved, each in a fresh browser context;`);
  L.push(`${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Chromium ${machine.chromium}`
    + `${machine.loadAverageAtStart ? ` (load average ${machine.loadAverageAtStart[0]} at the start, ${machine.loadAverage[0]} at the end)` : ''}.`);
  L.push('How to run it and what each number means: [bench/README.md](../bench/README.md).');
  if (results.domCheck) L.push(`DOM check before measuring: ${results.domCheck}.`);
  const busyRuns = (results.extra[baseline] ?? []).filter((e) => e.cpuBusyBefore > 0.25).length;
  if (busyRuns) {
    L.push(`**Noisy:** ${busyRuns} of ${settings.runs} runs started while other programs kept the CPU more than 25 % busy;`
      + ' times spread more than on a quiet machine (sizes and memory are not affected).');
  }
  L.push('');
  L.push('Variants:');
  for (const v of all) L.push(`- \`${v.name}\`: ${v.label}${v.name === baseline ? ' – the baseline (1×)' : ''}`);
  L.push('');

  L.push('## Headline: each variant as a multiple of the hand-written card');
  L.push('');
  L.push('Ratio of medians (lower is better; 1× = as fast or as small as the');
  L.push('hand-written card), with a 95 % interval from a paired bootstrap over the runs.');
  L.push('');
  L.push(`| | ${others.map((v) => v.name).join(' | ')} |`);
  L.push(`| --- |${others.map(() => ' --- |').join('')}`);
  for (const m of ROWS) {
    if (!others.some((v) => summary[v.name][m]?.ratio)) continue;
    L.push(`| ${metrics[m].label} | ${others.map((v) => `${times(summary[v.name][m].ratio?.value)}${interval(summary[v.name][m].ratio)}`).join(' | ')} |`);
  }
  L.push('');
  L.push('![Ratios to the hand-written card](benchmarks.svg)');
  L.push('');

  L.push('## Targets');
  L.push('');
  L.push('The project\'s targets for the wasm card (issue #10, item 6):');
  L.push('');
  L.push('| target | variant | measured | |');
  L.push('| --- | --- | --- | --- |');
  for (const t of results.targets) {
    // Three decimals where two would round onto the limit.
    const close = t.kind === 'ratio' && t.value != null && Math.abs(t.value - t.limit) < 0.005;
    const shown = t.kind === 'ratio' ? (close ? `${t.value.toFixed(3)}×` : times(t.value)) : value(t.value, 'bytes');
    L.push(`| ${t.text} | ${t.variant} | ${shown} | ${t.met ? 'met' : '**missed**'} |`);
  }
  L.push('');

  L.push('## All numbers');
  L.push('');
  L.push('Median, with the interquartile range and min–max below it.');
  L.push('');
  L.push(`| metric | ${all.map((v) => v.name).join(' | ')} | ${others.map((v) => `${v.name} ÷ ${baseline}`).join(' | ')} |`);
  L.push(`| --- |${all.map(() => ' ---: |').join('')}${others.map(() => ' ---: |').join('')}`);
  for (const m of [...ROWS, ...Object.keys(metrics).filter((k) => !ROWS.includes(k))]) {
    const def = metrics[m];
    L.push(`| ${def.label}${def.check ? ' *(check)*' : ''} | ${all.map((v) => spread(summary[v.name][m], def.unit)).join(' | ')} | ${others.map((v) => `${times(summary[v.name][m].ratio?.value)}${interval(summary[v.name][m].ratio)}`).join(' | ')} |`);
  }
  L.push('');
  const files = Object.entries(results.bundle).filter(([name, f]) => f?.gzip != null);
  L.push(`Bundle measured (www/dist, gzip -9): ${files.map(([name, f]) => `\`${name}\` ${(f.gzip / 1024).toFixed(1)} KiB`).join(', ')}`
    + `${results.git ? `; the repository was at ${results.git.commit.slice(0, 10)}${results.git.uncommittedChanges ? ' with uncommitted changes' : ''}` : ''}.`
    + `${results.plainCard ? ` The hand-written card: \`bench/plain-card.js\` ${(results.plainCard.source / 1024).toFixed(1)} KiB, minified ${(results.plainCard.minified / 1024).toFixed(1)} KiB, ${(results.plainCard.gzip / 1024).toFixed(1)} KiB gzip, plus the same \`article-card.css\`.` : ''}`);
  L.push('');
  // How far the probe's frame-end time is from the browser's own
  // presentation time, per variant, from the paired samples.
  const lag = all.map((v) => {
    const s = results.samples[v.name];
    const d = describe(s['check.lcp'].map((l, i) => (l == null || s['cold.plain'][i] == null ? NaN : l - s['cold.plain'][i])));
    return `${v.name} ${d.n ? `${Math.round(d.median)} ms (${Math.round(d.min)}–${Math.round(d.max)})` : 'not available'}`;
  });
  // Pooled over variants and runs: does LCP move with the probe?
  const pairs = all.flatMap((v) => results.samples[v.name]['cold.plain']
    .map((p, i) => [p, results.samples[v.name]['check.lcp'][i]]))
    .filter(([p, l]) => Number.isFinite(p) && Number.isFinite(l));
  const r = correlation(pairs);

  L.push('## Method');
  L.push('');
  L.push(`- **Setup.** \`node bench/run.mjs\` starts its own static server (\`bench/server.mjs\`: gzip -9 for HTML, JS, CSS, JSON, SVG and wasm, as a CDN would send them; \`www/dist\` served from a snapshot taken at the start, so a rebuild during the run cannot mix two builds) and one headless Chromium (Debian's, with the launch flags of the end-to-end tests) through playwright-core. Every measurement is one page load in a fresh browser context – empty HTTP cache, no compiled-code cache, its own renderer process – at ${settings.viewport.width}×${settings.viewport.height} px. Variants are interleaved: within each run every scenario is measured for every variant in turn, and the order of the variants rotates from run to run, so that drift of the machine hits all variants alike. One unrecorded warm-up round comes first, and before each run the harness waits (up to a minute) until other programs leave the CPU at most 25 % busy. Before measuring, the harness checks that every variant renders the same DOM as the wasm card (\`bench/check-dom.mjs\`).`);
  L.push('- **The hand-written card** (`bench/plain-card.js`) is what a careful developer would write without a framework: the same placeholders, data loading, shadow root and constructed stylesheet, the same DOM (built as HTML text with every value escaped, set with `innerHTML`), the same options, texts, dates, share links and share behaviour, the same kinds of checks of the data (required fields, link schemes, lengths, dates), native `<details>` boxes. It fetches the stylesheet and the article data side by side. It is served minified, as the real bundle is.');
  L.push('- **Pages.** Each variant is a page template in `bench/pages/`, identical but for the script tag. The cold-start page has the three demo articles as `data-src` placeholders (like the demo page); the N-card pages have N placeholders with inline JSON, cycling through the three articles.');
  L.push('- **"Painted".** An init script (`bench/probe.js`, the same for every variant) checks the cards at the start of every animation frame (`requestAnimationFrame`, which runs just before that frame\'s style and layout, so what it sees is what the frame renders). A card counts when its headline (`.ac-headline__text`) is in the DOM, laid out with a non-zero box, visible, and styled by the card\'s stylesheet (the card root has its padding): a script that has merely run, or a card without its stylesheet, does not count. The time is taken in a task posted from that frame callback at user-blocking priority (`scheduler.postTask`), which runs after the frame\'s rendering steps (style, layout, paint, commit): the end of the main-thread work of the first frame that shows the card. Times are from navigation start (`performance.now()` in the page).');
  L.push(`- **Cross-check.** Chromium reports text inside open shadow roots as largest-contentful-paint candidates (without the element); the first such entry at or after the probe's frame is the presentation time of the frame that showed the cards. Median of LCP minus the probe's time, per run: ${lag.join(', ')}; correlation of the two over all runs and variants ${r == null ? 'not available' : `r = ${r.toFixed(2)}`}. LCP comes a little later because it includes raster and display; that it moves with the probe shows that the probe times the painted card and not an earlier event. LCP is not the measurement itself because it cannot be tied to one card and stops at the first input or scroll.`);
  L.push('- **Cold start** is to the first card painted (the German article), in three conditions: none; 4× CPU throttling (CDP `Emulation.setCPUThrottlingRate`, which slows the page\'s main thread only – the wasm module\'s compilation on background threads is not slowed, which flatters wasm a little); 150 ms round-trip time with 9 Mbit/s down and up (CDP `Network.emulateNetworkConditions`, which adds the latency to each request, not to TCP or TLS handshakes).');
  L.push('- **N cards** is to the frame in which all N cards are painted (N = 1, 10, 100). Cards below the viewport are laid out but not rasterised by the browser; they count once laid out.');
  L.push('- **Toggle** clicks the first card\'s background box toggle with a real mouse click (CDP input events) after scrolling it into view and letting the page settle, and measures from the click event\'s `timeStamp` to the end of the first frame in which the panel is visible.');
  L.push('- **Main-thread busy** is the time the page\'s main thread spent in tasks – parsing, script and wasm, style, layout, paint – from navigation until the 100 cards are painted and the page is idle (`TaskDuration` of CDP `Performance.getMetrics`, read before the forced garbage collections). Unlike the times above it does not depend on when frames happen.');
  L.push('- **Memory** is read after the 100-card page is painted, idle and garbage-collected twice (`HeapProfiler.collectGarbage`): JS heap used (`Runtime.getHeapUsage`); its growth is that minus the same page loaded without the variant\'s script. Wasm memory is the `byteLength` of every `WebAssembly.Memory` the page created or an instance exported, caught by wrapping `WebAssembly.instantiate`, `instantiateStreaming`, `Instance` and `Memory` in the init script; it is not part of the JS heap. The Blink heap growth (DOM and style objects, `embedderHeapUsedSize`) is shown for context.');
  L.push('- **Transferred bytes** are the sum of `encodedDataLength` of CDP `Network.loadingFinished` for every request of the cold-start page once the network is idle (headers included, gzip as sent). "Card code + CSS" leaves out the page itself, the article JSON and the images, which are the same for every variant.');
  L.push('- **Spread.** Tables give the median with interquartile range and min–max; ratios are ratios of medians, with a 95 % interval from 2000 paired bootstrap resamples of the runs (run i of each variant was measured side by side).');
  L.push('');
  L.push('## What was tried');
  L.push('');
  L.push(TRIED_START);
  L.push(keptTried());
  L.push(TRIED_END);
  L.push('');
  return `${L.join('\n')}\n`;
}

/// Writes both files; returns their paths relative to the repository.
export function writeReport(results) {
  writeFileSync(SVG, chart(results));
  writeFileSync(MD, markdown(results));
  return ['docs/benchmarks.md', 'docs/benchmarks.svg'];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = JSON.parse(readFileSync(new URL('./results.json', import.meta.url), 'utf8'));
  for (const file of writeReport(results)) console.log(`bench: wrote ${file}`);
}
