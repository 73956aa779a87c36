import { generateKeyPairSync } from 'node:crypto';
import { consistencyProof } from '../consistency';
import { merkleRoot } from '../merkle';
import { formatCheckpoint } from './checkpoint-note';
import { verifiedWitnesses } from './cosignature';
import { COSIGNATURE_V1, noteSigner, parseVerifierKey, verifierKeyText } from './note-keys';
import { parseNote, signNote } from './signed-note';
import { cosign, WitnessRefusal } from './witness';
import { createHash } from 'node:crypto';

const ORIGIN = 'family-ledger.test/yinchuan';
const log = noteSigner(ORIGIN, generateKeyPairSync('ed25519').privateKey);
const logVerifier = parseVerifierKey(verifierKeyText(log));
const witness = noteSigner('witness.test', generateKeyPairSync('ed25519').privateKey, COSIGNATURE_V1);
const witnessVerifier = parseVerifierKey(verifierKeyText(witness));
const hashes = (n: number, salt = '') =>
  Array.from({ length: n }, (_, i) =>
    createHash('sha256')
      .update(`event-${i}${i === 3 ? salt : ''}`)
      .digest('hex'),
  );
const checkpoint = (leaves: string[]) =>
  signNote(formatCheckpoint({ origin: ORIGIN, size: leaves.length, rootHash: merkleRoot(leaves), extensions: [] }), [log]);

describe('a witness', () => {
  it('cosigns a first checkpoint, then one that extends it, and verifiers count its cosignature', () => {
    const first = cosign({ note: checkpoint(hashes(5)), seconds: 1_700_000_000n }, logVerifier, witness);
    expect(verifiedWitnesses(parseNote(first.note), [witnessVerifier])).toEqual(['witness.test']);
    const later = hashes(12);
    const second = cosign(
      { note: checkpoint(later), last: first.witnessed, proof: consistencyProof(later, 5), seconds: 1_700_000_060n },
      logVerifier,
      witness,
    );
    expect(second.witnessed).toEqual({ size: 12, rootHash: merkleRoot(later) });
    expect(verifiedWitnesses(parseNote(second.note), [witnessVerifier])).toEqual(['witness.test']);
  });

  it('refuses a fork: a tree that rewrote an event it cosigned, even with a proof computed over the fork', () => {
    const { witnessed } = cosign({ note: checkpoint(hashes(5)), seconds: 1n }, logVerifier, witness);
    const forked = hashes(12, 'rewritten');
    const refusal = () =>
      cosign({ note: checkpoint(forked), last: witnessed, proof: consistencyProof(forked, 5), seconds: 2n }, logVerifier, witness);
    expect(refusal).toThrow(expect.objectContaining({ code: 'fork' }) as never);
  });

  it('refuses two different trees of one size, a rolled-back size, a missing proof and a bad log signature', () => {
    const { witnessed } = cosign({ note: checkpoint(hashes(5)), seconds: 1n }, logVerifier, witness);
    const codeOf = (f: () => unknown) => {
      try {
        f();
        return 'cosigned';
      } catch (e) {
        return (e as WitnessRefusal).code;
      }
    };
    expect(codeOf(() => cosign({ note: checkpoint(hashes(5, 'x')), last: witnessed, seconds: 2n }, logVerifier, witness))).toBe('fork');
    expect(codeOf(() => cosign({ note: checkpoint(hashes(4)), last: witnessed, seconds: 2n }, logVerifier, witness))).toBe('rolled-back');
    expect(codeOf(() => cosign({ note: checkpoint(hashes(9)), last: witnessed, seconds: 2n }, logVerifier, witness))).toBe('bad-proof');
    const otherLog = noteSigner(ORIGIN, generateKeyPairSync('ed25519').privateKey);
    const forged = signNote(formatCheckpoint({ origin: ORIGIN, size: 9, rootHash: merkleRoot(hashes(9)), extensions: [] }), [otherLog]);
    expect(codeOf(() => cosign({ note: forged, seconds: 2n }, logVerifier, witness))).toBe('bad-signature');
  });

  it('a cosignature does not verify on another checkpoint text', () => {
    const { note } = cosign({ note: checkpoint(hashes(5)), seconds: 1n }, logVerifier, witness);
    const cosignatureLine = note.slice(note.lastIndexOf('\u2014'));
    const other = `${checkpoint(hashes(6))}${cosignatureLine}`;
    expect(verifiedWitnesses(parseNote(other), [witnessVerifier])).toEqual([]);
  });
});
