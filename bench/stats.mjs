// Small statistics for the benchmark: order statistics and a paired
// bootstrap for ratios. No dependencies.

/// The q-quantile of sorted numbers, by linear interpolation between the
/// closest ranks (the usual "type 7" definition).
export function quantile(sorted, q) {
  if (!sorted.length) return null;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

export function describe(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return { n: 0, median: null, q1: null, q3: null, min: null, max: null };
  return {
    n: v.length,
    median: quantile(v, 0.5),
    q1: quantile(v, 0.25),
    q3: quantile(v, 0.75),
    min: v[0],
    max: v[v.length - 1],
  };
}

const median = (values) => quantile([...values].sort((a, b) => a - b), 0.5);

// A seeded generator, so that the same samples give the same report.
function xorshift(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

/// Ratio of medians, median(a) / median(b), with a 95 % interval from a
/// paired bootstrap: runs are resampled as pairs, because run i of every
/// variant was measured side by side, at nearly the same time.
export function ratio(a, b, { resamples = 2000, seed = 1 } = {}) {
  const pairs = a.map((x, i) => [x, b[i]]).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  if (!pairs.length) return null;
  const mb = median(pairs.map(([, y]) => y));
  if (!mb) return null;
  const value = median(pairs.map(([x]) => x)) / mb;
  const random = xorshift(seed);
  const draws = [];
  for (let r = 0; r < resamples; r += 1) {
    const xs = [];
    const ys = [];
    for (let k = 0; k < pairs.length; k += 1) {
      const [x, y] = pairs[Math.floor(random() * pairs.length)];
      xs.push(x);
      ys.push(y);
    }
    const my = median(ys);
    if (my) draws.push(median(xs) / my);
  }
  draws.sort((p, q) => p - q);
  return { value, low: quantile(draws, 0.025), high: quantile(draws, 0.975) };
}
