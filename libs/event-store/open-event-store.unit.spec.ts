import { EventStoreDbEventStore } from './esdb/esdb-event-store';
import { EventStore } from './event-store.port';
import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
import { openEventStore, selectedBackend } from './open-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';

// Opening does no I/O (the pool and the gRPC channel connect on first use), so these stay pure.
const opened: EventStore[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});
const open = (...args: Parameters<typeof openEventStore>) => {
  const store = openEventStore(...args);
  opened.push(store);
  return store;
};

describe('openEventStore', () => {
  const databaseUrl = 'postgres://ledger:secret@localhost:5432/family_ledger';

  it('uses PostgreSQL when no EventStoreDB URL is given', () => {
    expect(open({ databaseUrl })).toBeInstanceOf(PostgresEventStore);
    expect(selectedBackend({})).toBe('postgres');
  });

  it('uses EventStoreDB when EVENTSTORE_URL is given, even without DATABASE_URL', () => {
    expect(open({ eventStoreUrl: 'esdb://localhost:2113?tls=false' })).toBeInstanceOf(EventStoreDbEventStore);
    expect(open({ eventStoreUrl: 'esdb+discover://node1:2113,node2:2113?tls=false', databaseUrl })).toBeInstanceOf(EventStoreDbEventStore);
  });

  it('picks the client by the scheme: esdb:// the EventStoreDB client, kurrentdb:// the KurrentDB client', () => {
    const esdb = open({ eventStoreUrl: 'esdb://localhost:2113?tls=false' });
    expect(esdb).not.toBeInstanceOf(KurrentDbEventStore);
    expect((esdb as EventStoreDbEventStore).client.product).toBe('EventStoreDB');
    for (const eventStoreUrl of ['kurrentdb://localhost:2113?tls=false', 'kurrentdb+discover://node1:2113,node2:2113?tls=false']) {
      const store = open({ eventStoreUrl });
      expect(store).toBeInstanceOf(KurrentDbEventStore);
      expect((store as KurrentDbEventStore).client.product).toBe('KurrentDB');
      expect(selectedBackend({ eventStoreUrl })).toBe('kurrentdb');
    }
    expect(selectedBackend({ eventStoreUrl: ' esdb+discover://node1:2113 ' })).toBe('esdb');
  });

  it('treats a blank EVENTSTORE_URL as not set', () => {
    expect(open({ databaseUrl, eventStoreUrl: '  ' })).toBeInstanceOf(PostgresEventStore);
  });

  it.each([
    ['a URL of another scheme', 'http://localhost:2113', /EVENTSTORE_URL must start with esdb:\/\/, esdb\+discover:\/\/, kurrentdb:\/\//],
    ['a scheme only the KurrentDB client knows, not offered here', 'kdb://localhost:2113', /EVENTSTORE_URL must start with/],
    ['a malformed KurrentDB port', 'kurrentdb://localhost:abc?tls=false', /EVENTSTORE_URL is not a valid KurrentDB connection string/],
    ['a malformed port', 'esdb://localhost:abc?tls=false', /EVENTSTORE_URL is not a valid EventStoreDB connection string: .*port/],
    ['a malformed option', 'esdb://admin:hunter2@localhost:2113?tls=maybe', /EVENTSTORE_URL is not a valid EventStoreDB connection string/],
  ])('refuses %s naming EVENTSTORE_URL', (_label, eventStoreUrl, message) => {
    expect(() => open({ databaseUrl, eventStoreUrl })).toThrow(message);
  });

  it.each(['esdb', 'kurrentdb'])('never repeats the credentials of a malformed %s:// EVENTSTORE_URL', (scheme) => {
    const error = (() => {
      try {
        open({ eventStoreUrl: `${scheme}://admin:hunter2@localhost:2113?tls=maybe` });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toMatch(/EVENTSTORE_URL/);
    expect(error?.message).not.toMatch(/hunter2|admin/);
  });

  it.each([
    ['missing', undefined, /DATABASE_URL is not set/],
    ['not a URL', 'localhost:5432', /DATABASE_URL must be a postgres/],
    ['of another scheme', 'mysql://localhost/db', /DATABASE_URL must be a postgres/],
    ['unparseable', 'postgres://[bad', /DATABASE_URL is not a valid URL/],
  ])('refuses a DATABASE_URL that is %s when PostgreSQL is the store', (_label, url, message) => {
    expect(() => open({ databaseUrl: url })).toThrow(message);
  });
});
