/**
 * The Wilson score interval for a proportion (95%: z = 1.96). Unlike the normal approximation it stays
 * inside [0, 1] and behaves at small counts and at rates near 0 or 1, where satisfaction rates often sit.
 */
export interface Interval {
  lower: number;
  upper: number;
}

export function wilsonInterval(successes: number, trials: number, z = 1.96): Interval | null {
  if (trials <= 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}
