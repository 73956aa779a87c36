import { JsonObject, position, RecordedEvent } from '@libs/event-store';
import { trailRow } from './trail-row';

const recorded = (type: string, data: JsonObject, at = '2012-03-15T08:00:00.000Z', stream = 'x-1'): RecordedEvent => ({
  id: '00000000-0000-4000-8000-000000000001',
  stream,
  revision: 0n,
  position: position(1n << 20n),
  type,
  data,
  metadata: { actor: 'test', correlationId: 'k', causationId: 'c', occurredAt: at, recordedAt: at },
  recordedAt: at,
  previousHash: '0'.repeat(64),
  hash: '0'.repeat(64),
});

const withActor = (event: RecordedEvent, actor: string): RecordedEvent => ({ ...event, metadata: { ...event.metadata, actor } });

describe('an audit trail row', () => {
  it('places a case event by the case, its district, unit and grounds, and leaves its free text out', () => {
    const event = withActor(
      recorded(
        'CaseOpened',
        {
          caseId: 'c-1',
          subjectUnit: 'unit-7',
          districtCode: '640104',
          grounds: ['passive'],
          evidence: [{ reference: 'r', description: 'named a resident' }],
          openedBy: { actor: 'sup-wang', role: 'supervisor' },
          reason: 'idle for a quarter',
        },
        '2012-02-29T23:30:00.000Z',
        'case-c-1',
      ),
      'sup-wang',
    );
    expect(trailRow(event)).toEqual({
      eventId: event.id,
      logPosition: event.position.commit.toString(),
      stream: 'case-c-1',
      revision: '0',
      aggregate: 'case',
      subjectId: 'c-1',
      eventType: 'CaseOpened',
      districtCode: '640104',
      subjectUnit: 'unit-7',
      grounds: ['passive'],
      actor: 'sup-wang',
      authenticatedAs: null,
      // A case's reasons may name officials and residents: personal, so not kept where erasure cannot reach.
      reason: null,
      occurredAt: '2012-02-29T23:30:00.000Z',
      recordedAt: '2012-02-29T23:30:00.000Z',
      month: '201203',
      data: {
        caseId: 'c-1',
        subjectUnit: 'unit-7',
        districtCode: '640104',
        grounds: ['passive'],
        openedBy: { actor: 'sup-wang', role: 'supervisor' },
      },
    });
  });

  it("keeps beside the actor the administrator who sent the command under the actor's name", () => {
    const event = recorded('CaseReopened', { reason: 'new evidence' }, undefined, 'case-c-1');
    const typedByAdmin = { ...event, metadata: { ...event.metadata, actor: 'clerk-7', authenticatedAs: 'admin-ma' } };
    expect(trailRow(typedByAdmin)).toMatchObject({ actor: 'clerk-7', authenticatedAs: 'admin-ma' });
    expect(trailRow(event)).toMatchObject({ actor: 'test', authenticatedAs: null });
  });

  it('leaves out a reason classified as personal', () => {
    const event = recorded(
      'LeaderHeldAccountable',
      { officialId: 'off-1', position: 'head', measure: 'admonition-talk', reason: 'his illness is no excuse' },
      undefined,
      'case-c-1',
    );
    expect(trailRow(event)).toMatchObject({ reason: null, data: { officialId: 'off-1', position: 'head', measure: 'admonition-talk' } });
  });

  it('places supervision events by district and responsibilities by unit', () => {
    const visit = recorded(
      'SupervisionVisitRecorded',
      { districtCode: '640105', supervisorId: 's', month: '201203', visitedAt: 'x', unitsVisited: [], findings: 'f' },
      undefined,
      'supervision-640105',
    );
    expect(trailRow(visit)).toMatchObject({
      aggregate: 'supervision',
      subjectId: '640105',
      districtCode: '640105',
      subjectUnit: null,
      data: { month: '201203' },
    });
    const duty = recorded(
      'ResponsibilityAssigned',
      { responsibilityId: 'r-1', unitCode: '640104001', reason: 'plan' },
      undefined,
      'responsibility-r-1',
    );
    expect(trailRow(duty)).toMatchObject({
      aggregate: 'responsibility',
      subjectId: 'r-1',
      districtCode: null,
      subjectUnit: '640104001',
      reason: 'plan',
    });
  });

  it('has no row for an event of another aggregate', () => {
    expect(trailRow(recorded('HouseholdEnrolled', { householdId: 'h' }))).toBeUndefined();
  });
});
