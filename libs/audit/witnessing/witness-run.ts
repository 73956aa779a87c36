/**
 * One round of a witness process: fetch the log's latest checkpoint note, and (when it is larger than the
 * last tree cosigned) the consistency proof from that tree; cosign through notes/witness.ts, which refuses
 * forks, rollbacks, missing proofs and bad log signatures; post the cosignature; return the tree to
 * remember. A refusal is thrown (WitnessRefusal) and nothing is posted or remembered.
 */
import { ConsistencyProof } from '../consistency';
import { parseCheckpoint } from '../notes/checkpoint-note';
import { NoteSigner, NoteVerifier, verifierKeyText } from '../notes/note-keys';
import { parseNote } from '../notes/signed-note';
import { cosign, WitnessedTree } from '../notes/witness';

/** What a witness asks of the log it follows (over HTTP in the witness process; any source in tests). */
export interface LogService {
  latestNote(): Promise<string>;
  consistency(first: number, second: number): Promise<ConsistencyProof>;
  postCosignature(size: number, witnessKey: string, line: string): Promise<void>;
}

export type WitnessOutcome = { kind: 'cosigned'; tree: WitnessedTree } | { kind: 'unchanged'; tree: WitnessedTree };

export async function witnessOnce(
  service: LogService,
  last: WitnessedTree | undefined,
  log: NoteVerifier,
  witness: NoteSigner,
  seconds: bigint,
): Promise<WitnessOutcome> {
  const note = await service.latestNote();
  const head = parseCheckpoint(parseNote(note).text);
  if (last && head.size === last.size && head.rootHash === last.rootHash) return { kind: 'unchanged', tree: last };
  const proof = last && last.size > 0 && head.size > last.size ? await service.consistency(last.size, head.size) : undefined;
  const { note: cosigned, witnessed } = cosign({ note, proof, last, seconds }, log, witness);
  const line = cosigned.slice(cosigned.lastIndexOf('\u2014 '));
  await service.postCosignature(head.size, verifierKeyText(witness), line);
  return { kind: 'cosigned', tree: witnessed };
}
