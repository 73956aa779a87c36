/** A smoke run of the proofs benchmark at tiny sizes, so `npm run bench -- proofs` keeps working. Not a timing test. */
import { benchProofs } from './proofs';

it('builds trees, times proofs that verify and reports their path lengths', async () => {
  process.env.BENCH_QUIET = '1';
  const [small, larger] = await benchProofs({ sizes: [100, 1_000], proofs: 50 });
  expect(small.leaves).toBe(100);
  expect(larger.inclusion.pathLength).toBe(10);
  expect(larger.consistency.pathLength).toBeGreaterThan(0);
  expect(larger.buildLeavesPerSecond).toBeGreaterThan(0);
});
