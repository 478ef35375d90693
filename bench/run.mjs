// The benchmark: the Yew/wasm card against the hand-written card (and any
// other variant in bench/variants.mjs). Not part of the test suite.
//
// Usage: node bench/run.mjs [--runs N] [--quick] [--variants a,b] [--no-report]
//   --runs N      measured runs per variant (default 15)
//   --quick       3 runs, for trying the harness out
//   --variants    only these variants (the baseline is always included)
//   --no-report   write bench/results.json only, not docs/benchmarks.*
//
// One Chromium process; every measurement in a fresh browser context;
// variants interleaved (run 1: A B, run 2: B A, …); one unrecorded warm-up
// round first. Writes bench/results.json (every sample, the summary and the
// machine), then docs/benchmarks.md and docs/benchmarks.svg from it.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { launch } from '../tests/e2e/browser.mjs';
import { coldStart, CONDITIONS, heapBaseline, manyCards, VIEWPORT } from './measure.mjs';
import { describe, ratio } from './stats.mjs';
import { snapshotDist, startBenchServer, warmUp } from './server.mjs';
import { baselineOf, VARIANTS } from './variants.mjs';
import { writeReport } from './report.mjs';
import { checkDom } from './check-dom.mjs';
import { writePrerenderedPage } from './prerendered.mjs';

const ROOT = new URL('..', import.meta.url);
const RESULTS = new URL('./results.json', import.meta.url);

// ------------------------------------------------------------ arguments
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const quick = args.includes('--quick');
const runs = Number(option('--runs') ?? (quick ? 3 : 15));
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a whole number of at least 1');
const wanted = option('--variants')?.split(',');
const variants = VARIANTS.filter((v) => !wanted || v.baseline || wanted.includes(v.name));
const baseline = baselineOf(variants);

// ------------------------------------------------------------ metrics
// What each scenario yields, per variant and run. `lower` is better for
// all of them.
const METRICS = {
  'cold.plain': { label: 'Cold start to first card painted', unit: 'ms', condition: 'plain' },
  'cold.cpu4x': { label: 'Cold start, 4× CPU throttling', unit: 'ms', condition: 'cpu4x' },
  'cold.rtt150': { label: 'Cold start, 150 ms RTT, 9 Mbit/s', unit: 'ms', condition: 'rtt150' },
  'cards.1': { label: '1 card painted', unit: 'ms' },
  'cards.10': { label: '10 cards painted', unit: 'ms' },
  'cards.100': { label: '100 cards painted', unit: 'ms' },
  toggle: { label: 'Toggle to painted panel', unit: 'ms' },
  'heap.growth': { label: 'JS heap growth, 100 cards', unit: 'bytes' },
  'heap.used': { label: 'JS heap used, 100 cards', unit: 'bytes' },
  'wasm.memory': { label: 'Wasm memory, 100 cards', unit: 'bytes' },
  'blink.growth': { label: 'DOM (Blink) heap growth, 100 cards', unit: 'bytes' },
  'main.100': { label: 'Main-thread busy, 100-card page', unit: 'ms' },
  'bytes.embed': { label: 'Transferred: card code + CSS', unit: 'bytes' },
  'bytes.total': { label: 'Transferred: whole page, 3 cards', unit: 'bytes' },
  // Cross-checks of the method, not results:
  'check.lcp': { label: 'Cold start by LCP (presentation time)', unit: 'ms', check: true },
};

/// The project's targets (issue #10, item 6), for every non-baseline variant.
const TARGETS = [
  { metric: 'cold.rtt150', kind: 'ratio', limit: 1.15, text: 'cold start at 150 ms RTT ≤ 1.15× the hand-written card' },
  { metric: 'cards.100', kind: 'ratio', limit: 1.15, text: '100 cards painted ≤ 1.15× the hand-written card' },
  { metric: 'wasm.memory', kind: 'absolute', limit: 2 * 1024 * 1024, text: 'wasm memory after 100 cards ≤ 2 MB (2 MiB)' },
  { metric: 'heap.growth', kind: 'ratio', limit: 1.5, text: 'JS heap growth after 100 cards ≤ 1.5× the hand-written card' },
];

