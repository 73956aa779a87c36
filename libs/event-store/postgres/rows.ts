import { CustomTypesConfig, types } from 'pg';
import { RecordedEvent } from '../event-store.port';
import { keepingJsonText } from '../json-text';
import { position } from '../position';

/** Columns every read selects, in the shape `toRecordedEvent` maps. */
export const EVENT_COLUMNS = `log_position, stream_id, stream_revision, event_id, event_type, data, metadata,
  encode(previous_hash, 'hex') AS previous_hash, encode(hash, 'hex') AS hash`;

/** EVENT_COLUMNS but the hash chain's (a read with `omitHashes`): its events' hashes are empty. */
export const EVENT_COLUMNS_WITHOUT_HASHES = `log_position, stream_id, stream_revision, event_id, event_type, data, metadata`;

export interface EventRow {
  log_position: string;
  stream_id: string;
  stream_revision: string;
  event_id: string;
  event_type: string;
  data: RecordedEvent['data'];
  metadata: RecordedEvent['metadata'];
  /** Absent from a read with `omitHashes`. */
  previous_hash?: string;
  hash?: string;
}

const INT8 = 20;
const JSON_OID = 114;
const JSONB = 3802;
const asSent = (text: string) => text;
const parseJson = (text: string): unknown => JSON.parse(text);

/**
 * How the store's reads decode columns: int8 as the text PostgreSQL sent, which toRecordedEvent turns into a
 * bigint (pg's default tests every int8 against a regular expression first, two per event); json and jsonb by
 * JSON.parse, named here rather than taken from pg's process-wide table, which any library in the process may
 * replace (the peer's, loaded beside this store in the bench, sets a reviver that halved the log read's rate);
 * the rest as pg does.
 */
export const ROW_TYPES: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8) return asSent;
    if (oid === JSONB || oid === JSON_OID) return parseJson;
    return types.getTypeParser(oid, format);
  }) as CustomTypesConfig['getTypeParser'],
};

/** ROW_TYPES, but jsonb too as the text PostgreSQL sent: toEventKeepingJsonText parses it and keeps it. */
export const ROW_TYPES_KEEPING_JSON_TEXT: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === JSONB ? asSent : ROW_TYPES.getTypeParser(oid, format)) as CustomTypesConfig['getTypeParser'],
};

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return recordedEvent(row, row.data, row.metadata);
}

/** For a row read with ROW_TYPES_KEEPING_JSON_TEXT: its data and metadata parsed, their texts kept (../json-text.ts). */
export function toEventKeepingJsonText(row: EventTextRow): RecordedEvent {
  return keepingJsonText(recordedEvent(row, JSON.parse(row.data), JSON.parse(row.metadata)), row.data, row.metadata);
}

/** An EventRow whose data and metadata are the JSON text PostgreSQL sent. */
export type EventTextRow = Omit<EventRow, 'data' | 'metadata'> & { data: string; metadata: string };

function recordedEvent(row: EventRow | EventTextRow, data: RecordedEvent['data'], metadata: RecordedEvent['metadata']): RecordedEvent {
  return {
    id: row.event_id,
    stream: row.stream_id,
    revision: BigInt(row.stream_revision),
    position: position(BigInt(row.log_position)),
    type: row.event_type,
    data,
    metadata,
    recordedAt: metadata.recordedAt,
    previousHash: row.previous_hash ?? '',
    hash: row.hash ?? '',
  };
}

/**
 * The highest log position a reader may see without risking a gap: below the oldest transaction that was
 * running when this statement's snapshot was taken, leaving out transactions of other databases on the same
 * server (xids are cluster-wide, but a backend of another database can never write this log). A running
 * transaction that has ended by the time pg_stat_activity is read cannot be placed, so it counts as ours:
 * the limit errs low, never high. On a hot standby (a read replica) the snapshot lists no running xids
 * (pg_current_snapshot copies only `xip`, and a standby keeps the primary's running transactions in `subxip`),
 * so there the limit is the snapshot's xmin: the oldest transaction the replayed WAL shows still running on
 * the primary, of any database. See README.md beside this file.
 */
export const VISIBLE_LIMIT = `(SELECT (CASE WHEN pg_is_in_recovery() THEN pg_snapshot_xmin(snap.s) ELSE coalesce(
    (SELECT min(x) FROM pg_snapshot_xip(snap.s) AS x
      WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity AS a
                         WHERE a.backend_xid::text = (x::text::bigint % 4294967296)::text
                           AND a.datname IS DISTINCT FROM current_database())),
    pg_snapshot_xmax(snap.s)) END)::text::bigint << 20
  FROM (SELECT pg_current_snapshot() AS s) AS snap)`;
