/** The org-unit tree (city → district → township → village), names in the language in force. */
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n';
import { OrgUnit } from '../hooks/types';
import { useOrgUnits } from '../hooks/useReference';

interface Node {
  value: string;
  title: string;
  children: Node[];
}

function tree(units: OrgUnit[], label: (unit: OrgUnit) => string): Node[] {
  const nodes = new Map(units.map((unit) => [unit.code, { value: unit.code, title: label(unit), children: [] as Node[] }]));
  const roots: Node[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.code)!;
    const parent = unit.parent ? nodes.get(unit.parent) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

export function OrgUnitPicker({
  value,
  onChange,
  id,
  label,
  placeholder,
}: {
  value?: string;
  onChange(code: string): void;
  id?: string;
  /** Its accessible name, the dashboard's "org unit" unless given. */
  label?: string;
  placeholder?: string;
}) {
  const { name, t } = useI18n();
  const units = useOrgUnits();
  const data = useMemo(
    () => tree(units.data ?? [], (unit) => t('common.named', { name: name(unit.name, unit.code), code: unit.code })),
    [units.data, name, t],
  );
  return (
    <TreeSelect
      id={id}
      aria-label={label ?? t('dashboard.orgUnit')}
      placeholder={placeholder}
      value={value}
      onChange={onChange}
      treeData={data}
      showSearch
      treeNodeFilterProp="title"
      loading={units.loading}
      style={{ minWidth: 260 }}
      treeDefaultExpandedKeys={data.map((node) => node.value)}
      popupMatchSelectWidth={false}
    />
  );
}
