import { given } from '../../testing/decider-spec';
import { CommandMetadata } from '../shared';
import {
  cityBulletinDecider,
  CityBulletinCommand,
  cityBulletinStream,
  SupervisionCommand,
  SupervisionEvent,
  supervisionDecider,
  supervisionStream,
  SUPERVISION_EVENT_TYPES,
} from './index';
import { bimonthOf, monthOfInstant, parsePeriod } from './periods';

const district = '640104';
const meta = (actor: string, occurredAt: string): CommandMetadata => ({ commandId: 'c-1', actor, correlationId: 'k-1', occurredAt });
const office = (occurredAt: string) => meta('city-office', occurredAt);

const assigned = (supervisorId: string, assignedAt: string, reason = 'appointed by order 12'): SupervisionEvent => ({
  type: 'SupervisorAssigned',
  data: { districtCode: district, supervisorId, assignedAt, reason },
});
const ended = (supervisorId: string, endedAt: string, reason: string): SupervisionEvent => ({
  type: 'SupervisorAssignmentEnded',
  data: { districtCode: district, supervisorId, endedAt, reason },
});

const assign = (supervisorId: string, at: string, reason = 'appointed by order 12'): SupervisionCommand => ({
  type: 'AssignSupervisor',
  data: { districtCode: district, supervisorId, reason },
  metadata: office(at),
});
const visit = (actor: string, at: string, month = '201203', findings = 'ledger of village 12 incomplete'): SupervisionCommand => ({
  type: 'RecordSupervisionVisit',
  data: { districtCode: district, month, unitsVisited: ['unit-a'], findings },
  metadata: meta(actor, at),
});
const bulletin = (
  actor: string,
  at: string,
  over: Partial<{ period: string; kind: 'progress' | 'criticism'; units: string[]; bulletinId: string }> = {},
): SupervisionCommand => ({
  type: 'IssueBulletin',
  data: { districtCode: district, bulletinId: 'b-1', period: '201201B', kind: 'criticism', units: ['unit-a'], summary: 'slow', ...over },
  metadata: meta(actor, at),
});

const wang = 'sup-wang';
const li = 'sup-li';
const wangTerm = assigned(wang, '2012-01-01T00:00:00Z');

