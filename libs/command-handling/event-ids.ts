import { createHash } from 'node:crypto';

/**
 * A uuid derived from `seed` (SHA-256, formatted as an RFC 9562 version-8 "custom" uuid): the same seed
 * always gives the same uuid, so anything derived from a retried request comes out the same.
 */
export function uuidFrom(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Event ids derived from the command id: a command sent twice yields the same event ids, which the store
 * recognises as a re-send and does not write again.
 */
export function eventIdFor(commandId: string, index: number): string {
  return uuidFrom(`${commandId}:${index}`);
}
