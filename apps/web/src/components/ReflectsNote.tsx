/** Says which log position and time a view reflects (the API's `reflects`), so no number stands undated. */
import { Typography } from 'antd';
import { useI18n } from '../i18n/i18n';
import { Reflects } from '../hooks/types';

export function ReflectsNote({ reflects }: { reflects?: Reflects | { position: string | null; recordedAt?: string | null } }) {
  const { t, dateTime } = useI18n();
  if (!reflects) return null;
  const text = !reflects.position
    ? t('common.reflectsNone')
    : reflects.recordedAt
      ? t('common.reflects', { position: reflects.position, time: dateTime(reflects.recordedAt) })
      : t('common.reflectsPosition', { position: reflects.position });
  return (
    <Typography.Text type="secondary" className="reflects" data-position={reflects.position ?? ''}>
      {text}
    </Typography.Text>
  );
}
