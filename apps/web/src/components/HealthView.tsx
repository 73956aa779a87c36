/**
 * The service's health as GET /health answers it, in words: overall (正常, 警告 when a warning is raised, 异常
 * when it does not answer 200), the database and the event store, and the warnings; the answer's JSON one
 * click away (it also holds each projection's lag, which the table beside it shows).
 */
import { Descriptions, Tag } from 'antd';
import { useI18n } from '../i18n/i18n';

/** GET /health's `logHeldBackBy` (libs/observability/log-holder.ts): the open transaction holding the log back. */
interface LogHolder {
  pid: number;
  transactionId: string;
  application: string | null;
  since: string;
  seconds: number;
}

interface HealthBody {
  status?: string;
  database?: string;
  eventStore?: string;
  logHeldBackBy?: LogHolder | null;
  warnings?: string[];
}

/**
 * The warnings in the page's language. The API words its one warning (the log held back) in English; the page
 * says it from `logHeldBackBy`, which the warning is made from, with the time in the programme's calendar. A
 * warning of a kind the page does not know yet is shown as the API words it, rather than hidden.
 */
function warningWords(body: HealthBody, i18n: ReturnType<typeof useI18n>): string[] {
  const warnings = body.warnings ?? [];
  const holder = body.logHeldBackBy;
  if (!holder || warnings.length === 0) return warnings;
  const held = i18n.t('ops.logHeld', {
    transaction: holder.transactionId,
    pid: holder.pid,
    application: holder.application || '—',
    since: i18n.dateTime(holder.since),
    seconds: i18n.number(Math.floor(holder.seconds)),
  });
  return [held, ...warnings.filter((warning) => !warning.startsWith(`transaction ${holder.transactionId} `))];
}

export function HealthView({ ok, body }: { ok: boolean; body: HealthBody }) {
  const i18n = useI18n();
  const { t } = i18n;
  const overall = !ok ? 'unhealthy' : body.status === 'warn' ? 'warn' : 'healthy';
  const colour = { healthy: '#237804', warn: '#ad4e00', unhealthy: '#a8071a' }[overall];
  const part = (state: string | undefined) => (state === 'up' ? t('ops.up') : t('ops.down'));
  const warnings = warningWords(body, i18n);
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
