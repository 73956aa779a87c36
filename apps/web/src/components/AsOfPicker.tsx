/** "As of": a point by recorded time, occurred time (typed in the programme's calendar, sent as a UTC instant) or revision. */
import { Button, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { instantIn } from '../calendar/calendar';
import { ReplayPoint } from '../hooks/useCases';

type Clock = 'asOf' | 'occurredAsOf' | 'revision';

export function AsOfPicker({ onShow }: { onShow(point: ReplayPoint): void }) {
  const { t, timeZone } = useI18n();
  const [clock, setClock] = useState<Clock>('asOf');
  const [value, setValue] = useState('');
  const show = () => {
    if (!value) return;
    if (clock === 'revision') return onShow({ revision: value });
    // A date-time typed without a zone is read in the programme's calendar; a date alone means its end.
    const iso = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : instantIn(timeZone, value.length === 10 ? `${value}T23:59:59.999` : value);
    onShow(clock === 'asOf' ? { asOf: iso } : { occurredAsOf: iso });
  };
  return (
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
  );
}
