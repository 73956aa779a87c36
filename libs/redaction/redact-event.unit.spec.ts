import { RecordedEvent } from '../event-store/event-store.port';
import { position } from '../event-store/position';
import { redactEvent } from './redact-event';
import { toPublicEvent } from './public-event';

const recorded = (type: string, data: RecordedEvent['data'], stream = 'household-1'): RecordedEvent => ({
  id: '5b0c1a9e-0000-4000-8000-000000000001',
  stream,
  revision: 3n,
  position: position(2n ** 60n + 7n),
  type,
  data,
  metadata: {
    actor: 'registrar-7',
    correlationId: 'c',
    causationId: 'k',
    occurredAt: '2026-01-01T00:00:00.000Z',
    recordedAt: '2026-01-01T00:00:01.000Z',
  },
  recordedAt: '2026-01-01T00:00:01.000Z',
  previousHash: '0'.repeat(64),
  hash: 'f'.repeat(64),
});

const enrolled = () =>
  recorded('HouseholdEnrolled', {
    householdId: 'h-1',
    villageCode: '640104001001',
    category: 'developing',
    members: 4,
    head: { name: 'Ma Lan', idNumber: '640104199001011234', phone: '13900000000' },
    enrolmentYear: 2012,
    batch: 1,
  });

describe('redactEvent', () => {
  it('removes the head of household from HouseholdEnrolled and keeps every other field', () => {
    expect(redactEvent(enrolled()).data).toEqual({
      householdId: 'h-1',
      villageCode: '640104001001',
      category: 'developing',
      members: 4,
      enrolmentYear: 2012,
      batch: 1,
    });
  });

  it('removes the free-text fields the household catalogue declares personal', () => {
    const need = recorded('NeedRecorded', {
      householdId: 'h-1',
      needId: 'n',
      focusArea: 'health',
      kind: 'care',
      description: 'diabetic grandmother',
    });
    expect(redactEvent(need).data).toEqual({ householdId: 'h-1', needId: 'n', focusArea: 'health', kind: 'care' });
  });

  it('removes what the event type registry declares personal in other aggregates too', () => {
    const defaulted = recorded(
      'LoanDefaulted',
      { loanId: 'l', householdId: 'h', outstandingFen: 120000, reason: 'a death in the family' },
      'loan-1',
    );
    expect(redactEvent(defaulted).data).toEqual({ loanId: 'l', householdId: 'h', outstandingFen: 120000 });
  });

  it("removes a case's free text, which may name officials and residents: reasons, requirements, a waiver's reason", () => {
    const opened = recorded(
      'CaseOpened',
      {
        caseId: 'c',
        subjectUnit: 'unit-7',
        districtCode: '640104',
        grounds: ['perfunctory'],
        evidence: [{ reference: 'v', description: 'ledgers' }],
        openedBy: { actor: 'sup-wang', role: 'supervisor' },
        reason: 'village head Zhang Wei took the grant of widow Li Fang',
      },
      'case-c',
    );
    expect(redactEvent(opened).data).toEqual({
      caseId: 'c',
      subjectUnit: 'unit-7',
      districtCode: '640104',
      grounds: ['perfunctory'],
      openedBy: { actor: 'sup-wang', role: 'supervisor' },
    });
    const ordered = recorded(
      'RectificationOrdered',
      { round: 1, requirements: ['pay Li Fang back'], deadline: 'd', reason: 'r' },
      'case-c',
    );
    expect(redactEvent(ordered).data).toEqual({ round: 1, deadline: 'd' });
    const closed = recorded(
      'CaseClosed',
      { resolution: 'resolved', reason: 'r', waiver: { round: 1, reason: 'Zhang Wei left' } },
      'case-c',
    );
    expect(redactEvent(closed).data).toEqual({ resolution: 'resolved', waiver: { round: 1 } });
  });

  it('removes names, id numbers, phones and health details at any depth of any event', () => {
    const other = recorded(
      'SomethingElse',
      {
        loanId: 'l',
        borrower: { name: 'Li Wei', idNumber: 'x', phone: 'y', village: 'v' },
        contacts: [{ phoneNumber: 'z', role: 'guarantor' }],
        healthCondition: 'asthma',
        medicalNotes: 'n',
      },
      'loan-1',
    );
    expect(redactEvent(other).data).toEqual({ loanId: 'l', borrower: { village: 'v' }, contacts: [{ role: 'guarantor' }] });
  });

  it("removes a person's name, id number or phone under a qualified key, and keeps keys that only end in such letters", () => {
    const other = recorded(
      'SomethingElse',
      { subject: { partnerName: 'Ma Lan', partnerIdNumber: 'x', guardianPhone: 'y', kind: 'k' }, filename: 'f' },
      'screening-1',
    );
    expect(redactEvent(other).data).toEqual({ subject: { kind: 'k' }, filename: 'f' });
  });

  it('removes the same keys spelt in snake case, kebab case or capitals, as imported or legacy data spells them', () => {
    const other = recorded(
      'SomethingElse',
      {
        borrower: { full_name: 'Li Wei', ID_NUMBER: 'x', 'phone-number': 'y', Name: 'Li', village_code: 'v' },
        guardian: { guardian_name: 'Ma Lan', guardian_id_card: 'z', relation_code: 'r' },
        file_name_suffix: 'kept',
      },
      'loan-1',
    );
    expect(redactEvent(other).data).toEqual({
      borrower: { village_code: 'v' },
      guardian: { relation_code: 'r' },
      file_name_suffix: 'kept',
    });
  });

  it('keeps a focus area whose value is "health": only keys are judged', () => {
    const service = recorded('ServiceDelivered', {
      householdId: 'h',
      serviceId: 's',
      departmentCode: 'd',
      serviceTypeCode: 't',
      focusArea: 'health',
      deliveredAt: 'x',
    });
    expect(redactEvent(service).data).toEqual(service.data);
  });

  it('leaves the input event untouched', () => {
    const event = enrolled();
    const before = structuredClone(event);
    redactEvent(event);
    expect(event).toEqual(before);
  });

  it('leaves nested inputs untouched, in arrays and under declared paths, and shares what holds nothing personal', () => {
    const event = recorded('SomethingElse', {
      borrower: { name: 'Li Wei', village: 'v' },
      contacts: [{ phoneNumber: 'z', role: 'guarantor' }, { role: 'witness' }],
      place: { village: 'v', town: 't' },
    });
    const before = structuredClone(event);
    const redacted = redactEvent(event);
    expect(event).toEqual(before);
    expect(redacted.data.contacts).toEqual([{ role: 'guarantor' }, { role: 'witness' }]);
    expect(redacted.data.place).toBe(event.data.place);
    const service = recorded('ServiceDelivered', { householdId: 'h', focusArea: 'health' });
    expect(redactEvent(service)).toBe(service);
    const need = recorded('NeedRecorded', { householdId: 'h', description: 'private', kind: 'care' });
    expect(redactEvent(need).data).toEqual({ householdId: 'h', kind: 'care' });
    expect(need.data.description).toBe('private');
  });
});

describe('toPublicEvent', () => {
  it('is the redacted event with revision and position as strings and without the hash chain', () => {
    const event = enrolled();
    expect(toPublicEvent(event)).toEqual({
      id: event.id,
      stream: 'household-1',
      revision: '3',
      position: (2n ** 60n + 7n).toString(),
      type: 'HouseholdEnrolled',
      data: redactEvent(event).data,
      metadata: event.metadata,
      recordedAt: event.recordedAt,
    });
  });

  it('keeps personal fields only when asked to, for a caller entitled to them', () => {
    expect(toPublicEvent(enrolled(), { personal: true }).data).toEqual(enrolled().data);
  });
});