describe('supervision decider', () => {
  it('names the stream after the district', () => {
    expect(supervisionStream(district)).toBe('supervision-640104');
  });

  it('lists every stored event type', () => {
    expect(SUPERVISION_EVENT_TYPES).toEqual([
      'SupervisorAssigned',
      'SupervisorAssignmentEnded',
      'SupervisionVisitRecorded',
      'BulletinIssued',
    ]);
  });

  describe('AssignSupervisor', () => {
    it('assigns the first supervisor of a district', () => {
      given(supervisionDecider).when(assign(wang, '2012-01-01T00:00:00Z')).then([wangTerm]);
    });

    it('ends the previous term when the district is reassigned', () => {
      given(supervisionDecider, [wangTerm])
        .when(assign(li, '2012-05-01T00:00:00Z', 'rotation'))
        .then([ended(wang, '2012-05-01T00:00:00Z', 'rotation'), assigned(li, '2012-05-01T00:00:00Z', 'rotation')]);
    });

    it('assigns a vacant district without ending anything', () => {
      given(supervisionDecider, [wangTerm, ended(wang, '2012-03-01T00:00:00Z', 'retired')])
        .when(assign(li, '2012-04-01T00:00:00Z'))
        .then([assigned(li, '2012-04-01T00:00:00Z')]);
    });

    it('refuses to assign a vacant district from a date inside the term that ended', () => {
      given(supervisionDecider, [wangTerm, ended(wang, '2012-03-01T00:00:00Z', 'retired')])
        .when(assign(li, '2012-02-01T00:00:00Z'))
        .thenThrows('assignment-out-of-order');
    });

    it('refuses to assign the supervisor already in office', () => {
      given(supervisionDecider, [wangTerm]).when(assign(wang, '2012-02-01T00:00:00Z')).thenThrows('supervisor-already-assigned');
    });

    it('refuses a reassignment dated before the current term began', () => {
      given(supervisionDecider, [wangTerm]).when(assign(li, '2011-12-01T00:00:00Z')).thenThrows('assignment-out-of-order');
    });

    it('refuses an assignment without a reason', () => {
      given(supervisionDecider)
        .when(assign(wang, '2012-01-01T00:00:00Z', '  '))
        .thenThrows('reason-required');
    });
  });

  describe('EndSupervisorAssignment', () => {
    const endCmd = (at: string, reason = 'retired'): SupervisionCommand => ({
      type: 'EndSupervisorAssignment',
      data: { districtCode: district, reason },
      metadata: office(at),
    });

    it('ends the term in force', () => {
      given(supervisionDecider, [wangTerm])
        .when(endCmd('2012-03-01T00:00:00Z'))
        .then([ended(wang, '2012-03-01T00:00:00Z', 'retired')]);
    });

    it('refuses to end a term in a district without a supervisor', () => {
      given(supervisionDecider).when(endCmd('2012-03-01T00:00:00Z')).thenThrows('district-has-no-supervisor');
    });

    it('refuses to end a term before it began', () => {
      given(supervisionDecider, [wangTerm]).when(endCmd('2011-03-01T00:00:00Z')).thenThrows('assignment-out-of-order');
    });

    it('refuses to end a term without a reason', () => {
      given(supervisionDecider, [wangTerm]).when(endCmd('2012-03-01T00:00:00Z', '')).thenThrows('reason-required');
    });
  });

  describe('RecordSupervisionVisit', () => {
    it('records a visit by the supervisor in office', () => {
      given(supervisionDecider, [wangTerm])
        .when(visit(wang, '2012-03-14T09:00:00Z'))
        .then([
          {
            type: 'SupervisionVisitRecorded',
            data: {
              districtCode: district,
              supervisorId: wang,
              month: '201203',
              visitedAt: '2012-03-14T09:00:00Z',
              unitsVisited: ['unit-a'],
              findings: 'ledger of village 12 incomplete',
            },
          },
        ]);
    });

    it('accepts a late-recorded visit from the term in force when it happened', () => {
      const history = [wangTerm, ended(wang, '2012-05-01T00:00:00Z', 'rotation'), assigned(li, '2012-05-01T00:00:00Z')];
      const [event] = supervisionDecider.decide(visit(wang, '2012-04-20T00:00:00Z', '201204'), fold(history));
      expect(event).toMatchObject({ type: 'SupervisionVisitRecorded', data: { supervisorId: wang, month: '201204' } });
    });

    it('refuses a visit by someone not assigned to the district', () => {
      given(supervisionDecider, [wangTerm]).when(visit(li, '2012-03-14T09:00:00Z')).thenThrows('supervisor-not-assigned-to-district');
    });

    it('refuses a visit by a former supervisor after their term ended', () => {
      const history = [wangTerm, ended(wang, '2012-03-01T00:00:00Z', 'rotation'), assigned(li, '2012-03-01T00:00:00Z')];
      given(supervisionDecider, history).when(visit(wang, '2012-03-14T09:00:00Z')).thenThrows('supervisor-not-assigned-to-district');
    });

    it('refuses a visit dated before the supervisor took office', () => {
      given(supervisionDecider, [wangTerm])
        .when(visit(wang, '2011-12-14T09:00:00Z', '201112'))
        .thenThrows('supervisor-not-assigned-to-district');
    });

    it('refuses a visit in a district that never had a supervisor', () => {
      given(supervisionDecider).when(visit(wang, '2012-03-14T09:00:00Z')).thenThrows('supervisor-not-assigned-to-district');
    });

    it('refuses a month that is not YYYYMM', () => {
      given(supervisionDecider, [wangTerm])
        .when(visit(wang, '2012-03-14T09:00:00Z', '201213'))
        .thenThrows('visit-month-invalid');
    });

    it('refuses a visit counted for a month that had not begun', () => {
      given(supervisionDecider, [wangTerm])
        .when(visit(wang, '2012-03-14T09:00:00Z', '201204'))
        .thenThrows('visit-month-in-future');
    });

    it('counts a visit early on the 1st, city time, for the new month', () => {
      const [event] = supervisionDecider.decide(visit(wang, '2012-02-29T23:30:00Z', '201203'), fold([wangTerm]));
      expect(event).toMatchObject({ data: { month: '201203', visitedAt: '2012-02-29T23:30:00Z' } });
    });

    it('refuses a visit without findings', () => {
      given(supervisionDecider, [wangTerm])
        .when(visit(wang, '2012-03-14T09:00:00Z', '201203', ' '))
        .thenThrows('findings-required');
    });
  });

  describe('IssueBulletin', () => {
    it('issues a criticism bulletin naming the units', () => {
      given(supervisionDecider, [wangTerm])
        .when(bulletin(wang, '2012-03-02T00:00:00Z'))
        .then([
          {
            type: 'BulletinIssued',
            data: {
              districtCode: district,
              bulletinId: 'b-1',
              supervisorId: wang,
              period: '201201B',
              kind: 'criticism',
              units: ['unit-a'],
              summary: 'slow',
              issuedAt: '2012-03-02T00:00:00Z',
              document: null,
            },
          },
        ]);
    });

    it('issues a progress bulletin that names no unit', () => {
      const events = supervisionDecider.decide(bulletin(wang, '2012-03-02T00:00:00Z', { kind: 'progress', units: [] }), fold([wangTerm]));
      expect(events).toMatchObject([{ type: 'BulletinIssued', data: { kind: 'progress', units: [] } }]);
    });

    it('refuses a bulletin from someone not assigned to the district', () => {
      given(supervisionDecider, [wangTerm]).when(bulletin(li, '2012-03-02T00:00:00Z')).thenThrows('supervisor-not-assigned-to-district');
    });

    it('refuses a period that is not bimonthly', () => {
      given(supervisionDecider, [wangTerm])
        .when(bulletin(wang, '2012-03-02T00:00:00Z', { period: '201207B' }))
        .thenThrows('bulletin-period-not-bimonthly');
    });

    it('refuses a bulletin on a bimonth that had not begun', () => {
      given(supervisionDecider, [wangTerm])
        .when(bulletin(wang, '2012-03-02T00:00:00Z', { period: '201203B' }))
        .thenThrows('bulletin-period-in-future');
    });

    it('refuses a criticism bulletin that names no unit', () => {
      given(supervisionDecider, [wangTerm])
        .when(bulletin(wang, '2012-03-02T00:00:00Z', { units: [] }))
        .thenThrows('criticism-bulletin-names-no-unit');
    });

    it('refuses to issue the same bulletin twice', () => {
      const first = supervisionDecider.decide(bulletin(wang, '2012-03-02T00:00:00Z'), fold([wangTerm]));
      given(supervisionDecider, [wangTerm, ...first])
        .when(bulletin(wang, '2012-03-05T00:00:00Z'))
        .thenThrows('bulletin-already-issued');
    });

    it("refuses a second bulletin for a district's bimonth, whatever its id", () => {
      const first = supervisionDecider.decide(bulletin(wang, '2012-03-02T00:00:00Z'), fold([wangTerm]));
      given(supervisionDecider, [wangTerm, ...first])
        .when(bulletin(wang, '2012-03-05T00:00:00Z', { bulletinId: 'b-2', kind: 'progress', units: [] }))
        .thenThrows('bulletin-already-issued');
    });

    it('records the hashes and log position of the pack issued with it', () => {
      const document = {
        pdfSha256: 'a'.repeat(64),
        xlsxSha256: 'b'.repeat(64),
        asOf: '4194304',
        layout: 'bulletin-pack/2',
        scorecard: null,
      };
      const command = bulletin(wang, '2012-03-02T00:00:00Z');
      const withDocument = { ...command, data: { ...command.data, document } } as SupervisionCommand;
      const [event] = supervisionDecider.decide(withDocument, fold([wangTerm]));
      expect(event).toMatchObject({ type: 'BulletinIssued', data: { bulletinId: 'b-1', document } });
    });
  });
});

