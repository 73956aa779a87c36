/** Names of a row's dimension values from the reference data, in the language in force. */
import { I18n } from '../i18n/i18n';
import { Named, ReferenceData } from '../hooks/types';

const LISTS: Record<string, keyof ReferenceData> = {
  category: 'categories',
  focusArea: 'focusAreas',
  department: 'departments',
  serviceType: 'serviceTypes',
  kind: 'needKinds',
  programme: 'loanPrograms',
  borrowerGroup: 'borrowerGroups',
  response: 'satisfactionResponses',
};

/** A dimension value's Chinese name (the workbook's language), or its code where the reference data has none. */
export function chineseName(reference: ReferenceData | undefined, dimension: string, code: string): string {
  const list = reference && LISTS[dimension] ? (reference[LISTS[dimension]] as Named[] | undefined) : undefined;
  return list?.find((item) => item.code === code)?.name['zh-CN'] ?? code;
}

export function dimensionLabel(i18n: I18n, reference: ReferenceData | undefined, dimension: string, code: string): string {
  const list = reference && LISTS[dimension] ? (reference[LISTS[dimension]] as Named[] | undefined) : undefined;
  return i18n.name(list?.find((item) => item.code === code)?.name, code);
}
