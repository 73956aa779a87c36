/**
 * The SQL of leasing, each statement run inside the caller's transaction, which holds the group's row lock
 * (see ConsumerGroups.inGroup): claims of one group are serialised, because whether a stream is free
 * depends on every lease of the group. (SKIP LOCKED would not do here: a claimer skipping rows another is
 * leasing could take a later event of the same stream.)
 *
 * Leases are timed by `clock_timestamp()`, the moment they are granted or checked, never by `now()`: that is
 * when the caller's transaction began, before it waited for the group's row lock and copied pages of the
 * log, so a lease timed by it could be handed out already expired.
 */
import { EntityManager } from 'typeorm';
import { PendingRow, rowsOf } from './rows';

/** The end of a lease granted now, read once per statement (an InitPlan), so its rows all get the same. */
const leaseUntil = (param: number) => `(SELECT clock_timestamp() + make_interval(secs => $${param} / 1000.0))`;

/** Expired leases go back to the queue, or to the parked list once delivered `maxDeliveries` times. */
export async function releaseExpired(tx: EntityManager, group: string, maxDeliveries: number): Promise<void> {
  await tx.query(
    `UPDATE consumer_groups.pending
        SET state = CASE WHEN deliveries >= $2 THEN 'parked' ELSE 'ready' END,
            parked_at = CASE WHEN deliveries >= $2 THEN now() END,
            consumer = CASE WHEN deliveries >= $2 THEN consumer END,
            last_reason = 'lease expired', lease_until = NULL
      WHERE group_name = $1 AND state = 'leased' AND lease_until <= clock_timestamp()`,
    [group, maxDeliveries],
  );
}

/**
 * Leases up to `max` ready events, oldest first, from streams no consumer holds. Not even this one: a consumer
 * that claims again while holding a stream's event may have lost it (a crash, a restart under the same name),
 * and handing it the stream's later events would have them processed first, while each such claim renewed the
 * lost one's lease. The stream comes again once that lease is acknowledged, refused or expired. The caller ends
 * its claim with `renew` over the streams it took, so the leases are timed from when the claim hands them out.
 */
export async function lease(
  tx: EntityManager,
  group: string,
  consumer: string,
  max: number,
  leaseMs: number,
): Promise<(PendingRow & { stream_id: string })[]> {
  const rows = await rowsOf<PendingRow & { stream_id: string; commit_position: string; prepare_position: string }>(
    tx,
    `WITH blocked AS (
       SELECT DISTINCT stream_id FROM consumer_groups.pending WHERE group_name = $1 AND state = 'leased'
     ), picked AS (
       SELECT commit_position, prepare_position FROM consumer_groups.pending
        WHERE group_name = $1 AND state = 'ready' AND stream_id NOT IN (SELECT stream_id FROM blocked)
        ORDER BY commit_position, prepare_position LIMIT $3
     )
     UPDATE consumer_groups.pending p
        SET state = 'leased', consumer = $2, lease_until = ${leaseUntil(4)}, deliveries = p.deliveries + 1
       FROM picked
      WHERE p.group_name = $1 AND p.commit_position = picked.commit_position AND p.prepare_position = picked.prepare_position
     RETURNING p.commit_position, p.prepare_position, p.stream_id, p.event_id, p.event, p.deliveries, p.lease_until, p.last_reason, p.parked_at`,
    [group, consumer, max, leaseMs],
  );
  return rows.sort((a, b) => comparePositionRows(a, b));
}

/**
 * Times this consumer's leases on `streams` (those the claim just took, in one or more `lease` calls) from now,
 * so they expire together and a redelivery starts again from each stream's oldest unacknowledged event;
 * returns when they expire.
 */
export async function renew(tx: EntityManager, group: string, consumer: string, streams: string[], leaseMs: number): Promise<Date> {
  const [{ lease_until }] = await rowsOf<{ lease_until: Date }>(
    tx,
    `WITH renewed AS (
       UPDATE consumer_groups.pending SET lease_until = ${leaseUntil(4)}
        WHERE group_name = $1 AND consumer = $2 AND state = 'leased' AND stream_id = ANY($3::text[])
       RETURNING lease_until
     )
     SELECT max(lease_until) AS lease_until FROM renewed`,
    [group, consumer, [...new Set(streams)], leaseMs],
  );
  return lease_until;
}

export async function acknowledge(tx: EntityManager, group: string, consumer: string, eventIds: string[]): Promise<string[]> {
  const rows = await rowsOf<{ event_id: string }>(
    tx,
    `DELETE FROM consumer_groups.pending
      WHERE group_name = $1 AND consumer = $2 AND state = 'leased' AND event_id = ANY($3::uuid[])
     RETURNING event_id`,
    [group, consumer, eventIds],
  );
  if (rows.length > 0) {
    await tx.query(`UPDATE consumer_groups.groups SET acked_total = acked_total + $2, updated_at = now() WHERE name = $1`, [
      group,
      rows.length,
    ]);
  }
  return rows.map((r) => r.event_id);
}

/**
 * A refused event goes back to the queue (or is parked when out of deliveries). So that its stream is
 * redelivered in order, this consumer's later leases on the same stream are released too; those were not
 * refused, so their delivery does not count.
 */
export async function refuse(
  tx: EntityManager,
  group: string,
  consumer: string,
  eventIds: string[],
  reason: string,
  maxDeliveries: number,
): Promise<{ retried: string[]; parked: string[] }> {
  const refused = await rowsOf<{ event_id: string; state: string }>(
    tx,
    `WITH refused AS (
       UPDATE consumer_groups.pending
          SET state = CASE WHEN deliveries >= $5 THEN 'parked' ELSE 'ready' END,
              parked_at = CASE WHEN deliveries >= $5 THEN now() END,
              consumer = CASE WHEN deliveries >= $5 THEN consumer END,
              last_reason = $4, lease_until = NULL
        WHERE group_name = $1 AND consumer = $2 AND state = 'leased' AND event_id = ANY($3::uuid[])
       RETURNING stream_id, commit_position, prepare_position, event_id, state
     ), first_refused AS (
       SELECT stream_id, min(ARRAY[commit_position, prepare_position]) AS first FROM refused GROUP BY stream_id
     ), released AS (
       UPDATE consumer_groups.pending p
          SET state = 'ready', consumer = NULL, lease_until = NULL, deliveries = p.deliveries - 1
         FROM first_refused f
        WHERE p.group_name = $1 AND p.consumer = $2 AND p.state = 'leased' AND p.stream_id = f.stream_id
          AND ARRAY[p.commit_position, p.prepare_position] > f.first AND NOT (p.event_id = ANY($3::uuid[]))
       RETURNING p.event_id
     )
     SELECT event_id, state FROM refused`,
    [group, consumer, eventIds, reason, maxDeliveries],
  );
  return {
    retried: refused.filter((r) => r.state === 'ready').map((r) => r.event_id),
    parked: refused.filter((r) => r.state === 'parked').map((r) => r.event_id),
  };
}

function comparePositionRows(
  a: { commit_position: string; prepare_position: string },
  b: { commit_position: string; prepare_position: string },
): number {
  const [ac, bc, ap, bp] = [BigInt(a.commit_position), BigInt(b.commit_position), BigInt(a.prepare_position), BigInt(b.prepare_position)];
  if (ac !== bc) return ac < bc ? -1 : 1;
  return ap === bp ? 0 : ap < bp ? -1 : 1;
}
