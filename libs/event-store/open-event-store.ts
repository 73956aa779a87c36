/**
 * Chooses the event store from configuration: when EVENTSTORE_URL is set, EventStoreDB through
 * @eventstore/db-client (`esdb://`) or KurrentDB through @kurrent/kurrentdb-client (`kurrentdb://`);
 * PostgreSQL (the DATABASE_URL database) otherwise. Read models stay in PostgreSQL either way. A malformed setting stops
 * start-up with a message that names it and never repeats its credentials.
 */
import { Clock } from '../clock';
import { EventStoreDbEventStore } from './esdb/esdb-event-store';
import { EventStore } from './event-store.port';
import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';

export interface OpenEventStoreOptions {
  /** DATABASE_URL: `postgres://…`; required unless `eventStoreUrl` is given. */
  databaseUrl?: string;
  /** EVENTSTORE_URL: `esdb://host:2113?tls=false` or `kurrentdb://…` (`+discover` for a cluster). */
  eventStoreUrl?: string;
  clock?: Clock;
}

/** `esdb`: @eventstore/db-client; `kurrentdb`: @kurrent/kurrentdb-client. Both speak to either server. */
export type EventStoreBackend = 'postgres' | 'esdb' | 'kurrentdb';

/** The schemes EVENTSTORE_URL may use, each with the client it selects. */
export const EVENT_STORE_SCHEMES = {
  esdb: 'esdb',
  'esdb+discover': 'esdb',
  kurrentdb: 'kurrentdb',
  'kurrentdb+discover': 'kurrentdb',
} as const;

const EXAMPLE = 'expected e.g. esdb://host:2113?tls=false or kurrentdb://host:2113?tls=false';

export function selectedBackend(options: Pick<OpenEventStoreOptions, 'eventStoreUrl'>): EventStoreBackend {
  const url = options.eventStoreUrl?.trim();
  if (!url) return 'postgres';
  const scheme = /^([a-z+]+):\/\//.exec(url)?.[1];
  const backend =
    scheme && Object.hasOwn(EVENT_STORE_SCHEMES, scheme) ? EVENT_STORE_SCHEMES[scheme as keyof typeof EVENT_STORE_SCHEMES] : undefined;
  if (!backend) throw new Error(`EVENTSTORE_URL must start with ${Object.keys(EVENT_STORE_SCHEMES).join('://, ')}:// (${EXAMPLE})`);
  return backend;
}

export function openEventStore(options: OpenEventStoreOptions): EventStore {
  const backend = selectedBackend(options);
  if (backend === 'postgres')
    return new PostgresEventStore({ connectionString: checkedDatabaseUrl(options.databaseUrl), clock: options.clock });
  const url = options.eventStoreUrl!.trim();
  try {
    if (backend === 'kurrentdb') return new KurrentDbEventStore({ connectionString: url, clock: options.clock });
    return new EventStoreDbEventStore({ connectionString: url, clock: options.clock });
  } catch (error) {
    const reason = redact(error instanceof Error ? error.message : String(error), url);
    const product = backend === 'kurrentdb' ? 'KurrentDB' : 'EventStoreDB';
    throw new Error(`EVENTSTORE_URL is not a valid ${product} connection string: ${reason} (${EXAMPLE})`);
  }
}

function checkedDatabaseUrl(url: string | undefined): string {
  if (!url?.trim())
    throw new Error('DATABASE_URL is not set: the PostgreSQL event store needs it (or set EVENTSTORE_URL to use EventStoreDB)');
  let protocol: string;
  try {
    protocol = new URL(url.trim()).protocol;
  } catch {
    throw new Error('DATABASE_URL is not a valid URL (expected e.g. postgres://user:password@host:5432/family_ledger)');
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') throw new Error('DATABASE_URL must be a postgres:// or postgresql:// URL');
  return url.trim();
}

/** Removes the user-info part of the URL from a message (the client quotes what it could not parse). */
function redact(message: string, url: string): string {
  const userInfo = /^[a-z+]+:\/\/([^@/]*)@/.exec(url)?.[1];
  return userInfo ? message.split(userInfo).join('****') : message;
}