// Scenarios in the order one run measures them; each returns some of the
// metrics above.
const SCENARIOS = [
  {
    name: 'cold start, no throttling (+ bytes, toggle)',
    measure: async (ctx, v) => {
      const r = await coldStart(ctx.browser, ctx.origin, v, 'plain', { details: true });
      return {
        values: {
          'cold.plain': r.first,
          toggle: r.toggle,
          'bytes.embed': r.bytes.embed,
          'bytes.total': r.bytes.total,
          'check.lcp': r.lcp,
        },
        extra: { cold: r },
      };
    },
  },
  {
    name: 'cold start, 4× CPU',
    measure: async (ctx, v) => {
      const r = await coldStart(ctx.browser, ctx.origin, v, 'cpu4x');
      return { values: { 'cold.cpu4x': r.first }, extra: { cpu4x: r } };
    },
  },
  {
    name: 'cold start, 150 ms RTT',
    measure: async (ctx, v) => {
      const r = await coldStart(ctx.browser, ctx.origin, v, 'rtt150');
      return { values: { 'cold.rtt150': r.first }, extra: { rtt150: r } };
    },
  },
  ...[1, 10].map((n) => ({
    name: `${n} cards`,
    measure: async (ctx, v) => ({ values: { [`cards.${n}`]: (await manyCards(ctx.browser, ctx.origin, v, n)).all } }),
  })),
  {
    name: '100 cards (+ memory)',
    measure: async (ctx, v) => {
      const r = await manyCards(ctx.browser, ctx.origin, v, 100, { memory: true });
      const base = await heapBaseline(ctx.browser, ctx.origin, v, 100);
      return {
        values: {
          'cards.100': r.all,
          'heap.used': r.jsHeapUsed,
          'heap.growth': r.jsHeapUsed - base.jsHeapUsed,
          'blink.growth': r.embedderHeapUsed - base.embedderHeapUsed,
          'wasm.memory': r.wasmMemory,
          'main.100': r.taskDuration,
        },
        extra: { cards100: r, heapBaseline: base },
      };
    },
  },
];

