/**
 * The oldest open transaction that holds the event log back. Readers of the PostgreSQL store see nothing
 * past the oldest transaction of this database that has a transaction id (it may still commit events below
 * everything later: see libs/event-store/postgres/README.md, "Gap-safe global order"), so one transaction
 * left open, by a psql session or a stuck job, stops every projection, feed and consumer group from moving
 * while appends go on. This names it for /health and /metrics.
 *
 * Needs a role that may read other sessions' pg_stat_activity rows (the superuser of the embedded server,
 * or pg_read_all_stats); without it the application and state read as null.
 */
export interface LogHolder {
  pid: number;
  /** The 32-bit transaction id, as pg_stat_activity shows it. */
  transactionId: string;
  application: string | null;
  /** `active`, `idle in transaction`, ... */
  state: string | null;
  /** When its transaction started (ISO-8601). */
  since: string;
  seconds: number;
}

export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

const OLDEST_HOLDER = `
  SELECT pid, backend_xid::text AS xid, application_name, state, xact_start,
         extract(epoch FROM clock_timestamp() - xact_start)::float8 AS seconds
    FROM pg_stat_activity
   WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()
   ORDER BY age(backend_xid) DESC
   LIMIT 1`;

export async function oldestLogHolder(db: Queryable): Promise<LogHolder | null> {
  const rows: { pid: number; xid: string; application_name: string | null; state: string | null; xact_start: Date; seconds: number }[] =
    await db.query(OLDEST_HOLDER);
  if (rows.length === 0) return null;
  const [row] = rows;
  return {
    pid: row.pid,
    transactionId: row.xid,
    application: row.application_name,
    state: row.state,
    since: new Date(row.xact_start).toISOString(),
    seconds: Math.max(0, Math.round(row.seconds * 10) / 10),
  };
}

/** The /health warning for a holder older than the threshold, in words an operator can act on. */
export function logHoldWarning(holder: LogHolder | null, thresholdSeconds: number): string | undefined {
  if (!holder || holder.seconds < thresholdSeconds) return undefined;
  const who = [`pid ${holder.pid}`, holder.application && `application "${holder.application}"`, holder.state].filter(Boolean).join(', ');
  return (
    `transaction ${holder.transactionId} (${who}) has held the log back for ${Math.floor(holder.seconds)} s ` +
    `(threshold ${thresholdSeconds} s): readers see no event appended since it began; end it, or pg_terminate_backend(${holder.pid})`
  );
}
