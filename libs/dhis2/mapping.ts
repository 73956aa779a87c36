/**
 * The DHIS2 mapping (./mapping.v1.json): which indicator, measure and breakdown each data element carries,
 * and the category option combo code of each breakdown value. Checked at start-up against the indicator
 * catalogue and the domain's value lists, so a typo stops the service instead of exporting nothing.
 */
import { BORROWER_GROUPS } from '../domain/loan/events';
import { FOCUS_AREAS, HOUSEHOLD_CATEGORIES } from '../domain/household/events';
import type { IndicatorCatalogue } from '../indicators';
import mappingFile from './mapping.v1.json';

export type Measure = 'numerator' | 'denominator' | 'value';

export interface DataElementMapping {
  code: string;
  name: string;
  indicator: string;
  value: Measure;
  /** The indicator dimension (`by=`) whose values become category option combos; none: `default`. */
  disaggregation?: string;
}

export interface DataSetMapping {
  code: string;
  name: string;
  periodType: 'Monthly' | 'BiMonthly' | 'Quarterly' | 'Yearly';
  dataElements: DataElementMapping[];
}

export interface Dhis2Mapping {
  version: number;
  source: string;
  categoryCombos: Record<string, Record<string, string>>;
  dataSets: DataSetMapping[];
}

export const DEFAULT_COMBO = 'default';

/** Every value a disaggregation can take, from the domain: each needs a combo code. */
const DIMENSION_VALUES: Record<string, readonly string[]> = {
  category: HOUSEHOLD_CATEGORIES,
  focusArea: FOCUS_AREAS,
  borrowerGroup: BORROWER_GROUPS,
};

export class Dhis2MappingError extends Error {
  override readonly name = 'Dhis2MappingError';
}

/** The shipped mapping, checked against the catalogue; throws a Dhis2MappingError naming the first fault. */
export function loadDhis2Mapping(catalogue: IndicatorCatalogue, mapping: Dhis2Mapping = mappingFile as Dhis2Mapping): Dhis2Mapping {
  const codes = new Set<string>();
  for (const dataSet of mapping.dataSets) {
    for (const element of dataSet.dataElements) {
      if (codes.has(element.code)) throw new Dhis2MappingError(`data element ${element.code} is mapped twice`);
      codes.add(element.code);
      const indicator = catalogue.find(element.indicator);
      if (!indicator) throw new Dhis2MappingError(`data element ${element.code}: unknown indicator ${element.indicator}`);
      if (element.value === 'denominator' && !indicator.denominator)
        throw new Dhis2MappingError(`data element ${element.code}: ${element.indicator} has no denominator`);
      if (element.disaggregation === undefined) continue;
      if (!Object.hasOwn(indicator.dimensions, element.disaggregation))
        throw new Dhis2MappingError(`data element ${element.code}: ${element.indicator} has no dimension ${element.disaggregation}`);
      const combos = mapping.categoryCombos[element.disaggregation];
      const missing = (DIMENSION_VALUES[element.disaggregation] ?? []).find((value) => !combos?.[value]);
      if (!combos || missing !== undefined)
        throw new Dhis2MappingError(
          `data element ${element.code}: no category option combo for ${element.disaggregation} ${missing ?? ''}`.trim(),
        );
    }
  }
  return mapping;
}

export function dataSetOf(mapping: Dhis2Mapping, code: string): DataSetMapping | undefined {
  return mapping.dataSets.find((dataSet) => dataSet.code === code);
}

/** The combo code of one breakdown value (default when the element is not disaggregated). */
export function comboOf(mapping: Dhis2Mapping, element: DataElementMapping, row: Record<string, unknown>): string {
  if (element.disaggregation === undefined) return DEFAULT_COMBO;
  return mapping.categoryCombos[element.disaggregation]?.[String(row[element.disaggregation])] ?? DEFAULT_COMBO;
}

/** The breakdown value of a combo code (for reading a data value set back). */
export function valueOfCombo(mapping: Dhis2Mapping, element: DataElementMapping, combo: string): string | undefined {
  if (element.disaggregation === undefined) return undefined;
  return Object.entries(mapping.categoryCombos[element.disaggregation] ?? {}).find(([, code]) => code === combo)?.[0];
}
