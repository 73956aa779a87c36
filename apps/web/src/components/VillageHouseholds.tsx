/**
 * Field staff's way to a household without its id: a village (or a township, a district) picked on the
 * org-unit tree by name, its households listed as `GET /households?ou=` lists them (no personal field),
 * each a link to its page: a page at a time, the next one asked for when the user wants more, so that a
 * household past the first hundred can be reached without knowing its id.
 */
import { Button, Card, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { HouseholdsPage, ListedHousehold, loadHouseholdsUnder, useHouseholdsUnder } from '../hooks/useHousehold';
import { useFailure } from '../hooks/useFailure';
import { useOrgUnits, useReferenceData } from '../hooks/useReference';
import { Loading, ProblemAlert } from './Loading';
import { ReflectsNote } from './ReflectsNote';

/** Mount it keyed by `ou`: the pages it has added belong to that unit's list. */
export function VillageHouseholds({ ou }: { ou: string }) {
  const { t, word, name, number } = useI18n();
  const listed = useHouseholdsUnder(ou);
  const [later, setLater] = useState<HouseholdsPage[]>([]);
  const [busy, setBusy] = useState(false);
  const { failure, run } = useFailure();
  const categories = useReferenceData().data?.categories ?? [];
  const unit = (useOrgUnits().data ?? []).find((u) => u.code === ou);
  const unitName = unit ? t('common.named', { name: name(unit.name, ou), code: ou }) : ou;
  const category = (code: string) => name(categories.find((c) => c.code === code)?.name, code);
  const more = (cursor: string) =>
    run(async () => {
      setBusy(true);
      try {
        const page = await loadHouseholdsUnder(ou, cursor);
        setLater((pages) => [...pages, page]);
      } finally {
        setBusy(false);
      }
    });
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('household.listed', { ou: unitName })}</h2>}
      style={{ marginBottom: 12 }}
    >
      <Loading remote={listed}>
        {(first) => {
          const households = [first, ...later].flatMap((page) => page.households);
          const next = (later.at(-1) ?? first).next;
          return (
            <>
              <Table<ListedHousehold>
                size="small"
                rowKey="householdId"
                dataSource={households}
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
              {next && (
                <Space style={{ marginTop: 8 }}>
                  <Typography.Text type="secondary">{t('household.listedSoFar', { count: number(households.length) })}</Typography.Text>
                  <Button size="small" loading={busy} onClick={() => void more(next)}>
                    {t('household.listMore')}
                  </Button>
                </Space>
              )}
              {failure && <ProblemAlert error={failure} />}
              <div>
                <ReflectsNote reflects={{ position: first.position }} />
              </div>
            </>
          );
        }}
      </Loading>
    </Card>
  );
}
