/** The operator's view: each projection's lag and parked events (with retry), and the service's health. */
import { Button, Card, Table, Typography } from 'antd';
import { HealthView } from '../components/HealthView';
import { ParkedEvents } from '../components/ParkedEvents';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n/i18n';
import { ProjectionStatus } from '../hooks/types';
import { useHealth, useProjections } from '../hooks/useOperations';

export function OperationsPage() {
  const { t, number, word } = useI18n();
  const projections = useProjections();
  const health = useHealth();
  // Health too: its state and warnings move with the projections, and one press asks for both.
  const refresh = () => {
    projections.reload();
    health.reload();
  };
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('ops.title')}
      </Typography.Title>
      <Card size="small" title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('ops.health')}</h2>}>
        <Loading remote={health}>{(h) => <HealthView ok={h.ok} body={h.body} />}</Loading>
      </Card>
      <Card
        size="small"
        style={{ marginTop: 12 }}
        title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('ops.projections')}</h2>}
        extra={<Button onClick={refresh}>{t('common.refresh')}</Button>}
      >
        <Loading remote={projections}>
          {(list) => (
            <div className="scroll-x">
              <Table<ProjectionStatus>
                size="small"
                rowKey="name"
                dataSource={list}
                pagination={false}
                columns={[
                  {
                    key: 'name',
                    title: t('ops.name'),
                    dataIndex: 'name',
                    render: (name: string) => (
                      <>
                        {word('readModel', name)} <code>{name}</code>
                      </>
                    ),
                  },
                  { key: 'lag', title: t('ops.lag'), render: (_, p) => <span data-testid={`lag-${p.name}`}>{number(p.lag.events)}</span> },
                  { key: 'checkpoint', title: t('ops.checkpoint'), dataIndex: 'checkpoint', render: (c: string | null) => c ?? '—' },
                  { key: 'status', title: t('ops.status'), dataIndex: 'status', render: (s?: string) => (s ? word('ops', s) : '—') },
                  {
                    key: 'parked',
                    title: t('ops.parked'),
                    render: (_, p) => <ParkedEvents projection={p} onRetried={refresh} />,
                  },
                ]}
              />
            </div>
          )}
        </Loading>
      </Card>
    </>
  );
}
