/**
 * The checkpoint an auditor trusts, as a file: the JSON `/audit/checkpoints/{size}` (or `latest`) answered,
 * and `family-ledger consistency`: does a later checkpoint extend it (the JSON of
 * `/audit/checkpoints/{first}/consistency/{second}`), checked offline under the pinned key.
 */
import { readKey } from '../../libs/audit/bundle-checks';
import { extensionProblem } from '../../libs/audit/extension';
import { SignedCheckpoint } from '../../libs/audit/signing';
import { ConsistencyProof } from '../../libs/audit/consistency';

/** The checkpoint in a trusted file, or why it cannot be read. */
export function readTrustedCheckpoint(text: string): SignedCheckpoint | string {
  try {
    const value = JSON.parse(text) as SignedCheckpoint & { checkpoint?: SignedCheckpoint };
    const checkpoint = value.checkpoint ?? value;
    if (typeof checkpoint !== 'object' || checkpoint === null || typeof checkpoint.merkleRoot !== 'string') return 'the trusted file holds no checkpoint';
    return checkpoint;
  } catch {
    return 'the trusted file is not JSON';
  }
}

interface ConsistencyAnswer {
  first: SignedCheckpoint;
  second: SignedCheckpoint;
  proof: ConsistencyProof;
}

/** Undefined when the answer's later checkpoint extends the trusted one under the key; else why not. */
export function consistencyProblem(answerText: string, trusted: SignedCheckpoint, publicKey: string): string | undefined {
  const key = readKey(publicKey);
  if (!key) return 'the public key given cannot be read';
  let answer: ConsistencyAnswer;
  try {
    answer = JSON.parse(answerText) as ConsistencyAnswer;
  } catch {
    return 'the consistency answer is not JSON';
  }
  if (!answer?.first || !answer.second) return 'the consistency answer lacks its checkpoints';
  if (answer.first.eventCount !== trusted.eventCount || answer.first.merkleRoot !== trusted.merkleRoot) {
    return `the proof starts from a tree of ${answer.first.eventCount} events other than the trusted one`;
  }
  return extensionProblem(trusted, answer.second, answer.proof, [key]);
}
