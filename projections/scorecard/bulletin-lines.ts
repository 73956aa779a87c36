/**
 * A scorecard as a bulletin records it (BulletinIssued / CityBulletinIssued `document.scorecard`): every
 * district's rank, total, change and component lines, with how each value reads and the read models'
 * positions. The bulletin prints these as recorded, so they must say everything the layout shows.
 */
import { BulletinScorecard } from '@libs/domain/supervision';
import { measureUnit } from './measures';
import { Scorecard } from './scorecard';

/** The lines of a district scorecard for one bimonth (scored under the version in effect then). */
export function bulletinScorecard(card: Scorecard): BulletinScorecard {
  return {
    scheme: card.scheme,
    version: card.rows[0]?.schemes[0]?.version ?? null,
    period: card.period,
    previousPeriod: card.previousPeriod,
    scoredAt: card.asOf,
    reflects: Object.keys(card.reflects)
      .sort()
      .map((readModel) => ({ readModel, position: card.reflects[readModel] })),
    rows: card.rows.map((row) => ({
      unit: row.unit,
      rank: row.rank,
      total: row.total,
      change: row.change && {
        period: row.change.period,
        total: row.change.total,
        rank: row.change.rank,
        totalChange: row.change.totalChange,
        rankChange: row.change.rankChange,
      },
      components: row.components.map((c) => ({
        key: c.key,
        line: c.line,
        measure: c.measure,
        unit: measureUnit(c.measure),
        weight: c.weight,
        target: c.target,
        value: c.value,
        points: c.points,
      })),
    })),
  };
}
