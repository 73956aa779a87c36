/**
 * What a household received: each grant of support with its programme (named in the language in force),
 * what was granted, delivered and returned (fen shown as yuan; goods in units), and the date granted in the
 * programme's calendar. Its labels live beside it, in both languages, so this card stays one file.
 */
import { Card, Table, Tag, Typography } from 'antd';
import { Lang, useI18n } from '../i18n/i18n';
import { HouseholdSupportItem, useHouseholdSupport } from '../hooks/useHouseholdSupport';
import { Loading } from './Loading';

const LABELS: Record<
  Lang,
  Record<'title' | 'programme' | 'granted' | 'delivered' | 'returned' | 'date' | 'reversed' | 'none' | 'units' | 'worth', string>
> = {
  'zh-CN': {
    title: '奖励扶助与帮扶',
    programme: '扶助项目',
    granted: '核定',
    delivered: '发放',
    returned: '退回',
    date: '核定时间',
    reversed: '已撤销',
    none: '尚无奖励扶助记录',
    units: '件',
    worth: '（{value}）',
  },
  en: {
    title: 'Support received',
    programme: 'Programme',
    granted: 'Granted',
    delivered: 'Delivered',
    returned: 'Returned',
    date: 'Granted on',
    reversed: 'Reversed',
    none: 'No support recorded',
    units: 'units',
    worth: ' ({value})',
  },
};

export function HouseholdSupport({ householdId }: { householdId: string }) {
  const i18n = useI18n();
  const label = LABELS[i18n.lang];
  const support = useHouseholdSupport(householdId);
  // Cash shows its amount; goods show their units, and their value where one was recorded.
  const amount = (fen: number, units: number, item: HouseholdSupportItem) =>
    item.form === 'cash'
      ? i18n.yuan(fen)
      : `${i18n.number(units)} ${label.units}${fen > 0 ? label.worth.replace('{value}', i18n.yuan(fen)) : ''}`;
  return (
    <Card size="small" title={<h2 style={{ fontSize: 15, margin: 0 }}>{label.title}</h2>} data-testid="household-support">
      <Loading remote={support}>
        {({ support: items }) => (
          <Table<HouseholdSupportItem>
            size="small"
            rowKey="supportId"
            pagination={false}
            dataSource={items}
            // Typography's text colour, not the placeholder's pale grey: that fails the contrast check.
            locale={{ emptyText: <Typography.Text>{label.none}</Typography.Text> }}
            columns={[
              {
                title: label.programme,
                key: 'programme',
                render: (_, item) => (
                  <>
                    {i18n.name(item.programmeName, item.programmeCode)} {item.status === 'reversed' && <Tag>{label.reversed}</Tag>}
                  </>
                ),
              },
              { title: label.granted, key: 'granted', render: (_, item) => amount(item.grantedFen, item.grantedUnits, item) },
              { title: label.delivered, key: 'delivered', render: (_, item) => amount(item.deliveredFen, item.deliveredUnits, item) },
              { title: label.returned, key: 'returned', render: (_, item) => amount(item.returnedFen, item.returnedUnits, item) },
              { title: label.date, key: 'date', render: (_, item) => i18n.dateTime(item.grantedAt) },
            ]}
          />
        )}
      </Loading>
    </Card>
  );
}
