import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { position } from '../event-store/position';
import {
  exportPublicKey,
  generateSigningKeyPair,
  keyFingerprint,
  loadPrivateKey,
  loadPublicKey,
  makeCheckpoint,
  signCheckpoint,
  SigningKeyError,
  verifyCheckpoint,
} from './signing';

const { privateKeyPem, publicKeyPem } = generateSigningKeyPair();
const privateKey = loadPrivateKey(privateKeyPem);
const publicKey = loadPublicKey(publicKeyPem);
const checkpoint = makeCheckpoint(position(41n), ['a'.repeat(64), 'b'.repeat(64)], '2012-03-31T00:00:00.000Z');

describe('signed checkpoints', () => {
  it('describes the log up to a position by its size and Merkle root', () => {
    expect(checkpoint).toEqual({
      position: '41',
      eventCount: 2,
      merkleRoot: expect.stringMatching(/^[0-9a-f]{64}$/),
      signedAt: '2012-03-31T00:00:00.000Z',
    });
  });

  it('verifies a checkpoint signed with the matching key', () => {
    const signed = signCheckpoint(checkpoint, privateKey);
    expect(signed.keyId).toBe(keyFingerprint(publicKey));
    expect(verifyCheckpoint(signed, publicKey)).toBe(true);
  });

  it.each([
    ['position', { position: '42' }],
    ['eventCount', { eventCount: 3 }],
    ['merkleRoot', { merkleRoot: 'c'.repeat(64) }],
    ['signedAt', { signedAt: '2012-04-01T00:00:00.000Z' }],
  ])('rejects the checkpoint once its %s is changed', (_field, change) => {
    const signed = signCheckpoint(checkpoint, privateKey);
    expect(verifyCheckpoint({ ...signed, ...change }, publicKey)).toBe(false);
  });

  it('rejects a signature made with another key', () => {
    const other = loadPrivateKey(generateSigningKeyPair().privateKeyPem);
    expect(verifyCheckpoint(signCheckpoint(checkpoint, other), publicKey)).toBe(false);
  });

  it('rejects a malformed checkpoint instead of throwing', () => {
    const signed = signCheckpoint(checkpoint, privateKey);
    expect(verifyCheckpoint({ ...signed, signature: '!!' }, publicKey)).toBe(false);
    expect(verifyCheckpoint({ ...signed, eventCount: -1 }, publicKey)).toBe(false);
    expect(verifyCheckpoint({ ...signed, position: 'head' }, publicKey)).toBe(false);
    expect(verifyCheckpoint(null as never, publicKey)).toBe(false);
  });

  it('loads keys from PEM, base64 of PEM, base64 DER and base64 raw', () => {
    const der = createPrivateKey(privateKeyPem).export({ type: 'pkcs8', format: 'der' });
    const raw = der.subarray(der.length - 32);
    const spkiDer = Buffer.from(exportPublicKey(publicKey), 'base64');
    const forms = [
      loadPrivateKey(Buffer.from(privateKeyPem).toString('base64')),
      loadPrivateKey(der.toString('base64')),
      loadPrivateKey(raw.toString('base64')),
    ];
    for (const key of forms) expect(verifyCheckpoint(signCheckpoint(checkpoint, key), publicKey)).toBe(true);
    const signed = signCheckpoint(checkpoint, privateKey);
    expect(verifyCheckpoint(signed, loadPublicKey(spkiDer.toString('base64')))).toBe(true);
    expect(verifyCheckpoint(signed, loadPublicKey(spkiDer.subarray(spkiDer.length - 32).toString('base64')))).toBe(true);
    expect(verifyCheckpoint(signed, loadPublicKey(privateKeyPem))).toBe(true);
  });

  it('refuses a key that is not Ed25519, and never echoes the key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => loadPrivateKey(rsa)).toThrow(SigningKeyError);
    expect(() => loadPrivateKey('   ')).toThrow(SigningKeyError);
    try {
      loadPrivateKey('bm90IGEga2V5IGF0IGFsbA==');
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(SigningKeyError);
      expect((error as Error).message).not.toContain('bm90IGEga2V5IGF0IGFsbA==');
    }
  });
});
