/** A household as the API returns it: category, village, members, needs, services with satisfaction, certification. */
import { Descriptions, Table, Tag } from 'antd';
import { useI18n } from '../i18n/i18n';
import { HouseholdView } from '../hooks/useHousehold';
import { useOrgUnits, useReferenceData } from '../hooks/useReference';
import { dimensionLabel } from '../charts/labels';

type Entry = { id: string } & Record<string, unknown>;
const entries = (record: unknown): Entry[] =>
  Object.entries((record ?? {}) as Record<string, Record<string, unknown>>).map(([id, value]) => ({ id, ...value }));

export function HouseholdSummary({ household }: { household: HouseholdView }) {
  const i18n = useI18n();
  const { t } = i18n;
  const reference = useReferenceData().data;
  const units = useOrgUnits().data ?? [];
  const label = (dimension: string) => (code: unknown) => dimensionLabel(i18n, reference, dimension, String(code));
  const certification = household.certification as { status?: string } | undefined;
  return (
    <>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2, lg: 3 }}
        data-testid="household-summary"
        items={[
          { key: 'id', label: t('household.id'), children: household.householdId },
          {
            key: 'village',
            label: t('household.village'),
            children: t('common.named', {
              name: i18n.name(units.find((unit) => unit.code === household.villageCode)?.name, household.villageCode),
              code: household.villageCode,
            }),
          },
          { key: 'category', label: t('household.category'), children: label('category')(household.category) },
          { key: 'members', label: t('household.members'), children: household.members },
          {
            key: 'status',
            label: t('household.status'),
            children: i18n.word('household', household.status),
          },
          { key: 'revision', label: t('household.revision'), children: <span data-testid="household-revision">{household.revision}</span> },
          {
            key: 'certification',
            label: t('household.certification'),
            children:
              certification?.status === 'Certified' ? (
                <Tag color="#237804">{t('household.certified')}</Tag>
              ) : (
                <Tag>{t('household.notCertified')}</Tag>
              ),
          },
          // Personal fields appear only when the API returned them (the pii scope).
          ...(household.head
            ? [{ key: 'head', label: t('household.head'), children: String((household.head as { name?: string }).name ?? '') }]
            : []),
        ]}
      />
      <h2 style={{ fontSize: 15, marginTop: 12 }}>{t('household.needs')}</h2>
      <Table<Entry>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={entries(household.needs)}
        data-testid="needs"
        columns={[
          { key: 'id', title: t('household.needId'), dataIndex: 'id', render: (id: string) => <code>{id.slice(0, 8)}</code> },
          { key: 'focus', title: t('field.focusArea'), dataIndex: 'focusArea', render: label('focusArea') },
          {
            key: 'met',
            title: t('household.needMet'),
            dataIndex: 'met',
            render: (met: boolean) => (met ? t('common.yes') : t('common.no')),
          },
        ]}
      />
      <h2 style={{ fontSize: 15, marginTop: 12 }}>{t('household.services')}</h2>
      <Table<Entry>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={entries(household.services)}
        data-testid="services"
        columns={[
          { key: 'id', title: t('field.serviceId'), dataIndex: 'id', render: (id: string) => <code>{id.slice(0, 8)}</code> },
          { key: 'department', title: t('field.department'), dataIndex: 'departmentCode', render: label('department') },
          { key: 'type', title: t('field.serviceType'), dataIndex: 'serviceTypeCode', render: label('serviceType') },
          {
            key: 'satisfaction',
            title: t('household.satisfaction'),
            dataIndex: 'satisfaction',
            render: (s?: string) => (s ? t(`rating.${s}` as never) : '—'),
          },
        ]}
      />
    </>
  );
}
