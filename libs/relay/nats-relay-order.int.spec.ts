/**
 * An adversarial review of what the relay promises downstream services (README.md): log order and each
 * stream's order while writers race and a transaction commits out of position order; resumption from the
 * checkpoint; no personal field in the bytes on the wire. Crashes and lost locks: nats-relay-promises.int.spec.ts.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { formatPosition } from '../event-store/position';
import { describeIfNats, relayEvent as event } from './testing/relay-fixtures';
import { eventually, useRelayHarness } from './testing/relay-harness';

const describeWithNats = describeIfNats('NATS relay order tests');

describeWithNats('what the NATS relay promises downstream services: order, resumption, the wire', () => {
  const h = useRelayHarness();

  it('publishes in log order, each stream in revision order, while writers race and a transaction commits out of position order', async () => {
    const running = h.relay('race');
    await eventually(async () => expect(running.status).toBe('relaying'));
    // A transaction takes a position, and holds it open while later positions commit.
    const held = await h.store.pool.connect();
    await held.query('BEGIN');
    const early = event('LoanGranted', { principalFen: 1 });
    await h.store.appendToStreamIn(held, `loan-${randomUUID()}`, [early]);
    const streams = Array.from({ length: 4 }, () => `household-${randomUUID()}`);
    const writers = Array.from({ length: 6 }, async (_, writer) => {
      for (let n = 0; n < 15; n += 1) {
        await h.store.appendToStream(streams[(writer + n) % streams.length], [event('NeedRecorded', { writer, n })], {
          expectedRevision: 'any',
        });
      }
    });
    await Promise.all(writers);
    await sleep(300);
    // Nothing after the open transaction's position may go out before it: a consumer would never see it.
    expect((await h.streamContents()).map((m) => m.id)).toEqual([]);
    await held.query('COMMIT');
    held.release();
    h.store.appended();
    const log = await h.logOf(91);
    expect(log[0].id).toBe(early.id);
    const contents = await h.expectStreamToHoldTheLog(log);
    for (const stream of streams) {
      const revisions = contents.filter((m) => m.body.stream === stream).map((m) => Number(m.body.revision));
      expect(revisions).toEqual(revisions.map((_, i) => i));
    }
  });

  it('resumes after a stop from its checkpoint, neither from the start nor from the end, across a NATS restart', async () => {
    await h.appendLoans(3);
    const first = h.relay('resume');
    await h.expectStreamToHoldTheLog(await h.logOf(3));
    await first.stop();
    await h.nats.stop();
    await h.appendLoans(4); // while nothing relays
    await h.nats.start();
    await h.forgetReader();
    const second = h.relay('resume');
    const log = await h.logOf(7);
    await h.expectStreamToHoldTheLog(log);
    await eventually(async () => expect(await h.checkpointOf('resume')).toBe(formatPosition(log[6].position)));
    expect(second.counts).toMatchObject({ published: 4, duplicates: 0 });
  });

  it('puts no personal field on the wire: no name, id number, phone, health detail or free text about a person', async () => {
    const marker = (what: string) => `MARKER-${what}-${randomUUID().slice(0, 8)}`;
    const markers = {
      name: marker('name'),
      idNumber: marker('id'),
      phone: marker('phone'),
      partnerName: marker('partner'),
      partnerIdNumber: marker('partner-id'),
      finding: marker('finding'),
      advice: marker('advice'),
      need: marker('need'),
      reason: marker('reason'),
    };
    const householdId = randomUUID();
    const screeningId = randomUUID();
    const step = { screeningId, villageCode: '640105001001', on: '2026-03-01' };
    await h.store.appendToStream(`household-${householdId}`, [
      event('HouseholdEnrolled', {
        householdId,
        villageCode: '640105001001',
        category: 'ordinary',
        members: 4,
        head: { name: markers.name, idNumber: markers.idNumber, phone: markers.phone },
        enrolmentYear: 2026,
        batch: 1,
      }),
      event('NeedRecorded', { householdId, needId: randomUUID(), focusArea: 'health', kind: 'medical', description: markers.need }),
      event('HouseholdWithdrawn', { householdId, reason: markers.reason }),
    ]);
    await h.store.appendToStream(`screening-${screeningId}`, [
      event('ScreeningSubjectRegistered', {
        ...step,
        subjectKind: 'couple',
        person: {
          name: markers.name,
          idNumber: markers.idNumber,
          partnerName: markers.partnerName,
          partnerIdNumber: markers.partnerIdNumber,
        },
      }),
      event('HighRiskFound', { ...step, finding: markers.finding }),
      event('GeneticCounsellingTaken', { ...step, advice: markers.advice }),
    ]);
    h.relay('pii');
    const contents = await h.expectStreamToHoldTheLog(await h.logOf(6));
    const wire = contents.map((m) => m.raw).join('\n');
    for (const value of Object.values(markers)) expect(wire).not.toContain(value);
    // What downstream counts on stays: where and when a step happened.
    expect(contents[3].body.data).toEqual({ ...step, subjectKind: 'couple' });
    expect(contents[0].body.data).toMatchObject({ householdId, villageCode: '640105001001', members: 4 });
  });
});
