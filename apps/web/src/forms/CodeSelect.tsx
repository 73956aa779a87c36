/** A choice among reference-data codes, by name in the language in force. */
import { Input, Select } from 'antd';
import { useI18n } from '../i18n/i18n';
import { Named } from '../hooks/types';

export function CodeSelect({
  items,
  value,
  onChange,
  id,
  codes,
}: {
  items?: Named[];
  codes?: readonly string[];
  value?: string;
  onChange?(value: string): void;
  id?: string;
}) {
  const i18n = useI18n();
  // Without the reference data (not loaded, or an API without /reference-data) the code is typed.
  if (!items && !codes) return <Input id={id} value={value} onChange={(event) => onChange?.(event.target.value)} />;
  const options = items
    ? items.map((item) => ({ value: item.code, label: i18n.name(item.name, item.code) }))
    : (codes ?? []).map((code) => ({ value: code, label: code }));
  return (
    <Select id={id} value={value} onChange={onChange} options={options} showSearch optionFilterProp="label" style={{ minWidth: 180 }} />
  );
}
