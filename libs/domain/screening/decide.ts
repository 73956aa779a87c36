/**
 * The screening chain's rules. Messages name the rule and the record's id only: never a result, a finding
 * or a person (errors reach logs and clients).
 */
import { localDateOf } from '../../calendar';
import { ReferenceData } from '../../reference-data/reference-data';
import { isCalendarDate, rule } from '../shared';
import { EraseScreeningPerson, RegisterScreeningSubject, ScreeningCommand, ScreeningStepCommand } from './commands';
import { SCREENING_OUTCOMES, ScreeningEvent, ScreeningStepEvent, SUBJECT_KINDS, TEST_RESULTS } from './events';
import { ScreeningProgress, ScreeningState } from './state';

export function decideScreening(command: ScreeningCommand, state: ScreeningState): ScreeningEvent[] {
  switch (command.type) {
    case 'RegisterScreeningSubject':
      return register(command, state);
    case 'EraseScreeningPerson':
      return erase(command, state);
    default:
      return [step(command, openRecord(command.data.screeningId, state), command.metadata.occurredAt)];
  }
}

const blank = (text: string) => typeof text !== 'string' || text.trim().length === 0;

function register(command: RegisterScreeningSubject, state: ScreeningState): ScreeningEvent[] {
  const { screeningId, villageCode, subjectKind, person } = command.data;
  rule(state.status === 'NotRegistered', 'screening-already-registered', `screening record ${screeningId} already exists`);
  rule(
    (SUBJECT_KINDS as readonly string[]).includes(subjectKind),
    'invalid-subject-kind',
    'the subject is a couple or a pregnant woman',
    'invalid',
  );
  rule(!blank(person.name) && !blank(person.idNumber), 'person-required', "the woman's name and ID number are required", 'invalid');
  const partnered = !blank(person.partnerName ?? '') && !blank(person.partnerIdNumber ?? '');
  rule(subjectKind !== 'couple' || partnered, 'partner-required', "a couple's record names the partner too", 'invalid');
  return [{ type: 'ScreeningSubjectRegistered', data: { screeningId, villageCode, subjectKind, person: { ...person } } }];
}

function erase(command: EraseScreeningPerson, state: ScreeningState): ScreeningEvent[] {
  const { screeningId, legalBasis } = command.data;
  rule(state.status !== 'NotRegistered', 'screening-not-found', `screening record ${screeningId} does not exist`, 'not-found');
  rule(!blank(legalBasis), 'legal-basis-required', 'an erasure needs its legal basis', 'invalid');
  // Erasing twice is answered as once: the fact is already in the log.
  if (state.status === 'Erased') return [];
  return [{ type: 'ScreeningPersonErased', data: { screeningId, villageCode: state.villageCode, legalBasis } }];
}

function openRecord(screeningId: string, state: ScreeningState): ScreeningProgress {
  rule(state.status !== 'NotRegistered', 'screening-not-found', `screening record ${screeningId} does not exist`, 'not-found');
  rule(
    state.status !== 'Erased',
    'person-erased',
    `the personal data of screening record ${screeningId} was erased: no step may be recorded`,
  );
  rule(state.status !== 'Closed', 'screening-closed', `screening record ${screeningId} has its outcome recorded`);
  return state;
}

function step(command: ScreeningStepCommand, progress: ScreeningProgress, occurredAt: string): ScreeningStepEvent {
  const { screeningId, on } = command.data;
  checkDay(on, occurredAt);
  const base = { screeningId, villageCode: progress.villageCode, on };
  switch (command.type) {
    case 'RecordPrePregnancyCheck':
      rule(progress.subjectKind === 'couple', 'check-for-couples', 'the free pre-pregnancy check is for couples', 'invalid');
      rule(!progress.checked, 'already-checked', `screening record ${screeningId} has its pre-pregnancy check`);
      return { type: 'PrePregnancyCheckDone', data: { ...base, result: result(command.data.result) } };
    case 'RecordFiveItemTest':
      return { type: 'FiveItemTestDone', data: { ...base, result: result(command.data.result) } };
    case 'RecordTwoItemScreening':
      return { type: 'TwoItemScreeningDone', data: { ...base, result: result(command.data.result) } };
    case 'RecordHighRiskFinding':
      rule(!progress.highRisk, 'high-risk-already-found', `screening record ${screeningId} already has a high-risk finding`);
      rule(!blank(command.data.finding), 'finding-required', 'a high-risk finding says what was found', 'invalid');
      return { type: 'HighRiskFound', data: { ...base, finding: command.data.finding } };
    case 'OfferGeneticCounselling':
      rule(progress.highRisk, 'high-risk-finding-required', 'genetic counselling is recorded after a high-risk finding');
      rule(!progress.counsellingOffered, 'counselling-already-offered', `screening record ${screeningId} was offered counselling`);
      return { type: 'GeneticCounsellingOffered', data: base };
    case 'RecordGeneticCounselling':
      rule(progress.highRisk, 'high-risk-finding-required', 'genetic counselling is recorded after a high-risk finding');
      rule(progress.counsellingOffered, 'counselling-not-offered', 'counselling is taken after it was offered');
      rule(!progress.counselled, 'already-counselled', `screening record ${screeningId} has its counselling recorded`);
      return { type: 'GeneticCounsellingTaken', data: { ...base, advice: command.data.advice ?? '' } };
    case 'RecordScreeningOutcome':
      rule((SCREENING_OUTCOMES as readonly string[]).includes(command.data.outcome), 'invalid-outcome', 'unknown outcome', 'invalid');
      return { type: 'ScreeningOutcomeRecorded', data: { ...base, outcome: command.data.outcome } };
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

function result<R extends string>(value: R): R {
  rule((TEST_RESULTS as readonly string[]).includes(value), 'invalid-result', 'a result is normal or abnormal', 'invalid');
  return value;
}

/** A local day (programme calendar) that is a date and not after the day the command was given. */
function checkDay(on: string, occurredAt: string): void {
  rule(isCalendarDate(on), 'invalid-date', `${on} is not a date (YYYY-MM-DD)`, 'invalid');
  const today = localDateOf(occurredAt);
  const todayText = `${today.year}-${String(today.month).padStart(2, '0')}-${String(today.day).padStart(2, '0')}`;
  rule(on <= todayText, 'date-in-future', `a step on ${on} cannot be recorded on ${todayText}`, 'invalid');
}

/** Stateless check of the village a registration names (a 400 naming the code, which is not personal). */
export function validateScreeningReferences(command: ScreeningCommand, reference: ReferenceData): void {
  if (command.type !== 'RegisterScreeningSubject') return;
  const { villageCode } = command.data;
  rule(reference.level(villageCode) === 'village', 'unknown-village', `unknown village ${villageCode}`, 'invalid');
}
