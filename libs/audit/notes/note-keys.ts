/**
 * Keys of C2SP signed notes (https://c2sp.org/signed-note), as the Go reference (golang.org/x/mod/sumdb/note)
 * writes them: a verifier key is `<name>+<key id, 8 hex>+<base64(type || public key)>`, a signer key
 * `PRIVATE+KEY+<name>+<key id>+<base64(type || seed)>`; the key id is the first 4 bytes of
 * SHA-256(name || "\n" || type || public key). Ed25519 only, through node:crypto.
 */
import { createHash, createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';

/** Signature types: an ordinary signature, and a witness's timestamped cosignature (c2sp.org/tlog-cosignature). */
export const ED25519 = 0x01;
export const COSIGNATURE_V1 = 0x04;
export type NoteKeyType = typeof ED25519 | typeof COSIGNATURE_V1;

export interface NoteVerifier {
  name: string;
  keyId: number;
  type: NoteKeyType;
  publicKey: KeyObject;
}

export interface NoteSigner extends NoteVerifier {
  privateKey: KeyObject;
}

const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
// A name is non-empty, without spaces or pluses, and printable (the Go reference's rule).
const NAME = /^[^\s+\p{C}]+$/u;

export class NoteKeyError extends Error {
  override readonly name = 'NoteKeyError';
}

export function keyId(name: string, type: number, rawPublicKey: Buffer): number {
  return createHash('sha256').update(`${name}\n`).update(Buffer.of(type)).update(rawPublicKey).digest().readUInt32BE(0);
}

const rawPublic = (key: KeyObject) => key.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
const hex8 = (id: number) => id.toString(16).padStart(8, '0');

export function parseVerifierKey(text: string): NoteVerifier {
  const [, name, id, material] = /^([^+]*)\+([^+]*)\+(.*)$/s.exec(text) ?? [];
  const key = decodeKey(name, id, material);
  const publicKey = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, key.raw]), format: 'der', type: 'spki' });
  if (keyId(name, key.type, key.raw) !== key.id) throw new NoteKeyError('verifier key id does not match its name and key');
  return { name, keyId: key.id, type: key.type, publicKey };
}

export function parseSignerKey(text: string): NoteSigner {
  if (!text.startsWith('PRIVATE+KEY+')) throw new NoteKeyError('signer key must start PRIVATE+KEY+');
  const [, name, id, material] = /^([^+]*)\+([^+]*)\+(.*)$/s.exec(text.slice('PRIVATE+KEY+'.length)) ?? [];
  const key = decodeKey(name, id, material);
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, key.raw]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  if (keyId(name, key.type, rawPublic(publicKey)) !== key.id) throw new NoteKeyError('signer key id does not match its name and key');
  return { name, keyId: key.id, type: key.type, publicKey, privateKey };
}

/** A signer over an Ed25519 private key object (e.g. the service's checkpoint key), under `name`. */
export function noteSigner(name: string, privateKey: KeyObject, type: NoteKeyType = ED25519): NoteSigner {
  if (!NAME.test(name)) throw new NoteKeyError('a key name is printable text without spaces or "+"');
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new NoteKeyError('signed notes take Ed25519 keys');
  const publicKey = createPublicKey(privateKey);
  return { name, keyId: keyId(name, type, rawPublic(publicKey)), type, publicKey, privateKey };
}

/** The verifier key text others configure to check this signer's notes. */
export function verifierKeyText(key: NoteVerifier): string {
  return `${key.name}+${hex8(key.keyId)}+${Buffer.concat([Buffer.of(key.type), rawPublic(key.publicKey)]).toString('base64')}`;
}

// The key material is base64 and may itself hold '+': only the first two '+' separate fields.
function decodeKey(name: string | undefined, id: string | undefined, material: string | undefined) {
  if (!name || !NAME.test(name) || !id || !/^[0-9a-f]{8}$/.test(id) || !material) throw new NoteKeyError('malformed note key');
  const bytes = Buffer.from(material, 'base64');
  if (bytes.toString('base64') !== material || bytes.length !== 33) throw new NoteKeyError('malformed note key material');
  const type = bytes[0];
  if (type !== ED25519 && type !== COSIGNATURE_V1) throw new NoteKeyError(`unknown note key type ${type}`);
  return { id: parseInt(id, 16), type: type as NoteKeyType, raw: bytes.subarray(1) };
}

/** The signer key text (`PRIVATE+KEY+...`) of a signer, for its owner's key file. */
export function signerKeyText(key: NoteSigner): string {
  const seed = key.privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_PREFIX.length);
  return `PRIVATE+KEY+${key.name}+${hex8(key.keyId)}+${Buffer.concat([Buffer.of(key.type), seed]).toString('base64')}`;
}
