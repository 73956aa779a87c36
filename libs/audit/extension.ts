/**
 * Does a later checkpoint extend one the auditor already trusts? Both signed by a trusted key, and an
 * RFC 9162 consistency proof from the trusted tree to the later one (equal sizes: equal roots). A service
 * that rewrote or dropped anything the trusted checkpoint covered cannot produce the proof; one that shows
 * a smaller tree than the auditor already saw has rolled back.
 */
import { KeyObject } from 'node:crypto';
import { ConsistencyProof, verifyConsistency } from './consistency';
import { keyFingerprint, SignedCheckpoint, verifyCheckpoint } from './signing';

/** Undefined when `later` extends `trusted` (each signed by one of `keys`: a rotation may lie between); else why not. Never throws. */
export function extensionProblem(
  trusted: SignedCheckpoint,
  later: SignedCheckpoint,
  proof: ConsistencyProof | undefined,
  keys: readonly KeyObject[],
): string | undefined {
  if (!signedByOneOf(trusted, keys)) return "the trusted checkpoint's signature does not verify under a trusted key";
  if (!signedByOneOf(later, keys)) return "the later checkpoint's signature does not verify under a trusted key";
  return treeExtensionProblem(trusted, later, proof);
}

/** The tree part alone, for a trusted tree whose signature was checked otherwise (a signed note). */
export function treeExtensionProblem(trusted: TreeSize, later: TreeSize, proof: ConsistencyProof | undefined): string | undefined {
  if (later.eventCount < trusted.eventCount)
    return `rolled back: a tree of ${later.eventCount} events, below the ${trusted.eventCount} already trusted`;
  if (later.eventCount === trusted.eventCount) {
    return later.merkleRoot === trusted.merkleRoot ? undefined : `a fork: two different trees of ${later.eventCount} events`;
  }
  if (!proof || proof.first !== trusted.eventCount || proof.second !== later.eventCount) {
    return `no consistency proof from ${trusted.eventCount} to ${later.eventCount} events`;
  }
  return verifyConsistency(proof, trusted.merkleRoot, later.merkleRoot)
    ? undefined
    : 'the consistency proof fails: the later tree does not extend the trusted one';
}

interface TreeSize {
  eventCount: number;
  merkleRoot: string;
}

export function signedByOneOf(checkpoint: SignedCheckpoint, keys: readonly KeyObject[]): boolean {
  return keys.some((key) => checkpoint?.keyId === keyFingerprint(key) && verifyCheckpoint(checkpoint, key));
}
