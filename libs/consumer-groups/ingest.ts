import { EntityManager } from 'typeorm';
import { EventStore, Position } from '../event-store';
import { toPublicEvent } from '../redaction';
import { EventScopes } from '../event-scope';
import { GroupRow, isStart } from './rows';

/** Events read from the log per page. */
export const INGEST_PAGE = 500;
/** A group whose consumers fall this far behind stops copying from the log until they catch up. */
const MAX_PENDING = 100_000;

/**
 * Copies the group's next page of matching events from `checkpoint` into its queue and moves its
 * checkpoint in the same transaction; returns the new checkpoint, or undefined when there was nothing to
 * copy. The read is gap-safe (the store only returns what can no longer be preceded), and the caller
 * holds the group's row lock, so no two claims copy the same page.
 */
export async function ingestPage(
  tx: EntityManager,
  store: EventStore,
  scopes: EventScopes,
  group: GroupRow,
  checkpoint: Position,
): Promise<Position | undefined> {
  const [{ pending }] = await tx.query(`SELECT count(*)::int AS pending FROM consumer_groups.pending WHERE group_name = $1`, [group.name]);
  if (pending >= MAX_PENDING) return undefined;
  const read = await store.readAll({
    fromPosition: isStart(checkpoint) ? 'start' : checkpoint,
    maxCount: INGEST_PAGE,
    filter: { eventTypes: group.filter_types ?? undefined, streamPrefixes: group.filter_streams ?? undefined },
  });
  if (read.length === 0) return undefined;
  // The checkpoint passes the events outside the group's org unit too: they are never its.
  const events = await scopes.filter(read, group.scope);
  await tx.query(
    `INSERT INTO consumer_groups.pending (group_name, commit_position, prepare_position, event_id, stream_id, event, state)
     SELECT $1, u.c, u.p, u.id, u.s, $6::jsonb -> (u.ord::int - 1), 'ready'
       FROM unnest($2::bigint[], $3::bigint[], $4::uuid[], $5::text[]) WITH ORDINALITY AS u(c, p, id, s, ord)
     ON CONFLICT DO NOTHING`,
    [
      group.name,
      events.map((e) => e.position.commit.toString()),
      events.map((e) => e.position.prepare.toString()),
      events.map((e) => e.id),
      events.map((e) => e.stream),
      JSON.stringify(events.map((e) => toPublicEvent(e))),
    ],
  );
  const last = read[read.length - 1].position;
  await tx.query(`UPDATE consumer_groups.groups SET commit_position = $2, prepare_position = $3, updated_at = now() WHERE name = $1`, [
    group.name,
    last.commit.toString(),
    last.prepare.toString(),
  ]);
  return last;
}
