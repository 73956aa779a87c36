import { generateKeyPairSync } from 'node:crypto';
import { formatCheckpoint, parseCheckpoint } from './checkpoint-note';
import { COSIGNATURE_V1, noteSigner, parseSignerKey, parseVerifierKey, verifierKeyText } from './note-keys';
import { MalformedNoteError, parseNote, signNote, verifiedSigners } from './signed-note';

// The example of the Go reference implementation (golang.org/x/mod/sumdb/note): Ed25519 is deterministic,
// so our signature must be the published one byte for byte, or Go-ecosystem witnesses would not accept ours.
const VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const SIGNATURE = '\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';

describe('C2SP signed notes', () => {
  it('signs the reference example byte for byte and verifies it', () => {
    const note = signNote(TEXT, [parseSignerKey(SKEY)]);
    expect(note).toBe(`${TEXT}\n${SIGNATURE}`);
    expect(verifiedSigners(parseNote(note), [parseVerifierKey(VKEY)])).toEqual(['PeterNeumann']);
  });

  it('round-trips a verifier key and derives the reference key id', () => {
    const verifier = parseVerifierKey(VKEY);
    expect(verifier.keyId.toString(16)).toBe('c74f20a3');
    expect(verifierKeyText(verifier)).toBe(VKEY);
    expect(verifierKeyText(parseSignerKey(SKEY))).toBe(VKEY);
  });

  it('refuses mangled keys: a wrong id, a changed name, truncated material', () => {
    expect(() => parseVerifierKey(VKEY.replace('c74f20a3', 'c74f20a4'))).toThrow();
    expect(() => parseVerifierKey(VKEY.replace('PeterNeumann', 'PeterNeuman'))).toThrow();
    expect(() => parseVerifierKey(VKEY.slice(0, -2))).toThrow();
    expect(() => parseVerifierKey(`${VKEY}+extra`)).toThrow();
  });

  it('does not verify a changed text, or a signature under another key of the same name', () => {
    const note = signNote(TEXT, [parseSignerKey(SKEY)]);
    expect(verifiedSigners(parseNote(note.replace('cryptography', 'cryptographY')), [parseVerifierKey(VKEY)])).toEqual([]);
    const impostor = noteSigner('PeterNeumann', generateKeyPairSync('ed25519').privateKey);
    expect(verifiedSigners(parseNote(signNote(TEXT, [impostor])), [parseVerifierKey(VKEY)])).toEqual([]);
  });

  it('ignores signatures of unknown keys beside a known one', () => {
    const other = noteSigner('someone-else', generateKeyPairSync('ed25519').privateKey);
    const note = signNote(TEXT, [other, parseSignerKey(SKEY)]);
    expect(verifiedSigners(parseNote(note), [parseVerifierKey(VKEY)])).toEqual(['PeterNeumann']);
  });

  it('refuses malformed notes', () => {
    for (const bad of [
      TEXT,
      `${TEXT}\n`,
      `${TEXT}\n\u2014 PeterNeumann !!!\n`,
      `${TEXT}\nPeterNeumann x08go\n`,
      `no newline\n\n${SIGNATURE}`.replace('\n\n', ''),
    ]) {
      expect(() => parseNote(bad)).toThrow(MalformedNoteError);
    }
    expect(() => signNote('no final newline', [parseSignerKey(SKEY)])).toThrow(MalformedNoteError);
  });

  it('keeps cosignature keys apart from signing keys', () => {
    const witness = noteSigner('witness.example', generateKeyPairSync('ed25519').privateKey, COSIGNATURE_V1);
    expect(parseVerifierKey(verifierKeyText(witness)).type).toBe(COSIGNATURE_V1);
  });
});

describe('C2SP tlog checkpoints', () => {
  const head = {
    origin: 'family-ledger.example/yinchuan',
    size: 42,
    rootHash: 'ab'.repeat(32),
    extensions: ['position 00000001/00000002'],
  };

  it('writes origin, size, base64 root and extension lines, and reads them back', () => {
    const text = formatCheckpoint(head);
    expect(text).toBe(
      `family-ledger.example/yinchuan\n42\n${Buffer.from(head.rootHash, 'hex').toString('base64')}\nposition 00000001/00000002\n`,
    );
    expect(parseCheckpoint(text)).toEqual(head);
  });

  it('refuses a size with a leading zero, a short root, a missing line', () => {
    const text = formatCheckpoint(head);
    expect(() => parseCheckpoint(text.replace('\n42\n', '\n042\n'))).toThrow(MalformedNoteError);
    expect(() => parseCheckpoint(text.replace(/\n[A-Za-z0-9+/=]{44}\n/, '\nq83vEjRWeJA=\n'))).toThrow(MalformedNoteError);
    expect(() => parseCheckpoint('origin\n42\n')).toThrow(MalformedNoteError);
  });
});