describe('periods', () => {
  it('reads DHIS2 bimonths as pairs of months', () => {
    expect(parsePeriod('201201B')).toEqual({ kind: 'bimonthly', firstMonth: '201201', lastMonth: '201202' });
    expect(parsePeriod('201206B')).toEqual({ kind: 'bimonthly', firstMonth: '201211', lastMonth: '201212' });
  });

  it('finds the bimonth a month falls in', () => {
    expect(bimonthOf('201203')).toBe('201202B');
    expect(bimonthOf('201212')).toBe('201206B');
  });

  it("counts months on the city's calendar (UTC+8), not in UTC", () => {
    expect(monthOfInstant('2012-02-29T23:00:00Z')).toBe('201203');
    expect(monthOfInstant('2012-02-29T15:59:59Z')).toBe('201202');
  });

  it('reads quarters and years, and nothing else', () => {
    expect(parsePeriod('2012Q2')).toEqual({ kind: 'quarterly', firstMonth: '201204', lastMonth: '201206' });
    expect(parsePeriod('2012')).toEqual({ kind: 'yearly', firstMonth: '201201', lastMonth: '201212' });
    expect(parsePeriod('2012-03')).toBeUndefined();
  });
});

function fold(events: SupervisionEvent[]) {
  return events.reduce(supervisionDecider.evolve, supervisionDecider.initialState);
}

