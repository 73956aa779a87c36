/**
 * The service's health as GET /health answers it, in words: overall (正常, 警告 when a warning is raised, 异常
 * when it does not answer 200), the database and the event store, and the warnings; the answer's JSON one
 * click away (it also holds each projection's lag, which the table beside it shows).
 */
import { Descriptions, Tag } from 'antd';
import { useI18n } from '../i18n/i18n';

interface HealthBody {
  status?: string;
  database?: string;
  eventStore?: string;
  warnings?: string[];
}

export function HealthView({ ok, body }: { ok: boolean; body: HealthBody }) {
  const { t } = useI18n();
  const overall = !ok ? 'unhealthy' : body.status === 'warn' ? 'warn' : 'healthy';
  const colour = { healthy: '#237804', warn: '#ad4e00', unhealthy: '#a8071a' }[overall];
  const part = (state: string | undefined) => (state === 'up' ? t('ops.up') : t('ops.down'));
  const warnings = body.warnings ?? [];
  return (
    <>
      <Tag color={colour} data-testid="health">
        {t(overall === 'warn' ? 'ops.warn' : overall === 'healthy' ? 'ops.healthy' : 'ops.unhealthy')}
      </Tag>
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 8 }}
        items={[
          { key: 'database', label: t('ops.database'), children: <span data-field="database">{part(body.database)}</span> },
          { key: 'eventStore', label: t('ops.eventStore'), children: <span data-field="eventStore">{part(body.eventStore)}</span> },
          {
            key: 'warnings',
            label: t('ops.warnings'),
            children: (
              <span data-field="warnings">{warnings.length > 0 ? warnings.map((w) => <div key={w}>{w}</div>) : t('ops.noWarnings')}</span>
            ),
          },
        ]}
      />
      <details>
        <summary>{t('ops.json')}</summary>
        <pre tabIndex={0} aria-label={t('ops.json')} style={{ fontSize: 12, maxHeight: 200, overflow: 'auto' }}>
          {JSON.stringify(body, null, 2)}
        </pre>
      </details>
    </>
  );
}
