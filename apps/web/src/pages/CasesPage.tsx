/**
 * The auditor's case list, filtered by district and status (on the API) and by the period of opening
 * (months in the programme's calendar, on the page: the list endpoint has no period filter). A list too long to
 * read to its end says so (CasesCutNotice), since the period is then looked for among the cases read only.
 */
import { Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { CaseList } from '../components/CaseList';
import { CasesCutNotice } from '../components/CasesCutNotice';
import { DistrictSelect } from '../components/DistrictSelect';
import { Loading } from '../components/Loading';
import { ReflectsNote } from '../components/ReflectsNote';
import { useI18n } from '../i18n/i18n';
import { monthIn } from '../calendar/calendar';
import { useCases } from '../hooks/useCases';

/** Whether an opening month falls in a period: 2012, 2012Q1, 201203, 201201B or 201201:201206. */
export function inPeriod(month: string, pe: string): boolean {
  if (!pe) return true;
  const range = pe.split(':');
  if (range.length === 2)
    return month >= range[0].padEnd(6, range[0].length === 4 ? '0' : '') && month <= (range[1].length === 4 ? `${range[1]}12` : range[1]);
  const quarter = /^(\d{4})Q([1-4])$/.exec(pe);
  if (quarter) return month.startsWith(quarter[1]) && Math.ceil(Number(month.slice(4)) / 3) === Number(quarter[2]);
  const bimonth = /^(\d{4})(\d{2})B$/.exec(pe);
  if (bimonth) return month.startsWith(bimonth[1]) && Math.ceil(Number(month.slice(4)) / 2) === Number(bimonth[2]);
  return month.startsWith(pe);
}

export function CasesPage() {
  const { t, timeZone } = useI18n();
  const [district, setDistrict] = useState<string>();
  const [status, setStatus] = useState<string>('');
  const [pe, setPe] = useState('');
  const cases = useCases({ district, status });
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('cases.title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <DistrictSelect label={t('cases.district')} value={district} onChange={setDistrict} allowAll />
        <Select
          aria-label={t('cases.status')}
          value={status}
          onChange={setStatus}
          style={{ width: 140 }}
          options={[
            { value: '', label: t('cases.all') },
            { value: 'Open', label: t('status.Open') },
            { value: 'Closed', label: t('status.Closed') },
          ]}
        />
        <Input
          aria-label={t('cases.period')}
          placeholder={t('cases.periodHint')}
          value={pe}
          onChange={(e) => setPe(e.target.value.trim())}
          style={{ width: 160 }}
        />
        <ReflectsNote reflects={cases.data ? { position: cases.data.position, recordedAt: cases.data.recordedAt } : undefined} />
      </Space>
      <CasesCutNotice listing={cases.data} />
      <Loading remote={cases}>
        {(data) => <CaseList cases={data.cases.filter((c) => inPeriod(monthIn(timeZone, c.openedAt), pe))} />}
      </Loading>
    </>
  );
}
