import { EntityManager } from 'typeorm';
import { EventStore } from '../event-store';
import { toPublicEvent } from '../redaction';
import { countReady } from './lease-sql';
import { GroupRow, groupCheckpoint, isStart } from './rows';

/** Events read from the log per top-up, at least. */
const INGEST_PAGE = 500;

/**
 * Copies the group's next events from the log into its queue when fewer than `wanted` are ready, and moves
 * its checkpoint in the same transaction. The read is gap-safe (the store only returns what can no longer
 * be preceded), and the caller holds the group's lock, so no two top-ups copy the same page.
 */
export async function topUp(tx: EntityManager, store: EventStore, group: GroupRow, wanted: number): Promise<void> {
  if ((await countReady(tx, group.name)) >= wanted) return;
  const checkpoint = groupCheckpoint(group);
  const events = await store.readAll({
    fromPosition: isStart(checkpoint) ? 'start' : checkpoint,
    maxCount: Math.max(wanted, INGEST_PAGE),
    filter: { eventTypes: group.filter_types ?? undefined, streamPrefixes: group.filter_streams ?? undefined },
  });
  if (events.length === 0) return;
  await tx.query(
    `INSERT INTO consumer_groups.pending (group_name, commit_position, prepare_position, event_id, stream_id, event, state)
     SELECT $1, u.c, u.p, u.id, u.s, $6::jsonb -> (u.ord::int - 1), 'ready'
       FROM unnest($2::bigint[], $3::bigint[], $4::uuid[], $5::text[]) WITH ORDINALITY AS u(c, p, id, s, ord)
     ON CONFLICT DO NOTHING`,
    [group.name, events.map((e) => e.position.commit.toString()), events.map((e) => e.position.prepare.toString()),
      events.map((e) => e.id), events.map((e) => e.stream), JSON.stringify(events.map(toPublicEvent))],
  );
  const last = events[events.length - 1].position;
  await tx.query(
    `UPDATE consumer_groups.groups SET commit_position = $2, prepare_position = $3, updated_at = now() WHERE name = $1`,
    [group.name, last.commit.toString(), last.prepare.toString()],
  );
}
