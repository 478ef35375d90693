// Where the bytes of the browser module go, per module of ours and per
// dependency, from twiggy's view of the module as wasm-bindgen ships it
// (before wasm-opt, which keeps function names). Writes the table into
// docs/size.md between the size-report markers; run by ./scripts/size-report.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const [wasm, doc = 'docs/size.md'] = process.argv.slice(2);
const csv = execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'csv', wasm], { encoding: 'utf8', maxBuffer: 1 << 28 });

// Splits one CSV line (twiggy quotes names with commas, doubling quotes).
function fields(line) {
  const out = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(field); field = ''; } else field += c;
  }
  out.push(field);
  return out;
}

// Which part an item belongs to: a module of ours, a dependency, or the
// module's own data and tables. Generic code goes to the most specific
// crate it was instantiated for (Vec<VNode>::extend counts as Yew's, a
// drop of our Article as ours), since that crate is why it is there.
function owner(name) {
  const ours = /article_card\[[0-9a-f]+\]::(\w+)(?:::(\w+))?/.exec(name);
  if (ours) return ours[1] === 'components' && ours[2] ? `card: components::${ours[2]}` : `card: ${ours[1]}`;
  if (/^data segment/.test(name)) return 'data (strings, tables)';
  if (/hashbrown\[|indexmap\[/.test(name)) return 'hash maps (hashbrown, indexmap; used by Yew)';
  if (/(yew|implicit_clone|tokise)\[/.test(name)) return 'yew';
  if (/(wasm_bindgen|js_sys|web_sys|wasm_bindgen_futures|gloo_events)\[/.test(name)) return 'wasm-bindgen, js-sys, web-sys';
  if (/subsection|custom section|^(type|import|export|table|elem|global|memory|code|data) section|^wasm magic/.test(name)) return 'wasm sections and headers';
  const crate = /^<?(?:&(?:mut )?)?(\w+)\[[0-9a-f]+\]/.exec(name);
  if (crate) {
    const c = crate[1];
    if (c === 'yew' || c === 'implicit_clone' || c === 'tokise') return 'yew';
    if (c === 'hashbrown' || c === 'indexmap') return 'hash maps (hashbrown, indexmap; used by Yew)';
    if (['wasm_bindgen', 'js_sys', 'web_sys', 'wasm_bindgen_futures', 'gloo_events'].includes(c)) return 'wasm-bindgen, js-sys, web-sys';
    if (['core', 'alloc', 'std', 'compiler_builtins', 'talc'].includes(c)) return 'Rust runtime (core, alloc, std, allocator)';
    return c;
  }
  if (/^(import|export) /.test(name)) return 'wasm-bindgen, js-sys, web-sys';
  return 'other (unnamed)';
}

const totals = new Map();
let all = 0;
for (const line of csv.trim().split('\n').slice(1)) {
  const [name, size] = fields(line);
  if (/function names|__wasm_bindgen_unstable|custom section/.test(name)) continue; // not shipped
  const bytes = Number(size);
  all += bytes;
  const key = owner(name);
  totals.set(key, (totals.get(key) ?? 0) + bytes);
}
const rows = [...totals].sort((a, b) => b[1] - a[1]);
const ours = rows.filter(([k]) => k.startsWith('card: ')).reduce((a, [, b]) => a + b, 0);
const kb = (n) => (n / 1024).toFixed(1);
const table = [
  '| part | bytes | share |',
  '| --- | ---: | ---: |',
  ...rows.map(([k, v]) => `| ${k} | ${v} | ${(100 * v / all).toFixed(1)} % |`),
  `| **the card's own code (all "card:" rows)** | **${ours}** | **${(100 * ours / all).toFixed(1)} %** |`,
  `| **all code and data** | **${all}** (${kb(all)} KB) | 100 % |`,
].join('\n');
const text = readFileSync(doc, 'utf8');
const start = '<!-- size-report:start -->';
const end = '<!-- size-report:end -->';
const from = text.indexOf(start);
const to = text.indexOf(end);
if (from < 0 || to < 0) throw new Error(`${doc} has no ${start} … ${end} markers`);
writeFileSync(doc, `${text.slice(0, from + start.length)}\n${table}\n${text.slice(to)}`);
console.log(table);
