/**
 * Field staff's way to a household without its id: a village (or a township, a district) picked on the
 * org-unit tree by name, its households listed as `GET /households?ou=` lists them (no personal field),
 * each a link to its page. The first page only, and it says so when there are more.
 */
import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { LISTED, ListedHousehold, useHouseholdsUnder } from '../hooks/useHousehold';
import { useOrgUnits, useReferenceData } from '../hooks/useReference';
import { Loading } from './Loading';
import { ReflectsNote } from './ReflectsNote';

export function VillageHouseholds({ ou }: { ou: string }) {
  const { t, word, name } = useI18n();
  const listed = useHouseholdsUnder(ou);
  const categories = useReferenceData().data?.categories ?? [];
  const unit = (useOrgUnits().data ?? []).find((u) => u.code === ou);
  const unitName = unit ? t('common.named', { name: name(unit.name, ou), code: ou }) : ou;
  const category = (code: string) => name(categories.find((c) => c.code === code)?.name, code);
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('household.listed', { ou: unitName })}</h2>}
      style={{ marginBottom: 12 }}
    >
      <Loading remote={listed}>
        {(page) => (
          <>
            <Table<ListedHousehold>
              size="small"
              rowKey="householdId"
              dataSource={page.households}
              pagination={false}
              scroll={{ x: true, y: 320 }}
              data-testid="village-households"
              columns={[
                {
                  key: 'id',
                  title: t('household.id'),
                  render: (_, h) => <Link to={`/app/households/${encodeURIComponent(h.householdId)}`}>{h.householdId}</Link>,
                },
                { key: 'village', title: t('household.village'), dataIndex: 'villageCode' },
                { key: 'category', title: t('household.category'), render: (_, h) => category(h.category) },
                { key: 'members', title: t('household.members'), dataIndex: 'members' },
                { key: 'status', title: t('household.status'), render: (_, h) => word('household', h.status) },
              ]}
            />
            {page.next && <Typography.Text type="secondary">{t('household.firstListed', { count: LISTED })}</Typography.Text>}
            <div>
              <ReflectsNote reflects={{ position: page.position }} />
            </div>
          </>
        )}
      </Loading>
    </Card>
  );
}
