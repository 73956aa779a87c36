/**
 * Proofs over the log's Merkle tree at 1,000,000 and 10,000,000 leaves: building the tree (beside hashing
 * the same leaves alone, the least any tree costs), its root, inclusion and consistency proofs generated
 * and verified, and the tree's memory. No database: the tree is what the checkpoint writer keeps.
 */
import { createHash, randomInt } from 'node:crypto';
import { verifyConsistency } from '../libs/audit/consistency';
import { leafHash, verifyInclusion } from '../libs/audit/merkle';
import { MerkleTree } from '../libs/audit/tree/merkle-tree';
import { progressBar } from './support/progress';
import { percentile, round } from './support/stats';

export interface ProofBenchOptions {
  sizes: number[];
  proofs: number;
}

export const defaultProofOptions: ProofBenchOptions = { sizes: [1_000_000, 10_000_000], proofs: 2_000 };

export interface ProofFigures {
  leaves: number;
  buildLeavesPerSecond: number;
  hashOnlyLeavesPerSecond: number;
  buildRatioToHashing: number;
  treeMegabytes: number;
  rootMs: number;
  inclusion: { generateP50Us: number; generateP99Us: number; verifyP50Us: number; verifyP99Us: number; pathLength: number };
  consistency: { generateP50Us: number; generateP99Us: number; verifyP50Us: number; verifyP99Us: number; pathLength: number };
}

export async function benchProofs(options = defaultProofOptions): Promise<ProofFigures[]> {
  const figures: ProofFigures[] = [];
  for (const leaves of options.sizes) figures.push(await benchSize(leaves, options.proofs));
  return figures;
}

async function benchSize(leaves: number, proofs: number): Promise<ProofFigures> {
  const eventHash = (i: number) => createHash('sha256').update(`event-${i}`).digest('hex');
  const hashBar = progressBar(`hash ${leaves} leaves alone`, leaves, 'leaves');
  let started = performance.now();
  for (let i = 0; i < leaves; i++) {
    leafHash(eventHash(i));
    if (i % 10_000 === 0) hashBar.increment(10_000);
  }
  const hashOnlySeconds = (performance.now() - started) / 1000;
  hashBar.stop();
  const heapBefore = process.memoryUsage().arrayBuffers;
  const tree = new MerkleTree();
  const buildBar = progressBar(`build a tree of ${leaves}`, leaves, 'leaves');
  started = performance.now();
  for (let i = 0; i < leaves; i++) {
    tree.appendEventHash(eventHash(i));
    if (i % 10_000 === 0) buildBar.increment(10_000);
  }
  const buildSeconds = (performance.now() - started) / 1000;
  buildBar.stop();
  started = performance.now();
  tree.root();
  const rootMs = performance.now() - started;
  const inclusion = timeProofs(proofs, () => {
    const size = randomInt(1, leaves + 1);
    const leaf = randomInt(0, size);
    const proof = tree.inclusionProof(leaf, size);
    const [hash, root] = [eventHash(leaf), tree.root(size)];
    return { proof, verify: () => verifyInclusion(hash, proof, root) };
  });
  const consistency = timeProofs(proofs, () => {
    const second = randomInt(2, leaves + 1);
    const first = randomInt(1, second);
    const proof = tree.consistencyProof(first, second);
    const [r1, r2] = [tree.root(first), tree.root(second)];
    return { proof, verify: () => verifyConsistency(proof, r1, r2) };
  });
  return {
    leaves,
    buildLeavesPerSecond: Math.round(leaves / buildSeconds),
    hashOnlyLeavesPerSecond: Math.round(leaves / hashOnlySeconds),
    buildRatioToHashing: round(hashOnlySeconds / buildSeconds, 2),
    treeMegabytes: Math.round((process.memoryUsage().arrayBuffers - heapBefore) / 1e6),
    rootMs: round(rootMs, 3),
    inclusion,
    consistency,
  };
}

/** Times `proofs` generations (with the roots they are checked against) and verifications; a proof that does not verify stops the bench. */
function timeProofs(proofs: number, make: () => { proof: { path: string[] }; verify: () => boolean }) {
  const [generate, verify] = [[] as number[], [] as number[]];
  let pathLength = 0;
  for (let i = 0; i < proofs; i++) {
    let t0 = performance.now();
    const { proof, verify: check } = make();
    generate.push((performance.now() - t0) * 1000);
    t0 = performance.now();
    if (!check()) throw new Error('a generated proof did not verify');
    verify.push((performance.now() - t0) * 1000);
    pathLength = Math.max(pathLength, proof.path.length);
  }
  const us = (values: number[], p: number) => round(percentile(values, p), 1);
  return {
    generateP50Us: us(generate, 50),
    generateP99Us: us(generate, 99),
    verifyP50Us: us(verify, 50),
    verifyP99Us: us(verify, 99),
    pathLength,
  };
}
