/**
 * The checkpoint an auditor trusts, as a file: the JSON `/audit/checkpoints/{size}` (or `latest`) answered,
 * and `family-ledger consistency`: does a later checkpoint extend it (the JSON of
 * `/audit/checkpoints/{first}/consistency/{second}`), checked offline under the pinned key.
 */
import { checkWitnesses, noteTree, readKey } from '../../libs/audit/bundle-checks';
import { extensionProblem, signedByOneOf, treeExtensionProblem } from '../../libs/audit/extension';
import { SignedCheckpoint } from '../../libs/audit/signing';
import { ConsistencyProof } from '../../libs/audit/consistency';

/** The checkpoint in a trusted file (JSON, or a signed note: returned as its text), or why it cannot be read. */
export function readTrustedCheckpoint(text: string): { checkpoint: SignedCheckpoint | string } | string {
  if (!text.trimStart().startsWith('{'))
    return text.includes('\n\n\u2014 ') ? { checkpoint: text } : 'the trusted file is neither checkpoint JSON nor a signed note';
  try {
    const value = JSON.parse(text) as SignedCheckpoint & { checkpoint?: SignedCheckpoint };
    const checkpoint = value.checkpoint ?? value;
    if (typeof checkpoint !== 'object' || checkpoint === null || typeof checkpoint.merkleRoot !== 'string')
      return 'the trusted file holds no checkpoint';
    return { checkpoint };
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
export function consistencyProblem(
  answerText: string,
  trustedInput: SignedCheckpoint | string,
  publicKey: string,
  witnesses?: { keys: readonly string[]; required: number },
): string | undefined {
  const key = readKey(publicKey);
  if (!key) return 'the public key given cannot be read';
  const trusted = typeof trustedInput === 'string' ? noteTree(trustedInput, [key]) : trustedInput;
  if (typeof trusted === 'string') return trusted;
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
  if (witnesses) {
    const cosigned = checkWitnesses(answer.second, (answer.second as { note?: string }).note, key, witnesses);
    if (!cosigned.ok) return `the later checkpoint: ${cosigned.detail}`;
  }
  if (typeof trustedInput === 'string')
    return signedByOneOf(answer.second, [key])
      ? treeExtensionProblem(trusted, answer.second, answer.proof)
      : "the later checkpoint's signature does not verify";
  return extensionProblem(trustedInput, answer.second, answer.proof, [key]);
}
