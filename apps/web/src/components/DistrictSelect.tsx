/**
 * The six districts and counties, by name, for filters: those within the user's own area only (a district's
 * supervisor, its one district), since the API answers nothing of another and would only refuse the choice.
 */
import { Select } from 'antd';
import { useI18n } from '../i18n/i18n';
import { OrgUnit } from '../hooks/types';
import { useOrgUnits } from '../hooks/useReference';
import { useSession } from '../session/session';

/** The districts a user whose scope is `ou` may see: all of them from the city, else the one `ou` is in (or is). */
function districtsWithin(units: OrgUnit[], ou: string | undefined): OrgUnit[] {
  const byCode = new Map(units.map((unit) => [unit.code, unit]));
  const districts = units.filter((unit) => unit.level === 'district');
  let unit = ou ? byCode.get(ou) : undefined;
  while (unit && unit.level !== 'district' && unit.level !== 'city') unit = unit.parent ? byCode.get(unit.parent) : undefined;
  return unit?.level === 'district' ? districts.filter((district) => district.code === unit!.code) : districts;
}

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
  const districts = districtsWithin(useOrgUnits().data ?? [], useSession().user?.ou);
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
