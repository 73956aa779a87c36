/**
 * A district's bulletin put straight into its supervision stream, recorded without its documents (as the data
 * generator records its bulletins): for specs whose cases criticise a unit in a bulletin, which must have been
 * issued, without generating a pack. Seeding the same id again does nothing.
 */
import { randomUUID } from 'node:crypto';
import { StreamNotFoundError } from '@libs/event-store';
import { TestApp } from './test-app';

export interface SeededBulletin {
  districtCode: string;
  bulletinId: string;
  supervisorId: string;
  /** Bimonthly, `YYYYMMB`. */
  period: string;
  issuedAt: string;
}

export async function seedBulletin(app: Pick<TestApp, 'runtime'>, bulletin: SeededBulletin): Promise<void> {
  const { districtCode, bulletinId, supervisorId, period, issuedAt } = bulletin;
  const stream = `supervision-${districtCode}`;
  const store = app.runtime.eventStore;
  const events = await store.readStream(stream).catch((error) => (error instanceof StreamNotFoundError ? [] : Promise.reject(error)));
  if (events.some((event) => event.type === 'BulletinIssued' && event.data.bulletinId === bulletinId)) return;
  const data = {
    districtCode,
    bulletinId,
    supervisorId,
    period,
    kind: 'criticism',
    units: ['seeded'],
    summary: 'seeded',
    issuedAt,
    document: null,
  };
  const metadata = { actor: supervisorId, correlationId: randomUUID(), causationId: randomUUID(), occurredAt: issuedAt };
  await store.appendToStream(stream, [{ id: randomUUID(), type: 'BulletinIssued', data, metadata }]);
}
