/**
 * A unit named by its code (a case's subject unit: a township, a village or a department), in words: its name with
 * the code beside it, as the org-unit tree and the reference data name it; the code alone when neither knows it.
 */
import { useI18n } from '../i18n/i18n';
import { useOrgUnits, useReferenceData } from './useReference';

export function useUnitWords(): (code: string) => string {
  const { t, name } = useI18n();
  const units = useOrgUnits().data ?? [];
  const departments = useReferenceData().data?.departments ?? [];
  return (code) => {
    const named = units.find((unit) => unit.code === code)?.name ?? departments.find((d) => d.code === code)?.name;
    return named ? t('common.named', { name: name(named, code), code }) : code;
  };
}
