// Small statistics and timing helpers shared by the orchestrator and the in-process worker.
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/** Summary of a list of run times in ms: median, min, max, relative median absolute deviation. */
export function summarize(runs) {
  const med = median(runs);
  const mad = median(runs.map((r) => Math.abs(r - med)));
  return { n: runs.length, median: med, min: Math.min(...runs), max: Math.max(...runs), mad, runs };
}

/** How many measured runs a subject gets: enough to fill the budget, within [min, max]. */
export function runsFor(firstMs, { minRuns, maxRuns, budgetMs }) {
  return Math.max(minRuns, Math.min(maxRuns, Math.ceil(budgetMs / Math.max(firstMs, 0.001))));
}

/** the value at percentile `p` (nearest rank) */
export const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
export const round1 = (x) => Math.round(x * 10) / 10;
/** latency summary of a list of ms: n, median, p95, max (one decimal) */
export const latencyStats = (xs) => ({ n: xs.length, median: round1(percentile(xs, 50)), p95: round1(percentile(xs, 95)), max: round1(Math.max(...xs)) });
