import { createHash } from 'node:crypto';

/**
 * Event ids derived from the command id: a command sent twice yields the same event ids, which the store
 * recognises as a re-send and does not write again. Formatted as an RFC 9562 version-8 (custom) uuid.
 */
export function eventIdFor(commandId: string, index: number): string {
  const hex = createHash('sha256').update(`${commandId}:${index}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
