/** Field staff: find a household (by id or village), see it, and run the everyday commands from forms. */
import { Alert, Col, Input, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { HouseholdLoans } from '../components/HouseholdLoans';
import { HouseholdSummary } from '../components/HouseholdSummary';
import { HouseholdSupport } from '../components/HouseholdSupport';
import { Loading } from '../components/Loading';
import { OrgUnitPicker } from '../components/OrgUnitPicker';
import { VillageHouseholds } from '../components/VillageHouseholds';
import { EnrolForm, NeedForm, SatisfactionForm, ServiceForm } from '../forms/HouseholdForms';
import { LoanForm, RepaymentForm } from '../forms/LoanForms';
import { useI18n } from '../i18n/i18n';
import { useHousehold, useHouseholdLoans } from '../hooks/useHousehold';
import { can, useSession } from '../session/session';

export function HouseholdPage() {
  const { householdId } = useParams();
  const { t } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const [village, setVillage] = useState<string>();
  const [loanId, setLoanId] = useState<string>();
  const household = useHousehold(householdId);
  // The loan list is open to the roles the policy table grants it; others are not asked (nor shown a 403).
  const seesLoans = can(user, 'loan-officer', 'auditor');
  const loans = useHouseholdLoans(seesLoans ? householdId : undefined);
  // Likewise the register's list by village (GET /households?ou=): a provider or a loan officer finds a household by its id.
  const listsHouseholds = can(user, 'registrar', 'supervisor', 'auditor');
  const open = (id: string) => id && navigate(`/app/households/${encodeURIComponent(id.trim())}`);
  const keys = (record: unknown) => Object.keys((record ?? {}) as object);
  // A withdrawn household accepts nothing further (the API refuses each command): no form is offered for it but a
  // repayment, which its loans still take.
  const enrolled = household.data?.status !== 'Withdrawn';
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('household.title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label={t('household.findById')}
          placeholder={t('household.findById')}
          enterButton={t('common.search')}
          onSearch={open}
          style={{ width: 380 }}
        />
        {listsHouseholds && (
          <OrgUnitPicker
            label={t('household.findByVillage')}
            placeholder={t('household.findByVillage')}
            value={village}
            onChange={setVillage}
            within={user?.ou}
          />
        )}
      </Space>
      {listsHouseholds && village && <VillageHouseholds key={village} ou={village} />}
      <Row gutter={[12, 12]}>
        {householdId && (
          <Col xs={24} xl={14}>
            <Loading remote={household}>{(h) => <HouseholdSummary household={h} />}</Loading>
            {seesLoans && household.data && <Loading remote={loans}>{(l) => <HouseholdLoans {...l} />}</Loading>}
            {household.data && <HouseholdSupport householdId={householdId} />}
          </Col>
        )}
        <Col xs={24} xl={householdId ? 10 : 24}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {!householdId && can(user, 'registrar') && <EnrolForm onEnrolled={({ data }) => open(String(data.householdId))} />}
            {householdId && household.data && (
              <>
                {!enrolled && <Alert type="info" role="status" showIcon message={t('household.withdrawnNoForms')} />}
                {enrolled && can(user, 'registrar', 'provider') && (
                  <NeedForm householdId={householdId} etag={household.data.etag} onDone={household.reload} onStale={household.reload} />
                )}
                {enrolled && can(user, 'provider') && (
                  <ServiceForm
                    householdId={householdId}
                    etag={household.data.etag}
                    onDone={household.reload}
                    onStale={household.reload}
                    needs={keys(household.data.needs)}
                  />
                )}
                {enrolled && can(user, 'provider', 'registrar') && (
                  <SatisfactionForm
                    householdId={householdId}
                    etag={household.data.etag}
                    onDone={household.reload}
                    onStale={household.reload}
                    services={keys(household.data.services)}
                  />
                )}
                {enrolled && can(user, 'loan-officer') && (
                  <LoanForm
                    householdId={householdId}
                    onDone={({ data }) => {
                      setLoanId(String(data.loanId));
                      loans.after(data.position as string | undefined);
                    }}
                  />
                )}
                {can(user, 'loan-officer') && (
                  <RepaymentForm key={loanId} loanId={loanId} onDone={({ data }) => loans.after(data.position as string | undefined)} />
                )}
              </>
            )}
          </Space>
        </Col>
      </Row>
    </>
  );
}
