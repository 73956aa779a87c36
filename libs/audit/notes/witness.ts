/**
 * A witness: cosigns a log's checkpoint only after checking the log's signature and that it extends the
 * last checkpoint it cosigned for that log (a consistency proof from that size). A log that forked (two
 * different trees of one size, or a tree that does not extend the last) gets no cosignature, so a
 * verifier that requires witnesses cannot be shown a history other witnesses' clients were not.
 */
import { ConsistencyProof, verifyConsistency } from '../consistency';
import { parseCheckpoint, TreeHead } from './checkpoint-note';
import { cosignatureLine } from './cosignature';
import { NoteSigner, NoteVerifier } from './note-keys';
import { parseNote, verifiedSigners } from './signed-note';

/** What a witness remembers of a log: the last tree it cosigned. Persisted by the witness's caller. */
export interface WitnessedTree {
  size: number;
  rootHash: string;
}

export class WitnessRefusal extends Error {
  override readonly name = 'WitnessRefusal';
  constructor(
    readonly code: 'unknown-log' | 'bad-signature' | 'rolled-back' | 'fork' | 'bad-proof',
    message: string,
  ) {
    super(message);
  }
}

export interface CosignRequest {
  note: string;
  /** Proof from the witness's last tree to the note's tree; none needed when it has none or sizes match. */
  proof?: ConsistencyProof;
  last?: WitnessedTree;
  seconds: bigint;
}

/** Returns the note with this witness's cosignature added, and the tree to remember; throws WitnessRefusal. */
export function cosign(request: CosignRequest, log: NoteVerifier, witness: NoteSigner): { note: string; witnessed: WitnessedTree } {
  const parsed = parseNote(request.note);
  if (!verifiedSigners(parsed, [log]).includes(log.name)) throw new WitnessRefusal('bad-signature', "the log's signature does not verify");
  const head: TreeHead = parseCheckpoint(parsed.text);
  if (head.origin !== log.name)
    throw new WitnessRefusal('unknown-log', `the note's origin ${head.origin} is not the log this witness follows`);
  checkExtends(request.last, head, request.proof);
  return {
    note: `${request.note}${cosignatureLine(parsed.text, witness, request.seconds)}`,
    witnessed: { size: head.size, rootHash: head.rootHash },
  };
}

function checkExtends(last: WitnessedTree | undefined, head: TreeHead, proof: ConsistencyProof | undefined): void {
  if (!last || last.size === 0) return;
  if (head.size < last.size) throw new WitnessRefusal('rolled-back', `size ${head.size} is below the ${last.size} already cosigned`);
  if (head.size === last.size) {
    if (head.rootHash !== last.rootHash) throw new WitnessRefusal('fork', `two different trees of size ${head.size}`);
    return;
  }
  if (!proof || proof.first !== last.size || proof.second !== head.size)
    throw new WitnessRefusal('bad-proof', 'a consistency proof from the last cosigned size is needed');
  if (!verifyConsistency(proof, last.rootHash, head.rootHash))
    throw new WitnessRefusal('fork', 'the tree does not extend the last one cosigned');
}
