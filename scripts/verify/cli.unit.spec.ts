import { position } from '../../libs/event-store/position';
import { buildBundle } from '../../libs/audit/bundle';
import { CliIo, EXIT, main } from './cli';
import { inclusionProof } from '../../libs/audit/merkle';
import { recordedStream } from '../../libs/audit/recorded-events.fixture';
import {
  exportPublicKey,
  generateSigningKeyPair,
  keyFingerprint,
  loadPrivateKey,
  loadPublicKey,
  makeCheckpoint,
  signCheckpoint,
} from '../../libs/audit/signing';
import { StreamHeads } from '../../libs/audit/stream-heads';
import { consistencyProof } from '../../libs/audit/consistency';
import { generateKeyPairSync } from 'node:crypto';
import { noteVerifierKey, signCheckpointNote } from '../../libs/audit/checkpointing/checkpoint-notes';
import { COSIGNATURE_V1, noteSigner, parseVerifierKey, verifierKeyText } from '../../libs/audit/notes/note-keys';
import { cosign } from '../../libs/audit/notes/witness';

const keys = generateSigningKeyPair();
const events = recordedStream('case-c9', [
  {
    type: 'CaseOpened',
    data: { caseId: 'c9', reason: 'visit' },
    occurredAt: '2012-03-01T00:00:00Z',
    recordedAt: '2012-03-01T00:00:00Z',
    at: 0n,
  },
  {
    type: 'CaseClosed',
    data: { resolution: 'unfounded', reason: 'r', waiver: null },
    occurredAt: '2012-03-02T00:00:00Z',
    recordedAt: '2012-03-02T00:00:00Z',
    at: 1n,
  },
]);
const hashes = events.map((e) => e.hash);
const heads = new StreamHeads([['case-c9', { revision: 1n, hash: hashes[1] }]]);
const sign = (size: number, leaves = hashes) =>
  signCheckpoint(
    makeCheckpoint(position(BigInt(size - 1)), leaves.slice(0, size), '2012-03-03T00:00:00Z', heads),
    loadPrivateKey(keys.privateKeyPem),
  );
const checkpoint = sign(2);
const bundle = buildBundle({
  events,
  checkpoint,
  proof: inclusionProof(hashes, 1),
  headProof: heads.proof('case-c9'),
  publicKey: keys.publicKeyPem,
});
// A checkpoint the auditor trusted earlier (one event), and the export that proves it extends it.
const earlier = sign(1);
const extending = buildBundle({
  events,
  checkpoint,
  proof: inclusionProof(hashes, 1),
  headProof: heads.proof('case-c9'),
  extends: { checkpoint: earlier, proof: consistencyProof(hashes, 1) },
  publicKey: keys.publicKeyPem,
});

function run(argv: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readFile: (path) => {
      if (!(path in files)) throw new Error('ENOENT');
      return files[path];
    },
    exists: (path) => path in files,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  };
  return { code: main(argv, io), out, err };
}