// ------------------------------------------------------------ machine
function machine(browserVersion) {
  const cpus = os.cpus();
  let distro = null;
  try {
    distro = /PRETTY_NAME="?([^"\n]+)/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? null;
  } catch { /* not Linux */ }
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}${distro ? ` (${distro})` : ''}`,
    node: process.version,
    chromium: browserVersion,
    // Other work on the machine adds noise; this is the load when the run ended.
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

/// The bundle that was measured (the snapshot of www/dist the server
/// serves): size, gzip size and hash of each file.
function bundle(snapshot) {
  const files = {};
  for (const [path, { body, mtimeMs, alias }] of snapshot) {
    if (alias || !/\.(js|wasm|css)$/.test(path)) continue;
    files[path.replace('/www/dist/', '')] = {
      bytes: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      sha256: createHash('sha256').update(body).digest('hex').slice(0, 16),
      modified: new Date(mtimeMs).toISOString(),
    };
  }
  return files;
}

/// The hand-written card as served: source, minified and gzip sizes.
async function plainCard(origin) {
  const source = readFileSync(new URL('./plain-card.js', import.meta.url));
  // fetch() undoes the gzip, so this is the minified text.
  const minified = Buffer.from(await (await fetch(`${origin}/bench/plain-card.min.js`)).arrayBuffer());
  return {
    source: source.length,
    minified: minified.length,
    gzip: gzipSync(minified, { level: 9 }).length,
    sha256: createHash('sha256').update(source).digest('hex').slice(0, 16),
  };
}

function git() {
  const run = (...a) => execFileSync('git', a, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    return { commit: run('rev-parse', 'HEAD'), uncommittedChanges: run('status', '--porcelain', '--', 'src', 'www', 'styles') !== '' };
  } catch {
    return null;
  }
}

/// The share of CPU time (all cores) that was busy over `ms`.
async function cpuBusy(ms = 1000) {
  const sample = () => os.cpus().reduce((t, c) => {
    const all = Object.values(c.times).reduce((a, b) => a + b, 0);
    return { idle: t.idle + c.times.idle, all: t.all + all };
  }, { idle: 0, all: 0 });
  const a = sample();
  await new Promise((r) => setTimeout(r, ms));
  const b = sample();
  return b.all > a.all ? 1 - (b.idle - a.idle) / (b.all - a.all) : 0;
}

/// Waits (up to `limit` ms) until other programs leave the CPU mostly
/// idle, so that a run does not start in the middle of someone's build.
/// Returns the busy share measured last.
async function waitForQuiet(limit = 60000, threshold = 0.25) {
  const until = Date.now() + limit;
  let busy = await cpuBusy();
  while (busy > threshold && Date.now() < until) busy = await cpuBusy(2000);
  return busy;
}

// ------------------------------------------------------------ the run
const fmt = (v, unit) => (v == null ? '–' : unit === 'bytes' ? `${(v / 1024).toFixed(1)}K` : `${v.toFixed(0)}`);

async function main() {
  if (variants.some((v) => v.name === 'prerendered')) writePrerenderedPage();
  // The bundle is served from memory, so a rebuild during the run cannot
  // mix two builds.
  const snapshot = await snapshotDist();
  const server = await startBenchServer({ snapshot });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launch();
  const ctx = { browser, origin };
  const loadAtStart = os.loadavg().map((l) => Math.round(l * 100) / 100);
  const measured = bundle(snapshot);
  const plain = await plainCard(origin);
  const started = Date.now();
  console.log(`bench: ${runs} run(s) of ${variants.map((v) => v.name).join(', ')} on ${browser.version()}; baseline ${baseline.name}`);

  let domDifferences = null;
  let failures = 0;
  const samples = Object.fromEntries(variants.map((v) => [v.name, Object.fromEntries(Object.keys(METRICS).map((m) => [m, []]))]));
  const extra = Object.fromEntries(variants.map((v) => [v.name, []]));
  try {
    // Warm the server's gzip cache, the OS's file cache and the browser.
    await warmUp(origin, [...snapshot.keys()].filter((p) => !p.endsWith('.json')).concat('/bench/plain-card.min.js'));
    // The comparison is only fair while the cards are the same.
    const lines = [];
    domDifferences = await checkDom({ browser, origin, variants, log: (line) => lines.push(line) });
    if (domDifferences) {
      console.log(lines.join('\n'));
      console.log(`bench: WARNING – ${domDifferences} card(s) differ from the wasm card's DOM (above); the numbers compare different markup`);
    } else {
      console.log('bench: DOM check: every variant renders the same DOM as the wasm card');
    }
    process.stdout.write('warm-up round…');
    for (const scenario of SCENARIOS) {
      for (const v of variants) {
        await scenario.measure(ctx, v).catch((failure) => console.log(`\n  warm-up ${v.name} ${scenario.name}: ${failure.message.split('\n')[0]}`));
      }
    }
    console.log(' done');

    for (let run = 0; run < runs; run += 1) {
      const busy = await waitForQuiet();
      if (busy > 0.25) console.log(`  (the CPU is ${Math.round(busy * 100)} % busy with other work; measuring anyway)`);
      // Rotate the order each run: A B, B A, … (A B C, B C A, … for three).
      const order = variants.map((_, k) => variants[(k + run) % variants.length]);
      const got = Object.fromEntries(variants.map((v) => [v.name, { values: {}, extra: {} }]));
      for (const scenario of SCENARIOS) {
        for (const v of order) {
          try {
            const { values, extra: more = {} } = await scenario.measure(ctx, v);
            Object.assign(got[v.name].values, values);
            Object.assign(got[v.name].extra, more);
          } catch (failure) {
            // One failed measurement leaves gaps (null), not a lost run.
            const message = `${scenario.name}: ${failure.message.split('\n')[0]}`;
            console.log(`  ${v.name}: FAILED ${message}`);
            (got[v.name].extra.failures ??= []).push(message);
            failures += 1;
          }
        }
      }
      for (const v of variants) {
        for (const m of Object.keys(METRICS)) samples[v.name][m].push(got[v.name].values[m] ?? null);
        extra[v.name].push({ run: run + 1, order: order.map((o) => o.name), cpuBusyBefore: Math.round(busy * 100) / 100, ...got[v.name].extra });
      }
      const line = variants.map((v) => {
        const g = got[v.name].values;
        return `${v.name}: cold ${fmt(g['cold.plain'])}/${fmt(g['cold.cpu4x'])}/${fmt(g['cold.rtt150'])} ms, `
          + `cards ${fmt(g['cards.1'])}/${fmt(g['cards.10'])}/${fmt(g['cards.100'])} ms, toggle ${fmt(g.toggle)} ms, `
          + `heap +${fmt(g['heap.growth'], 'bytes')}, wasm ${fmt(g['wasm.memory'], 'bytes')}, ${fmt(g['bytes.embed'], 'bytes')}`;
      });
      console.log(`run ${run + 1}/${runs} (${Math.round((Date.now() - started) / 1000)} s)\n  ${line.join('\n  ')}`);
    }
  } finally {
    await browser.close().catch(() => {});
    server.close();
  }

  const now = bundle(await snapshotDist({ quiet: 0 }));
  const rebuilt = JSON.stringify(now) !== JSON.stringify(measured);
  if (rebuilt) console.log('bench: www/dist was rebuilt during the run; the run used the build it started with');

  const summary = {};
  for (const v of variants) {
    summary[v.name] = {};
    for (const [m, def] of Object.entries(METRICS)) {
      const s = describe(samples[v.name][m]);
      const r = v === baseline ? null : ratio(samples[v.name][m], samples[baseline.name][m]);
      summary[v.name][m] = { ...s, ratio: r, unit: def.unit };
    }
  }
  const targets = [];
  for (const v of variants) {
    if (v === baseline) continue;
    for (const t of TARGETS) {
      const s = summary[v.name][t.metric];
      const value = t.kind === 'ratio' ? s.ratio?.value ?? null : s.median;
      targets.push({ variant: v.name, ...t, value, met: value != null && value <= t.limit });
    }
  }

  const results = {
    about: 'Written by node bench/run.mjs; docs/benchmarks.md is generated from it (node bench/report.mjs).',
    date: new Date().toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: { ...machine(browser.version()), loadAverageAtStart: loadAtStart },
    git: git(),
    bundle: measured,
    plainCard: plain,
    distRebuiltDuringRun: rebuilt,
    failedMeasurements: failures,
    domCheck: domDifferences === 0 ? 'same DOM as the wasm card (node bench/check-dom.mjs)' : `${domDifferences} card(s) differ from the wasm card's DOM`,
    settings: {
      runs,
      warmUpRounds: 1,
      order: 'interleaved: within each run, every scenario is measured for every variant in turn; the order of the variants rotates from run to run',
      viewport: VIEWPORT,
      conditions: CONDITIONS,
      coldStartPage: '3 placeholders with data-src: de-politik, en-city, minimal (the first card is measured)',
      cardsPages: 'N placeholders with inline JSON, cycling through the three demo articles',
    },
    variants,
    baseline: baseline.name,
    metrics: METRICS,
    targets,
    summary,
    samples,
    extra,
  };
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 1)}\n`);
  console.log(`bench: wrote ${new URL(RESULTS).pathname.replace(new URL(ROOT).pathname, '')}`);
  if (!args.includes('--no-report')) {
    for (const file of writeReport(results)) console.log(`bench: wrote ${file}`);
  }
  for (const t of targets) {
    const shown = t.kind === 'ratio' ? `${t.value?.toFixed(3)}×` : `${(t.value / 2 ** 20).toFixed(2)} MiB`;
    console.log(`target ${t.met ? 'met    ' : 'MISSED '} ${t.variant}: ${t.text}: ${shown}`);
  }
}

await main();
