/**
 * The plain-SQL baselines of the append benchmark: the same rows written by INSERT and COPY, with no
 * expected-revision check, no hash chain and no gap-safe position.
 *
 * The main baseline table has the event table's shape: the same columns (so the same row width, with
 * revisions counted by each worker and 32-byte hashes given) and the same three unique indexes (position,
 * stream and revision, event id), the position from a sequence. A narrow table (no revision, no hashes, a
 * bigserial and the event-id index only) is kept beside it as the reference the first figures were taken
 * against.
 */
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export const SAME_SHAPE = 'public.bench_same_shape_events';
export const NARROW = 'public.bench_narrow_events';

// Logged tables, like the event log: UNLOGGED ones would flatter the baselines.
export const BASELINE_TABLES = `
CREATE TABLE IF NOT EXISTS ${SAME_SHAPE} (LIKE event_store.events INCLUDING ALL);
CREATE SEQUENCE IF NOT EXISTS ${SAME_SHAPE}_position;
ALTER TABLE ${SAME_SHAPE} ALTER log_position SET DEFAULT nextval('${SAME_SHAPE}_position');
CREATE TABLE IF NOT EXISTS ${NARROW} (
  id bigserial PRIMARY KEY, stream_id text NOT NULL, event_id uuid NOT NULL UNIQUE, event_type text NOT NULL,
  data jsonb NOT NULL, metadata jsonb NOT NULL, recorded_at timestamptz NOT NULL)`;

export interface PlainRow {
  stream: string;
  revision: number;
  id: string;
  type: string;
  data: object;
  metadata: object & { recordedAt: string };
  previousHash: Buffer;
  hash: Buffer;
}

/** Makes a worker's rows: its own stream, consecutive revisions, the bench's event content. */
export function rowMaker(worker: string, content: (worker: string) => { id: string; type: string; data: object; metadata: object }) {
  let revision = 0;
  const hash = Buffer.from(randomUUID().replace(/-/g, '').repeat(2), 'hex');
  return (count: number): PlainRow[] =>
    Array.from({ length: count }, () => {
      const e = content(worker);
      return {
        stream: `household-${worker}`,
        revision: revision++,
        ...e,
        metadata: { ...e.metadata, recordedAt: new Date().toISOString() },
        previousHash: hash,
        hash,
      };
    });
}

const SAME_SHAPE_COLUMNS = 'stream_id, stream_revision, event_id, event_type, data, metadata, recorded_at, previous_hash, hash';
const NARROW_COLUMNS = 'stream_id, event_id, event_type, data, metadata, recorded_at';

function sameShapeValues(r: PlainRow): unknown[] {
  return [
    r.stream,
    r.revision,
    r.id,
    r.type,
    JSON.stringify(r.data),
    JSON.stringify(r.metadata),
    r.metadata.recordedAt,
    r.previousHash,
    r.hash,
  ];
}

function narrowValues(r: PlainRow): unknown[] {
  return [r.stream, r.id, r.type, JSON.stringify(r.data), JSON.stringify(r.metadata), r.metadata.recordedAt];
}

/** One INSERT of all the rows (one row: the plain single-row INSERT). */
export async function insertRows(pool: Pool, table: typeof SAME_SHAPE | typeof NARROW, rows: PlainRow[]): Promise<void> {
  const [columns, valuesOf] = table === SAME_SHAPE ? [SAME_SHAPE_COLUMNS, sameShapeValues] : [NARROW_COLUMNS, narrowValues];
  const values: unknown[] = [];
  const tuples = rows.map((r) => {
    const first = values.length + 1;
    values.push(...valuesOf(r));
    return `(${Array.from({ length: values.length - first + 1 }, (_, i) => `$${first + i}`).join(', ')})`;
  });
  await pool.query(`INSERT INTO ${table} (${columns}) VALUES ${tuples.join(', ')}`, values);
}

/** One COPY of the rows into the same-shape table (text format: backslashes doubled, bytea as \\x hex). */
export async function copyRows(pool: Pool, rows: PlainRow[]): Promise<void> {
  const client = await pool.connect();
  try {
    const sink = client.query(copyFrom(`COPY ${SAME_SHAPE} (${SAME_SHAPE_COLUMNS}) FROM STDIN`));
    const escape = (text: string) => text.replace(/\\/g, '\\\\');
    const bytea = (b: Buffer) => `\\\\x${b.toString('hex')}`;
    const text =
      rows
        .map((r) =>
          [
            r.stream,
            r.revision,
            r.id,
            r.type,
            escape(JSON.stringify(r.data)),
            escape(JSON.stringify(r.metadata)),
            r.metadata.recordedAt,
            bytea(r.previousHash),
            bytea(r.hash),
          ].join('\t'),
        )
        .join('\n') + '\n';
    await new Promise<void>((resolve, reject) => {
      sink.on('finish', resolve);
      sink.on('error', reject);
      sink.end(text);
    });
  } finally {
    client.release();
  }
}
