/** Any indicator as a table by the dimensions it offers, with CSV (the API's) and Excel downloads. */
import { Button, Card, Select, Space, Table } from 'antd';
import { useMemo, useState } from 'react';
import { MessageKey, useI18n } from '../i18n/i18n';
import { IndicatorInfo, Row } from '../hooks/types';
import { indicatorPath, useIndicator, useIndicatorCatalogue } from '../hooks/useIndicator';
import { useOrgUnits, useReferenceData } from '../hooks/useReference';
import { dimensionLabel } from '../charts/labels';
import { chineseSheetName, downloadCsv, downloadXlsx } from './download';
import { Loading, ProblemAlert } from './Loading';
import { useFailure } from '../hooks/useFailure';
import { FIRST_TABLE_INDICATOR, tableQuery } from '../pages/dashboard-reads.mts';
import { sheetColumns } from './indicator-sheet';
import { ReflectsNote } from './ReflectsNote';
import { SuppressedValue } from './SuppressedValue';

const BASE = ['orgUnit', 'orgUnitName', 'period'];
const MEASURES = ['numerator', 'denominator', 'value'];

export function IndicatorTable({ ou, pe }: { ou: string; pe: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { failure, run } = useFailure();
  const catalogue = useIndicatorCatalogue();
  const reference = useReferenceData().data;
  const units = useOrgUnits().data ?? [];
  const [name, setName] = useState(FIRST_TABLE_INDICATOR);
  const [by, setBy] = useState<string[]>([]);
  const info: IndicatorInfo | undefined = catalogue.data?.find((i) => i.name === name);
  const query = tableQuery(ou, pe, by);
  const answer = useIndicator(name, query);
  // The catalogue's own title where this app has no name for a newer indicator.
  const indicatorTitle = (i: IndicatorInfo) => (i18n.has(`indicator.${i.name}`) ? t(`indicator.${i.name}` as MessageKey) : i.title);
  const columns = useMemo(() => [...BASE, ...by, ...MEASURES], [by]);
  const render = (field: string) => (value: Row[string], row: Row) => {
    if (row.suppressed && value === null) return <SuppressedValue />;
    if (by.includes(field)) return dimensionLabel(i18n, reference, field, String(value));
    if (field === 'period' && typeof value === 'string') return <span title={value}>{i18n.period(value)}</span>;
    if (field === 'orgUnitName') return i18n.name(units.find((unit) => unit.code === row.orgUnit)?.name, String(value ?? row.orgUnit));
    if (typeof value === 'number')
      return info?.unit === 'fen' && field !== 'denominator'
        ? i18n.yuan(value)
        : info?.unit === 'proportion' && field === 'value'
          ? i18n.percent(value)
          : i18n.number(value);
    return value === null || value === undefined ? '—' : String(value);
  };
  return (
    <Card
      size="small"
      style={{ marginTop: 12 }}
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('table.title')}</h2>}
      extra={<ReflectsNote reflects={answer.data?.reflects} />}
    >
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          aria-label={t('table.indicator')}
          value={name}
          style={{ width: 240 }}
          // A score of indicators, more than the list shows at once: found by typing part of the name.
          showSearch
          optionFilterProp="label"
          onChange={(next) => {
            setName(next);
            setBy([]);
          }}
          options={(catalogue.data ?? []).map((i) => ({ value: i.name, label: indicatorTitle(i) }))}
        />
        <Select
          mode="multiple"
          aria-label={t('table.by')}
          placeholder={t('table.by')}
          value={by}
          onChange={setBy}
          style={{ minWidth: 200 }}
          options={(info?.dimensions ?? []).map((d) => ({ value: d, label: i18n.word('col', d) }))}
        />
        <Button onClick={() => void run(() => downloadCsv(indicatorPath(name, query), `${name}.csv`))}>{t('table.csv')}</Button>
        <Button
          disabled={!answer.data}
          onClick={() =>
            answer.data &&
            void run(() =>
              downloadXlsx(
                sheetColumns(columns, by, info?.unit, reference, units),
                answer.data!.rows,
                `${name}.xlsx`,
                chineseSheetName(name),
              ),
            )
          }
        >
          {t('table.xlsx')}
        </Button>
      </Space>
      {failure && <ProblemAlert error={failure} />}
      <Loading remote={answer}>
        {(data) => (
          <div className="scroll-x">
            <Table<Row>
              size="small"
              rowKey={(_, index) => String(index)}
              dataSource={data.rows}
              pagination={{ pageSize: 20 }}
              columns={columns.map((field) => ({ key: field, dataIndex: field, title: i18n.word('col', field), render: render(field) }))}
            />
          </div>
        )}
      </Loading>
    </Card>
  );
}
