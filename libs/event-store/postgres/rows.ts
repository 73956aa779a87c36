import { RecordedEvent } from '../event-store.port';
import { position } from '../position';

/** Columns every read selects, in the shape `toRecordedEvent` maps. */
export const EVENT_COLUMNS = `log_position, stream_id, stream_revision, event_id, event_type, data, metadata,
  encode(previous_hash, 'hex') AS previous_hash, encode(hash, 'hex') AS hash`;

export interface EventRow {
  log_position: string;
  stream_id: string;
  stream_revision: string;
  event_id: string;
  event_type: string;
  data: RecordedEvent['data'];
  metadata: RecordedEvent['metadata'];
  previous_hash: string;
  hash: string;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    stream: row.stream_id,
    revision: BigInt(row.stream_revision),
    position: position(BigInt(row.log_position)),
    type: row.event_type,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.metadata.recordedAt,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}

/** The highest log position a reader may see without risking a gap: below the oldest running transaction. */
export const VISIBLE_LIMIT = `(pg_snapshot_xmin(pg_current_snapshot())::text::bigint << 20)`;
