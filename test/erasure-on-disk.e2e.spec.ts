/**
 * Erasure against everything the service ever wrote to disk: the service runs on the tests' embedded
 * PostgreSQL, with a DATA_DIR of its own and the master key made there. After a household's erasure and
 * a CHECKPOINT, every raw file (PostgreSQL's heap, pg_wal, the keys) is searched: the erased head's name
 * and phone appear nowhere, and no key still on disk unwraps any copy of the household's old wrapped data
 * key (the copies are there, in the WAL: that is what this test is about).
 */
import { createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

const tag = randomBytes(4).toString('hex');
const ERASED = { name: `Erased Person ${tag}`, phone: `1380${parseInt(tag, 16).toString().padStart(10, '0').slice(-7)}` };
const KEPT = { name: `Kept Person ${tag}`, phone: '13700000000' };

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}

/** The file's bytes; empty when it went away meanwhile (the server is shared: other tests drop databases). */
function contents(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Buffer.alloc(0);
    throw error;
  }
}

/** AES-256-GCM in the layout iv(12) | tag(16) | ciphertext; undefined when the key does not open it. */
function open(wrapped: Buffer, key: Buffer, aad: string): Buffer | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, wrapped.subarray(0, 12), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(wrapped.subarray(12, 28));
    return Buffer.concat([decipher.update(wrapped.subarray(28)), decipher.final()]);
  } catch {
    return undefined;
  }
}

/**
 * Every key an attacker with the disk gets: 32-byte keys in files under DATA_DIR (base64 or raw), and any
 * wrapped key in those files that one of them opens (labelled with its file name), until nothing new opens.
 */
function keysOnDisk(dataDir: string): Buffer[] {
  const files = filesUnder(dataDir).filter((path) => statSync(path).size < 4096);
  const blobs = files.flatMap((path) => {
    const raw = readFileSync(path);
    const decoded = Buffer.from(raw.toString('utf8').trim(), 'base64');
    return [
      { path, bytes: raw },
      { path, bytes: decoded },
    ];
  });
  const keys: Buffer[] = blobs.filter((blob) => blob.bytes.length === 32).map((blob) => blob.bytes);
  for (let grown = true; grown;) {
    grown = false;
    for (const blob of blobs.filter((b) => b.bytes.length === 60)) {
      const label = basename(blob.path).replace(/\.[^.]*$/, '');
      for (const key of [...keys]) {
        const opened = [label, `wrapping-key:${label}`].map((aad) => open(blob.bytes, key, aad)).find((k) => k?.length === 32);
        if (opened && !keys.some((known) => known.equals(opened))) {
          keys.push(opened);
          grown = true;
        }
      }
    }
  }
  return keys;
}

describe('erasure on disk', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'family-ledger-erasure-'));
  let app: TestApp;
  let http: TestApp['http'];
  let pgData: string;

  beforeAll(async () => {
    // No PII_MASTER_KEY nor PII_KEY_DIR: the master key and the wrapping keys under DATA_DIR, as by default.
    app = await startTestApp({ env: { DATA_DIR: dataDir, PII_MASTER_KEY: '', PII_KEY_DIR: '' } });
    http = app.http;
    // The embedded PostgreSQL the tests run on: its data directory, pg_wal included, is searched too.
    [{ data_directory: pgData }] = await app.runtime.dataSource.query(`SELECT current_setting('data_directory') AS data_directory`);
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const enrol = (householdId: string, head: { name: string; phone: string }) =>
    request(http)
      .post('/households')
      .send({ householdId, villageCode: '640104001001', category: 'developing', members: 3, head })
      .expect(201);

  it('leaves no copy on disk that yields the erased personal data, and keeps the others readable', async () => {
    const erased = randomUUID();
    const kept = randomUUID();
    await enrol(kept, KEPT);
    await enrol(erased, ERASED);
    const [{ wrapped_key: wrapped }] = await app.runtime.dataSource.query(
      `SELECT wrapped_key FROM personal_data.data_keys WHERE key_id = $1`,
      [erased],
    );
    expect(wrapped.length).toBeGreaterThanOrEqual(60);

    await request(http).post(`/households/${erased}/erasure`).send({ legalBasis: 'purpose-achieved' }).expect(200);
    await app.runtime.dataSource.query('CHECKPOINT');

    const everything = [...filesUnder(pgData), ...filesUnder(dataDir)];
    expect(everything.some((path) => path.includes('pg_wal'))).toBe(true);
    const copies = everything.filter((path) => contents(path).includes(wrapped));
    // The old wrapped key is still on disk (the WAL at least): erasure cannot rely on its absence.
    expect(copies.length).toBeGreaterThan(0);
    const keys = keysOnDisk(dataDir);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((key) => open(wrapped, key, erased) !== undefined)).toEqual([]);
    for (const secret of [ERASED.name, ERASED.phone]) {
      expect(everything.filter((path) => contents(path).includes(Buffer.from(secret, 'utf8')))).toEqual([]);
    }

    // The households enrolled in the same period were wrapped again under a new key: still readable.
    const [survivor] = await app.runtime.eventStore.readStream(`household-${kept}`);
    expect(survivor.data.head).toEqual(KEPT);
    const [gone] = await app.runtime.eventStore.readStream(`household-${erased}`);
    expect(gone.data.head).toEqual({ name: '[erased]', phone: '[erased]' });
  }, 120_000);
});
