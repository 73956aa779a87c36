/**
 * What the bulletin specs (district and city) share: the actors, dates in 2012, and helpers that post as
 * an actor, count the documents kept, download a document whole, and seed a household's history directly
 * into the log (the figures a pack prints come from there).
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { JsonObject } from '@libs/event-store';
import { TestApp } from './test-app';

export const OFFICE = { 'X-Actor': 'city-office-1', 'X-Actor-Role': 'city-office' };
export const WANG = { 'X-Actor': 'sup-wang' };
export const at = (d: string) => `2012-${d}T02:00:00.000Z`;

export type SeededEvent = [type: string, data: JsonObject, occurredAt: string];

export function bulletinHelpers(app: () => TestApp) {
  const post = (path: string, headers: Record<string, string>, body: object) => request(app().http).post(path).set(headers).send(body);
  const documentsKept = async (): Promise<number> =>
    (await app().runtime.dataSource.query(`SELECT count(*)::int AS n FROM bulletins.documents`))[0].n;
  const binary = (path: string) =>
    request(app().http)
      .get(path)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  const household = async (village: string, enrolled: string, ...more: SeededEvent[]) => {
    const householdId = randomUUID();
    const head = { name: 'Ma Lan' };
    const events: SeededEvent[] = [
      [
        'HouseholdEnrolled',
        { householdId, villageCode: village, category: 'developing', members: 3, head, enrolmentYear: 2012, batch: 1 },
        enrolled,
      ],
      ...more.map(([type, data, when]): SeededEvent => [type, { householdId, ...data }, when]),
    ];
    await app().runtime.eventStore.appendToStream(
      `household-${householdId}`,
      events.map(([type, data, occurredAt]) => ({
        id: randomUUID(),
        type,
        data,
        metadata: { actor: 'seed', correlationId: randomUUID(), causationId: randomUUID(), occurredAt },
      })),
    );
  };
  return { post, documentsKept, binary, household };
}
