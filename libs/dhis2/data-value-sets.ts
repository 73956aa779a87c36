/**
 * A DHIS2 data value set from the indicators: each data element of the data set asks its indicator for the
 * org unit (or its children), periods and breakdown it maps to, and every non-zero cell becomes a data
 * value, as a string, with the log time it reflects as `lastUpdated`. Zero rows are omitted, as DHIS2 omits
 * them; withheld (suppressed) cells are omitted too: a missing value, never a zero.
 */
import { Indicator, IndicatorAnswer, IndicatorCatalogue, IndicatorRequest, parseIndicatorRequest } from '../indicators';
import { childLevelOf } from './org-units';
import { comboOf, DataSetMapping, DEFAULT_COMBO, Dhis2Mapping } from './mapping';
import { periodsOfDataSet } from './periods';

export interface DataValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo: string;
  attributeOptionCombo: string;
  value: string;
  storedBy: string;
  lastUpdated: string;
  comment: string;
  followup: boolean;
}

export interface DataValueSet {
  dataSet: string;
  dataValues: DataValue[];
}

export interface DataValueSetRequest {
  orgUnit: string;
  /** DHIS2 period ids or ranges; each is answered as the data set's own periods it covers (periodsOfDataSet). */
  periods: string[];
  /** DHIS2's `children=true`: the org unit's children instead of the org unit itself. */
  children: boolean;
}

/**
 * Answers one indicator request (the caller applies access rules and small-cell suppression: rows of cells
 * that count events carry `households`, the distinct households suppression judges them by, wherever the event
 * count alone cannot decide).
 */
export type Answerer = (indicator: Indicator, request: IndicatorRequest) => Promise<IndicatorAnswer>;

export async function dataValueSet(
  catalogue: IndicatorCatalogue,
  mapping: Dhis2Mapping,
  dataSet: DataSetMapping,
  request: DataValueSetRequest,
  answer: Answerer,
): Promise<DataValueSet> {
  const dataValues: DataValue[] = [];
  // Each value is written at the data set's own period type: DHIS2 refuses a year (or a range) in a monthly set.
  const periods = periodsOfDataSet(request.periods, dataSet.periodType).join(';');
  // A village has no children: answered for the village itself, its values would be imported as if of its children.
  if (request.children && childLevelOf(request.orgUnit) === undefined) return { dataSet: dataSet.code, dataValues };
  for (const element of dataSet.dataElements) {
    const indicator = catalogue.find(element.indicator)!;
    const level = request.children ? childLevelOf(request.orgUnit) : undefined;
    const parsed = parseIndicatorRequest(indicator, {
      ou: request.orgUnit,
      pe: periods,
      by: element.disaggregation,
      level,
    });
    const { rows, reflects } = await answer(indicator, parsed);
    for (const row of rows) {
      const value = row[element.value];
      if (value === null || value === undefined || value === 0) continue;
      dataValues.push({
        dataElement: element.code,
        period: row.period,
        orgUnit: row.orgUnit,
        categoryOptionCombo: comboOf(mapping, element, row),
        attributeOptionCombo: DEFAULT_COMBO,
        value: String(value),
        storedBy: 'family-ledger',
        lastUpdated: reflects.recordedAt ?? '',
        comment: '',
        followup: false,
      });
    }
  }
  return { dataSet: dataSet.code, dataValues };
}
