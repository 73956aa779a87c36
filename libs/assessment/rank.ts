/**
 * Ranking and the change since the previous period: highest total first, equal totals share a rank (1, 2, 2,
 * 4), then by unit code so the order is stable. Pure.
 */
import { round2, UnitScore } from './score';

export interface RankedScore extends UnitScore {
  rank: number;
  /** Against the previous period (the bimonth or year before); null when it was not scored. */
  change: { period: string; total: number; rank: number; totalChange: number; rankChange: number } | null;
}

export function rankScores(scores: readonly UnitScore[]): (UnitScore & { rank: number })[] {
  const sorted = [...scores].sort((a, b) => b.total - a.total || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  return sorted.map((score) => ({ ...score, rank: sorted.findIndex((s) => s.total === score.total) + 1 }));
}

/** `previous` ranked the same way; `rankChange` > 0 means the unit climbed. */
export function withChange(current: readonly UnitScore[], previous: readonly UnitScore[] | undefined): RankedScore[] {
  const before = new Map(previous === undefined ? [] : rankScores(previous).map((s) => [s.unit, s]));
  return rankScores(current).map((score) => {
    const last = before.get(score.unit);
    return {
      ...score,
      change: last
        ? {
            period: last.period,
            total: last.total,
            rank: last.rank,
            totalChange: round2(score.total - last.total),
            rankChange: last.rank - score.rank,
          }
        : null,
    };
  });
}
