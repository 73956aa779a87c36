/** The supervisor's district: its compliance calendar and its open cases. */
import { Alert, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { CaseList } from '../components/CaseList';
import { CasesCutNotice } from '../components/CasesCutNotice';
import { ComplianceRow } from '../components/ComplianceCalendar';
import { DistrictSelect } from '../components/DistrictSelect';
import { Loading } from '../components/Loading';
import { ReflectsNote } from '../components/ReflectsNote';
import { useI18n } from '../i18n/i18n';
import { useCases } from '../hooks/useCases';
import { isMonth } from '../hooks/compliance-path';
import { useCompliance } from '../hooks/useCompliance';
import { useSession } from '../session/session';

export function CompliancePage() {
  const { t } = useI18n();
  const { user } = useSession();
  const own = user && /^\d{6}$/.test(user.ou) && user.ou !== '640100' ? user.ou : undefined;
  const [district, setDistrict] = useState<string | undefined>(own);
  // The campaign's own span (2012-2015) by default; either end can be moved.
  const [from, setFrom] = useState('201201');
  const [to, setTo] = useState('201512');
  // Asked once both ends are whole months: each keystroke of a month being typed would otherwise be refused.
  const span = isMonth(from) && isMonth(to);
  const compliance = useCompliance(span ? district : undefined, from, to);
  const cases = useCases({ district, status: 'Open' });
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('compliance.title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        {!own && <DistrictSelect label={t('compliance.district')} value={district} onChange={setDistrict} />}
        <Input
          aria-label={t('period.from')}
          addonBefore={t('period.from')}
          value={from}
          status={isMonth(from) ? undefined : 'error'}
          onChange={(e) => setFrom(e.target.value.trim())}
          style={{ width: 180 }}
        />
        <Input
          aria-label={t('period.to')}
          addonBefore={t('period.to')}
          value={to}
          status={isMonth(to) ? undefined : 'error'}
          onChange={(e) => setTo(e.target.value.trim())}
          style={{ width: 180 }}
        />
        <ReflectsNote
          reflects={compliance.data ? { position: compliance.data.position, recordedAt: compliance.data.recordedAt } : undefined}
        />
      </Space>
      {!span && <Alert type="warning" role="alert" showIcon message={t('compliance.monthHint')} style={{ marginBottom: 12 }} />}
      <Loading remote={compliance}>
        {(data) => (
          <>
            <ComplianceRow title={t('compliance.visit')} periods={data.months} />
            <ComplianceRow title={t('compliance.bulletin')} periods={data.bimonths} />
          </>
        )}
      </Loading>
      {district && (
        <>
          <Typography.Title level={2} style={{ fontSize: 15 }}>
            {t('compliance.openCases')}
          </Typography.Title>
          <CasesCutNotice listing={cases.data} />
          <Loading remote={cases}>{(data) => <CaseList cases={data.cases} />}</Loading>
        </>
      )}
    </>
  );
}
