/**
 * Fixed inputs of the test vectors: keys from fixed seeds and leaves from fixed text, so the generator
 * writes the same files every time (Ed25519 signatures are deterministic) and a test can say so.
 */
import { createHash, KeyObject } from 'node:crypto';
import { loadPrivateKey, exportPublicKey } from '../signing';

const seed = (label: string) => createHash('sha256').update(`family-ledger test vector ${label}`).digest().toString('base64');

export const LOG_KEY: KeyObject = loadPrivateKey(seed('log key'));
export const OTHER_KEY: KeyObject = loadPrivateKey(seed('another key'));
export const LOG_PUBLIC_KEY = exportPublicKey(LOG_KEY);
export const ORIGIN = 'family-ledger.test/640100';
export const SIGNED_AT = '2012-03-01T08:00:00.000Z';

/** The event hashes of a log of `n` events. */
export const leaves = (n: number): string[] => Array.from({ length: n }, (_, i) => createHash('sha256').update(`leaf ${i}`).digest('hex'));

/** The same log with leaves `i` and `j` swapped. */
export function swapped(hashes: readonly string[], i: number, j: number): string[] {
  const copy = [...hashes];
  [copy[i], copy[j]] = [copy[j], copy[i]];
  return copy;
}

/** The hex text with its character at `index` changed (a one-nibble forgery). */
export function flipHex(hex: string, index = 0): string {
  const c = hex[index];
  return hex.slice(0, index) + (c === '0' ? '1' : '0') + hex.slice(index + 1);
}
