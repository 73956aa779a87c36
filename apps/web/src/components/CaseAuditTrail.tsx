/** The accountability audit trail's entries for one case (who did what, when). */
import { WideTable } from './WideTable';
import { useI18n } from '../i18n/i18n';
import { TrailEntry } from '../hooks/types';

export function CaseAuditTrail({ entries }: { entries: TrailEntry[] }) {
  const { t, word, dateTime } = useI18n();
  return (
    <WideTable<TrailEntry>
      data-testid="audit-trail"
      rowKey="position"
      dataSource={entries}
      columns={[
        { key: 'when', title: t('case.trailWhen'), dataIndex: 'recordedAt', render: (at: string) => dateTime(at) },
        { key: 'who', title: t('case.trailWho'), dataIndex: 'actor' },
        { key: 'what', title: t('case.trailWhat'), dataIndex: 'type', render: (type: string) => word('event', type) },
        { key: 'reason', title: t('case.reason'), dataIndex: 'reason', render: (reason: string | null) => reason ?? '—' },
      ]}
    />
  );
}
