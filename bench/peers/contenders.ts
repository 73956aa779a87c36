/**
 * The two event stores of the peers section behind one small interface: family-ledger's PostgreSQL store
 * and Emmett's (@event-driven-io/emmett-postgresql, the TypeScript peer), each on a database of its own on
 * the same server. Our harness, not either project's: appends with the stream's expected version after the
 * first, and the global log read in pages by position.
 */
import { randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { EventToAppend, ExpectedRevision } from '../../libs/event-store';
import { formatPosition, parsePosition } from '../../libs/event-store/position';
import { PostgresEventStore } from '../../libs/event-store/postgres/postgres-event-store';

export interface Payload {
  id: string;
  type: string;
  data: Record<string, unknown>;
}

export interface Contender {
  name: string;
  /** Whether a read of the whole log must give every event (ours), or may end short of the newest (the peer's hold-back). */
  readsWholeLog: boolean;
  /** Appends to a stream this writer alone writes; resolves when committed. */
  appender(stream: string): (events: Payload[]) => Promise<void>;
  /** Reads the global log after `after` (undefined: from the start); returns the ids read and where it stopped. */
  readPage(after: string | undefined, pageSize: number): Promise<{ ids: string[]; last: string | undefined }>;
  /** VACUUM ANALYZE of its (empty) tables, as a restored or freshly set-up database would be. */
  analyse(): Promise<void>;
  close(): Promise<void>;
}

/** The peer's statements are cut off after this: one of its reads once ran a page for minutes (scenarios.ts). */
export const STATEMENT_TIMEOUT_MS = 60_000;

const metadata = () => ({ actor: 'bench', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: '2012-03-01T08:00:00.000Z' });

export async function familyLedger(url: string, poolSize: number): Promise<Contender> {
  const store = new PostgresEventStore({ connectionString: url, poolSize });
  return {
    name: 'family-ledger',
    readsWholeLog: true,
    appender(stream) {
      let expected: ExpectedRevision = 'no_stream';
      return async (events) => {
        const toAppend: EventToAppend[] = events.map((e) => ({ ...e, metadata: metadata() }));
        expected = (await store.appendToStream(stream, toAppend, { expectedRevision: expected })).nextExpectedRevision;
      };
    },
    async readPage(after, pageSize) {
      const events = await store.readAll({ fromPosition: after === undefined ? 'start' : parsePosition(after)!, maxCount: pageSize });
      return { ids: events.map((e) => e.id), last: events.length ? formatPosition(events[events.length - 1].position) : after };
    },
    analyse: () => sql(url, 'VACUUM ANALYZE event_store.events'),
    close: () => store.close(),
  };
}

export async function emmett(url: string, poolSize: number): Promise<Contender> {
  // Loaded here: a devDependency, and an ES module with a CommonJS build.
  const { getPostgreSQLEventStore, readMessagesBatch } =
    require('@event-driven-io/emmett-postgresql') as typeof import('@event-driven-io/emmett-postgresql');
  const { dumbo } = require('@event-driven-io/dumbo') as typeof import('@event-driven-io/dumbo');
  const pool = new Pool({ connectionString: url, max: poolSize, statement_timeout: STATEMENT_TIMEOUT_MS });
  const store = getPostgreSQLEventStore(url, { connectionOptions: { pooled: true, pool } });
  await store.schema.migrate();
  const reader = dumbo({ connectionString: url, pooled: true, pool });
  return {
    name: 'Emmett 0.42',
    readsWholeLog: false,
    appender(stream) {
      let expected: bigint | undefined;
      return async (events) => {
        const result = await store.appendToStream(
          stream,
          events.map((e) => ({ type: e.type, data: { ...e.data, id: e.id }, metadata: metadata() })),
          expected === undefined ? {} : { expectedStreamVersion: expected },
        );
        expected = result.nextExpectedStreamVersion;
      };
    },
    async readPage(after, pageSize) {
      const batch = await readMessagesBatch(reader.execute, { after: after === undefined ? -1n : BigInt(after), batchSize: pageSize });
      const ids = batch.messages.map((m) => String((m.data as { id: string }).id));
      return { ids, last: batch.messages.length ? String(batch.currentGlobalPosition) : after };
    },
    analyse: () => sql(url, 'VACUUM ANALYZE emt_messages; VACUUM ANALYZE emt_streams'),
    close: async () => {
      await store.close();
      await reader.close();
      await pool.end().catch(() => undefined);
    },
  };
}

async function sql(url: string, text: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of text.split(';')) await client.query(statement);
  } finally {
    await client.end();
  }
}
