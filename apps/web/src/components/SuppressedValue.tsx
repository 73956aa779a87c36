/** A suppressed cell: marked and explained, never drawn as a zero. */
import { Tag, Tooltip } from 'antd';
import { useI18n } from '../i18n/i18n';

export function SuppressedValue() {
  const { t } = useI18n();
  return (
    <Tooltip title={t('common.suppressedHelp')}>
      <Tag className="suppressed" data-suppressed="true" aria-label={t('common.suppressedHelp')} tabIndex={0}>
        {t('common.suppressed')}
      </Tag>
    </Tooltip>
  );
}
