import { EntityManager } from 'typeorm';
import { RecordedEvent } from '../event-store/event-store.port';

/**
 * A read model's writer: explicit SQL through the transaction it is handed (the runner writes the
 * checkpoint in that same transaction). It must be idempotent by construction: applying an event a
 * second time changes nothing.
 */
export interface Projection {
  /** Stable name: the checkpoint's key. */
  readonly name: string;
  /** Raised when the read model's shape or meaning changes: the runner then rebuilds it. */
  readonly version: number;
  /** Event types it reads; the runner asks the store for these only. */
  readonly handles: readonly string[];
  apply(event: RecordedEvent, tx: EntityManager): Promise<void>;
}
