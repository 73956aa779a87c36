/**
 * An indicator's answer as a principal may see it: for analysts, small cells withheld with their complements
 * (libs/auth/suppression.ts). Whether a cell is withheld hangs on its siblings, so a cell must be judged with
 * them whatever was asked: a request for one org unit is answered for its parent at the same level and cut
 * back to that org unit. Lower levels bring their siblings along already.
 *
 * It hangs on its wholes too: a cell withheld one level up, or without one of the breakdowns, is the sum of
 * its parts here, so they may not all be published. Each answer is judged after its wholes' answers (judged
 * the same way, up to the districts; the city's cell is never a complement), so a cell comes out the same
 * asked at any level or breakdown. The answers are read one after the other, each a snapshot of its own;
 * `reflects` is the asked answer's.
 */
import { needsSuppression, suppressCells, SuppressedRow, withheldCellKeys } from '@libs/auth/suppression';
import { Principal } from '@libs/auth/principal';
import { referenceData } from '@libs/reference-data';
import { DataSource } from 'typeorm';
import { Indicator, IndicatorRequest, IndicatorRow } from './definitions';
import { answerIndicator, IndicatorAnswer } from './indicator-service';
import { OrgUnitLevel } from './org-unit-path';

/** The org unit `code` is a part of; undefined for the city (and unknown codes). */
export function parentOrgUnit(code: string): string | undefined {
  return referenceData.ancestors(code)[0]?.code;
}

const LEVELS: readonly OrgUnitLevel[] = ['city', 'district', 'township', 'village'];

/** Where an answer's rows are read: under `orgUnit`, at `level`, broken down by `by`. */
type Scope = Pick<IndicatorRequest, 'orgUnit' | 'orgUnitLevel' | 'level' | 'by'>;

/** answerIndicator, with the cells withheld that `principal` may not see (none for auditors and admins). */
export async function answerSuppressed(
  dataSource: DataSource,
  indicator: Indicator,
  request: IndicatorRequest,
  principal: Principal | undefined,
): Promise<IndicatorAnswer> {
  if (!needsSuppression(principal)) return answerIndicator(dataSource, indicator, request);
  const judged = new Map<string, Promise<{ answer: IndicatorAnswer; rows: SuppressedRow<IndicatorRow>[] }>>();
  const judge = (scope: Scope) => {
    const key = JSON.stringify([scope.orgUnit, scope.level, scope.by]);
    if (!judged.has(key)) judged.set(key, judgeAnswer(scope));
    return judged.get(key)!;
  };
  const judgeAnswer = async (scope: Scope) => {
    // Read side by side: an answer waits for the slowest of its statements, not for their sum.
    const [answer, wholes] = await Promise.all([
      answerIndicator(dataSource, indicator, { ...request, ...scope }),
      Promise.all(wholesOf(scope).map(judge)),
    ]);
    const withheldWholes = new Set(wholes.flatMap(({ rows, answer: whole }) => [...withheldCellKeys(rows, whole.by)]));
    return { answer, rows: suppressCells(answer.rows, principal, { by: scope.by, parentOf: parentOrgUnit, withheldWholes }) };
  };
  const asked = siblingsScope(request);
  const { answer, rows } = await judge(asked);
  return {
    ...answer,
    orgUnit: request.orgUnit,
    level: request.level,
    rows: asked.orgUnit === request.orgUnit ? rows : rows.filter((row) => row.orgUnit === request.orgUnit),
  };
}

/** A scope whose answer holds the siblings of each of its cells: one org unit at its own level is read from its parent. */
function siblingsScope(scope: Scope): Scope {
  const parent = scope.level === scope.orgUnitLevel ? parentOrgUnit(scope.orgUnit) : undefined;
  if (parent === undefined) return scope;
  return { ...scope, orgUnit: parent, orgUnitLevel: referenceData.level(parent)! };
}

/** The answers whose cells this scope's cells are parts of: one level up (down to the districts), one breakdown fewer. */
function wholesOf(scope: Scope): Scope[] {
  const up = LEVELS[LEVELS.indexOf(scope.level) - 1];
  const levelUp = up === undefined || up === 'city' ? [] : [siblingsScope({ ...scope, level: up })];
  const fewer = scope.by.map((_, d) => ({ ...scope, by: scope.by.filter((__, j) => j !== d) }));
  return [...levelUp, ...fewer];
}
