import { Command } from '../shared';
import { ScreenedPerson, ScreeningOutcome, SubjectKind, TestResult } from './events';

type Step<Extra = object> = { screeningId: string; on: string } & Extra;

export type RegisterScreeningSubject = Command<
  'RegisterScreeningSubject',
  { screeningId: string; villageCode: string; subjectKind: SubjectKind; person: ScreenedPerson }
>;
export type RecordPrePregnancyCheck = Command<'RecordPrePregnancyCheck', Step<{ result: TestResult }>>;
export type RecordFiveItemTest = Command<'RecordFiveItemTest', Step<{ result: TestResult }>>;
export type RecordTwoItemScreening = Command<'RecordTwoItemScreening', Step<{ result: TestResult }>>;
export type RecordHighRiskFinding = Command<'RecordHighRiskFinding', Step<{ finding: string }>>;
export type OfferGeneticCounselling = Command<'OfferGeneticCounselling', Step>;
export type RecordGeneticCounselling = Command<'RecordGeneticCounselling', Step<{ advice: string }>>;
export type RecordScreeningOutcome = Command<'RecordScreeningOutcome', Step<{ outcome: ScreeningOutcome }>>;
export type EraseScreeningPerson = Command<'EraseScreeningPerson', { screeningId: string; legalBasis: string }>;

export type ScreeningStepCommand =
  | RecordPrePregnancyCheck
  | RecordFiveItemTest
  | RecordTwoItemScreening
  | RecordHighRiskFinding
  | OfferGeneticCounselling
  | RecordGeneticCounselling
  | RecordScreeningOutcome;

export type ScreeningCommand = RegisterScreeningSubject | ScreeningStepCommand | EraseScreeningPerson;
