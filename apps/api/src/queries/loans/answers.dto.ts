/** What `GET /loans/{id}` answers: the loan folded from its stream. */
import { BorrowerGroup } from '@libs/domain/loan';

export class LoanViewDto {
  status!: 'Active' | 'Repaid' | 'Defaulted';
  /** Present once defaulted. */
  defaultReason?: string;
  loanId!: string;
  householdId!: string;
  programmeCode!: string;
  borrowerGroup!: BorrowerGroup;
  /** Integer fen (1 yuan = 100 fen). */
  principalFen!: number;
  repaidFen!: number;
  outstandingFen!: number;
  /** The stream's revision, also the ETag. */
  revision!: number;
}
