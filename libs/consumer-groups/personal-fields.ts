import { EventStore } from '../event-store';
import { PublicEvent, redactData } from '../redaction';

/**
 * Puts the personal fields back into queued events for a caller entitled to them. The queue holds only
 * redacted copies, so that no plaintext personal data outlives an erasure there; the fields are read
 * again from the log (through the store's decryption, which honours erasure and restriction).
 */
export async function withPersonalFields<T extends PublicEvent>(store: EventStore, events: T[]): Promise<T[]> {
  const byStream = new Map<string, bigint[]>();
  for (const event of events) byStream.set(event.stream, [...(byStream.get(event.stream) ?? []), BigInt(event.revision)]);
  const originals = new Map<string, PublicEvent['data']>();
  await Promise.all(
    [...byStream].map(async ([stream, revisions]) => {
      const first = revisions.reduce((a, b) => (b < a ? b : a));
      const last = revisions.reduce((a, b) => (b > a ? b : a));
      const read = await store.readStream(stream, { fromRevision: first, maxCount: Number(last - first) + 1 });
      for (const event of read) originals.set(event.id, event.data);
    }),
  );
  return events.map((event) => ({ ...event, data: originals.get(event.id) ?? event.data }));
}

/**
 * Queued events redacted once more for a caller not entitled to personal fields: a copy was redacted by the
 * rules of the day it was queued, and a field classified personal since (or a key spelt another way) must not
 * come out of a queue, or a parked list kept for weeks, that the log itself would no longer give.
 */
export function redactedAgain<T extends PublicEvent>(events: T[]): T[] {
  return events.map((event) => {
    const data = redactData(event.type, event.data);
    return data === event.data ? event : { ...event, data };
  });
}
