import { position } from '../../libs/event-store/position';
import { buildBundle } from '../../libs/audit/bundle';
import { CliIo, main } from './cli';
import { inclusionProof } from '../../libs/audit/merkle';
import { recordedStream } from '../../libs/audit/recorded-events.fixture';
import { exportPublicKey, generateSigningKeyPair, keyFingerprint, loadPrivateKey, loadPublicKey, makeCheckpoint, signCheckpoint } from '../../libs/audit/signing';

const keys = generateSigningKeyPair();
const events = recordedStream('case-c9', [
  { type: 'CaseOpened', data: { caseId: 'c9', reason: 'visit' }, occurredAt: '2012-03-01T00:00:00Z', recordedAt: '2012-03-01T00:00:00Z', at: 0n },
  { type: 'CaseClosed', data: { resolution: 'unfounded', reason: 'r', waiver: null }, occurredAt: '2012-03-02T00:00:00Z', recordedAt: '2012-03-02T00:00:00Z', at: 1n },
]);
const hashes = events.map((e) => e.hash);
const checkpoint = signCheckpoint(makeCheckpoint(position(1n), hashes, '2012-03-03T00:00:00Z'), loadPrivateKey(keys.privateKeyPem));
const bundle = buildBundle({ events, checkpoint, proof: inclusionProof(hashes, 1), publicKey: keys.publicKeyPem });

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
  it('prints VERIFIED and exits 0 for an intact bundle', () => {
    const result = run(['verify', 'case.ndjson'], { 'case.ndjson': bundle });
    expect(result.code).toBe(0);
    expect(result.out[0]).toBe('bundle: case-c9, 2 events');
    expect(result.out.at(-1)).toBe('verdict: VERIFIED');
  });

  it('prints NOT VERIFIED with the first bad revision and exits 1 for a changed bundle', () => {
    const changed = bundle.replace('"resolution":"unfounded"', '"resolution":"unfoundee"');
    const result = run(['verify', 'case.ndjson'], { 'case.ndjson': changed });
    expect(result.code).toBe(1);
    expect(result.out).toContainEqual(expect.stringMatching(/^ {2}FAIL {2}chain/));
    expect(result.out.at(-1)).toBe('verdict: NOT VERIFIED (first bad revision: 1)');
  });

  it('pins the public key from a file and prints the verdict as JSON on request', () => {
    const result = run(['verify', 'case.ndjson', '--public-key', 'key.pem', '--json'], { 'case.ndjson': bundle, 'key.pem': keys.publicKeyPem });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out[0])).toMatchObject({ ok: true, stream: 'case-c9', events: 2 });
  });

  it('takes as its key the JSON that GET /audit/public-key serves, saved to a file', () => {
    const key = loadPublicKey(keys.publicKeyPem);
    const served = JSON.stringify({ algorithm: 'Ed25519', keyId: keyFingerprint(key), publicKey: exportPublicKey(key), pem: keys.publicKeyPem });
    const result = run(['verify', 'case.ndjson', '--public-key', 'public-key.json'], { 'case.ndjson': bundle, 'public-key.json': served });
    expect(result.out).toContainEqual(expect.stringMatching(/^ {2}ok +key +the bundle key is the trusted key$/));
    expect(result.code).toBe(0);
    // Only the base64 form, as another publisher might serve it.
    expect(run(['verify', 'case.ndjson', '--public-key', JSON.stringify({ publicKey: exportPublicKey(key) })], { 'case.ndjson': bundle }).code).toBe(0);
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

  it('generates a key pair', () => {
    const result = run(['keygen']);
    expect(result.code).toBe(0);
    expect(result.out.join('\n')).toMatch(/-----BEGIN PRIVATE KEY-----[\s\S]+-----BEGIN PUBLIC KEY-----/);
  });
});
