/**
 * The EventStore port on KurrentDB through @kurrent/kurrentdb-client 1.x: the EventStoreDB adapter with
 * the new client behind its StoreClient seam, so both share every rule of the port (hash chain, re-sends,
 * filters, resubscription) and the one contract suite. What differs is in kurrentdb-client.ts.
 */
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { EventStoreDbEventStore, EventStoreDbEventStoreOptions } from '../esdb/esdb-event-store';
import { kurrentDbClient } from './kurrentdb-client';

export interface KurrentDbEventStoreOptions extends Omit<EventStoreDbEventStoreOptions, 'client'> {
  /** e.g. `kurrentdb://localhost:2113?tls=false` or `kurrentdb+discover://…`; ignored when `client` is given. */
  connectionString?: string;
  client?: KurrentDBClient;
}

export class KurrentDbEventStore extends EventStoreDbEventStore {
  constructor(options: KurrentDbEventStoreOptions) {
    if (!options.client && !options.connectionString) throw new Error('KurrentDbEventStore needs a connectionString or a client');
    const client = options.client ?? KurrentDBClient.connectionString(options.connectionString!);
    super({ ...options, client: kurrentDbClient(client) });
  }
}
