/**
 * An indicator's answer as a principal may see it: for analysts, small cells withheld with their complements
 * (libs/auth/suppression.ts). Whether a cell is withheld hangs on its siblings, so a cell must be judged with
 * them whatever was asked: a request for one org unit is answered for its parent at the same level (one
 * statement, so one snapshot) and cut back to that org unit. Lower levels bring their siblings along already.
 */
import { needsSuppression, suppressCells } from '@libs/auth/suppression';
import { Principal } from '@libs/auth/principal';
import { referenceData } from '@libs/reference-data';
import { DataSource } from 'typeorm';
import { Indicator, IndicatorRequest } from './definitions';
import { answerIndicator, IndicatorAnswer } from './indicator-service';

/** The org unit `code` is a part of; undefined for the city (and unknown codes). */
export function parentOrgUnit(code: string): string | undefined {
  return referenceData.ancestors(code)[0]?.code;
}

/** answerIndicator, with the cells withheld that `principal` may not see (none for auditors and admins). */
export async function answerSuppressed(
  dataSource: DataSource,
  indicator: Indicator,
  request: IndicatorRequest,
  principal: Principal | undefined,
): Promise<IndicatorAnswer> {
  if (!needsSuppression(principal)) return answerIndicator(dataSource, indicator, request);
  const parent = request.level === request.orgUnitLevel ? parentOrgUnit(request.orgUnit) : undefined;
  const parentLevel = parent === undefined ? undefined : referenceData.level(parent);
  const asked = parentLevel === undefined ? request : { ...request, orgUnit: parent!, orgUnitLevel: parentLevel };
  const answer = await answerIndicator(dataSource, indicator, asked);
  const rows = suppressCells(answer.rows, principal, { by: request.by, parentOf: parentOrgUnit });
  return {
    ...answer,
    orgUnit: request.orgUnit,
    level: request.level,
    rows: asked === request ? rows : rows.filter((row) => row.orgUnit === request.orgUnit),
  };
}
