/**
 * The birth-defect screening chain of one couple or pregnant woman: the free pre-pregnancy check, the
 * five-item test, the two-item screening, a high-risk finding, genetic counselling offered and taken, and
 * the outcome. Health data: who the person is, every result, finding, advice and outcome is a personal
 * field (event-types.ts), encrypted under the record's own data key and shredded by its erasure. What
 * stays in the clear is only that a step happened, where (the village of residence) and on which day.
 */
import { DomainEvent } from '../shared';

export const SUBJECT_KINDS = ['couple', 'pregnant-woman'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const TEST_RESULTS = ['normal', 'abnormal'] as const;
export type TestResult = (typeof TEST_RESULTS)[number];

export const SCREENING_OUTCOMES = ['healthy-birth', 'birth-defect', 'pregnancy-ended', 'not-pregnant', 'lost-to-follow-up'] as const;
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];

/** Who is screened: the woman, and for a couple her partner. Personal as a whole. */
export type ScreenedPerson = { name: string; idNumber: string; partnerName?: string; partnerIdNumber?: string };

/** What every step carries in the clear: the record, its village (for the counts) and the local day (YYYY-MM-DD). */
type Step = { screeningId: string; villageCode: string; on: string };

export type ScreeningSubjectRegistered = DomainEvent<
  'ScreeningSubjectRegistered',
  { screeningId: string; villageCode: string; subjectKind: SubjectKind; person: ScreenedPerson }
>;
export type PrePregnancyCheckDone = DomainEvent<'PrePregnancyCheckDone', Step & { result: TestResult }>;
export type FiveItemTestDone = DomainEvent<'FiveItemTestDone', Step & { result: TestResult }>;
export type TwoItemScreeningDone = DomainEvent<'TwoItemScreeningDone', Step & { result: TestResult }>;
export type HighRiskFound = DomainEvent<'HighRiskFound', Step & { finding: string }>;
export type GeneticCounsellingOffered = DomainEvent<'GeneticCounsellingOffered', Step>;
export type GeneticCounsellingTaken = DomainEvent<'GeneticCounsellingTaken', Step & { advice: string }>;
export type ScreeningOutcomeRecorded = DomainEvent<'ScreeningOutcomeRecorded', Step & { outcome: ScreeningOutcome }>;
/** The record's personal data was erased (its key destroyed): a code for the legal basis, nothing personal. */
export type ScreeningPersonErased = DomainEvent<'ScreeningPersonErased', { screeningId: string; villageCode: string; legalBasis: string }>;

export type ScreeningStepEvent =
  | PrePregnancyCheckDone
  | FiveItemTestDone
  | TwoItemScreeningDone
  | HighRiskFound
  | GeneticCounsellingOffered
  | GeneticCounsellingTaken
  | ScreeningOutcomeRecorded;

export type ScreeningEvent = ScreeningSubjectRegistered | ScreeningStepEvent | ScreeningPersonErased;

export const SCREENING_EVENT_TYPES = [
  'ScreeningSubjectRegistered',
  'PrePregnancyCheckDone',
  'FiveItemTestDone',
  'TwoItemScreeningDone',
  'HighRiskFound',
  'GeneticCounsellingOffered',
  'GeneticCounsellingTaken',
  'ScreeningOutcomeRecorded',
  'ScreeningPersonErased',
] as const satisfies readonly ScreeningEvent['type'][];

const _allListed: [Exclude<ScreeningEvent['type'], (typeof SCREENING_EVENT_TYPES)[number]>] extends [never] ? true : never = true;

/** Personal fields by type: the person, every result and every free text about their health. */
export const SCREENING_PERSONAL_FIELDS: Partial<Record<ScreeningEvent['type'], readonly string[]>> = {
  ScreeningSubjectRegistered: ['person'],
  PrePregnancyCheckDone: ['result'],
  FiveItemTestDone: ['result'],
  TwoItemScreeningDone: ['result'],
  HighRiskFound: ['finding'],
  GeneticCounsellingTaken: ['advice'],
  ScreeningOutcomeRecorded: ['outcome'],
};