describe('family-ledger CLI', () => {
  it('prints VERIFIED and exits 0 for an intact bundle signed with the pinned key', () => {
    const result = run(['verify', 'case.ndjson', '--public-key', keys.publicKeyPem], { 'case.ndjson': bundle });
    expect(result.code).toBe(0);
    expect(result.out[0]).toBe('bundle: case-c9, 2 events');
    expect(result.out.at(-1)).toBe('verdict: VERIFIED');
  });

  it('says only CONSISTENT, exit 3, without a pinned key: a bundle re-signed with a key of its own passes as well', () => {
    const intact = run(['verify', 'case.ndjson'], { 'case.ndjson': bundle });
    const consistent = [EXIT.keyNotPinned, 'verdict: CONSISTENT (signing key not pinned: give --public-key to verify)'];
    expect([intact.code, intact.out.at(-1)]).toEqual(consistent);
    const operator = generateSigningKeyPair();
    const resigned = buildBundle({
      events,
      checkpoint: signCheckpoint(
        makeCheckpoint(position(1n), hashes, '2012-03-03T00:00:00Z', heads),
        loadPrivateKey(operator.privateKeyPem),
      ),
      proof: inclusionProof(hashes, 1),
      headProof: heads.proof('case-c9'),
      publicKey: operator.publicKeyPem,
    });
    const unpinned = run(['verify', 'case.ndjson'], { 'case.ndjson': resigned });
    expect([unpinned.code, unpinned.out.at(-1)]).toEqual(consistent);
    const pinned = run(['verify', 'case.ndjson', '--public-key', keys.publicKeyPem], { 'case.ndjson': resigned });
    expect([pinned.code, pinned.out.at(-1)]).toEqual([EXIT.notVerified, 'verdict: NOT VERIFIED']);
    const json = run(['verify', 'case.ndjson', '--json'], { 'case.ndjson': bundle });
    expect([json.code, JSON.parse(json.out[0])]).toEqual([EXIT.keyNotPinned, expect.objectContaining({ ok: true, pinned: false })]);
  });

  it('prints NOT VERIFIED with the first bad revision and exits 1 for a changed bundle', () => {
    const changed = bundle.replace('"resolution":"unfounded"', '"resolution":"unfoundee"');
    const result = run(['verify', 'case.ndjson'], { 'case.ndjson': changed });
    expect(result.code).toBe(1);
    expect(result.out).toContainEqual(expect.stringMatching(/^ {2}FAIL {2}chain/));
    expect(result.out.at(-1)).toBe('verdict: NOT VERIFIED (first bad revision: 1)');
  });

  it('pins the public key from a file and prints the verdict as JSON on request', () => {
    const result = run(['verify', 'case.ndjson', '--public-key', 'key.pem', '--json'], {
      'case.ndjson': bundle,
      'key.pem': keys.publicKeyPem,
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out[0])).toMatchObject({ ok: true, pinned: true, stream: 'case-c9', events: 2 });
  });

  it('takes as its key the JSON that GET /audit/public-key serves, saved to a file', () => {
    const key = loadPublicKey(keys.publicKeyPem);
    const served = JSON.stringify({
      algorithm: 'Ed25519',
      keyId: keyFingerprint(key),
      publicKey: exportPublicKey(key),
      pem: keys.publicKeyPem,
    });
    const result = run(['verify', 'case.ndjson', '--public-key', 'public-key.json'], { 'case.ndjson': bundle, 'public-key.json': served });
    expect(result.out).toContainEqual(expect.stringMatching(/^ {2}ok +key +the bundle key is the trusted key$/));
    expect(result.code).toBe(0);
    // Only the base64 form, as another publisher might serve it.
    expect(
      run(['verify', 'case.ndjson', '--public-key', JSON.stringify({ publicKey: exportPublicKey(key) })], { 'case.ndjson': bundle }).code,
    ).toBe(0);
  });

  it('refuses served JSON whose keyId is not the key it carries, saying so', () => {
    const key = loadPublicKey(keys.publicKeyPem);
    const forged = JSON.stringify({ algorithm: 'Ed25519', keyId: 'f'.repeat(64), publicKey: exportPublicKey(key) });
    const result = run(['verify', 'case.ndjson', '--public-key', 'public-key.json'], { 'case.ndjson': bundle, 'public-key.json': forged });
    expect(result.code).toBe(2);
    expect(result.err[0]).toMatch(/keyId .* is not the fingerprint of the key/);
  });

  it('refuses a bundle checked against another trusted key', () => {
    const other = generateSigningKeyPair().publicKeyPem;
    expect(run(['verify', 'case.ndjson', '--public-key', other], { 'case.ndjson': bundle }).code).toBe(1);
  });

  it('exits 2 with usage on a missing file or bad arguments', () => {
    expect(run(['verify', 'missing.ndjson']).code).toBe(2);
    expect(run(['verify']).code).toBe(2);
    expect(run(['verify', 'a', '--public-key']).code).toBe(2);
    expect(run(['frobnicate']).err[0]).toMatch(/^usage: family-ledger verify/);
  });

  it("checks that the bundle's checkpoint extends the one trusted before, and refuses a fork or a missing proof", () => {
    const files = { 'case.ndjson': extending, 'trusted.json': JSON.stringify(earlier) };
    expect(run(['verify', 'case.ndjson', '--trusted', 'trusted.json', '--public-key', keys.publicKeyPem], files).out.at(-1)).toBe(
      'verdict: VERIFIED',
    );
    // The auditor had trusted another tree of one event: the service forked (or rewrote event 0).
    const fork = sign(1, ['ab'.repeat(32)]);
    const forked = run(['verify', 'case.ndjson', '--trusted', 'trusted.json'], { ...files, 'trusted.json': JSON.stringify(fork) });
    expect(forked.code).toBe(1);
    expect(forked.out).toContainEqual(expect.stringMatching(/FAIL {2}consistency/));
    expect(run(['verify', 'case.ndjson', '--trusted', 'trusted.json'], { ...files, 'case.ndjson': bundle }).code).toBe(1);
    expect(run(['verify', 'case.ndjson', '--trusted', 'trusted.json'], { ...files, 'trusted.json': 'nope' }).code).toBe(2);
  });

  it('takes the trusted checkpoint as its signed note too, and refuses a note signed by another key', () => {
    const note = signCheckpointNote('family-ledger.test/640100', earlier, [loadPrivateKey(keys.privateKeyPem)]);
    const files = { 'case.ndjson': extending, 'trusted.note': note };
    const ok = run(['verify', 'case.ndjson', '--trusted', 'trusted.note', '--public-key', keys.publicKeyPem], files);
    expect([ok.code, ok.out.at(-1)]).toEqual([0, 'verdict: VERIFIED']);
    const stranger = signCheckpointNote('family-ledger.test/640100', earlier, [loadPrivateKey(generateSigningKeyPair().privateKeyPem)]);
    const refused = run(['verify', 'case.ndjson', '--trusted', 'trusted.note', '--public-key', keys.publicKeyPem], {
      ...files,
      'trusted.note': stranger,
    });
    expect(refused.code).toBe(1);
    expect(refused.out).toContainEqual(expect.stringMatching(/FAIL {2}consistency .*no trusted key signed/));
  });

  it('checks a consistency answer against the trusted checkpoint and the pinned key', () => {
    const answer = JSON.stringify({ first: earlier, second: checkpoint, proof: consistencyProof(hashes, 1) });
    const files = { 'answer.json': answer, 'trusted.json': JSON.stringify(earlier) };
    const ok = run(['consistency', 'answer.json', '--trusted', 'trusted.json', '--public-key', keys.publicKeyPem], files);
    expect([ok.code, ok.out.at(-1)]).toEqual([0, 'verdict: EXTENDS the trusted checkpoint']);
    const forged = JSON.stringify({ first: earlier, second: checkpoint, proof: { first: 1, second: 2, path: ['cd'.repeat(32)] } });
    expect(
      run(['consistency', 'answer.json', '--trusted', 'trusted.json', '--public-key', keys.publicKeyPem], {
        ...files,
        'answer.json': forged,
      }).code,
    ).toBe(1);
    expect(run(['consistency', 'answer.json', '--trusted', 'trusted.json'], files).code).toBe(2);
  });

  it("requires N witnesses' cosignatures on the later checkpoint of a consistency answer", () => {
    const origin = 'family-ledger.test/640100';
    const logKey = loadPrivateKey(keys.privateKeyPem);
    const witness = noteSigner('witness.test/a', generateKeyPairSync('ed25519').privateKey, COSIGNATURE_V1);
    const note = signCheckpointNote(origin, checkpoint, [logKey]);
    const cosigned = cosign({ note, seconds: 1n }, parseVerifierKey(noteVerifierKey(origin, logKey)), witness).note;
    const answer = (n: string) =>
      JSON.stringify({ first: earlier, second: { ...checkpoint, note: n }, proof: consistencyProof(hashes, 1) });
    const args = [
      'consistency',
      'answer.json',
      '--trusted',
      'trusted.json',
      '--public-key',
      keys.publicKeyPem,
      '--witness',
      verifierKeyText(witness),
      '--witnesses',
      '1',
    ];
    expect(run(args, { 'answer.json': answer(cosigned), 'trusted.json': JSON.stringify(earlier) }).code).toBe(0);
    const refused = run(args, { 'answer.json': answer(note), 'trusted.json': JSON.stringify(earlier) });
    expect([refused.code, refused.out.at(-1)]).toEqual([1, expect.stringContaining('0 of the 1 witnesses')]);
    expect(run([...args.slice(0, -1), '2'], { 'answer.json': answer(cosigned), 'trusted.json': JSON.stringify(earlier) }).code).toBe(2);
  });

  it('generates a key pair', () => {
    const result = run(['keygen']);
    expect(result.code).toBe(0);
    expect(result.out.join('\n')).toMatch(/-----BEGIN PRIVATE KEY-----[\s\S]+-----BEGIN PUBLIC KEY-----/);
  });
});
