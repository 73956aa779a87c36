/** A case's state: whether it is open, and where its current rectification stands. */
import { AccountabilityMeasure, CaseGround, CaseResolution, EscalationLevel } from './events';

/**
 * A report's `reportedBy` is the person who reported it and `reportedAs` the name it was recorded under (an
 * administrator may act under another): the decider refuses a verdict by either, under either name. Both are
 * null when the report's event was stored before reporters were recorded, and then nobody is refused on that ground.
 */
export type Rectification =
  | { stage: 'none' }
  | { stage: 'ordered'; round: number; requirements: string[]; deadline: string }
  | {
      stage: 'reported';
      round: number;
      requirements: string[];
      deadline: string;
      late: boolean;
      reportedBy: string | null;
      reportedAs: string | null;
    }
  | { stage: 'rejected'; round: number; requirements: string[]; deadline: string }
  | { stage: 'accepted'; round: number };

/** Ordered, reported but not yet judged, or rejected: the unit still owes a rectification. */
export type OutstandingRectification = Extract<Rectification, { stage: 'ordered' | 'reported' | 'rejected' }>;

export function isOutstanding(rectification: Rectification): rectification is OutstandingRectification {
  return rectification.stage === 'ordered' || rectification.stage === 'reported' || rectification.stage === 'rejected';
}

export interface CaseFile {
  caseId: string;
  subjectUnit: string;
  districtCode: string;
  grounds: CaseGround[];
  rectification: Rectification;
  /** Bulletin ids in which the unit was criticised for this case. */
  criticisms: string[];
  accountability: { officialId: string; position: string; measure: AccountabilityMeasure }[];
  escalation: EscalationLevel | null;
  reopenings: number;
}

export type OpenCaseState = { status: 'Open' } & CaseFile;
export type ClosedCaseState = { status: 'Closed'; resolution: CaseResolution; waived: boolean } & CaseFile;

export type CaseState = { status: 'NotOpened' } | OpenCaseState | ClosedCaseState;

export const initialCaseState: CaseState = { status: 'NotOpened' };
