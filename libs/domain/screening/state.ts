import { SubjectKind } from './events';

/** Where the record stands in the chain: only what the rules need (no result, no personal field). */
export type ScreeningProgress = {
  screeningId: string;
  villageCode: string;
  subjectKind: SubjectKind;
  checked: boolean;
  highRisk: boolean;
  counsellingOffered: boolean;
  counselled: boolean;
};

export type ScreeningState =
  | { status: 'NotRegistered' }
  | ({ status: 'Open' } & ScreeningProgress)
  /** The outcome is recorded: the chain is over. */
  | ({ status: 'Closed' } & ScreeningProgress)
  /** The person's data was erased: no further step may be recorded for them. */
  | ({ status: 'Erased' } & ScreeningProgress);

export const initialScreeningState: ScreeningState = { status: 'NotRegistered' };
