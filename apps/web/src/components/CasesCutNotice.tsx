/**
 * Said above a case list the page could not read to its end (hooks/useCases.ts MAX_PAGES): without it an
 * auditor would take the first cases, narrowed by period on the page, for all of them.
 */
import { Alert } from 'antd';
import { useI18n } from '../i18n/i18n';

export function CasesCutNotice({ listing }: { listing?: { truncated: boolean; cases: unknown[] } }) {
  const { t, number } = useI18n();
  if (!listing?.truncated) return null;
  return (
    <Alert
      type="warning"
      role="alert"
      showIcon
      data-testid="cases-truncated"
      message={t('cases.truncated', { count: number(listing.cases.length) })}
      style={{ marginBottom: 12 }}
    />
  );
}
