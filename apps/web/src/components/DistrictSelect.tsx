/** The six districts and counties, by name, for filters. */
import { Select } from 'antd';
import { useI18n } from '../i18n/i18n';
import { useOrgUnits } from '../hooks/useReference';

export function DistrictSelect({
  value,
  onChange,
  allowAll,
  label,
}: {
  value?: string;
  onChange(code: string | undefined): void;
  allowAll?: boolean;
  label: string;
}) {
  const i18n = useI18n();
  const districts = (useOrgUnits().data ?? []).filter((unit) => unit.level === 'district');
  return (
    <Select
      aria-label={label}
      value={value ?? ''}
      style={{ width: 180 }}
      onChange={(code) => onChange(code || undefined)}
      options={[
        ...(allowAll ? [{ value: '', label: i18n.t('cases.all') }] : []),
        ...districts.map((d) => ({ value: d.code, label: i18n.name(d.name, d.code) })),
      ]}
    />
  );
}
