/**
 * Tamper evidence. Every event stores its predecessor's hash and its own. Two versions, told apart by
 * `metadata.hashVersion` (itself hashed):
 *
 *   v1 (events recorded before identities were bound; no hashVersion):
 *     contentHash = SHA-256( RFC 8785 canonical JSON of { type, data, metadata } )   (metadata incl. recordedAt)
 *     hash        = SHA-256( previousHash (32 bytes) || contentHash (32 bytes) )
 *   v2 (every event appended now):
 *     contentHash = SHA-256( canonical JSON of { type, data, metadata, stream, id } )
 *     hash        = SHA-256( previousHash || revision (8 bytes, big-endian) || contentHash )
 *
 * v2 binds an event's identity (stream, revision, event id, type) into its own hash, so moving an event to
 * another stream or position, or swapping ids, breaks the chain without needing a checkpoint. The revision
 * is chained in the store (the PostgreSQL adapter learns it only inside its append statement), the rest is
 * in the content hash computed here and shared by both backends and the offline verifier. v1 events keep
 * verifying under v1; what protects their identities is the signed checkpoints: the Merkle root binds their
 * place in the log, the stream heads each stream's name and last revision. Nothing binds a v1 event's id.
 */
import * as crypto from 'node:crypto';
import canonicalize from 'canonicalize';
import { jsonQuoted } from './json-quote';

export const GENESIS_HASH = '0'.repeat(64);

/** The version every append writes into `metadata.hashVersion`. */
export const HASH_VERSION = 2;

export interface HashedContent {
  type: string;
  data: unknown;
  metadata: unknown;
  /** v2: the stream, revision and event id the hash binds (ignored for v1 events). */
  stream?: string;
  revision?: bigint | number | string;
  id?: string;
}

export const hashVersionOf = (metadata: unknown): 1 | 2 => ((metadata as { hashVersion?: unknown } | null)?.hashVersion === 2 ? 2 : 1);

export function contentHash(content: HashedContent): Buffer {
  return Buffer.from(contentHashHex(content), 'hex');
}

/** v1 chaining: SHA-256(previous || content hash). */
export function chainHash(previousHashHex: string, content: Buffer): string {
  return sha256Hex(Buffer.concat([Buffer.from(previousHashHex, 'hex'), content]));
}

/** v2 chaining: SHA-256(previous || revision as 8 bytes big-endian || content hash). */
export function chainHashV2(previousHashHex: string, revision: bigint | number | string, content: Buffer): string {
  const position = Buffer.alloc(8);
  position.writeBigInt64BE(BigInt(revision));
  return sha256Hex(Buffer.concat([Buffer.from(previousHashHex, 'hex'), position, content]));
}

/** The hash an event must store after `previousHashHex`, under the version its metadata names. */
export function eventHash(previousHashHex: string, content: HashedContent): string {
  if (hashVersionOf(content.metadata) === 1) return eventHashOfCanonical(previousHashHex, canonicalContent(content));
  if (content.revision === undefined) throw new Error("a v2 event hash needs the event's revision");
  return chainHashV2(previousHashHex, content.revision, contentHash(content));
}

/** v1 eventHash for content already in canonical form (canonicalJson of { type, data, metadata }). */
export function eventHashOfCanonical(previousHashHex: string, canonical: string): string {
  const contentHex = sha256Hex(canonical);
  // Both halves written into one scratch buffer: the same 64 bytes without two Buffers and a concat. Hex
  // that is not 32 whole bytes takes chainHash's own path, which hashes what Buffer.from makes of it.
  const whole = previousHashHex.length === 64 && CHAIN_INPUT.write(previousHashHex, 0, 'hex') === 32;
  if (!whole) return chainHash(previousHashHex, Buffer.from(contentHex, 'hex'));
  CHAIN_INPUT.write(contentHex, 32, 'hex');
  return sha256Hex(CHAIN_INPUT);
}

const CHAIN_INPUT = Buffer.alloc(64);

function hashedFields(content: HashedContent): object {
  const { type, data, metadata } = content;
  if (hashVersionOf(metadata) === 1) return { type, data, metadata };
  if (typeof content.stream !== 'string' || typeof content.id !== 'string')
    throw new Error("a v2 event hash needs the event's stream and id");
  return { type, data, metadata, stream: content.stream, id: content.id };
}

function contentHashHex(content: HashedContent): string {
  return sha256Hex(canonicalContent(content));
}

function canonicalContent(content: HashedContent): string {
  const canonical = canonicalJson(hashedFields(content));
  if (canonical === undefined) throw new Error('event content is not serialisable');
  return canonical;
}

