/**
 * The four programme targets for an org unit and period, each as value, target and met, summed from the
 * indicator rows the API answers (a rate from summed counts, never an average of rates).
 */
import { call } from '../api/client';
import { IndicatorAnswer, Reflects, Row } from './types';
import { indicatorPath } from './useIndicator';
import { useRemote } from './useRemote';
import { Read, targetReads } from '../pages/dashboard-reads.mts';

/**
 * 164 million yuan: the micro-loans the 2011 report says were granted by then, in all ("累计…发放小额贴息贷款1.64亿元"),
 * in fen. A figure to compare with, not a goal: no period's loans are judged met or not against it.
 */
export const LOAN_REFERENCE_FEN = 164_000_000 * 100;

export interface TargetTile {
  key: 'enrolled' | 'certified' | 'satisfaction' | 'loans';
  unit: 'households' | 'proportion' | 'fen';
  value: number | null;
  target: number | null;
  met: boolean | null;
  /** The target is a reference figure, not a goal: shown beside the value, never judged. */
  reference?: boolean;
  suppressed: boolean;
  reflects: Reflects;
}

const sum = (rows: Row[], field: string) =>
  rows.reduce((total, row) => total + (typeof row[field] === 'number' ? (row[field] as number) : 0), 0);

function tile(
  key: TargetTile['key'],
  unit: TargetTile['unit'],
  answer: IndicatorAnswer,
  judge: (rows: Row[]) => Pick<TargetTile, 'value' | 'target' | 'met'>,
): TargetTile {
  const suppressed = answer.rows.some((row) => row.suppressed === true);
  const empty = answer.rows.length === 0;
  const judged = suppressed || empty ? { value: null, target: null, met: null } : judge(answer.rows);
  return { key, unit, suppressed, reflects: answer.reflects, ...judged };
}

const rate = (target: number) => (rows: Row[]) => {
  const numerator = sum(rows, 'numerator');
  const denominator = sum(rows, 'denominator');
  const value = denominator > 0 ? numerator / denominator : null;
  return { value, target, met: value === null ? null : value >= target };
};

export const targetsKey = (ou: string, pe: string) => `targets:${ou}:${pe}`;

/** The four indicators' answers, by tile. */
export type TargetAnswers = Record<keyof ReturnType<typeof targetReads>, IndicatorAnswer>;

/** The tiles from their answers: also what the server renders a dashboard's opening from (opening/state.ts). */
export function targetsFrom({ enrolled, certified, satisfaction, loans }: TargetAnswers): TargetTile[] {
  return [
    tile('enrolled', 'households', enrolled, (rows) => {
      const value = sum(rows, 'numerator');
      const target = sum(rows, 'denominator');
      return { value, target, met: value >= target };
    }),
    tile('certified', 'proportion', certified, rate(0.6)),
    tile('satisfaction', 'proportion', satisfaction, rate(0.9)),
    {
      ...tile('loans', 'fen', loans, (rows) => ({ value: sum(rows, 'numerator'), target: LOAN_REFERENCE_FEN, met: null })),
      reference: true,
    },
  ];
}

export async function loadTargets(ou: string, pe: string): Promise<TargetTile[]> {
  const reads = targetReads(ou, pe);
  const get = (read: Read) => call<IndicatorAnswer>('GET', indicatorPath(read.name, read.query)).then((answer) => answer.data);
  const [enrolled, certified, satisfaction, loans] = await Promise.all([
    get(reads.enrolled),
    get(reads.certified),
    get(reads.satisfaction),
    get(reads.loans),
  ]);
  return targetsFrom({ enrolled, certified, satisfaction, loans });
}

export const useTargets = (ou: string, pe: string) => useRemote(() => loadTargets(ou, pe), targetsKey(ou, pe));
