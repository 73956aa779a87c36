/** How the loan book sizes a loan: its programme, principal near the cap in whole thousands of yuan, and term. */
import { BorrowerGroup } from '../domain/loan/events';
import { ReferenceData } from '../reference-data/reference-data';
import { LoanProgramme } from '../reference-data/types';
import { Random } from './random';

/** The one loan programme that lends to `group`. */
export const programmeFor = (reference: ReferenceData, group: BorrowerGroup): LoanProgramme =>
  reference.allLoanProgrammes().find((p) => p.borrowerGroups.includes(group))!;

/** Down to whole thousands of yuan (100,000 fen). */
export const thousands = (fen: number) => Math.floor(fen / 100_000) * 100_000;

/** Half the cap to the cap, most near the cap, in whole thousands of yuan. */
export function nearCap(random: Random, capFen: number): number {
  const share = 1 - 0.5 * random.next() ** 2;
  return thousands(capFen * share);
}

/** The terms a group borrows for, in months: women a year or two, youth two or three (within the programme's). */
export const termsFor = (programme: LoanProgramme, group: BorrowerGroup): number[] =>
  (group === 'woman' ? [12, 24] : [24, 36]).filter((t) => t <= programme.maxTermMonths);

/** Grants spread over all but the calendar's last year, so most loans run their term inside the calendar. */
export const lastGrantMonth = (months: number) => Math.max(2, months - 13);
