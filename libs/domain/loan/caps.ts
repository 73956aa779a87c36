/**
 * How much a loan may lend under its programme. A loan to one borrower: the programme's cap. A loan to a
 * partnership or cooperative the borrower leads (`partners` people in all): the cap per partner times the
 * partners, within the programme's partnership ceiling (see libs/reference-data/loan-programmes.v2.json).
 */
import { LoanProgramme } from '../../reference-data/types';

/** Integer fen; `partners` is only meaningful for a programme with a partnership form. */
export function principalCapFen(programme: LoanProgramme, partners?: number): number {
  if (partners === undefined || programme.partnership === undefined) return programme.principalCapFen;
  return Math.min(programme.principalCapFen * partners, programme.partnership.totalCapFen);
}

/** The fewest partners for which the ceiling, not the cap per partner, bounds the loan. */
export function partnersAtCeiling(programme: LoanProgramme): number | undefined {
  return programme.partnership && Math.ceil(programme.partnership.totalCapFen / programme.principalCapFen);
}
