import { given } from '../../testing/decider-spec';
import { SCREENING_EVENT_TYPES, screeningDecider, ScreeningCommand, ScreeningEvent, screeningStream, ScreeningStepCommand } from './index';

const id = 's-1';
const village = '640104001001';
const metadata = (occurredAt = '2012-05-20T02:00:00Z') => ({ commandId: 'c-1', actor: 'doctor-3', correlationId: 'k-1', occurredAt });
const person = { name: 'Ma Lan', idNumber: '640104198801010023', partnerName: 'Ma Jun', partnerIdNumber: '640104198601010011' };
const register = (over: Partial<Extract<ScreeningCommand, { type: 'RegisterScreeningSubject' }>['data']> = {}): ScreeningCommand => ({
  type: 'RegisterScreeningSubject',
  data: { screeningId: id, villageCode: village, subjectKind: 'couple', person, ...over },
  metadata: metadata(),
});
const stepCommand = <T extends ScreeningStepCommand['type']>(
  type: T,
  extra: object = {},
  on = '2012-05-18',
  occurredAt?: string,
): ScreeningCommand => ({ type, data: { screeningId: id, on, ...extra }, metadata: metadata(occurredAt) }) as ScreeningCommand;
const base = { screeningId: id, villageCode: village, on: '2012-05-18' };

const registered: ScreeningEvent = {
  type: 'ScreeningSubjectRegistered',
  data: { screeningId: id, villageCode: village, subjectKind: 'couple', person },
};
const woman: ScreeningEvent = {
  type: 'ScreeningSubjectRegistered',
  data: {
    screeningId: id,
    villageCode: village,
    subjectKind: 'pregnant-woman',
    person: { name: 'Ma Lan', idNumber: '640104198801010023' },
  },
};
const highRisk: ScreeningEvent = { type: 'HighRiskFound', data: { ...base, finding: 'raised marker' } };
const offered: ScreeningEvent = { type: 'GeneticCounsellingOffered', data: base };
const erased: ScreeningEvent = {
  type: 'ScreeningPersonErased',
  data: { screeningId: id, villageCode: village, legalBasis: 'consent-withdrawn' },
};
const outcome: ScreeningEvent = { type: 'ScreeningOutcomeRecorded', data: { ...base, outcome: 'healthy-birth' } };

