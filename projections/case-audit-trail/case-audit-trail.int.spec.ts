import { randomUUID } from 'node:crypto';
import { JsonObject, RecordedEvent } from '@libs/event-store';
import { activeSchema, applyEvents, recorded, tableRows } from '../shared/testing/harness';
import { databasePerTest } from '../shared/testing/database-per-test';
import { caseAuditTrailProjection as projection } from './case-audit-trail.projection';
import { listCases, queryTrail } from './case-audit-trail.query';

const DISTRICT = '640104';
const at = (day: number) => `2012-03-${String(day).padStart(2, '0')}T02:00:00.000Z`;

function caseEvents(caseId: string, actor = 'sup-wang'): RecordedEvent[] {
  const stream = `case-${caseId}`;
  const event = (revision: number, type: string, data: JsonObject): RecordedEvent => {
    const e = recorded(type, data, at(revision + 1), stream);
    return { ...e, revision: BigInt(revision), metadata: { ...e.metadata, actor } };
  };
  return [
    event(0, 'CaseOpened', {
      caseId,
      subjectUnit: 'unit-7',
      districtCode: DISTRICT,
      grounds: ['delayed', 'perfunctory'],
      evidence: [{ reference: 'visit-12', description: 'ledger left blank by the clerk' }],
      openedBy: { actor, role: 'supervisor' },
      reason: 'two months behind',
    }),
    event(1, 'RectificationOrdered', {
      round: 1,
      requirements: ['fill the ledger'],
      deadline: '2012-04-01T00:00:00.000Z',
      reason: 'as found',
    }),
    event(2, 'LeaderHeldAccountable', {
      officialId: 'off-3',
      position: 'township head',
      measure: 'admonition-talk',
      reason: 'his second lapse',
    }),
    event(3, 'CaseClosed', { resolution: 'held-accountable', reason: 'measure taken', waiver: { round: 1, reason: 'moot' } }),
  ];
}

const visit = (district: string, actor: string) => {
  const e = recorded(
    'SupervisionVisitRecorded',
    {
      districtCode: district,
      supervisorId: actor,
      month: '201203',
      visitedAt: at(9),
      unitsVisited: ['unit-7'],
      findings: 'Mrs Ma was not visited',
    },
    at(9),
    `supervision-${district}`,
  );
  return { ...e, metadata: { ...e.metadata, actor } };
};

describe('case audit trail projection', () => {
  const db = databasePerTest(projection);

  it('writes one row per event, each with the case district, unit and grounds, and no reason (personal free text)', async () => {
    const caseId = randomUUID();
    await applyEvents(db.dataSource, projection, caseEvents(caseId));
    const schema = await activeSchema(db.dataSource, projection);
    const trail = await queryTrail(db.dataSource.manager, schema, { limit: 100 });
    expect(trail.map((e) => [e.type, e.revision, e.districtCode, e.subjectUnit, e.grounds, e.reason])).toEqual([
      ['CaseOpened', 0, DISTRICT, 'unit-7', ['delayed', 'perfunctory'], null],
      ['RectificationOrdered', 1, DISTRICT, 'unit-7', ['delayed', 'perfunctory'], null],
      ['LeaderHeldAccountable', 2, DISTRICT, 'unit-7', ['delayed', 'perfunctory'], null],
      ['CaseClosed', 3, DISTRICT, 'unit-7', ['delayed', 'perfunctory'], null],
    ]);
    expect(trail[0]).toMatchObject({
      aggregate: 'case',
      subjectId: caseId,
      actor: 'sup-wang',
      occurredAt: at(1),
      stream: `case-${caseId}`,
    });
  });

  it('keeps free text classified as personal out of the trail', async () => {
    await applyEvents(db.dataSource, projection, [...caseEvents(randomUUID()), visit(DISTRICT, 'sup-wang')]);
    const text = JSON.stringify(await tableRows(db.dataSource, projection, 'trail'));
    expect(text).not.toContain('ledger left blank by the clerk');
    expect(text).not.toContain('his second lapse');
    expect(text).not.toContain('two months behind');
    expect(text).not.toContain('moot');
    expect(text).not.toContain('Mrs Ma');
  });

  it('answers by district, actor, grounds and period', async () => {
    await applyEvents(db.dataSource, projection, [
      ...caseEvents(randomUUID()),
      ...caseEvents(randomUUID(), 'sup-li'),
      visit('640105', 'sup-zhao'),
    ]);
    const schema = await activeSchema(db.dataSource, projection);
    const query = (filter: object) => queryTrail(db.dataSource.manager, schema, { limit: 100, ...filter });
    expect(await query({ district: '640105' })).toHaveLength(1);
    expect(await query({ actor: 'sup-li' })).toHaveLength(4);
    expect(await query({ ground: 'perfunctory' })).toHaveLength(8);
    expect(await query({ ground: 'passive' })).toHaveLength(0);
    expect((await query({ from: at(2), to: at(3) })).map((e) => e.type)).toEqual(['RectificationOrdered', 'RectificationOrdered']);
  });

  it("shows who sent an entry under another actor's name, and finds the entry by either", async () => {
    const [opening, ...rest] = caseEvents(randomUUID(), 'clerk-7');
    const typedByAdmin = { ...opening, metadata: { ...opening.metadata, authenticatedAs: 'admin-ma' } };
    await applyEvents(db.dataSource, projection, [typedByAdmin, ...rest]);
    const schema = await activeSchema(db.dataSource, projection);
    const query = (filter: object) => queryTrail(db.dataSource.manager, schema, { limit: 100, ...filter });
    const [sent, ...others] = await query({ actor: 'clerk-7' });
    expect(sent).toMatchObject({ type: 'CaseOpened', actor: 'clerk-7', authenticatedAs: 'admin-ma' });
    // Ordinary entries carry no such field, as their events carry none.
    for (const entry of others) expect(entry).not.toHaveProperty('authenticatedAs');
    expect((await query({ actor: 'admin-ma' })).map((e) => [e.type, e.actor])).toEqual([['CaseOpened', 'clerk-7']]);
  });

  it('lists cases with the state the case decider gives them', async () => {
    const [open, closed] = [randomUUID(), randomUUID()];
    await applyEvents(db.dataSource, projection, [...caseEvents(open).slice(0, 2), ...caseEvents(closed)]);
    const schema = await activeSchema(db.dataSource, projection);
    const cases = await listCases(db.dataSource.manager, schema, { district: DISTRICT, limit: 10 });
    expect(cases.map((c) => [c.caseId, c.status, c.rectification, c.revision]).sort()).toEqual(
      [
        [open, 'Open', 'ordered', 1],
        [closed, 'Closed', 'ordered', 3],
      ].sort(),
    );
    expect(await listCases(db.dataSource.manager, schema, { status: 'Closed', limit: 10 })).toEqual([
      expect.objectContaining({ caseId: closed }),
    ]);
  });

  it('changes nothing when every event is delivered twice, or an older one again later', async () => {
    const events = [...caseEvents(randomUUID()), visit(DISTRICT, 'sup-wang')];
    await applyEvents(db.dataSource, projection, events);
    const once = { trail: await tableRows(db.dataSource, projection, 'trail'), cases: await tableRows(db.dataSource, projection, 'cases') };
    await applyEvents(db.dataSource, projection, events);
    await applyEvents(db.dataSource, projection, [events[1], events[0]]);
    expect({
      trail: await tableRows(db.dataSource, projection, 'trail'),
      cases: await tableRows(db.dataSource, projection, 'cases'),
    }).toEqual(once);
    expect(once.trail).toHaveLength(5);
  });
});
