/**
 * The auditor's verdict on a case: intact only when the API says so. A chain that holds is not enough: the
 * signed checkpoint's signature, or the log's root against it, can fail while every event still chains
 * (someone rewrote the log and its hashes), and that is a broken log, said as such.
 */
import { Alert } from 'antd';
import { Verdict } from '../hooks/types';
import { useI18n } from '../i18n/i18n';

export function CaseVerdict({ verdict }: { verdict: Verdict }) {
  const { t } = useI18n();
  return (
    <Alert role="status" data-testid="verdict" type={verdict.ok ? 'success' : 'error'} showIcon message={verdictMessage(verdict, t)} />
  );
}

function verdictMessage(verdict: Verdict, t: ReturnType<typeof useI18n>['t']): string {
  if (verdict.firstBadRevision !== null) return t('case.broken', { revision: verdict.firstBadRevision });
  if (verdict.checkpoint && !verdict.checkpoint.signatureValid) return t('case.signatureInvalid');
  if (verdict.checkpoint && !verdict.checkpoint.logMatches) return t('case.logAltered');
  return verdict.ok ? t('case.intact', { count: verdict.events }) : t('case.notVerified');
}
