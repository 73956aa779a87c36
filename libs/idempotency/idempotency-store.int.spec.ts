import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { libSchema, openDatabase } from '../database/data-source';
import { createTestDatabase, TestDatabase } from '../testing/test-database';
import { Claim, IdempotencyKeyBusyError, IdempotencyStore, StoredResponse } from './idempotency-store';
import { requestHash } from './request-hash';

const answer: StoredResponse = { status: 201, headers: { etag: '"0"' }, body: { householdId: 'h-1', revision: 0 } };

function claimed(claim: Claim): Extract<Claim, { kind: 'claimed' }> {
  if (claim.kind !== 'claimed') throw new Error(`expected a claim, got ${claim.kind}`);
  return claim;
}

describe('idempotency keys in PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: IdempotencyStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.url, libSchema);
    store = new IdempotencyStore(dataSource, { lockTimeoutMs: 2_000 });
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  /** Until PostgreSQL shows a request queued behind the advisory lock of another. */
  async function waitingForTheLock(): Promise<void> {
    for (;;) {
      const [{ waiting }] = await dataSource.query(
        `SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
      );
      if (waiting > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it('lets the first request with a key execute and replays its answer to the next one with the same hash', async () => {
    const key = randomUUID();
    await claimed(await store.claim(key, 'hash-a')).complete(answer);
    expect(await store.claim(key, 'hash-a')).toEqual({ kind: 'replay', response: answer });
  });

  it('calls the same key with another request hash a mismatch', async () => {
    const key = randomUUID();
    await claimed(await store.claim(key, 'hash-a')).complete(answer);
    expect(await store.claim(key, 'hash-b')).toEqual({ kind: 'mismatch' });
  });

  it('keeps nothing for a released claim, so the retry executes afresh', async () => {
    const key = randomUUID();
    await claimed(await store.claim(key, 'hash-a')).release();
    expect((await store.claim(key, 'hash-a')).kind).toBe('claimed');
  });

  it('makes a concurrent request with the same key wait, then replay the first answer', async () => {
    const key = randomUUID();
    const first = claimed(await store.claim(key, 'hash-a'));
    let secondSettled = false;
    const second = store.claim(key, 'hash-a').finally(() => (secondSettled = true));
    await waitingForTheLock();
    expect(secondSettled).toBe(false);
    await first.complete(answer);
    expect(await second).toEqual({ kind: 'replay', response: answer });
  });

  it('lets a waiting request execute when the first one released the key', async () => {
    const key = randomUUID();
    const first = claimed(await store.claim(key, 'hash-a'));
    const second = store.claim(key, 'hash-a');
    await waitingForTheLock();
    await first.release();
    const claim = claimed(await second);
    await claim.release();
  });

  it('gives up with IdempotencyKeyBusyError when the first request holds the key past the lock timeout', async () => {
    const impatient = new IdempotencyStore(dataSource, { lockTimeoutMs: 50 });
    const key = randomUUID();
    const first = claimed(await store.claim(key, 'hash-a'));
    await expect(impatient.claim(key, 'hash-a')).rejects.toBeInstanceOf(IdempotencyKeyBusyError);
    await first.release();
  });

  it('does not block requests with other keys', async () => {
    const first = claimed(await store.claim(randomUUID(), 'hash-a'));
    const other = claimed(await new IdempotencyStore(dataSource, { lockTimeoutMs: 50 }).claim(randomUUID(), 'hash-a'));
    await other.release();
    await first.release();
  });

  it('forgets stored answers past their retention: the sweeper deletes them and a late retry executes afresh', async () => {
    const key = `sweep-${randomUUID()}`;
    const store = new IdempotencyStore(dataSource, { retentionMs: 60_000 });
    const claimed = await store.claim(key, 'hash-1');
    if (claimed.kind !== 'claimed') throw new Error(`expected a fresh claim, got ${claimed.kind}`);
    await claimed.complete({ status: 200, headers: {}, body: { ok: true } });
    expect((await store.claim(key, 'hash-1')).kind).toBe('replay');
    await dataSource.query(`UPDATE idempotency.keys SET created_at = now() - interval '2 minutes' WHERE key = $1`, [key]);
    // Expired but not yet swept: already treated as absent.
    const late = await store.claim(key, 'hash-2');
    expect(late.kind).toBe('claimed');
    if (late.kind === 'claimed') await late.release();
    expect(await store.sweep()).toBeGreaterThanOrEqual(1);
    expect(await dataSource.query(`SELECT key FROM idempotency.keys WHERE key = $1`, [key])).toEqual([]);
  });
});

describe('the request hash', () => {
  const base = { method: 'POST', path: '/households/1/needs', body: { kind: 'care', focusArea: 'health' } };

  it('ignores the order of keys in the body', () => {
    expect(requestHash(base)).toBe(requestHash({ ...base, body: { focusArea: 'health', kind: 'care' } }));
  });

  it.each([
    ['method', { ...base, method: 'PUT' }],
    ['path', { ...base, path: '/households/2/needs' }],
    ['precondition', { ...base, ifMatch: '"3"' }],
    ['body', { ...base, body: { ...base.body, kind: 'skills' } }],
  ])('changes with the %s', (_what, other) => {
    expect(requestHash(other)).not.toBe(requestHash(base));
  });
});
