/** "As of": a point by recorded time, occurred time (typed in the programme's calendar, sent as a UTC instant) or revision. */
import { Alert, Button, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { instantIn } from '../calendar/calendar';
import { ReplayPoint } from '../hooks/useCases';

type Clock = 'asOf' | 'occurredAsOf' | 'revision';

/** A date (`2012-04-01`) or a date and time (`2012-04-01T10:00`, a space for the T, seconds optional, a zone optional). */
const TYPED_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)?(?:[zZ]|[+-]\d\d:?\d\d)?$/;

/**
 * The instant typed: without a zone, read in the programme's calendar; a date alone means its end. Undefined
 * for anything else (`2012年4月1日`, `4/1`), which is said to the user rather than sent or left to fail unseen.
 */
function typedInstant(value: string, timeZone: string): string | undefined {
  if (!TYPED_TIME.test(value)) return undefined;
  const local = value.replace(' ', 'T');
  const zoned = /[zZ]|[+-]\d\d:?\d\d$/.test(local);
  const iso = zoned ? local : instantIn(timeZone, local.length === 10 ? `${local}T23:59:59.999` : local);
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

export function AsOfPicker({ onShow }: { onShow(point: ReplayPoint): void }) {
  const { t, timeZone } = useI18n();
  const [clock, setClock] = useState<Clock>('asOf');
  const [value, setValue] = useState('');
  const [unreadable, setUnreadable] = useState(false);
  const show = () => {
    if (!value) return;
    const iso = clock === 'revision' ? undefined : typedInstant(value, timeZone);
    const readable = clock === 'revision' ? /^\d+$/.test(value) : iso !== undefined;
    setUnreadable(!readable);
    if (!readable) return;
    if (clock === 'revision') return onShow({ revision: value });
    onShow(clock === 'asOf' ? { asOf: iso! } : { occurredAsOf: iso! });
  };
  return (
    <>
      <Space.Compact>
        <Select<Clock>
          aria-label={t('case.asOf')}
          value={clock}
          onChange={setClock}
          style={{ width: 150 }}
          options={[
            { value: 'asOf', label: t('case.asOfRecorded') },
            { value: 'occurredAsOf', label: t('case.asOfOccurred') },
            { value: 'revision', label: t('case.asOfRevision') },
          ]}
        />
        <Input
          aria-label={t('case.asOf')}
          value={value}
          onChange={(e) => setValue(e.target.value.trim())}
          onPressEnter={show}
          placeholder={clock === 'revision' ? '3' : '2012-04-01T10:00'}
          style={{ width: 200 }}
        />
        <Button onClick={show}>{t('case.asOfShow')}</Button>
      </Space.Compact>
      {unreadable && (
        <Alert
          type="warning"
          role="alert"
          showIcon
          style={{ marginTop: 8 }}
          message={t(clock === 'revision' ? 'case.asOfBadRevision' : 'case.asOfBadTime')}
        />
      )}
    </>
  );
}
