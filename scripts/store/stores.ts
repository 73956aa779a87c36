/** Opens the two sides of a copy or a comparison through the same selection the services use. */
import { Client } from 'pg';
import { Clock } from '../../libs/clock';
import { runMigrations } from '../../libs/database/data-source';
import { databaseSchema } from '../../projections/index';
import { EventStore } from '../../libs/event-store/event-store.port';
import { openEventStore } from '../../libs/event-store/open-event-store';
import { StoreEndpoint } from './args';

export function openStore(endpoint: StoreEndpoint, clock?: Clock): EventStore {
  return endpoint.backend === 'esdb'
    ? openEventStore({ eventStoreUrl: endpoint.url, clock })
    : openEventStore({ databaseUrl: endpoint.url, clock });
}

/** A PostgreSQL target gets the schema first, exactly as the API would create it at start-up. */
export async function prepareTarget(endpoint: StoreEndpoint): Promise<void> {
  if (endpoint.backend === 'postgres') await runMigrations(endpoint.url, databaseSchema);
}

export function describeEndpoint(endpoint: StoreEndpoint): string {
  try {
    const url = new URL(endpoint.url.replace(/^(esdb|kurrentdb)(\+discover)?:/, 'http:'));
    return `${endpoint.backend === 'esdb' ? (endpoint.url.startsWith('kurrentdb') ? 'KurrentDB' : 'EventStoreDB') : 'PostgreSQL'} at ${url.host}${endpoint.backend === 'postgres' ? url.pathname : ''}`;
  } catch {
    return endpoint.backend;
  }
}

/**
 * After a bulk load, as PostgreSQL's "Populating a Database" advises: a log without statistics makes the
 * planner read a type-filtered page (every projection's read) by sorting the whole rest of the log, about
 * 100x slower than following the position index, until autovacuum gets round to analysing it.
 */
export async function analyzeTarget(endpoint: StoreEndpoint): Promise<void> {
  if (endpoint.backend !== 'postgres') return;
  const client = new Client({ connectionString: endpoint.url });
  await client.connect();
  try {
    await client.query('ANALYZE event_store.events');
  } finally {
    await client.end();
  }
}
