/**
 * The log position of the event that last moved a row (a household, a loan, a pilot village), kept whole: on
 * EventStoreDB the events of one append share a commit and differ in prepare, so a row kept by its commit alone
 * skipped every event after the first of an append. A row moves only for an event later than this.
 */
import { isAfter, Position } from '@libs/event-store/position';
import { BulkColumn, columnsOf } from '@libs/projection/bulk-writes';

export interface MovedAt {
  last_commit: bigint;
  last_prepare: bigint;
}

export const MOVED_AT_NAMES = ['last_commit', 'last_prepare'] as const;
/** The columns, as the rows' tables and bulk writes name them. */
export const MOVED_AT_COLUMNS: BulkColumn[] = columnsOf('bigint', ...MOVED_AT_NAMES);

export const movedAt = (at: Position): MovedAt => ({ last_commit: at.commit, last_prepare: at.prepare });

/** Whether the event at `at` is later than what last moved `row`. */
export const movesRow = (row: MovedAt, at: Position): boolean => isAfter(at, { commit: row.last_commit, prepare: row.last_prepare });

/** A selected row's type: the same row, its position as pg answers it (bigint as text). */
export type SelectedMovedAt<R extends MovedAt> = Omit<R, keyof MovedAt> & { last_commit: string; last_prepare: string };

/** A row as selected, its position parsed. */
export function parsedMovedAt<R extends MovedAt>(row: SelectedMovedAt<R>): R {
  return { ...row, last_commit: BigInt(row.last_commit), last_prepare: BigInt(row.last_prepare) } as unknown as R;
}
