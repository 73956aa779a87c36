/** The operator's view: each projection's lag and parked events (with retry), and the service's health. */
import { Button, Card, Table, Tag, Typography } from 'antd';
import { ParkedEvents } from '../components/ParkedEvents';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n/i18n';
import { ProjectionStatus } from '../hooks/types';
import { useHealth, useProjections } from '../hooks/useOperations';

export function OperationsPage() {
  const { t, number } = useI18n();
  const projections = useProjections();
  const health = useHealth();
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('ops.title')}
      </Typography.Title>
      <Card size="small" title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('ops.health')}</h2>}>
        <Loading remote={health}>
          {(h) => (
            <>
              <Tag color={h.ok ? '#237804' : '#a8071a'} data-testid="health">
                {h.ok ? t('ops.healthy') : t('ops.unhealthy')}
              </Tag>
              <pre tabIndex={0} aria-label={t('ops.health')} style={{ fontSize: 12, maxHeight: 200, overflow: 'auto' }}>
                {JSON.stringify(h.body, null, 2)}
              </pre>
            </>
          )}
        </Loading>
      </Card>
      <Card
        size="small"
        style={{ marginTop: 12 }}
        title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('ops.projections')}</h2>}
        extra={<Button onClick={projections.reload}>{t('common.refresh')}</Button>}
      >
        <Loading remote={projections}>
          {(list) => (
            <Table<ProjectionStatus>
              size="small"
              rowKey="name"
              dataSource={list}
              pagination={false}
              scroll={{ x: true }}
              columns={[
                { key: 'name', title: t('ops.name'), dataIndex: 'name' },
                { key: 'lag', title: t('ops.lag'), render: (_, p) => <span data-testid={`lag-${p.name}`}>{number(p.lag.events)}</span> },
                { key: 'checkpoint', title: t('ops.checkpoint'), dataIndex: 'checkpoint', render: (c: string | null) => c ?? '—' },
                { key: 'status', title: t('ops.status'), dataIndex: 'status', render: (s?: string) => s ?? '—' },
                {
                  key: 'parked',
                  title: t('ops.parked'),
                  render: (_, p) => <ParkedEvents projection={p} onRetried={projections.reload} />,
                },
              ]}
            />
          )}
        </Loading>
      </Card>
    </>
  );
}
