/**
 * Appends inside callers' transactions that race for the same stream, on two connections of a real
 * PostgreSQL: the second waits on the first's uncommitted row, then loses the unique index once it commits.
 * The loser's transaction must survive that (a savepoint), an `any` append must try again after the winner,
 * and a refused one must name the revision the winner left, never "no stream".
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import { PoolClient } from 'pg';
import { anEvent } from '../contract/event-store.contract';
import { ExpectedRevision } from '../event-store.port';
import { WrongExpectedRevisionError } from '../errors';
import { verifyChain } from '../hash-chain';
import { openTestStore } from '../../testing/store-database';
import { PostgresEventStore } from './postgres-event-store';

describe('appends racing inside callers’ transactions', () => {
  let store: PostgresEventStore;
  let close: () => Promise<void>;
  let winner: PoolClient;
  let loser: PoolClient;

  beforeAll(async () => ({ store, close } = await openTestStore()));
  afterAll(() => close());
  beforeEach(async () => {
    [winner, loser] = [await store.pool.connect(), await store.pool.connect()];
  });
  afterEach(async () => {
    for (const client of [winner, loser]) {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  const events = (count: number) => Array.from({ length: count }, () => anEvent());

  /** The winner holds the stream's next revision uncommitted; the loser's append waits on it, then the winner commits. */
  async function race(stream: string, expectedRevision: ExpectedRevision, count = 1, isolation = 'READ COMMITTED') {
    await store.appendToStream(stream, events(1), { expectedRevision: 'no_stream' });
    await winner.query('BEGIN');
    await loser.query(`BEGIN ISOLATION LEVEL ${isolation}`);
    await loser.query('SELECT 1 FROM event_store.events LIMIT 1'); // the snapshot of a REPEATABLE READ loser starts here
    const won = events(2);
    await store.appendToStreamIn(winner, stream, won, { expectedRevision: 0n });
    const [{ pid }] = (await loser.query('SELECT pg_backend_pid() AS pid')).rows;
    const lost = events(count);
    const appending = store.appendToStreamIn(loser, stream, lost, { expectedRevision }).catch((error: unknown) => error);
    await waitingOnLock(pid);
    await winner.query('COMMIT');
    return { answer: await appending, won, lost };
  }

  /** Asked on another connection: the loser's own is busy with its append. */
  async function waitingOnLock(pid: number): Promise<void> {
    for (let waited = 0; waited < 5000; waited += 10) {
      const { rows } = await store.pool.query('SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1', [pid]);
      if (rows[0]?.wait_event_type === 'Lock') return;
      await sleep(10);
    }
    throw new Error('the second append never waited on the first');
  }

  it.each([1, 3])('tries an `any` append of %i event(s) again after the winner, inside the same transaction', async (count) => {
    const stream = `household-${randomUUID()}`;
    const { answer, won, lost } = await race(stream, 'any', count);
    expect(answer).toMatchObject({ nextExpectedRevision: BigInt(2 + count), resent: false });
    // The transaction was not aborted: it goes on and commits.
    await store.appendToStreamIn(loser, stream, events(1), { expectedRevision: BigInt(2 + count) });
    await loser.query('COMMIT');
    const read = await store.readStream(stream);
    expect(read.map((e) => e.id).slice(1, 3 + count)).toEqual([...won, ...lost].map((e) => e.id));
    expect(read.map((e) => e.revision)).toEqual(Array.from({ length: 4 + count }, (_, i) => BigInt(i)));
    expect(verifyChain(read)).toBeUndefined();
  });

  it('names the revision the winner left when an exact expected revision loses, and leaves the transaction usable', async () => {
    const stream = `household-${randomUUID()}`;
    const { answer } = await race(stream, 0n);
    expect(answer).toBeInstanceOf(WrongExpectedRevisionError);
    expect(answer).toMatchObject({ expected: 0n, actual: 2n, message: `stream ${stream}: expected revision 0, actual 2` });
    const other = `household-${randomUUID()}`;
    await store.appendToStreamIn(loser, other, events(1), { expectedRevision: 'no_stream' });
    await loser.query('COMMIT');
    expect(await store.readStream(stream)).toHaveLength(3);
    expect(await store.readStream(other)).toHaveLength(1);
  });

  it('does not try again under REPEATABLE READ, whose snapshot cannot see the winner, and names at least its revision', async () => {
    const stream = `household-${randomUUID()}`;
    const { answer } = await race(stream, 'any', 1, 'REPEATABLE READ');
    expect(answer).toBeInstanceOf(WrongExpectedRevisionError);
    expect((answer as WrongExpectedRevisionError).actual).toBeGreaterThanOrEqual(1n);
    expect(await store.readStream(stream)).toHaveLength(3);
  });
});
