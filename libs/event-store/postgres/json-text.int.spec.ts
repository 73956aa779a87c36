/**
 * A read that keeps the JSON text of data and metadata (`keepJsonText`, for the SSE feed) gives the same events
 * as any read, and the text kept is PostgreSQL's own for exactly those values; one that omits the hash chain
 * (`omitHashes`, the feed's too) differs from any other only in the hashes.
 */
import { randomUUID } from 'node:crypto';
import { types } from 'pg';
import { openTestStore } from '../../testing/store-database';
import { anEvent } from '../contract/event-store.contract';
import { jsonOf } from '../json-text';
import { PostgresEventStore } from './postgres-event-store';

describe('reading the log with the JSON text kept', () => {
  let store: PostgresEventStore;
  let close: () => Promise<void>;

  beforeAll(async () => ({ store, close } = await openTestStore()));
  afterAll(() => close());

  it('gives the events every other read gives, with the text of their data and metadata', async () => {
    const stream = `household-${randomUUID()}`;
    const data = { name: 'Ma Lan 马兰', quote: 'a "b"\nc', amounts: [1, 2.5, -3], nested: { deep: [null, true] }, big: 12345678901234 };
    const written = await store.appendToStream(stream, [anEvent('ThingHappened', data), anEvent()]);
    const from = { commit: written.position.commit - 2n, prepare: written.position.prepare - 2n };
    const filter = { streamPrefixes: [stream] };

    const plain = await store.readAll({ fromPosition: from, filter });
    const kept = await store.readAll({ fromPosition: from, filter, keepJsonText: true });

    expect(kept).toEqual(plain);
    expect(kept[0].data).toEqual(data);
    const [{ text }] = (await store.pool.query(`SELECT data::text AS text FROM event_store.events WHERE event_id = $1`, [kept[0].id])).rows;
    expect(jsonOf(kept[0], 'data')).toBe(text);
    expect(JSON.parse(jsonOf(kept[0], 'metadata'))).toEqual(kept[0].metadata);
    expect(jsonOf(plain[0], 'data')).toBe(JSON.stringify(plain[0].data));
  });

  it("decodes events the same whatever another library set in pg's process-wide type parsers", async () => {
    const stream = `household-${randomUUID()}`;
    const data = { name: 'Ma Lan 马兰', amounts: [1, 2.5], big: 12345678901234 };
    await store.appendToStream(stream, [anEvent('ThingHappened', data)]);
    const before = await store.readStream(stream);
    const jsonb = types.getTypeParser(JSONB);
    const int8 = types.getTypeParser(INT8);
    // What a peer library does on loading (Emmett's dumbo sets both, with a reviver that makes bigints).
    types.setTypeParser(JSONB, () => ({ replaced: true }));
    types.setTypeParser(INT8, () => -1);
    try {
      const after = await store.readStream(stream);
      const fromLog = await store.readAll({ filter: { streamPrefixes: [stream] } });
      expect(after).toEqual(before);
      expect(fromLog).toEqual(before);
      expect(after[0].data).toEqual(data);
    } finally {
      types.setTypeParser(JSONB, jsonb);
      types.setTypeParser(INT8, int8);
    }
  });

  it('leaves the hash chain unread when asked (the feed never sends it), and nothing else differs', async () => {
    const stream = `household-${randomUUID()}`;
    await store.appendToStream(stream, [anEvent('ThingHappened', { n: 1 }), anEvent()]);
    const filter = { streamPrefixes: [stream] };

    const whole = await store.readAll({ filter });
    const slim = await store.readAll({ filter, keepJsonText: true, omitHashes: true });

    expect(whole.map((e) => e.hash)).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/), expect.stringMatching(/^[0-9a-f]{64}$/)]);
    expect(slim.map((e) => [e.previousHash, e.hash])).toEqual([
      ['', ''],
      ['', ''],
    ]);
    expect(slim).toEqual(whole.map((e) => ({ ...e, previousHash: '', hash: '' })));
  });
});

const JSONB = 3802;
const INT8 = 20;