describe('city bulletin decider', () => {
  const document = {
    pdfSha256: 'a'.repeat(64),
    xlsxSha256: 'b'.repeat(64),
    asOf: '4194304',
    layout: 'city-bulletin-pack/1',
    scorecard: null,
  };
  const issue = (
    at: string,
    over: Partial<{ period: string; kind: 'progress' | 'criticism'; units: string[]; bulletinId: string }> = {},
  ): CityBulletinCommand => ({
    type: 'IssueCityBulletin',
    data: { bulletinId: 'c-1', period: '201201B', kind: 'criticism', units: ['640104'], summary: 'slow', document, ...over },
    metadata: office(at),
  });
  const issued = cityBulletinDecider.decide(issue('2012-03-02T00:00:00Z'), cityBulletinDecider.initialState);

  it("issues the city's bulletin into the city's supervision stream, the issuer as the actor", () => {
    expect(cityBulletinStream()).toBe('supervision-640100');
    given(cityBulletinDecider)
      .when(issue('2012-03-02T00:00:00Z'))
      .then([
        {
          type: 'CityBulletinIssued',
          data: {
            bulletinId: 'c-1',
            issuedBy: 'city-office',
            period: '201201B',
            kind: 'criticism',
            units: ['640104'],
            summary: 'slow',
            issuedAt: '2012-03-02T00:00:00Z',
            document,
          },
        },
      ]);
  });

  it('refuses a bimonth not yet begun, a period that is not a bimonth and a criticism naming no unit', () => {
    given(cityBulletinDecider)
      .when(issue('2012-03-02T00:00:00Z', { period: '201203B' }))
      .thenThrows('bulletin-period-in-future');
    given(cityBulletinDecider)
      .when(issue('2012-03-02T00:00:00Z', { period: '2012Q1' }))
      .thenThrows('bulletin-period-not-bimonthly');
    given(cityBulletinDecider)
      .when(issue('2012-03-02T00:00:00Z', { units: [] }))
      .thenThrows('criticism-bulletin-names-no-unit');
  });

  it('refuses a second bulletin for a bimonth, whatever its id, and the same id twice', () => {
    given(cityBulletinDecider, issued)
      .when(issue('2012-03-05T00:00:00Z', { bulletinId: 'c-2' }))
      .thenThrows('bulletin-already-issued');
    given(cityBulletinDecider, issued)
      .when(issue('2012-05-05T00:00:00Z', { period: '201202B' }))
      .thenThrows('bulletin-already-issued');
  });
});
