// What the benchmark compares. Each variant is one page template (see
// bench/README.md, "Adding a variant"); the harness measures every variant
// the same way, interleaved, and reports each as a ratio to the baseline.
//
//   name      short id, used in results.json and on the command line
//   label     what the report calls it
//   page      the page template, relative to the repository root
//   baseline  true for the one variant the others are divided by
export const VARIANTS = [
  { name: 'wasm', label: 'Yew/wasm embed (www/dist)', page: 'bench/pages/wasm.html' },
  { name: 'plain', label: 'hand-written plain JS (bench/plain-card.js)', page: 'bench/pages/plain.html', baseline: true },
  // Written by bench/prerendered.mjs before each run (article-card render).
  { name: 'prerendered', label: 'pre-rendered, declarative shadow root (article-card render)', page: 'bench/pages/prerendered.html' },
];

export const baselineOf = (variants) => variants.find((v) => v.baseline) ?? variants[0];
