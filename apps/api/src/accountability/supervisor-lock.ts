/**
 * "One district per supervisor" is a rule across the district streams, and no append spans two streams:
 * two assignments of one supervisor to two districts could each check the others before either appended.
 * Assignments of one supervisor therefore run one at a time, across every API process, under a PostgreSQL
 * advisory lock (PostgreSQL holds the read models and idempotency keys whichever event store is used).
 * The transaction that holds the lock writes nothing, so it takes no transaction id and does not hold
 * back the event log's visible horizon (libs/event-store/postgres/README.md).
 */
import { DataSource } from 'typeorm';

/** First key of the two-int4 advisory lock ("supv" in ASCII): apart from the stream and idempotency locks. */
const LOCK_SPACE = 0x73757076;

export function oneAssignmentAtATime<T>(dataSource: DataSource, supervisorId: string, work: () => Promise<T>): Promise<T> {
  return dataSource.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [LOCK_SPACE, supervisorId]);
    return work();
  });
}
