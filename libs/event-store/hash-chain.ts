/**
 * Tamper evidence. Every event stores its predecessor's hash and its own:
 *
 *   contentHash = SHA-256( RFC 8785 canonical JSON of { type, data, metadata } )   (metadata incl. recordedAt)
 *   hash        = SHA-256( previousHash (32 bytes) || contentHash (32 bytes) )
 *
 * The first event of a stream chains from 32 zero bytes. Splitting the digest in two lets the PostgreSQL
 * adapter finish the chain inside its append function (it alone knows the predecessor under the stream
 * lock) while the canonical encoding stays in one place, here, shared by both backends and the offline
 * verifier.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedContent {
  type: string;
  data: unknown;
  metadata: unknown;
}

export function contentHash(content: HashedContent): Buffer {
  const canonical = canonicalize({ type: content.type, data: content.data, metadata: content.metadata });
  if (canonical === undefined) throw new Error('event content is not serialisable');
  return createHash('sha256').update(canonical, 'utf8').digest();
}

export function chainHash(previousHashHex: string, content: Buffer): string {
  return createHash('sha256').update(Buffer.from(previousHashHex, 'hex')).update(content).digest('hex');
}

export interface ChainedEvent extends HashedContent {
  previousHash: string;
  hash: string;
}

export interface ChainBreak {
  /** Index in the list given (equal to the stream revision when the whole stream is given). */
  index: number;
  reason: 'previous-hash-mismatch' | 'hash-mismatch';
}

/** Recomputes a stream's chain from its first event; returns the first break, or undefined when intact. */
export function verifyChain(events: readonly ChainedEvent[], startHash: string = GENESIS_HASH): ChainBreak | undefined {
  let expectedPrevious = startHash;
  for (let index = 0; index < events.length; index++) {
    const event = events[index];
    if (event.previousHash !== expectedPrevious) return { index, reason: 'previous-hash-mismatch' };
    if (chainHash(event.previousHash, contentHash(event)) !== event.hash) return { index, reason: 'hash-mismatch' };
    expectedPrevious = event.hash;
  }
  return undefined;
}
