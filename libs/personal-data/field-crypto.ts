/**
 * Encryption of personal fields inside event data. Each leaf (string, number, boolean) under a personal
 * path becomes one string `pii1.<keyId>.<iv>.<ciphertext+tag>` (base64url parts), so the event keeps its
 * shape (`head.name` is still a string) and the hash chain covers the ciphertext. The additional data binds
 * a ciphertext to its key, event and leaf path: it cannot be moved to another event or field unnoticed.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { splitPath } from '../domain/personal-fields';

export const CIPHER_PREFIX = 'pii1.';
/** What a personal field reads as once its household's key is destroyed. */
export const ERASED = '[erased]';
/** What it reads as while restricted, for anyone but an auditor with a stated purpose. */
export const RESTRICTED = '[restricted]';

const b64 = (buffer: Buffer) => buffer.toString('base64url');
/** Pinned: without it Node's GCM decipher accepts a tag cut down to 4 bytes, and forgeries get cheap. */
const GCM = { authTagLength: 16 } as const;

export function isCiphertext(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(CIPHER_PREFIX);
}

/** The key id a ciphertext names, or undefined when it is not one of ours. */
export function keyIdOf(ciphertext: string): string | undefined {
  const parts = ciphertext.split('.');
  return parts.length === 4 ? Buffer.from(parts[1], 'base64url').toString('utf8') : undefined;
}

function additionalData(keyId: string, eventId: string, path: string): Buffer {
  return Buffer.from(`${keyId}|${eventId}|${path}`, 'utf8');
}

export function encryptLeaf(value: unknown, key: Buffer, keyId: string, eventId: string, path: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv, GCM);
  cipher.setAAD(additionalData(keyId, eventId, path));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${CIPHER_PREFIX}${b64(Buffer.from(keyId, 'utf8'))}.${b64(iv)}.${b64(body)}`;
}

/** Throws when the ciphertext was altered, moved, or is decrypted with the wrong key. */
export function decryptLeaf(ciphertext: string, key: Buffer, eventId: string, path: string): unknown {
  const [, keyPart, ivPart, bodyPart] = ciphertext.split('.');
  const keyId = Buffer.from(keyPart, 'base64url').toString('utf8');
  const body = Buffer.from(bodyPart, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(ivPart, 'base64url'), GCM);
  decipher.setAAD(additionalData(keyId, eventId, path));
  decipher.setAuthTag(body.subarray(body.length - 16));
  const plain = Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
  return JSON.parse(plain);
}

export type LeafMapper = (leaf: unknown, path: string) => unknown;

/**
 * `data` with every leaf under the given dot paths replaced by `map(leaf, leafPath)`: a copy along those
 * paths only, sharing every other branch with `data` (which is not modified); `data` itself when no path is
 * present. Arrays on the way are walked element by element (the index is not part of the path); null stays null.
 */
export function mapPersonalLeaves(data: Record<string, unknown>, paths: readonly string[], map: LeafMapper): Record<string, unknown> {
  let mapped = data;
  for (const path of paths) mapped = mapPath(mapped, splitPath(path), '', map);
  return mapped;
}

/** Calls `visit` with every leaf under the given dot paths, as mapPersonalLeaves would map them, copying nothing. */
export function forEachPersonalLeaf(data: Record<string, unknown>, paths: readonly string[], visit: (leaf: unknown) => void): void {
  for (const path of paths) collect(data, splitPath(path), visit);
}

function mapPath(
  target: Record<string, unknown>,
  [head, ...rest]: readonly string[],
  prefix: string,
  map: LeafMapper,
): Record<string, unknown> {
  if (!(head in target)) return target;
  const path = prefix ? `${prefix}.${head}` : head;
  const value = target[head];
  const mapped = rest.length === 0 ? mapValue(value, path, map) : mapInto(value, rest, path, map);
  return mapped === value ? target : { ...target, [head]: mapped };
}

function mapInto(value: unknown, rest: string[], path: string, map: LeafMapper): unknown {
  if (Array.isArray(value)) {
    const mapped = value.map((item) => mapInto(item, rest, path, map));
    return mapped.some((item, i) => item !== value[i]) ? mapped : value;
  }
  if (value !== null && typeof value === 'object') return mapPath(value as Record<string, unknown>, rest, path, map);
  return value;
}

/** Every leaf below a personal field is personal: `head` covers `head.name`, `head.phone`... */
function mapValue(value: unknown, path: string, map: LeafMapper): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((item) => mapValue(item, path, map));
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, mapValue(inner, `${path}.${key}`, map)]),
    );
  }
  return map(value, path);
}

function collect(value: unknown, [head, ...rest]: readonly string[], visit: (leaf: unknown) => void): void {
  if (Array.isArray(value)) return value.forEach((item) => collect(item, [head, ...rest], visit));
  if (value === null || typeof value !== 'object' || !(head in value)) return;
  const inner = (value as Record<string, unknown>)[head];
  if (rest.length > 0) collect(inner, rest, visit);
  else visitLeaves(inner, visit);
}

function visitLeaves(value: unknown, visit: (leaf: unknown) => void): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) value.forEach((item) => visitLeaves(item, visit));
  else if (typeof value === 'object') Object.values(value as Record<string, unknown>).forEach((inner) => visitLeaves(inner, visit));
  else visit(value);
}
