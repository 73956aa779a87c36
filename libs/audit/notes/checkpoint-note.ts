/**
 * A log checkpoint in the C2SP tlog-checkpoint format (https://c2sp.org/tlog-checkpoint), the body of a
 * signed note: origin line, tree size in decimal, root hash in base64, then optional extension lines.
 */
import { MalformedNoteError } from './signed-note';

export interface TreeHead {
  /** Names the log uniquely (a schema-less URL, e.g. `family-ledger.example/yinchuan`). */
  origin: string;
  size: number;
  /** Hex SHA-256 root of the RFC 6962 tree over the first `size` leaves. */
  rootHash: string;
  /** Further lines the log commits to (this service: the log position the tree ends at). */
  extensions: string[];
}

const LINE = /^[^\n\p{Cc}]+$/u;

export function formatCheckpoint(head: TreeHead): string {
  if (!LINE.test(head.origin) || !Number.isSafeInteger(head.size) || head.size < 0 || !/^[0-9a-f]{64}$/.test(head.rootHash)) {
    throw new MalformedNoteError('a checkpoint needs an origin line, a size and a 32-byte root');
  }
  if (!head.extensions.every((line) => LINE.test(line))) throw new MalformedNoteError('checkpoint extension lines must be non-empty text');
  const root = Buffer.from(head.rootHash, 'hex').toString('base64');
  return [head.origin, String(head.size), root, ...head.extensions].map((line) => `${line}\n`).join('');
}

export function parseCheckpoint(text: string): TreeHead {
  const lines = text.split('\n');
  if (lines.pop() !== '' || lines.length < 3)
    throw new MalformedNoteError('a checkpoint has at least three lines, each ending in a newline');
  const [origin, size, root, ...extensions] = lines;
  const rootBytes = Buffer.from(root, 'base64');
  if (!LINE.test(origin)) throw new MalformedNoteError('checkpoint origin line is empty');
  if (!/^(0|[1-9][0-9]*)$/.test(size) || !Number.isSafeInteger(Number(size)))
    throw new MalformedNoteError('checkpoint size is not a decimal number');
  if (rootBytes.length !== 32 || rootBytes.toString('base64') !== root)
    throw new MalformedNoteError('checkpoint root is not 32 bytes of base64');
  if (!extensions.every((line) => LINE.test(line))) throw new MalformedNoteError('checkpoint extension lines must be non-empty');
  return { origin, size: Number(size), rootHash: rootBytes.toString('hex'), extensions };
}
