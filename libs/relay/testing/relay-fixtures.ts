/**
 * What the relay's specs share: a nats-server binary of their own (never the machine's NATS on 4222), or a
 * skip that says so, and events to append.
 */
import { randomUUID } from 'node:crypto';
import { EventToAppend } from '../../event-store/event-store.port';
import { findNatsServer } from '../nats-server';

export const natsBinary = findNatsServer();

/** `describe` when a nats-server binary is found; otherwise skipped, with a line saying what was not run. */
export function describeIfNats(suite: string): jest.Describe {
  if (!natsBinary) console.log(`${suite} NOT RUN: no nats-server binary`);
  return natsBinary ? describe : describe.skip;
}

export const relayEvent = (type: string, data: Record<string, unknown> = {}): EventToAppend => ({
  id: randomUUID(),
  type,
  data,
  metadata: { actor: 'relay-test', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: new Date().toISOString() },
});
