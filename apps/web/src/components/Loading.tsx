/** What a view shows while it loads or when the API refused it (its problem's words, never a stack). */
import { Alert, Spin } from 'antd';
import { ReactNode } from 'react';
import { ProblemError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { problemMessage } from './problem-message';

export function Loading<T>({
  remote,
  children,
}: {
  remote: { data?: T; error?: Error; loading: boolean };
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (remote.error) return <ProblemAlert error={remote.error} />;
  if (remote.data === undefined) return remote.loading ? <Spin aria-label={t('common.loading')} /> : null;
  return <>{children(remote.data)}</>;
}

export function ProblemAlert({ error }: { error: Error }) {
  const i18n = useI18n();
  // The refusal named by its code in the page's language (problem-message.ts), never the API's English detail.
  const { message, status } = problemMessage(error instanceof ProblemError ? error.problem : undefined, i18n);
  return (
    <Alert type={status === 403 || status === 404 ? 'warning' : 'error'} role="alert" showIcon message={message} data-status={status} />
  );
}
