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

/** One row of GET /loans: the loan register's, nothing personal (a default's reason stays in the stream). */
export class LoanListEntryDto {
  loanId!: string;
  householdId!: string;
  villageCode!: string;
  districtCode!: string;
  programmeCode!: string;
  borrowerGroup!: string;
  /** Integer fen (1 yuan = 100 fen). */
  principalFen!: number;
  outstandingFen!: number;
  /** The register's status: active, repaid or defaulted. */
  status!: string;
  /** When the loan was granted (ISO-8601 UTC). */
  grantedAt!: string;
}

/** A page of GET /loans: no personal field. */
export class LoanPage {
  /** Log position the list reflects; null before the register has handled anything. */
  position!: string | null;
  /** One row per loan: id, household, programme, status, amounts in fen. */
  loans!: LoanListEntryDto[];
  /** Cursor of the next page (also in the Link header); null on the last page. */
  next!: string | null;
}
