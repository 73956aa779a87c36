/** A projection's parked events (type, stream, position, attempts, error) and the retry that replays them. */
import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { ProjectionStatus } from '../hooks/types';
import { useFailure } from '../hooks/useFailure';
import { retryProjection } from '../hooks/useOperations';
import { ProblemAlert } from './Loading';

export function ParkedEvents({ projection, onRetried }: { projection: ProjectionStatus; onRetried(): void }) {
  const { t, number } = useI18n();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<string>();
  const parked = projection.parked ?? [];
  const { failure, run } = useFailure();
  const retry = async () => {
    setBusy(true);
    await run(async () => {
      const { data } = await retryProjection(projection.name);
      setOutcome(t('ops.retried', { ...data }));
      onRetried();
    });
    setBusy(false);
  };
  return (
    <div data-testid={`parked-${projection.name}`} data-count={parked.length}>
      <span data-testid={`parked-count-${projection.name}`}>{number(parked.length)}</span>
      {parked.length > 0 && (
        <>
          {' '}
          <Button size="small" loading={busy} onClick={() => void retry()}>
            {t('ops.retry')}
          </Button>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 16, fontSize: 12 }}>
            {parked.map((event) => (
              <li key={event.eventId ?? event.position} data-event-id={event.eventId} data-position={event.position}>
                <code>{event.eventType}</code> {event.stream} @{event.position} · {t('ops.attempts', { attempts: event.attempts ?? 0 })}
                {/* Ant's "danger" red is too light for 12px text (axe: colour contrast); a darker red reads. */}
                <span style={{ display: 'block', color: '#a8071a' }}>{event.error}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {outcome && (
        <Typography.Text type="secondary" role="status" style={{ display: 'block', fontSize: 12 }}>
          {outcome}
        </Typography.Text>
      )}
      {failure && <ProblemAlert error={failure} />}
    </div>
  );
}
