import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMasterKey } from '../personal-data/master-key';
import { ensureSigningKeyPair, loadSigningKeyPair } from './signing-keys';
import { writeFileOnce } from './write-once';

describe('the embedded keys', () => {
  it('creates the signing pair once, owner-readable, and loads the same pair afterwards', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'signing-')), 'auth');
    const first = ensureSigningKeyPair(dir);
    const second = ensureSigningKeyPair(dir);
    expect([first.created, second.created]).toEqual([true, false]);
    expect(second.publicKey.export({ type: 'spki', format: 'pem' })).toEqual(first.publicKey.export({ type: 'spki', format: 'pem' }));
    expect(statSync(join(dir, 'signing-key.pem')).mode & 0o077).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['signing-key.pem', 'signing-key.pub.pem']);
    expect(loadSigningKeyPair(dir).publicKey.export({ type: 'spki', format: 'pem' })).toEqual(
      first.publicKey.export({ type: 'spki', format: 'pem' }),
    );
  });

  it('tells the token script to start the service first when there is no key', () => {
    expect(() => loadSigningKeyPair(join(tmpdir(), 'no-such-dir-here'))).toThrow('npm start');
  });

  it('keeps the first of two writers and leaves no draft behind', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'once-')), 'key');
    expect(writeFileOnce(path, 'first')).toBe(true);
    expect(writeFileOnce(path, 'second')).toBe(false);
    expect(readdirSync(join(path, '..'))).toEqual(['key']);
  });

  it('creates the master key once under DATA_DIR/pii, or takes PII_MASTER_KEY', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'master-'));
    const first = loadMasterKey({}, dataDir);
    expect(first.key).toHaveLength(32);
    expect(loadMasterKey({}, dataDir).key).toEqual(first.key);
    expect(loadMasterKey({ PII_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') }, dataDir).key).toEqual(Buffer.alloc(32, 7));
    expect(() => loadMasterKey({ PII_MASTER_KEY: 'c2hvcnQ=' }, dataDir)).toThrow('PII_MASTER_KEY');
  });
});
