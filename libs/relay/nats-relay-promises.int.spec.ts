/**
 * An adversarial review of what the relay promises downstream services (README.md): every event once across a
 * crash between publish and checkpoint, a lost lock and two relays of one name. Order, resumption and the
 * bytes on the wire: nats-relay-order.int.spec.ts. Each test has a PostgreSQL database and a nats-server of
 * its own (never port 4222).
 */
import { DataSource } from 'typeorm';
import { formatPosition } from '../event-store/position';
import { describeIfNats } from './testing/relay-fixtures';
import { eventually, useRelayHarness } from './testing/relay-harness';

const describeWithNats = describeIfNats('NATS relay promise tests');

/**
 * The database, and the sessions taken from it, with checkpoint saves that hang from the `after`-th on: the
 * relay has published an event and not yet saved its position. `release` lets them fail (the process died)
 * or go on (a relay frozen for a while, as by a long pause, wakes up).
 */
function freezingCheckpoints(db: DataSource, after: number) {
  let saves = 0;
  let release!: (outcome: 'resume' | 'crash') => void;
  const released = new Promise<'resume' | 'crash'>((resolve) => (release = resolve));
  const freezing = <T extends object>(target: T & { query(sql: string, parameters?: unknown[]): Promise<unknown> }): T =>
    new Proxy(target, {
      get(object, key) {
        if (key === 'createQueryRunner') return () => freezing(db.createQueryRunner());
        if (key !== 'query') return Reflect.get(object, key, object) as unknown;
        return async (sql: string, parameters?: unknown[]) => {
          if (sql.includes('INSERT INTO relay.checkpoints') && ++saves >= after) {
            if ((await released) === 'crash') throw new Error('the relay process died');
          }
          return object.query(sql, parameters);
        };
      },
    });
  return { db: freezing(db), release: (outcome: 'resume' | 'crash') => release(outcome), saves: () => saves };
}

describeWithNats('what the NATS relay promises downstream services: once, across failures', () => {
  const h = useRelayHarness();

  /** Ends the session holding the relay's advisory lock, as the death of its process (or its connection) would. */
  async function endLockSession(): Promise<void> {
    const [{ ended }] = await h.db.query(
      `SELECT count(pg_terminate_backend(pid))::int AS ended FROM pg_locks
       WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    expect(ended).toBe(1);
  }

  it('re-sends nothing and skips nothing when the relay dies between an ack and its checkpoint save', async () => {
    await h.appendLoans(6);
    const log = await h.logOf(6);
    const crashing = freezingCheckpoints(h.db, 3);
    const first = h.relay('crash', crashing.db);
    await eventually(async () => expect(crashing.saves()).toBe(3)); // the third event is in the stream, its checkpoint not saved
    expect((await h.streamContents()).map((m) => m.id)).toEqual(log.slice(0, 3).map((e) => e.id));
    expect(await h.checkpointOf('crash')).toBe(formatPosition(log[1].position));
    await endLockSession(); // the process is gone: its session, and the lock, with it

    const second = h.relay('crash');
    await h.expectStreamToHoldTheLog(log);
    await eventually(async () => expect(await h.checkpointOf('crash')).toBe(formatPosition(log[5].position)));
    expect(second.counts).toMatchObject({ published: 3, duplicates: 0 });

    const stopping = first.stop();
    crashing.release('crash');
    await stopping;
  });

  it('stands a relay that lost its lock down when it wakes up, instead of publishing beside its successor', async () => {
    await h.appendLoans(4);
    const crashing = freezingCheckpoints(h.db, 2);
    const stale = h.relay('woken', crashing.db);
    await eventually(async () => expect(crashing.saves()).toBe(2));
    await endLockSession(); // a dropped connection: the lock is gone, the relay does not know
    const successor = h.relay('woken');
    await eventually(async () => expect(successor.status).toBe('relaying'));
    crashing.release('resume'); // the stale relay goes on from its second event
    await h.appendLoans(6);
    const log = await h.logOf(10);
    const contents = await h.expectStreamToHoldTheLog(log);
    expect(new Set(contents.map((m) => m.id)).size).toBe(10);
    await eventually(async () => expect(await h.checkpointOf('woken')).toBe(formatPosition(log[9].position)));
    // Its next checkpoint save, on the ended session, fails: it goes back to waiting for the lock, having sent
    // nothing beyond the event it had in hand (a re-send of an old event outlives JetStream's duplicate window).
    await eventually(async () => expect(stale.status).toBe('standby'));
    expect(stale.counts).toMatchObject({ published: 2, duplicates: 0 });
    expect(successor.counts).toMatchObject({ published: 8, duplicates: 0 });
  });

  it('lets only one of two relays started under one name publish, and the other take over from its checkpoint', async () => {
    await h.appendLoans(5);
    const a = h.relay('twin');
    const b = h.relay('twin');
    await eventually(async () => expect([a.status, b.status].sort()).toEqual(['relaying', 'standby']));
    const [active, standby] = a.status === 'relaying' ? [a, b] : [b, a];
    await h.expectStreamToHoldTheLog(await h.logOf(5));
    await active.stop();
    await h.appendLoans(3);
    const log = await h.logOf(8);
    await h.expectStreamToHoldTheLog(log);
    expect(standby.status).toBe('relaying');
    expect(active.counts).toMatchObject({ published: 5, duplicates: 0 });
    expect(standby.counts).toMatchObject({ published: 3, duplicates: 0 });
  });
});