// One-shot hashing (Node 20.12+) skips the Hash object a createHash call builds; strings hash as UTF-8 in
// both. Hex out: on Node 20 a 'buffer' digest from the one-shot costs more than the hashing of an event.
const sha256Hex: (data: string | Buffer) => string =
  typeof crypto.hash === 'function'
    ? (data) => crypto.hash('sha256', data, 'hex')
    : (data) => crypto.createHash('sha256').update(data).digest('hex');

/**
 * RFC 8785 canonical JSON: byte for byte what the `canonicalize` package returns for the same value, which
 * defined every hash stored so far. Values as JSON.parse makes them (null, booleans, finite numbers, strings,
 * arrays, objects) take a fast path that does what the package does without its per-value closures and
 * string templates; anything else (undefined, toJSON, holes, NaN, functions, bigints, symbols) and any error
 * is handed to the package itself, so the two cannot disagree there either.
 */
export function canonicalJson(value: unknown): string | undefined {
  try {
    return plainCanonical(value);
  } catch {
    return canonicalize(value);
  }
}

/** Thrown where the fast path would have to guess what the package does. */
const NOT_PLAIN = new Error('not a plain JSON value');

function plainCanonical(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return jsonQuoted(value);
    case 'number':
      if (!Number.isFinite(value)) throw NOT_PLAIN;
      return String(value); // JSON.stringify's Number::toString: -0 gives "0", 1e21 "1e+21", as RFC 8785 asks
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if ((value as { toJSON?: unknown }).toJSON !== undefined) throw NOT_PLAIN;
      return Array.isArray(value) ? plainArray(value) : plainObject(value as Record<string, unknown>);
    default:
      throw NOT_PLAIN;
  }
}

function plainArray(items: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item === undefined) throw NOT_PLAIN; // a hole or undefined: the package skips one and nulls the other
    out += (i === 0 ? '' : ',') + plainCanonical(item);
  }
  return out + ']';
}

function plainObject(object: Record<string, unknown>): string {
  const keys = sortedByCodeUnits(Object.keys(object));
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const member = object[keys[i]];
    if (member === undefined) throw NOT_PLAIN;
    out += (i === 0 ? '' : ',') + memberName(keys[i]) + plainCanonical(member);
  }
  return out + '}';
}

// The same few keys come back in every event: their quoted form is remembered (up to a bound, for logs
// whose keys are ids), which saves the escape test on half the strings of an event.
const memberNames = new Map<string, string>();

function memberName(key: string): string {
  let name = memberNames.get(key);
  if (name === undefined) {
    name = jsonQuoted(key) + ':';
    if (memberNames.size < 10_000) memberNames.set(key, name);
  }
  return name;
}

/**
 * The order of Array.prototype.sort without a comparator (UTF-16 code units, as RFC 8785 asks). Insertion
 * sort in place for the few keys an event's object has; keys are distinct, so any correct sort agrees.
 */
function sortedByCodeUnits(keys: string[]): string[] {
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i];
    let j = i - 1;
    for (; j >= 0 && keys[j] > key; j--) keys[j + 1] = keys[j];
    keys[j + 1] = key;
  }
  return keys;
}

export interface ChainedEvent extends HashedContent {
  previousHash: string;
  hash: string;
}

export interface ChainBreak {
  /** Index in the list given (equal to the stream revision when the whole stream is given). */
  index: number;
  /** `hash-version-downgrade`: a v1 event after a v2 one, which no append writes (a rewrite hiding its identity). */
  reason: 'previous-hash-mismatch' | 'hash-mismatch' | 'hash-version-downgrade';
}

/** Recomputes a stream's chain from its first event; returns the first break, or undefined when intact. */
export function verifyChain(events: readonly ChainedEvent[], startHash: string = GENESIS_HASH): ChainBreak | undefined {
  let expectedPrevious = startHash;
  let seenV2 = false;
  for (let index = 0; index < events.length; index++) {
    const event = events[index];
    if (event.previousHash !== expectedPrevious) return { index, reason: 'previous-hash-mismatch' };
    const version = hashVersionOf(event.metadata);
    if (version === 1 && seenV2) return { index, reason: 'hash-version-downgrade' };
    seenV2 ||= version === 2;
    if (!hashMatches(event)) return { index, reason: 'hash-mismatch' };
    expectedPrevious = event.hash;
  }
  return undefined;
}

/** False too for an event that lacks what its version needs (a v2 event without stream, id or revision). */
export function hashMatches(event: ChainedEvent): boolean {
  try {
    return eventHash(event.previousHash, event) === event.hash;
  } catch {
    return false;
  }
}
