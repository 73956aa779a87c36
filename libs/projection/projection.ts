import { EntityManager } from 'typeorm';
import { JsonObject, RecordedEvent } from '../event-store/event-store.port';

/** What a projection may be typed by: a domain event's `type` and `data` (libs/domain's DomainEvent). */
export interface EventShape {
  type: string;
  data: JsonObject;
}

/**
 * A recorded event narrowed to one of the events `E` (a union): `type` and `data` go together, so a
 * `switch (event.type)` narrows `event.data` without a cast. The store hands events out upcast, so the
 * data is in its current shape.
 */
export type RecordedOf<E extends EventShape> = E extends EventShape
  ? Omit<RecordedEvent, 'type' | 'data'> & { type: E['type']; data: E['data'] }
  : never;

/** A view in the `reporting` schema over one copy of a read model: stable, documented column names. */
export interface ReportingView {
  /** Unqualified view name, e.g. `household_counts` (created as `reporting.household_counts`). */
  name: string;
  /** The SELECT the view stands for, over the copy in `schema`. */
  select(schema: string): string;
}

/**
 * What a read model is made of, independent of how events reach it: its tables, created inside a schema of
 * their own per copy (blue/green: a rebuild fills a fresh copy while the active one keeps answering), and its
 * reporting views. Kept free of path aliases, so migrations can import it.
 */
export interface ReadModelDefinition {
  /** Stable name: the checkpoint's key. */
  readonly name: string;
  /** Raised when the read model's shape or meaning changes: the runner then rebuilds it beside the old one. */
  readonly version: number;
  /** DDL creating the read model's tables inside `schema` (which exists and is empty). */
  tables(schema: string): string[];
  readonly reportingViews: readonly ReportingView[];
}

/**
 * A read model's writer: explicit SQL through the transaction it is handed (the runner writes the
 * checkpoint in that same transaction), into the copy named by `schema`. It must be idempotent by
 * construction: applying an event a second time, in the same batch or a later one, changes nothing.
 * Events arrive in their current shape (the store they are read through upcasts them), in log order (a redelivered one may come after later ones).
 * A batch that throws is retried one event per batch, and the event that still throws is parked.
 */
export interface Projection<E extends EventShape = EventShape> extends ReadModelDefinition {
  /** Event types it reads; the runner asks the store for these only (so it is handed only events of `E`). */
  readonly handles: readonly E['type'][];
  applyBatch(events: readonly RecordedOf<E>[], tx: EntityManager, schema: string): Promise<void>;
  /**
   * Every read and write of its tables goes through libs/projection/bulk-writes (selectByKeys, RowChanges,
   * CountDeltas), never `tx.query`: a rebuild may then hold its rows in memory and write them in bulk (write-behind.ts).
   */
  readonly bulkWritten?: boolean;
}

/** For low-volume read models written one event at a time: the batch is applied event by event. */
export function oneByOne<E extends EventShape>(
  apply: (event: RecordedOf<E>, tx: EntityManager, schema: string) => Promise<void>,
): Projection<E>['applyBatch'] {
  return async (events, tx, schema) => {
    for (const event of events) await apply(event, tx, schema);
  };
}
