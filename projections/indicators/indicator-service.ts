/**
 * Answers an indicator request from one read model's active copy, in one repeatable-read transaction, so
 * the rows and the log position they reflect come from the same snapshot.
 */
import { DataSource } from 'typeorm';
import { formatPosition } from '@libs/event-store';
import { referenceData } from '@libs/reference-data';
import { loadCheckpoint } from '@libs/projection/checkpoints';
import { Indicator, IndicatorRequest, IndicatorRow } from './definitions';

export interface IndicatorAnswer {
  indicator: string;
  unit: string;
  orgUnit: string;
  level: string;
  periods: string[];
  by: string[];
  /** The log position and the time (when the log accepted that event) the rows reflect. */
  reflects: { position: string | null; recordedAt: string | null };
  rows: IndicatorRow[];
}

const UNDEFINED_TABLE = '42P01';

export async function answerIndicator(dataSource: DataSource, indicator: Indicator, request: IndicatorRequest): Promise<IndicatorAnswer> {
  try {
    return await answerOnce(dataSource, indicator, request);
  } catch (error) {
    // A rebuild may have dropped the copy between reading the checkpoint and the rows: once more, on the new copy.
    if ((error as { code?: string }).code === UNDEFINED_TABLE) return answerOnce(dataSource, indicator, request);
    throw error;
  }
}

async function answerOnce(dataSource: DataSource, indicator: Indicator, request: IndicatorRequest): Promise<IndicatorAnswer> {
  return dataSource.transaction('REPEATABLE READ', async (tx) => {
    const checkpoint = await loadCheckpoint(tx, { name: indicator.readModel });
    if (!checkpoint) throw new Error(`read model ${indicator.readModel} has no copy`);
    const rows = await indicator.compute(tx, checkpoint.schema, request);
    for (const row of rows) row.orgUnitName = referenceData.orgUnit(row.orgUnit)?.name;
    return {
      indicator: indicator.name,
      unit: indicator.unit,
      orgUnit: request.orgUnit,
      level: request.level,
      periods: request.periods?.map((p) => p.code) ?? ['all'],
      by: request.by,
      reflects: { position: checkpoint.position ? formatPosition(checkpoint.position) : null, recordedAt: checkpoint.recordedAt ?? null },
      rows: rows.map(({ orgUnit, orgUnitName, level, period, ...rest }) => ({ orgUnit, orgUnitName, level, period, ...rest }) as IndicatorRow),
    };
  });
}

/** CSV of an answer's rows: one header line, the columns of every row in a stable order. */
export function toCsv(answer: IndicatorAnswer, indicator: Indicator): string {
  const columns = ['orgUnit', 'orgUnitName', 'level', 'period', ...answer.by, 'numerator', 'denominator', 'value'];
  if (indicator.interval) columns.push('lower', 'upper');
  if (indicator.target) columns.push('target', 'targetMet');
  const extras = [...new Set(answer.rows.flatMap((row) => Object.keys(row)))].filter((k) => !columns.includes(k) && k !== 'interval');
  columns.push(...extras);
  const cell = (value: unknown) => {
    if (value === null || value === undefined) return '';
    const s = String(value);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = answer.rows.map((row) => {
    const interval = row.interval as { lower: number; upper: number } | null | undefined;
    const flat: Record<string, unknown> = { ...row, lower: interval?.lower, upper: interval?.upper };
    return columns.map((c) => cell(flat[c])).join(',');
  });
  return [columns.join(','), ...lines].join('\n') + '\n';
}
