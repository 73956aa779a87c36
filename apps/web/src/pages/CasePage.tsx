/** A case for the auditor: timeline, state after any event, "as of", verification, export, audit trail. */
import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { AsOfPicker } from '../components/AsOfPicker';
import { CaseAuditTrail } from '../components/CaseAuditTrail';
import { CaseTimeline } from '../components/CaseTimeline';
import { downloadAsSent } from '../components/download';
import { CaseVerdict } from '../components/CaseVerdict';
import { Loading, ProblemAlert } from '../components/Loading';
import { useReportShown } from '../components/opening-shown';
import { StateView } from '../components/StateView';
import { useI18n } from '../i18n/i18n';
import { Verdict } from '../hooks/types';
import { useFailure } from '../hooks/useFailure';
import { ReplayPoint, useCaseAt, useCaseHistory, useCaseTrail, verifyCase } from '../hooks/useCases';

export function CasePage() {
  const { caseId = '' } = useParams();
  const { t } = useI18n();
  const history = useCaseHistory(caseId);
  useReportShown(!history.loading);
  const [chosen, setChosen] = useState<number | null>(null);
  const [point, setPoint] = useState<ReplayPoint | null>(null);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const { failure, run: reported } = useFailure();
  const at = useCaseAt(caseId, point);
  const district = (history.data?.[0]?.data as { districtCode?: string } | undefined)?.districtCode;
  const trail = useCaseTrail(caseId, district);
  // The bundle is saved byte for byte: it is evidence, checked offline against its hashes.
  const exportBundle = () => downloadAsSent(`/cases/${encodeURIComponent(caseId)}/export`, 'application/x-ndjson', `case-${caseId}.ndjson`);
  const chosenEntry = history.data?.find((entry) => entry.revision === chosen);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('case.title', { id: caseId })}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button onClick={() => void reported(async () => setVerdict(await verifyCase(caseId)))}>{t('case.verify')}</Button>
        <Button onClick={() => void reported(exportBundle)}>{t('case.export')}</Button>
        {verdict && <CaseVerdict verdict={verdict} />}
        {failure && <ProblemAlert error={failure} />}
      </Space>
      <Card size="small" title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('case.timeline')}</h2>}>
        <Loading remote={history}>{(events) => <CaseTimeline events={events} chosen={chosen} onChoose={setChosen} />}</Loading>
      </Card>
      {chosenEntry && (
        <Card
          size="small"
          style={{ marginTop: 12 }}
          title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('case.stateAt', { revision: chosenEntry.revision })}</h2>}
        >
          <StateView state={chosenEntry.state} label={t('case.stateAfter')} />
        </Card>
      )}
      <Card size="small" style={{ marginTop: 12 }} title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('case.asOf')}</h2>}>
        <AsOfPicker onShow={setPoint} />
        <Loading remote={at}>{(answer) => <StateView state={answer.state} label={t('case.asOf')} />}</Loading>
      </Card>
      <Card size="small" style={{ marginTop: 12 }} title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('case.trail')}</h2>}>
        <Loading remote={trail}>{(entries) => <CaseAuditTrail entries={entries} />}</Loading>
      </Card>
    </>
  );
}
