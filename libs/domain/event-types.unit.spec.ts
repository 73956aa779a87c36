import { EVENT_TYPES, eventTypesOf, isStoredEventType, PERSONAL_FIELDS, stripPersonalFields } from './event-types';

/**
 * The stored names, written out by hand. Events in the log carry these strings forever: a rename or a
 * removal breaks every stream that holds one. Change this list only to ADD a name.
 */
const FROZEN = {
  household: [
    'HouseholdEnrolled',
    'HouseholdRecategorized',
    'HouseholdWithdrawn',
    'NeedRecorded',
    'ServiceDelivered',
    'SatisfactionRecorded',
    'HouseholdCertified',
    'CertificationRevoked',
  ],
  loan: ['LoanGranted', 'LoanRepaymentRecorded', 'LoanRepaid', 'LoanDefaulted'],
  supervision: ['SupervisorAssigned', 'SupervisorAssignmentEnded', 'SupervisionVisitRecorded', 'BulletinIssued', 'CityBulletinIssued'],
  responsibility: ['ResponsibilityAssigned'],
  pilotvillage: ['PilotVillageDesignated', 'PilotVillageDesignationWithdrawn'],
  case: [
    'CaseOpened',
    'RectificationOrdered',
    'RectificationReported',
    'RectificationAccepted',
    'RectificationRejected',
    'CriticismIssued',
    'LeaderHeldAccountable',
    'CaseEscalated',
    'CaseClosed',
    'CaseReopened',
  ],
  activity: ['GroupActivityHeld', 'GroupActivityCorrected', 'GroupActivityCancelled'],
  screening: [
    'ScreeningSubjectRegistered',
    'PrePregnancyCheckDone',
    'FiveItemTestDone',
    'TwoItemScreeningDone',
    'HighRiskFound',
    'GeneticCounsellingOffered',
    'GeneticCounsellingTaken',
    'ScreeningOutcomeRecorded',
    'ScreeningPersonErased',
  ],
  support: ['SupportGranted', 'SupportDelivered', 'SupportReturned', 'SupportReversed'],
} as const;

describe('stored event type names', () => {
  it.each(Object.entries(FROZEN).flatMap(([category, names]) => names.map((name) => [name, category])))(
    'still registers %s under %s',
    (name, category) => {
      expect(isStoredEventType(name)).toBe(true);
      expect(eventTypesOf(category as keyof typeof FROZEN)).toContain(name);
    },
  );

  it('registers no name that is not frozen here, so every new name is frozen on purpose', () => {
    expect([...EVENT_TYPES].sort()).toEqual(Object.values(FROZEN).flat().sort());
  });

  it('does not recognise an unregistered name', () => {
    expect(isStoredEventType('HouseholdEnroled')).toBe(false);
  });
});

describe('personal fields', () => {
  it('names the personal fields of every registered event type', () => {
    expect(PERSONAL_FIELDS).toEqual({
      HouseholdEnrolled: ['head'],
      HouseholdRecategorized: ['reason'],
      HouseholdWithdrawn: ['reason'],
      NeedRecorded: ['description'],
      ServiceDelivered: [],
      SatisfactionRecorded: [],
      HouseholdCertified: [],
      CertificationRevoked: ['reason'],
      LoanGranted: [],
      LoanRepaymentRecorded: [],
      LoanRepaid: [],
      LoanDefaulted: ['reason'],
      SupervisorAssigned: [],
      SupervisorAssignmentEnded: ['reason'],
      SupervisionVisitRecorded: ['findings'],
      BulletinIssued: [],
      CityBulletinIssued: [],
      ResponsibilityAssigned: [],
      PilotVillageDesignated: [],
      PilotVillageDesignationWithdrawn: [],
      // A case's free text may name officials and residents.
      CaseOpened: ['evidence', 'reason'],
      RectificationOrdered: ['requirements', 'reason'],
      RectificationReported: ['report', 'evidence', 'reason'],
      RectificationAccepted: ['reason'],
      RectificationRejected: ['reason'],
      CriticismIssued: ['reason'],
      LeaderHeldAccountable: ['reason'],
      CaseEscalated: ['reason'],
      CaseClosed: ['reason', 'waiver.reason'],
      CaseReopened: ['reason'],
      GroupActivityHeld: ['reason'],
      GroupActivityCorrected: ['reason'],
      GroupActivityCancelled: ['reason'],
      ScreeningSubjectRegistered: ['person'],
      PrePregnancyCheckDone: ['result'],
      FiveItemTestDone: ['result'],
      TwoItemScreeningDone: ['result'],
      HighRiskFound: ['finding'],
      GeneticCounsellingOffered: [],
      GeneticCounsellingTaken: ['advice'],
      ScreeningOutcomeRecorded: ['outcome'],
      ScreeningPersonErased: [],
      SupportGranted: [],
      SupportDelivered: [],
      SupportReturned: ['reason'],
      SupportReversed: ['reason'],
    });
  });

  it('strips the head of household from an enrolment and leaves the rest', () => {
    const data = {
      householdId: 'h1',
      villageCode: '640104001001',
      category: 'stable',
      members: 3,
      head: { name: 'Ma Lan', phone: '139' },
      enrolmentYear: 2013,
      batch: 1,
    };
    expect(stripPersonalFields('HouseholdEnrolled', data)).toEqual({
      householdId: 'h1',
      villageCode: '640104001001',
      category: 'stable',
      members: 3,
      enrolmentYear: 2013,
      batch: 1,
    });
    expect(data.head.name).toBe('Ma Lan');
  });

  it('leaves an event without personal fields as it was', () => {
    const data = { loanId: 'l1', householdId: 'h1', principalFen: 5 };
    expect(stripPersonalFields('LoanRepaid', data)).toEqual(data);
  });

  it('refuses to strip an unregistered event type rather than let its data through', () => {
    expect(() => stripPersonalFields('CaseFiled', { complainant: 'someone' })).toThrow(/not registered/);
  });
});
