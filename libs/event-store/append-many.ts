/**
 * Many streams' appends through whatever the store offers: its multi-stream append (one transaction,
 * all or nothing) when it has one, else `appendToStream` one append after another (each on its own).
 */
import type { AppendResult, EventStore, StreamAppend } from './event-store.port';

export function appendToStreams(store: EventStore, appends: readonly StreamAppend[]): Promise<AppendResult[]> {
  return store.appendToStreams ? store.appendToStreams(appends) : appendOneByOne(store, appends);
}

export async function appendOneByOne(store: EventStore, appends: readonly StreamAppend[]): Promise<AppendResult[]> {
  const results: AppendResult[] = [];
  for (const { stream, events, expectedRevision } of appends)
    results.push(await store.appendToStream(stream, events, { expectedRevision }));
  return results;
}
