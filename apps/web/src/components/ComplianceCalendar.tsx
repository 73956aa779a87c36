/** A district's calendar: each month's visit and each bimonth's bulletin, late and missing marked. */
import { Space, Tag, Typography } from 'antd';
import { useI18n } from '../i18n/i18n';
import { PeriodCompliance } from '../hooks/types';

// Solid colours with white text: Ant Design's light presets (orange on cream) fall below AA contrast.
const COLOUR: Record<PeriodCompliance['status'], string | undefined> = {
  'on-time': '#237804',
  late: '#ad4e00',
  missing: '#a8071a',
  pending: undefined,
  unsupervised: undefined,
};
const WORD = {
  'on-time': 'compliance.onTime',
  late: 'compliance.late',
  missing: 'compliance.missing',
  pending: 'compliance.pending',
  unsupervised: 'compliance.unsupervised',
} as const;

export function ComplianceRow({ title, periods }: { title: string; periods: PeriodCompliance[] }) {
  const { t, period } = useI18n();
  return (
    <section aria-label={title} style={{ marginBottom: 12 }}>
      <Typography.Title level={2} style={{ fontSize: 15 }}>
        {title}
      </Typography.Title>
      <Space wrap size={[6, 6]}>
        {periods.map((p) => (
          <Tag key={p.period} color={COLOUR[p.status]} data-period={p.period} data-status={p.status} style={{ minWidth: 120 }}>
            {t('common.labelled', { label: period(p.period) })}
            {t(WORD[p.status])}
          </Tag>
        ))}
      </Space>
    </section>
  );
}
