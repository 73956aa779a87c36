/** Shapes of the versioned reference-data files and of what the loader hands out. */
import { OrgUnitKind, OrgUnitLevel, OrgUnitRecord, OrgUnitsFile } from './generate-org-units';

export type { OrgUnitKind, OrgUnitLevel, OrgUnitsFile };
export type OrgUnit = Readonly<OrgUnitRecord>;

export interface Department {
  readonly code: string;
  readonly name: string;
}

export interface ServiceType {
  readonly code: string;
  readonly name: string;
  /** Focus areas a delivery of this type may count towards (household FOCUS_AREAS). */
  readonly focusAreas: readonly string[];
  /** Department codes allowed to deliver it. */
  readonly departments: readonly string[];
}

export interface LoanProgramme {
  readonly code: string;
  readonly name: string;
  /** Integer fen. */
  readonly principalCapFen: number;
  readonly maxTermMonths: number;
  /** Interest-subsidy rate ceiling in basis points (1/100 of a percent) a year. */
  readonly maxInterestSubsidyBps: number;
  /** Loan BORROWER_GROUPS allowed to borrow under it. */
  readonly borrowerGroups: readonly string[];
  /** Absent: individual loans only. */
  readonly partnership?: LoanPartnership;
}

/**
 * One loan to a partnership or cooperative led by a borrower of the programme's groups: up to
 * `principalCapFen` per partner, and never above `totalCapFen` however many partners.
 */
export interface LoanPartnership {
  /** Integer fen. */
  readonly totalCapFen: number;
}

export interface ReferenceDataFiles {
  orgUnits: OrgUnitsFile;
  departments: { version: string; departments: Department[] };
  serviceTypes: { version: string; serviceTypes: ServiceType[] };
  loanProgrammes: { version: string; loanProgrammes: LoanProgramme[] };
}
