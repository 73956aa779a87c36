/**
 * The feed bench's two baselines, each reading the same log as the feed's catch-up, in pages of the feed's
 * size: the store's paged read, and a keyset read of the table with nothing of the store's.
 */
import { Client } from 'pg';
import { performance } from 'node:perf_hooks';
import { EventStore, Position } from '../libs/event-store';
import { EVENT_COLUMNS } from '../libs/event-store/postgres/rows';
import { FEED_PAGE_SIZE } from '../apps/api/src/feed/feed-subscription';
import { round } from './support/stats';

/**
 * The store's own baseline: a keyset read of the same table on one connection (same columns as the store
 * selects, the feed's page size, prepared once), with nothing of the store's: no visibility limit, stream filter,
 * mapping to RecordedEvent, upcasting, validation or decryption. Every event of the table, the few lag events too.
 */
export async function keysetRead(url: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    let read = 0;
    let after = '-1';
    for (;;) {
      const { rows } = await client.query<{ log_position: string }>({
        name: 'bench-keyset-page',
        text: `SELECT ${EVENT_COLUMNS} FROM event_store.events WHERE log_position > $1 ORDER BY log_position LIMIT ${FEED_PAGE_SIZE}`,
        values: [after],
      });
      read += rows.length;
      if (rows.length < FEED_PAGE_SIZE) break;
      after = rows[rows.length - 1].log_position;
    }
    const seconds = (performance.now() - started) / 1000;
    return { events: read, seconds: round(seconds, 2), eventsPerSecond: Math.round(read / seconds) };
  } finally {
    await client.end();
  }
}

/**
 * The feed's baseline: the same log read through the store in pages of the feed's size (FEED_PAGE_SIZE: the
 * store's read takes as long in pages of 500), without HTTP, redaction or SSE.
 */
export async function storeRead(store: EventStore, events: number) {
  const started = performance.now();
  let read = 0;
  let from: Position | 'start' = 'start';
  for (;;) {
    const page = await store.readAll({ fromPosition: from, maxCount: FEED_PAGE_SIZE, filter: { streamPrefixes: ['household-bench-'] } });
    read += page.length;
    if (page.length < FEED_PAGE_SIZE) break;
    from = page[page.length - 1].position;
  }
  const seconds = (performance.now() - started) / 1000;
  if (read !== events) throw new Error(`read ${read} events, expected ${events}`);
  return { events, seconds: round(seconds, 2), eventsPerSecond: Math.round(events / seconds) };
}
