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

/** The tree of the units, or of the one `within` and those under it (when the list has it). */
function tree(units: OrgUnit[], label: (unit: OrgUnit) => string, within?: string): Node[] {
  const nodes = new Map(units.map((unit) => [unit.code, { value: unit.code, title: label(unit), children: [] as Node[] }]));
  const roots: Node[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.code)!;
    const parent = unit.parent ? nodes.get(unit.parent) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const scope = within ? nodes.get(within) : undefined;
  return scope ? [scope] : roots;
}

export function OrgUnitPicker({
  value,
  onChange,
  id,
  label,
  placeholder,
  within,
}: {
  value?: string;
  onChange(code: string): void;
  id?: string;
  /** Its accessible name, the dashboard's "org unit" unless given. */
  label?: string;
  placeholder?: string;
  /**
   * The user's own org unit: only it and the units under it are offered. The API answers nothing of any other
   * (its scope), so offering the city's other districts would only lead to a refusal.
   */
  within?: string;
}) {
  const { name, t } = useI18n();
  const units = useOrgUnits();
  const data = useMemo(
    () => tree(units.data ?? [], (unit) => t('common.named', { name: name(unit.name, unit.code), code: unit.code }), within),
    [units.data, name, t, within],
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
