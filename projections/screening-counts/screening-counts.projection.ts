/**
 * Writes screening counts (screening-counts.tables.ts): each step adds one to its count in its village
 * and local month; a counselling taken adds one in the month of the record's high-risk finding. Each
 * event is applied once: a record's row remembers the last revision applied (redelivered ones are skipped).
 */
import { EntityManager } from 'typeorm';
import { ScreeningEvent } from '@libs/domain/screening';
import { orgUnitValues } from '@libs/indicators/org-unit-path';
import { columnsOf, CountDeltas, RowChanges, selectByKeys } from '@libs/projection/bulk-writes';
import { Projection, RecordedOf } from '@libs/projection/projection';
import { SCREENING_COUNTS, ScreeningCount, screeningCountsReadModel } from './screening-counts.tables';

const COUNT_KEY = [...columnsOf('text', 'village_code', 'township_code', 'district_code', 'city_code'), ...columnsOf('int', 'period')];

/** What the projection remembers of a record between batches. */
export interface ScreeningMemo {
  lastRevision: bigint;
  /** The month (yyyymm) of the record's high-risk finding; 0 before one. */
  highRiskPeriod: number;
}

const COUNTED: Partial<Record<ScreeningEvent['type'], ScreeningCount>> = {
  PrePregnancyCheckDone: 'checks',
  FiveItemTestDone: 'five_item_tests',
  TwoItemScreeningDone: 'two_item_screenings',
  HighRiskFound: 'high_risk',
  GeneticCounsellingOffered: 'counselling_offered',
};

const monthOf = (day: string) => Number(day.slice(0, 4) + day.slice(5, 7));

/** Pure: folds `events` given what is remembered of each record (`memos`, updated in place). */
export function foldScreenings(memos: Map<string, ScreeningMemo>, events: readonly RecordedOf<ScreeningEvent>[]) {
  const deltas = new CountDeltas(COUNT_KEY, [...SCREENING_COUNTS]);
  const rows = new RowChanges<[string, ScreeningMemo]>(
    [...columnsOf('text', 'screening_id'), ...columnsOf('bigint', 'last_revision'), ...columnsOf('int', 'high_risk_period')],
    ([id, memo]) => [id, memo.lastRevision.toString(), memo.highRiskPeriod],
  );
  for (const event of events) {
    const id = event.data.screeningId;
    const memo = memos.get(id) ?? { lastRevision: -1n, highRiskPeriod: 0 };
    if (memo.lastRevision >= event.revision) continue;
    const next = { ...memo, lastRevision: event.revision };
    const column = COUNTED[event.type];
    if (column && 'on' in event.data) deltas.add([...orgUnitValues(event.data.villageCode), monthOf(event.data.on)], { [column]: 1 });
    if (event.type === 'HighRiskFound') next.highRiskPeriod = monthOf(event.data.on);
    // The decider takes counselling only after a finding, so its month is known.
    if (event.type === 'GeneticCounsellingTaken' && memo.highRiskPeriod > 0)
      deltas.add([...orgUnitValues(event.data.villageCode), memo.highRiskPeriod], { counselled: 1 });
    memos.set(id, next);
    rows.set(id, [id, next]);
  }
  return { deltas, rows };
}

export const screeningCountsProjection: Projection<ScreeningEvent> = {
  ...screeningCountsReadModel,
  handles: [
    'ScreeningSubjectRegistered',
    'PrePregnancyCheckDone',
    'FiveItemTestDone',
    'TwoItemScreeningDone',
    'HighRiskFound',
    'GeneticCounsellingOffered',
    'GeneticCounsellingTaken',
    'ScreeningOutcomeRecorded',
    'ScreeningPersonErased',
  ],
  async applyBatch(events: readonly RecordedOf<ScreeningEvent>[], tx: EntityManager, s: string): Promise<void> {
    const ids = [...new Set(events.map((e) => e.data.screeningId))];
    const known = await selectByKeys<{ screening_id: string; last_revision: string; high_risk_period: number }>(
      tx,
      `${s}.screenings`,
      'screening_id',
      ids,
    );
    const memos = new Map(
      known.map((r) => [r.screening_id, { lastRevision: BigInt(r.last_revision), highRiskPeriod: r.high_risk_period }] as const),
    );
    const { deltas, rows } = foldScreenings(memos, events);
    await rows.write(tx, `${s}.screenings`, 'screening_id', ['last_revision', 'high_risk_period']);
    await deltas.write(tx, `${s}.screening_counts`, ['village_code', 'period'], 'bigint');
  },
};
