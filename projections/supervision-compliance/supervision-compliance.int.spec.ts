import { JsonObject, RecordedEvent } from '@libs/event-store';
import { activeSchema, applyEvents, recorded, tableRows } from '../shared/testing/harness';
import { databasePerTest } from '../shared/testing/database-per-test';
import { supervisionComplianceProjection as projection } from './supervision-compliance.projection';
import { districtCompliance } from './supervision-compliance.query';

const DISTRICT = '640104';
const event = (type: string, data: JsonObject, recordedAt: string): RecordedEvent => {
  const e = recorded(type, { districtCode: DISTRICT, ...data }, recordedAt, `supervision-${DISTRICT}`);
  return { ...e, recordedAt, metadata: { ...e.metadata, recordedAt } };
};
const assigned = (supervisorId: string, at: string) =>
  event('SupervisorAssigned', { supervisorId, assignedAt: at, reason: 'order 12' }, at);
const ended = (supervisorId: string, at: string) =>
  event('SupervisorAssignmentEnded', { supervisorId, endedAt: at, reason: 'rotation' }, at);
const visit = (month: string, recordedAt: string, supervisorId = 'sup-wang') =>
  event('SupervisionVisitRecorded', { supervisorId, month, visitedAt: recordedAt, unitsVisited: ['unit-7'], findings: 'ok' }, recordedAt);
const bulletin = (period: string, recordedAt: string) =>
  event(
    'BulletinIssued',
    {
      bulletinId: `b-${period}`,
      supervisorId: 'sup-wang',
      period,
      kind: 'criticism',
      units: ['unit-7'],
      summary: 'slow',
      issuedAt: recordedAt,
    },
    recordedAt,
  );

describe('supervision compliance projection', () => {
  const db = databasePerTest(projection);

  const history = () => [
    assigned('sup-wang', '2012-01-01T00:00:00.000Z'),
    visit('201201', '2012-01-15T02:00:00.000Z'),
    visit('201202', '2012-03-03T02:00:00.000Z'),
    bulletin('201201B', '2012-03-20T02:00:00.000Z'),
    ended('sup-wang', '2012-05-01T00:00:00.000Z'),
    assigned('sup-li', '2012-05-01T00:00:00.000Z'),
    visit('201205', '2012-05-10T02:00:00.000Z', 'sup-li'),
  ];

  it('flags each month and bimonth of a district as on time, late, missing or pending', async () => {
    await applyEvents(db.dataSource, projection, history());
    const schema = await activeSchema(db.dataSource, projection);
    const report = await districtCompliance(db.dataSource.manager, schema, DISTRICT, { to: '201206' }, '201206');
    expect(report.months.map((m) => [m.period, m.status])).toEqual([
      ['201201', 'on-time'],
      ['201202', 'late'],
      ['201203', 'missing'],
      ['201204', 'missing'],
      ['201205', 'on-time'],
      ['201206', 'pending'],
    ]);
    expect(report.bimonths.map((b) => [b.period, b.status])).toEqual([
      ['201201B', 'on-time'],
      ['201202B', 'missing'],
      ['201203B', 'pending'],
    ]);
  });

  it("keeps each supervisor's term, ended when the district is reassigned", async () => {
    await applyEvents(db.dataSource, projection, history());
    const terms = await tableRows(db.dataSource, projection, 'terms');
    expect(terms.map((t) => [t.supervisor_id, t.until_at === null])).toEqual([
      ['sup-li', true],
      ['sup-wang', false],
    ]);
  });

  it('changes nothing when every event is delivered twice', async () => {
    const events = history();
    await applyEvents(db.dataSource, projection, events);
    const tables = async () => ({
      visits: await tableRows(db.dataSource, projection, 'visits'),
      bulletins: await tableRows(db.dataSource, projection, 'bulletins'),
      terms: await tableRows(db.dataSource, projection, 'terms'),
    });
    const once = await tables();
    await applyEvents(db.dataSource, projection, events);
    expect(await tables()).toEqual(once);
    expect(once.visits).toHaveLength(3);
  });
});
