/**
 * Writes screening counts (screening-counts.tables.ts): each step adds one to its count in its village and
 * local month; a counselling offered or taken adds one in the month of the record's high-risk finding. Each
 * event is applied once: a record's row remembers the last revision applied (redelivered ones are skipped).
 */
import { EntityManager } from 'typeorm';
import { ScreeningEvent } from '@libs/domain/screening';
import { orgUnitValues } from '@libs/indicators/org-unit-path';
import { CellValue, columnsOf, CountDeltas, RowChanges, selectByKeys } from '@libs/projection/bulk-writes';
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
};

/**
 * Counted in the month of the record's finding (a cohort), not their own: the offers and counselling beside a
 * rate are then of the records behind its findings, which judge its cell (offers of another month's findings
 * could be one family's, published beside five others' findings).
 */
const OF_THE_FINDING: Partial<Record<ScreeningEvent['type'], ScreeningCount>> = {
  GeneticCounsellingOffered: 'counselling_offered',
  GeneticCounsellingTaken: 'counselled',
};

const monthOf = (day: string) => Number(day.slice(0, 4) + day.slice(5, 7));

/**
 * A record counted in a cell (count, village, month): one row however many times, so an answer counts the
 * distinct records behind a cell. Bulk-writes key a row by one text column: the cell and record joined.
 */
const SUBJECT_COLUMNS = [...columnsOf('text', 'subject_key', 'counted', 'screening_id'), ...COUNT_KEY];

/** Counted events per record: the largest bounds the records behind a cell (libs/indicators/household-bound.ts). */
const BOUND_KEY = columnsOf('text', 'screening_id');

/** Pure: folds `events` given what is remembered of each record (`memos`, updated in place). */
export function foldScreenings(memos: Map<string, ScreeningMemo>, events: readonly RecordedOf<ScreeningEvent>[]) {
  const deltas = new CountDeltas(COUNT_KEY, [...SCREENING_COUNTS]);
  const subjects = new RowChanges<CellValue[]>(SUBJECT_COLUMNS, (row) => row);
  const perRecord = new CountDeltas(BOUND_KEY, ['n']);
  const count = (id: string, column: ScreeningCount, villageCode: string, period: number) => {
    const cell = [...orgUnitValues(villageCode), period];
    deltas.add(cell, { [column]: 1 });
    perRecord.add([id], { n: 1 });
    const key = [column, ...cell, id].join('|');
    subjects.set(key, [key, column, id, ...cell]);
  };
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
    if (column && 'on' in event.data) count(id, column, event.data.villageCode, monthOf(event.data.on));
    if (event.type === 'HighRiskFound') next.highRiskPeriod = monthOf(event.data.on);
    // The decider takes counselling (offered or taken) only after a finding, so its month is known.
    const cohort = OF_THE_FINDING[event.type];
    if (cohort && memo.highRiskPeriod > 0) count(id, cohort, event.data.villageCode, memo.highRiskPeriod);
    memos.set(id, next);
    rows.set(id, [id, next]);
  }
  return { deltas, rows, subjects, perRecord };
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
    const { deltas, rows, subjects, perRecord } = foldScreenings(memos, events);
    await rows.write(tx, `${s}.screenings`, 'screening_id', ['last_revision', 'high_risk_period']);
    await subjects.write(tx, `${s}.screening_subjects`, 'subject_key', []);
    await perRecord.write(tx, `${s}.events_per_screening`, ['screening_id']);
    await deltas.write(tx, `${s}.screening_counts`, ['village_code', 'period'], 'bigint');
  },
};
