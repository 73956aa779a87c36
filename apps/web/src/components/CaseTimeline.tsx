/** One row per event: what happened in words, who, the reason, both clocks, revision and hash prefix. */
import { Button } from 'antd';
import { WideTable } from './WideTable';
import { useI18n } from '../i18n/i18n';
import { HistoryEntry } from '../hooks/types';

export function CaseTimeline({
  events,
  chosen,
  onChoose,
}: {
  events: HistoryEntry[];
  chosen: number | null;
  onChoose(revision: number): void;
}) {
  const { t, word, dateTime } = useI18n();
  return (
    <WideTable<HistoryEntry>
      rowKey="revision"
      dataSource={events}
      rowClassName={(entry) => (entry.revision === chosen ? 'chosen-row' : '')}
      data-testid="timeline"
      columns={[
        { key: 'revision', title: t('case.revision'), dataIndex: 'revision' },
        {
          key: 'what',
          title: t('case.what'),
          dataIndex: 'type',
          render: (type: string) => <span data-type={type}>{word('event', type)}</span>,
        },
        { key: 'who', title: t('case.who'), dataIndex: 'actor' },
        { key: 'reason', title: t('case.reason'), dataIndex: 'reason', render: (reason: string | null) => reason ?? '—' },
        { key: 'occurred', title: t('case.occurred'), dataIndex: 'occurredAt', render: (at: string) => dateTime(at) },
        { key: 'recorded', title: t('case.recorded'), dataIndex: 'recordedAt', render: (at: string) => dateTime(at) },
        { key: 'hash', title: t('case.hash'), dataIndex: 'hash', render: (hash: string) => <code>{hash.slice(0, 12)}</code> },
        {
          key: 'choose',
          title: t('case.stateAfter'),
          render: (_, entry) => (
            <Button size="small" aria-pressed={entry.revision === chosen} onClick={() => onChoose(entry.revision)}>
              {t('case.choose', { revision: entry.revision })}
            </Button>
          ),
        },
      ]}
    />
  );
}
