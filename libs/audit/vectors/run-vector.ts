/** Runs one vector through the verifier it is for; true when that verifier accepts it. */
import { verifyBundle } from '../bundle';
import { openCheckpointNote } from '../checkpointing/checkpoint-notes';
import { ConsistencyProof, verifyConsistency } from '../consistency';
import { extensionProblem } from '../extension';
import { InclusionProof, verifyInclusion } from '../merkle';
import { parseVerifierKey } from '../notes/note-keys';
import { loadPublicKey, SignedCheckpoint } from '../signing';
import { Vector } from './vector';

type Input = Record<string, unknown>;

export function accepts(vector: Vector): boolean {
  const input = vector.input as Input;
  switch (vector.kind) {
    // As the bundle and extension checks do: the proof's sizes must be the signed ones, for the path alone
    // cannot always tell (leaf 5's path is the same in trees of 12 and 13 leaves).
    case 'inclusion': {
      const proof = input.proof as InclusionProof;
      return proof.treeSize === input.treeSize && verifyInclusion(input.eventHash as string, proof, input.root as string);
    }
    case 'consistency': {
      const proof = input.proof as ConsistencyProof;
      const sized = proof.first === input.firstSize && proof.second === input.secondSize;
      return sized && verifyConsistency(proof, input.firstRoot as string, input.secondRoot as string);
    }
    case 'checkpoint-note':
      try {
        openCheckpointNote(input.note as string, [parseVerifierKey(input.verifierKey as string)]);
        return true;
      } catch {
        return false;
      }
    case 'extension':
      return extensionProblem(input.trusted as SignedCheckpoint, input.later as SignedCheckpoint, input.proof as ConsistencyProof | undefined, [loadPublicKey(input.publicKey as string)]) === undefined;
    case 'bundle':
      return verifyBundle(input.bundle as string, { trustedPublicKey: input.publicKey as string, trustedCheckpoint: input.trusted as SignedCheckpoint | undefined }).ok;
  }
}
