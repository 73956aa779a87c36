/**
 * Largest-remainder apportionment: `total` split into whole parts in proportion to `weights`, summing to
 * `total` exactly (ties to the earlier index, so the result is the same on every run). The synthetic city
 * uses it so that its totals (the register, the cohorts) are exact at any scale, not off by rounding.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + w, 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, p) => a + p, 0);
  const order = exact.map((e, i) => [e - parts[i], i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    parts[i]++;
  }
  return parts;
}
