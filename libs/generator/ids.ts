/**
 * Ids derived from the seed, so the same seed gives the same households, needs, services, commands and
 * (through the command path's eventIdFor) the same event ids. RFC 9562 version-8 uuids, like the command
 * path's event ids.
 */
import { hash } from 'node:crypto';

export function seededUuid(seed: number, ...parts: (string | number)[]): string {
  // crypto.hash: the same digest as createHash(...).update(...).digest(), without a Hash object per id
  // (a bulk load derives millions).
  const hex = hash('sha256', `family-ledger-generator:${seed}:${parts.join(':')}`, 'hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The id of the `sequence`-th command (0-based) sent to `stream`: the same in both generator modes. */
export const commandIdFor = (seed: number, stream: string, sequence: number) => seededUuid(seed, 'command', stream, sequence);
