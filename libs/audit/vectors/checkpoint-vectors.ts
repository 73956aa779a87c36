/** Checkpoint vectors: signed notes (forged, mis-signed, altered) and extensions (rolled back, forked). */
import { signCheckpointNote, noteVerifierKey } from '../checkpointing/checkpoint-notes';
import { consistencyProof } from '../consistency';
import { makeCheckpoint, signCheckpoint } from '../signing';
import { position } from '../../event-store/position';
import { flipHex, leaves, LOG_KEY, LOG_PUBLIC_KEY, ORIGIN, OTHER_KEY, SIGNED_AT, swapped } from './vector-keys';
import { Vector } from './vector';

const checkpointOf = (hashes: readonly string[]) => makeCheckpoint(position(BigInt(hashes.length - 1)), hashes, SIGNED_AT);

export function noteVectors(): Vector[] {
  const verifierKey = noteVerifierKey(ORIGIN, LOG_KEY);
  const note = signCheckpointNote(ORIGIN, checkpointOf(leaves(13)), [LOG_KEY]);
  const vector = (name: string, expect: Vector['expect'], text: string, key = verifierKey): Vector => ({ kind: 'checkpoint-note', name, expect, input: { note: text, verifierKey: key } });
  const signature = note.slice(note.lastIndexOf(' ') + 1, -1);
  const forged = Buffer.from(signature, 'base64');
  forged[10] ^= 1;
  return [
    vector('a checkpoint of 13 events', 'accept', note),
    vector('forged signature: one bit of it changed', 'reject', note.replace(signature, forged.toString('base64'))),
    vector('signed by another key under the same name', 'reject', signCheckpointNote(ORIGIN, checkpointOf(leaves(13)), [OTHER_KEY])),
    vector('wrong size: the size line changed after signing', 'reject', note.replace(`${ORIGIN}\n13\n`, `${ORIGIN}\n14\n`)),
    vector('wrong root: the root line of another tree', 'reject', note.replace(
      Buffer.from(checkpointOf(leaves(13)).merkleRoot, 'hex').toString('base64'), Buffer.from(checkpointOf(leaves(12)).merkleRoot, 'hex').toString('base64'))),
    vector('checked against another verifier key', 'reject', note, noteVerifierKey(ORIGIN, OTHER_KEY)),
  ];
}

export function extensionVectors(): Vector[] {
  const log = leaves(13);
  const sign = (hashes: readonly string[]) => signCheckpoint(checkpointOf(hashes), LOG_KEY);
  const vector = (name: string, expect: Vector['expect'], input: object): Vector => ({ kind: 'extension', name, expect, input: { publicKey: LOG_PUBLIC_KEY, ...input } });
  const trusted = sign(log.slice(0, 5));
  const later = sign(log);
  return [
    vector('13 extends the trusted 5', 'accept', { trusted, later, proof: consistencyProof(log, 5) }),
    vector('the same checkpoint again', 'accept', { trusted: later, later }),
    vector('rolled back: 5 shown to an auditor who trusted 13', 'reject', { trusted: later, later: trusted, proof: consistencyProof(log, 5) }),
    vector('a fork: another tree of 13', 'reject', { trusted: later, later: sign(swapped(log, 0, 1)) }),
    vector('a rewritten history, its proof computed over the rewrite', 'reject', { trusted, later: sign(swapped(log, 1, 2)), proof: consistencyProof(swapped(log, 1, 2), 5) }),
    vector('forged signature on the later checkpoint', 'reject', { trusted, later: { ...later, merkleRoot: flipHex(later.merkleRoot) }, proof: consistencyProof(log, 5) }),
    vector('the later checkpoint signed by another key', 'reject', { trusted, later: signCheckpoint(checkpointOf(log), OTHER_KEY), proof: consistencyProof(log, 5) }),
  ];
}
