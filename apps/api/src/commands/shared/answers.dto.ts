/**
 * What command endpoints answer, as classes so that the Swagger plugin describes them from their types
 * (the handlers' return types are these classes, so the compiler keeps the two in step).
 */

/** What every command answers besides the ids it names. */
export class CommandAnswer {
  /** Revision of the stream after the command; also sent as the ETag, to send back as If-Match. */
  revision!: number;
  /** Global log position of the last event appended, as text (positions exceed 2^53); read models reflect it once their `reflects.position` reaches it. */
  position?: string;
}

export class HouseholdAnswer extends CommandAnswer {
  householdId!: string;
  /** The need recorded (POST /households/{id}/needs). */
  needId?: string;
  /** The service delivered or rated. */
  serviceId?: string;
}

export class LoanAnswer extends CommandAnswer {
  loanId!: string;
  /** After a repayment: the loan's status (`Closed` once repaid in full). */
  status?: string;
  /** After a repayment: what is still owed, in integer fen. */
  outstandingFen?: number;
}
