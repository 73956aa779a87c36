/** The analyst's dashboard: targets, charts and any indicator as a table, for an org unit and period. */
import { Alert, Space, Typography } from 'antd';
import { useState } from 'react';
import { DashboardCharts } from '../charts/DashboardCharts';
import { IndicatorTable } from '../components/IndicatorTable';
import { Loading } from '../components/Loading';
import { OrgUnitPicker } from '../components/OrgUnitPicker';
import { isPeriodCode } from '../components/period-code';
import { PeriodPicker } from '../components/PeriodPicker';
import { TargetTiles } from '../components/TargetTiles';
import { useAfterShown } from '../components/after-shown';
import { useReportShown } from '../components/opening-shown';
import { useI18n } from '../i18n/i18n';
import { useTargets } from '../hooks/useTargets';
import { useSession } from '../session/session';
import { FIRST_PERIOD, firstOrgUnit } from './dashboard-reads.mts';

export function DashboardPage() {
  const { t, period } = useI18n();
  const { user } = useSession();
  const [ou, setOu] = useState(() => firstOrgUnit(user));
  // What is typed, and the last whole period in it: the figures follow the latter, never a code typed halfway.
  const [typed, setTyped] = useState(FIRST_PERIOD);
  const [pe, setPe] = useState(FIRST_PERIOD);
  const choosePeriod = (code: string) => {
    setTyped(code);
    if (isPeriodCode(code)) setPe(code);
  };
  const targets = useTargets(ou, pe);
  // The tiles first (the figures the page opens for); the pickers, charts and table once they are shown.
  useReportShown(!targets.loading);
  const rest = useAfterShown(!targets.loading);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('dashboard.title')}
      </Typography.Title>
      {/* The pickers' height kept while they wait, so the tiles do not move when they come. */}
      <div style={{ minHeight: 44 }}>
        {rest && (
          <Space wrap style={{ marginBottom: 12 }}>
            <label htmlFor="ou-picker">{t('dashboard.orgUnit')}</label>
            <OrgUnitPicker id="ou-picker" value={ou} onChange={setOu} within={user?.ou} />
            <span>{t('dashboard.period')}</span>
            <PeriodPicker value={typed} onChange={choosePeriod} invalid={typed !== pe} />
          </Space>
        )}
        {typed !== pe && (
          <Alert
            type="warning"
            role="alert"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('dashboard.periodUnread', { period: period(pe) })}
          />
        )}
      </div>
      <Loading remote={targets}>{(tiles) => <TargetTiles tiles={tiles} />}</Loading>
      {rest && <DashboardCharts ou={ou} pe={pe} />}
      {rest && <IndicatorTable ou={ou} pe={pe} />}
    </>
  );
}
