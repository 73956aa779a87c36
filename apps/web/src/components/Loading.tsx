/** What a view shows while it loads or when the API refused it (its problem's words, never a stack). */
import { Alert, Spin } from 'antd';
import { ReactNode } from 'react';
import { ProblemError } from '../api/client';
import { useI18n } from '../i18n/i18n';

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
  const { t, has } = useI18n();
  const problem = error instanceof ProblemError ? error.problem : undefined;
  const status = problem?.status;
  // A refusal named in the page's language where its code is known (i18n/problems.ts), else the API's words.
  const named = `problem.${problem?.code}`;
  const words = problem?.code && has(named) ? t(named) : error.message;
  const message = status === 403 ? t('common.forbidden') : status === 404 ? t('common.notFound') : t('common.error', { message: words });
  return (
    <Alert type={status === 403 || status === 404 ? 'warning' : 'error'} role="alert" showIcon message={message} data-status={status} />
  );
}
