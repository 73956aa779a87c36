/**
 * Signed checkpoints. A hash chain alone can be recomputed by an insider who rewrites the table; a root
 * signed with a key the database never sees cannot. Ed25519 via node:crypto, no extra dependency.
 *
 * Signed bytes: "family-ledger/checkpoint/v1\n" + RFC 8785 canonical JSON of the four checkpoint fields.
 * The prefix keeps a checkpoint signature from being replayed as a signature over anything else.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign, verify } from 'node:crypto';
import canonicalize from 'canonicalize';
import { formatPosition, parsePosition, Position } from '../event-store/position';
import { isHexHash, merkleRoot } from './merkle';
import { StreamHeads } from './stream-heads';

export interface Checkpoint {
  /** Global position of the last event covered, in its text form (see formatPosition). */
  position: string;
  /** Number of events in the global log up to and including `position`: the Merkle tree's size. */
  eventCount: number;
  /** Hex RFC 6962 root over those events' hashes, in global-log order. */
  merkleRoot: string;
  /** ISO-8601 UTC. */
  signedAt: string;
  /** Hex root of the tree over the streams' heads (stream-heads.ts); absent on checkpoints signed before it. */
  headsRoot?: string;
  /** Number of streams (leaves of the heads tree). */
  streamCount?: number;
}

export interface SignedCheckpoint extends Checkpoint {
  /** Base64 Ed25519 signature. */
  signature: string;
  /** Hex SHA-256 of the public key's SPKI DER: which key to check it with. */
  keyId: string;
}

const SIGNING_CONTEXT = 'family-ledger/checkpoint/v1\n';
// DER prefixes that wrap a raw 32-byte Ed25519 key as PKCS#8 / SPKI (RFC 8410).
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A key in configuration could not be used. The message never contains the key. */
export class SigningKeyError extends Error {
  override readonly name = 'SigningKeyError';
}

/** The checkpoint over the first `eventHashes.length` events of the log, ending at `position`. */
export function makeCheckpoint(position: Position, eventHashes: readonly string[], signedAt: string, heads?: StreamHeads): Checkpoint {
  const checkpoint = { position: formatPosition(position), eventCount: eventHashes.length, merkleRoot: merkleRoot(eventHashes), signedAt };
  return heads ? { ...checkpoint, headsRoot: heads.root, streamCount: heads.count } : checkpoint;
}

// The heads fields join the signed JSON only when present: checkpoints signed before them still verify.
function signedBytes(c: Checkpoint): Buffer {
  const heads = c.headsRoot === undefined && c.streamCount === undefined ? {} : { headsRoot: c.headsRoot, streamCount: c.streamCount };
  const body = canonicalize({ position: c.position, eventCount: c.eventCount, merkleRoot: c.merkleRoot, signedAt: c.signedAt, ...heads });
  return Buffer.from(SIGNING_CONTEXT + body, 'utf8');
}

export function signCheckpoint(checkpoint: Checkpoint, privateKey: KeyObject): SignedCheckpoint {
  requireEd25519(privateKey, 'private');
  const publicKey = createPublicKey(privateKey);
  const signature = sign(null, signedBytes(checkpoint), privateKey).toString('base64');
  return { ...checkpoint, signature, keyId: keyFingerprint(publicKey) };
}

/** True only for a well-formed checkpoint whose signature verifies under `publicKey`. Never throws. */
export function verifyCheckpoint(signed: SignedCheckpoint, publicKey: KeyObject): boolean {
  if (!wellFormed(signed) || publicKey.asymmetricKeyType !== 'ed25519') return false;
  try {
    return verify(null, signedBytes(signed), publicKey, Buffer.from(signed.signature, 'base64'));
  } catch {
    return false;
  }
}

function wellFormed(c: SignedCheckpoint | undefined): c is SignedCheckpoint {
  if (c === null || typeof c !== 'object') return false;
  return (
    typeof c.position === 'string' &&
    parsePosition(c.position) !== undefined &&
    Number.isSafeInteger(c.eventCount) &&
    c.eventCount >= 0 &&
    isHexHash(c.merkleRoot) &&
    typeof c.signedAt === 'string' &&
    !Number.isNaN(Date.parse(c.signedAt)) &&
    typeof c.signature === 'string' &&
    isCanonicalBase64(c.signature) &&
    (c.headsRoot === undefined
      ? c.streamCount === undefined
      : isHexHash(c.headsRoot) && Number.isSafeInteger(c.streamCount) && c.streamCount! >= 0)
  );
}

/** Node's base64 decoder ignores stray padding bits; demanding the canonical text keeps every byte significant. */
function isCanonicalBase64(text: string): boolean {
  return /^[A-Za-z0-9+/]+={0,2}$/.test(text) && Buffer.from(text, 'base64').toString('base64') === text;
}

/** A fresh key pair as PEM (PKCS#8 private, SPKI public), for configuration. */
export function generateSigningKeyPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** Accepts PEM, base64 of PEM, base64 of PKCS#8 DER, or base64 of the raw 32-byte seed. */
export function loadPrivateKey(config: string): KeyObject {
  return requireEd25519(loadKey(config, 'private'), 'private');
}

/** Accepts PEM, base64 of PEM, base64 of SPKI DER, or base64 of the raw 32-byte key. */
export function loadPublicKey(config: string): KeyObject {
  const key = loadKey(config, 'public');
  return requireEd25519(key.type === 'private' ? createPublicKey(key) : key, 'public');
}

/** The public key as base64 SPKI DER: the form bundles carry and /audit/public-key can publish. */
export function exportPublicKey(key: KeyObject): string {
  return (key.type === 'private' ? createPublicKey(key) : key).export({ type: 'spki', format: 'der' }).toString('base64');
}

export function keyFingerprint(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

function loadKey(config: string, kind: 'private' | 'public'): KeyObject {
  const text = config.trim();
  if (text.length === 0) throw new SigningKeyError(`the ${kind} signing key is empty`);
  try {
    if (text.startsWith('-----BEGIN')) return kind === 'private' ? createPrivateKey(text) : createPublicKey(text);
    const bytes = Buffer.from(text, 'base64');
    const asText = bytes.toString('utf8');
    if (asText.startsWith('-----BEGIN')) return kind === 'private' ? createPrivateKey(asText) : createPublicKey(asText);
    if (kind === 'private') {
      const der = bytes.length === 32 ? Buffer.concat([PKCS8_PREFIX, bytes]) : bytes;
      return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    }
    const der = bytes.length === 32 ? Buffer.concat([SPKI_PREFIX, bytes]) : bytes;
    return createPublicKey({ key: der, format: 'der', type: 'spki' });
  } catch {
    throw new SigningKeyError(`the ${kind} signing key is neither PEM nor base64 DER or raw Ed25519`);
  }
}

function requireEd25519(key: KeyObject, kind: 'private' | 'public'): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') throw new SigningKeyError(`the ${kind} signing key is not an Ed25519 key`);
  return key;
}
