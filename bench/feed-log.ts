/**
 * The feed bench's log: households of EVENTS_PER_HOUSEHOLD events each (an enrolment with personal data, then
 * services), appended by a few concurrent writers, with a progress bar.
 */
import { randomUUID } from 'node:crypto';
import { EventStore, EventToAppend } from '../libs/event-store';
import { progressBar } from './support/progress';

const VILLAGES = ['640104001001', '640181002003', '640105003002'];

const metadata = () => ({ actor: 'bench', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: new Date().toISOString() });

export function enrolment(n: number, householdId: string = randomUUID()): EventToAppend {
  return {
    id: randomUUID(),
    type: 'HouseholdEnrolled',
    data: {
      householdId,
      villageCode: VILLAGES[n % 3],
      category: 'developing',
      members: 1 + (n % 6),
      head: { name: 'Bench Head' },
      enrolmentYear: 2012,
      batch: 1,
    },
    metadata: metadata(),
  };
}

function service(householdId: string, n: number): EventToAppend {
  return {
    id: randomUUID(),
    type: 'ServiceDelivered',
    data: {
      householdId,
      serviceId: randomUUID(),
      departmentCode: 'D07',
      serviceTypeCode: 'health-check',
      focusArea: 'health',
      deliveredAt: new Date(Date.UTC(2026, 0, 1 + (n % 300))).toISOString(),
    },
    metadata: metadata(),
  };
}

/** A household's history as the bench's log holds it: its enrolment (with personal data), then services. */
function household(first: number, size: number): EventToAppend[] {
  const householdId = randomUUID();
  return [enrolment(first, householdId), ...Array.from({ length: size - 1 }, (_, i) => service(householdId, first + i))];
}

const EVENTS_PER_HOUSEHOLD = 20;

/** Appends `count` events, one household stream per append, from a few concurrent writers, with a progress bar. */
export async function load(store: EventStore, count: number): Promise<void> {
  const bar = progressBar('loading the log', count, 'events');
  let next = 0;
  const writer = async () => {
    while (next < count) {
      const size = Math.min(EVENTS_PER_HOUSEHOLD, count - next);
      const first = next;
      next += size;
      await store.appendToStream(`household-bench-${first}`, household(first, size));
      bar.increment(size);
    }
  };
  await Promise.all(Array.from({ length: 8 }, writer));
  bar.stop();
}
