import { formatPosition, position, Position, START } from '../event-store';
import { PublicEvent } from '../redaction';
import { Delivery, GroupView, ParkedEvent } from './consumer-group';

export interface GroupRow {
  name: string;
  scope: string;
  filter_types: string[] | null;
  filter_streams: string[] | null;
  start_from: string;
  max_deliveries: number;
  lease_ms: number;
  commit_position: string;
  prepare_position: string;
  acked_total: string;
}

export const groupCheckpoint = (row: GroupRow): Position => position(BigInt(row.commit_position), BigInt(row.prepare_position));

export const isStart = (p: Position): boolean => p.commit === START.commit && p.prepare === START.prepare;

export function groupView(row: GroupRow, counts: { ready: number; leased: number; parked: number }): GroupView {
  const checkpoint = groupCheckpoint(row);
  return {
    name: row.name,
    scope: row.scope,
    filter: { types: row.filter_types, streams: row.filter_streams },
    from: row.start_from,
    maxDeliveries: row.max_deliveries,
    leaseMs: row.lease_ms,
    checkpoint: isStart(checkpoint) ? null : formatPosition(checkpoint),
    pending: counts,
    acknowledged: Number(row.acked_total),
  };
}

export interface PendingRow {
  event_id: string;
  event: PublicEvent;
  deliveries: number;
  lease_until: Date | null;
  last_reason: string | null;
  parked_at: Date | null;
}

export const delivery = (row: PendingRow): Delivery => ({ ...row.event, attempt: row.deliveries });

export const parkedEvent = (row: PendingRow): ParkedEvent => ({
  ...row.event,
  attempts: row.deliveries,
  reason: row.last_reason,
  parkedAt: row.parked_at!.toISOString(),
});

/**
 * Rows of a statement run through TypeORM, which answers UPDATE and DELETE (even with RETURNING) as
 * `[rows, rowCount]` on PostgreSQL but other statements as plain rows.
 */
export async function rowsOf<Row>(
  tx: { query(sql: string, params?: unknown[]): Promise<unknown> },
  sql: string,
  params: unknown[],
): Promise<Row[]> {
  const result = await tx.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as Row[];
  return result as Row[];
}
