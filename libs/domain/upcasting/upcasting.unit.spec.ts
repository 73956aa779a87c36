import { householdDecider } from '../household';
import { enrolmentYearOf, upcast, upcastEvent } from './index';

// A HouseholdEnrolled exactly as the 2012 pilot stored it: no enrolmentYear, no batch.
const V1_JSON = `{
  "id": "2f1e0d9c-8b7a-4695-a4b3-c2d1e0f9a8b7",
  "stream": "household-0b7f6c1e-4a2d-4c1b-9e3f-2a1d5c6b7e80",
  "revision": "0",
  "type": "HouseholdEnrolled",
  "data": {
    "householdId": "0b7f6c1e-4a2d-4c1b-9e3f-2a1d5c6b7e80",
    "villageCode": "640121002004",
    "category": "developing",
    "members": 5,
    "head": { "name": "Ma Lan", "phone": "13900000000" }
  },
  "metadata": {
    "actor": "worker-0001",
    "correlationId": "11111111-2222-4333-8444-555555555555",
    "causationId": "66666666-7777-4888-9999-000000000000",
    "occurredAt": "2012-05-14T02:30:00.000Z",
    "recordedAt": "2012-05-14T02:30:01.250Z"
  },
  "recordedAt": "2012-05-14T02:30:01.250Z",
  "hash": "ab"
}`;

describe('HouseholdEnrolled v1 -> v2', () => {
  it('adds the enrolment year from occurredAt and the pilot batch to a v1 event read from old JSON', () => {
    const recorded = JSON.parse(V1_JSON);
    expect(upcastEvent(recorded)).toEqual({
      ...recorded,
      data: {
        householdId: '0b7f6c1e-4a2d-4c1b-9e3f-2a1d5c6b7e80',
        villageCode: '640121002004',
        category: 'developing',
        members: 5,
        head: { name: 'Ma Lan', phone: '13900000000' },
        enrolmentYear: 2012,
        batch: 1,
      },
    });
  });

  it('leaves the stored event untouched', () => {
    const recorded = JSON.parse(V1_JSON);
    upcastEvent(recorded);
    expect(recorded).toEqual(JSON.parse(V1_JSON));
  });

  it('counts the enrolment year in Yinchuan time, where 2012-12-31T20:00Z is already 2013', () => {
    expect(enrolmentYearOf('2012-12-31T15:59:59.999Z')).toBe(2012);
    expect(enrolmentYearOf('2012-12-31T16:00:00.000Z')).toBe(2013);
    expect(enrolmentYearOf('2012-12-31T20:00:00.000Z')).toBe(2013);
  });

  it('returns an event already in the current shape as it was', () => {
    const data = {
      householdId: 'h',
      villageCode: '640104001001',
      category: 'stable',
      members: 2,
      head: { name: 'x' },
      enrolmentYear: 2014,
      batch: 3,
    };
    const recorded = { type: 'HouseholdEnrolled', data, metadata: { occurredAt: '2012-05-14T02:30:00.000Z' } };
    expect(upcastEvent(recorded)).toBe(recorded);
  });

  it('passes events of types without an upcaster through, including names that exist on every object', () => {
    const recorded = { type: 'LoanRepaid', data: { loanId: 'l' }, metadata: { occurredAt: '2013-01-01T00:00:00.000Z' } };
    expect(upcastEvent(recorded)).toBe(recorded);
    expect(upcast('constructor', { a: 1 }, recorded.metadata)).toEqual({ a: 1 });
  });

  it('lets the household decider fold an upcast v1 enrolment and go on deciding', () => {
    const { type, data } = upcastEvent(JSON.parse(V1_JSON));
    const state = householdDecider.evolve(householdDecider.initialState, { type, data });
    expect(state).toMatchObject({ status: 'Enrolled', villageCode: '640121002004', members: 5 });
  });

  it('refuses a v1 event whose occurredAt cannot be read rather than invent a year', () => {
    expect(() => upcast('HouseholdEnrolled', { householdId: 'h' }, { occurredAt: 'yesterday' })).toThrow(/occurredAt/);
  });
});

describe('BulletinIssued v1 -> v2 -> v3', () => {
  // A BulletinIssued as stored before bulletins carried their documents.
  const v1 = JSON.parse(`{
    "districtCode": "640104", "bulletinId": "b-1", "supervisorId": "sup-wang", "period": "201201B",
    "kind": "criticism", "units": ["640104001"], "summary": "slow", "issuedAt": "2012-03-02T00:00:00.000Z"
  }`);

  it('reads a v1 event as a bulletin issued without documents', () => {
    expect(upcast('BulletinIssued', v1, { occurredAt: '2012-03-02T00:00:00.000Z' })).toEqual({ ...v1, document: null });
  });

  const document = { pdfSha256: 'a'.repeat(64), xlsxSha256: 'b'.repeat(64), asOf: '7', layout: 'bulletin-pack/1' };

  it('reads a v2 event (layout 1, which printed no scores) as one that recorded no scorecard', () => {
    const v2 = { ...v1, document };
    expect(upcast('BulletinIssued', v2, { occurredAt: '2012-03-02T00:00:00.000Z' })).toEqual({
      ...v1,
      document: { ...document, scorecard: null },
    });
    expect(upcast('BulletinIssued', { ...v1, document: null }, { occurredAt: '2012-03-02T00:00:00.000Z' })).toEqual({
      ...v1,
      document: null,
    });
  });

  it('leaves a v3 event as it is', () => {
    const v3 = { ...v1, document: { ...document, layout: 'bulletin-pack/2', scorecard: null } };
    expect(upcast('BulletinIssued', v3, { occurredAt: '2012-03-02T00:00:00.000Z' })).toBe(v3);
  });
});
