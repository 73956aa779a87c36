/**
 * A signed checkpoint as a C2SP signed note (tlog-checkpoint): origin, tree size, base64 root, then the
 * extension lines this log commits to beside the root:
 *
 *   position <log position>          where the tree ends in the log
 *   signed-at <ISO-8601 UTC>         when it was signed
 *   heads <stream count> <base64>    the root of the streams' heads tree (stream-heads.ts)
 *   key <verifier key>               (a rotation) the key that signs from the next checkpoint on
 *
 * The note is signed by the checkpoint key as an Ed25519 note key named by the origin, so any C2SP
 * verifier or witness can check it with the verifier key `/audit/public-key` publishes.
 */
import { createPublicKey, KeyObject } from 'node:crypto';
import { Checkpoint } from '../signing';
import { formatCheckpoint, parseCheckpoint, TreeHead } from '../notes/checkpoint-note';
import { ED25519, keyId, NoteVerifier, noteSigner, verifierKeyText } from '../notes/note-keys';
import { MalformedNoteError, parseNote, signNote, verifiedSigners } from '../notes/signed-note';

/** The lines of a checkpoint's note, with a rotation's `key` line when it announces one. */
export function checkpointTreeHead(origin: string, checkpoint: Checkpoint, announcedKey?: string): TreeHead {
  const extensions = [`position ${checkpoint.position}`, `signed-at ${checkpoint.signedAt}`];
  if (checkpoint.headsRoot !== undefined)
    extensions.push(`heads ${checkpoint.streamCount} ${Buffer.from(checkpoint.headsRoot, 'hex').toString('base64')}`);
  if (announcedKey !== undefined) extensions.push(`key ${announcedKey}`);
  return { origin, size: checkpoint.eventCount, rootHash: checkpoint.merkleRoot, extensions };
}

/** Signs the checkpoint's note with each key (a rotation's announcement: the old key and the new). */
export function signCheckpointNote(origin: string, checkpoint: Checkpoint, keys: readonly KeyObject[], announcedKey?: string): string {
  return signNote(
    formatCheckpoint(checkpointTreeHead(origin, checkpoint, announcedKey)),
    keys.map((key) => noteSigner(origin, key)),
  );
}

/** The note verifier key of a checkpoint key (private or public) under the log's origin. */
export function noteVerifierKey(origin: string, key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
  return verifierKeyText({ name: origin, keyId: keyId(origin, ED25519, raw), type: ED25519, publicKey });
}

export interface NoteCheckpoint {
  head: TreeHead;
  position?: string;
  signedAt?: string;
  headsRoot?: string;
  streamCount?: number;
  /** The verifier key a rotation announced. */
  announcedKey?: string;
}

/** Reads a checkpoint note that one of `verifiers` signed; throws MalformedNoteError otherwise. */
export function openCheckpointNote(note: string, verifiers: readonly NoteVerifier[]): NoteCheckpoint {
  const parsed = parseNote(note);
  if (verifiedSigners(parsed, verifiers).length === 0) throw new MalformedNoteError('no trusted key signed the checkpoint note');
  const head = parseCheckpoint(parsed.text);
  const value = (name: string) => head.extensions.find((line) => line.startsWith(`${name} `))?.slice(name.length + 1);
  const heads = value('heads')?.split(' ');
  return {
    head,
    position: value('position'),
    signedAt: value('signed-at'),
    headsRoot: heads ? Buffer.from(heads[1], 'base64').toString('hex') : undefined,
    streamCount: heads ? Number(heads[0]) : undefined,
    announcedKey: value('key'),
  };
}
