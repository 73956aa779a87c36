/**
 * A period in the DHIS2 syntax the API takes in `pe`: year (2012), quarter (2012Q1), month (201203),
 * bimonth (201201B) or a range (201201:201206); the kind picks an example, the text can be edited.
 */
import { Input, Select, Space } from 'antd';
import { useI18n } from '../i18n/i18n';

const KINDS = { year: '2012', quarter: '2012Q1', month: '201203', bimonth: '201201B', range: '201201:201206' } as const;
type Kind = keyof typeof KINDS;

export function kindOf(pe: string): Kind {
  if (pe.includes(':')) return 'range';
  if (/Q\d$/.test(pe)) return 'quarter';
  if (/B$/.test(pe)) return 'bimonth';
  return /^\d{6}$/.test(pe) ? 'month' : 'year';
}

/** `invalid`: the text is not a period the API reads (marked, and not asked for). */
export function PeriodPicker({ value, onChange, invalid }: { value: string; onChange(pe: string): void; invalid?: boolean }) {
  const { t } = useI18n();
  return (
    <Space.Compact>
      <Select<Kind>
        aria-label={t('dashboard.periodKind')}
        value={kindOf(value)}
        onChange={(kind) => onChange(KINDS[kind])}
        style={{ width: 100 }}
        options={(Object.keys(KINDS) as Kind[]).map((kind) => ({ value: kind, label: t(`period.${kind}`) }))}
      />
      <Input
        aria-label={t('period.value')}
        value={value}
        status={invalid ? 'error' : undefined}
        onChange={(event) => onChange(event.target.value.trim())}
        style={{ width: 150 }}
      />
    </Space.Compact>
  );
}