describe('birth-defect screening decider', () => {
  it('names the stream after the record and lists its stored event types', () => {
    expect(screeningStream(id)).toBe('screening-s-1');
    expect(SCREENING_EVENT_TYPES).toHaveLength(9);
  });

  it('registers a couple, and a pregnant woman without a partner', () => {
    given(screeningDecider).when(register()).then([registered]);
    given(screeningDecider)
      .when(register({ subjectKind: 'pregnant-woman', person: { name: 'Ma Lan', idNumber: '640104198801010023' } }))
      .then([woman]);
  });

  it.each([
    ['a second registration', [registered], register(), 'screening-already-registered'],
    ['an unknown kind of subject', [], register({ subjectKind: 'family' as never }), 'invalid-subject-kind'],
    ['a person without a name', [], register({ person: { ...person, name: ' ' } }), 'person-required'],
    ['a couple without the partner', [], register({ person: { name: 'Ma Lan', idNumber: '1' } }), 'partner-required'],
  ])('refuses %s', (_, history, command, code) => {
    given(screeningDecider, history as ScreeningEvent[])
      .when(command)
      .thenThrows(code);
  });

  it('records the free pre-pregnancy check, five-item tests and two-item screenings, with their results', () => {
    given(screeningDecider, [registered])
      .when(stepCommand('RecordPrePregnancyCheck', { result: 'normal' }))
      .then([{ type: 'PrePregnancyCheckDone', data: { ...base, result: 'normal' } }]);
    const tested: ScreeningEvent = { type: 'FiveItemTestDone', data: { ...base, result: 'abnormal' } };
    given(screeningDecider, [registered, tested])
      .when(stepCommand('RecordFiveItemTest', { result: 'abnormal' }))
      .then([tested]);
    given(screeningDecider, [woman])
      .when(stepCommand('RecordTwoItemScreening', { result: 'normal' }))
      .then([{ type: 'TwoItemScreeningDone', data: { ...base, result: 'normal' } }]);
  });

  it('refuses a second pre-pregnancy check, one for a pregnant woman, and a result that is not one', () => {
    const checked: ScreeningEvent = { type: 'PrePregnancyCheckDone', data: { ...base, result: 'normal' } };
    given(screeningDecider, [registered, checked])
      .when(stepCommand('RecordPrePregnancyCheck', { result: 'normal' }))
      .thenThrows('already-checked');
    given(screeningDecider, [woman])
      .when(stepCommand('RecordPrePregnancyCheck', { result: 'normal' }))
      .thenThrows('check-for-couples');
    given(screeningDecider, [registered])
      .when(stepCommand('RecordFiveItemTest', { result: 'fine' }))
      .thenThrows('invalid-result');
  });

  it('takes the local day: a test recorded at 17:00 UTC on 31 May may have been done on 1 June in Yinchuan', () => {
    const command = stepCommand('RecordFiveItemTest', { result: 'normal' }, '2012-06-01', '2012-05-31T17:00:00Z');
    given(screeningDecider, [registered])
      .when(command)
      .then([{ type: 'FiveItemTestDone', data: { ...base, on: '2012-06-01', result: 'normal' } }]);
    given(screeningDecider, [registered])
      .when(stepCommand('RecordFiveItemTest', { result: 'normal' }, '2012-06-01', '2012-05-31T15:00:00Z'))
      .thenThrows('date-in-future');
    given(screeningDecider, [registered])
      .when(stepCommand('RecordFiveItemTest', { result: 'normal' }, '2012-02-30x'))
      .thenThrows('invalid-date');
    // Date.parse takes these, as a day of the next month; PostgreSQL does not.
    for (const impossible of ['2012-02-30', '2011-02-29', '2012-04-31'])
      given(screeningDecider, [registered])
        .when(stepCommand('RecordFiveItemTest', { result: 'normal' }, impossible, '2012-06-01T02:00:00Z'))
        .thenThrows('invalid-date');
  });

  it('records a high-risk finding once, and only with what was found', () => {
    given(screeningDecider, [registered])
      .when(stepCommand('RecordHighRiskFinding', { finding: 'raised marker' }))
      .then([highRisk]);
    given(screeningDecider, [registered, highRisk])
      .when(stepCommand('RecordHighRiskFinding', { finding: 'again' }))
      .thenThrows('high-risk-already-found');
    given(screeningDecider, [registered])
      .when(stepCommand('RecordHighRiskFinding', { finding: '' }))
      .thenThrows('finding-required');
  });

  it('records genetic counselling offered and taken after a high-risk finding', () => {
    given(screeningDecider, [registered, highRisk]).when(stepCommand('OfferGeneticCounselling')).then([offered]);
    given(screeningDecider, [registered, highRisk, offered])
      .when(stepCommand('RecordGeneticCounselling', { advice: 'amniocentesis' }))
      .then([{ type: 'GeneticCounsellingTaken', data: { ...base, advice: 'amniocentesis' } }]);
  });

  it('refuses a counselling record without a high-risk finding, taken before offered, or twice', () => {
    given(screeningDecider, [registered]).when(stepCommand('OfferGeneticCounselling')).thenThrows('high-risk-finding-required');
    given(screeningDecider, [registered])
      .when(stepCommand('RecordGeneticCounselling', { advice: 'x' }))
      .thenThrows('high-risk-finding-required');
    given(screeningDecider, [registered, highRisk])
      .when(stepCommand('RecordGeneticCounselling', { advice: 'x' }))
      .thenThrows('counselling-not-offered');
    given(screeningDecider, [registered, highRisk, offered])
      .when(stepCommand('OfferGeneticCounselling'))
      .thenThrows('counselling-already-offered');
    const taken: ScreeningEvent = { type: 'GeneticCounsellingTaken', data: { ...base, advice: 'x' } };
    given(screeningDecider, [registered, highRisk, offered, taken])
      .when(stepCommand('RecordGeneticCounselling', { advice: 'x' }))
      .thenThrows('already-counselled');
  });

  it('records the outcome, after which the chain takes no further step', () => {
    given(screeningDecider, [registered])
      .when(stepCommand('RecordScreeningOutcome', { outcome: 'healthy-birth' }))
      .then([outcome]);
    given(screeningDecider, [registered])
      .when(stepCommand('RecordScreeningOutcome', { outcome: 'twins' }))
      .thenThrows('invalid-outcome');
    given(screeningDecider, [registered, outcome])
      .when(stepCommand('RecordFiveItemTest', { result: 'normal' }))
      .thenThrows('screening-closed');
  });

  it('refuses a step for a record that does not exist', () => {
    given(screeningDecider)
      .when(stepCommand('RecordFiveItemTest', { result: 'normal' }))
      .thenThrows('screening-not-found');
  });

  it('records an erasure once, and then refuses every step for the erased person', () => {
    const eraseCommand: ScreeningCommand = {
      type: 'EraseScreeningPerson',
      data: { screeningId: id, legalBasis: 'consent-withdrawn' },
      metadata: metadata(),
    };
    given(screeningDecider, [registered, outcome]).when(eraseCommand).then([erased]);
    given(screeningDecider, [registered, erased]).when(eraseCommand).then([]);
    given(screeningDecider).when(eraseCommand).thenThrows('screening-not-found');
    given(screeningDecider, [registered])
      .when({ ...eraseCommand, data: { screeningId: id, legalBasis: ' ' } })
      .thenThrows('legal-basis-required');
    for (const command of [
      stepCommand('RecordFiveItemTest', { result: 'normal' }),
      stepCommand('RecordHighRiskFinding', { finding: 'x' }),
      stepCommand('RecordScreeningOutcome', { outcome: 'healthy-birth' }),
    ])
      given(screeningDecider, [registered, highRisk, erased]).when(command).thenThrows('person-erased');
  });
});
