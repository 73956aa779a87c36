/**
 * Chooses the event store from configuration: EventStoreDB when EVENTSTORE_URL is set, PostgreSQL (the
 * DATABASE_URL database) otherwise. Read models stay in PostgreSQL either way. A malformed setting stops
 * start-up with a message that names it and never repeats its credentials.
 */
import { Clock } from '../clock';
import { EventStoreDbEventStore } from './esdb/esdb-event-store';
import { EventStore } from './event-store.port';
import { PostgresEventStore } from './postgres/postgres-event-store';

export interface OpenEventStoreOptions {
  /** DATABASE_URL: `postgres://…`; required unless `eventStoreUrl` is given. */
  databaseUrl?: string;
  /** EVENTSTORE_URL: `esdb://host:2113?tls=false` (or `esdb+discover://…` for a cluster). */
  eventStoreUrl?: string;
  clock?: Clock;
}

export type EventStoreBackend = 'postgres' | 'esdb';

export function selectedBackend(options: Pick<OpenEventStoreOptions, 'eventStoreUrl'>): EventStoreBackend {
  return options.eventStoreUrl?.trim() ? 'esdb' : 'postgres';
}

export function openEventStore(options: OpenEventStoreOptions): EventStore {
  if (selectedBackend(options) === 'esdb') return openEventStoreDb(options.eventStoreUrl!.trim(), options.clock);
  return new PostgresEventStore({ connectionString: checkedDatabaseUrl(options.databaseUrl), clock: options.clock });
}

function openEventStoreDb(url: string, clock?: Clock): EventStoreDbEventStore {
  const example = 'expected e.g. esdb://host:2113?tls=false';
  if (!/^esdb(\+discover)?:\/\//.test(url)) throw new Error(`EVENTSTORE_URL must start with esdb:// or esdb+discover:// (${example})`);
  try {
    return new EventStoreDbEventStore({ connectionString: url, clock });
  } catch (error) {
    const reason = redact(error instanceof Error ? error.message : String(error), url);
    throw new Error(`EVENTSTORE_URL is not a valid EventStoreDB connection string: ${reason} (${example})`);
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
  const userInfo = /^esdb(?:\+discover)?:\/\/([^@/]*)@/.exec(url)?.[1];
  return userInfo ? message.split(userInfo).join('****') : message;
}
