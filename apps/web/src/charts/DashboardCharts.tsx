/**
 * The analyst's four charts for an org unit and period: households by category, the monthly trend of the
 * period's year, satisfaction with its 95% interval, and loan principal by programme and borrower group.
 */
import { Card, Col, Row } from 'antd';
import { Loading } from '../components/Loading';
import { ReflectsNote } from '../components/ReflectsNote';
import { useI18n } from '../i18n/i18n';
import { IndicatorAnswer, Row as DataRow } from '../hooks/types';
import { useIndicator } from '../hooks/useIndicator';
import { useOrgUnits, useReferenceData } from '../hooks/useReference';
import { dimensionLabel } from './labels';
import { EChart } from './EChart';
import { chartReads, monthsOf } from '../pages/dashboard-reads.mts';
import { monthlyPoints } from './chart-points';

const num = (row: DataRow, field: string) => (typeof row[field] === 'number' ? (row[field] as number) : null);

function ChartCard({
  title,
  answer,
  children,
}: {
  title: string;
  answer: { data?: IndicatorAnswer; error?: Error; loading: boolean };
  children: (data: IndicatorAnswer) => React.ReactNode;
}) {
  return (
    <Col xs={24} lg={12}>
      <Card
        size="small"
        title={<h2 style={{ fontSize: 15, margin: 0 }}>{title}</h2>}
        extra={<ReflectsNote reflects={answer.data?.reflects} />}
      >
        <Loading remote={answer}>{children}</Loading>
      </Card>
    </Col>
  );
}

export function DashboardCharts({ ou, pe }: { ou: string; pe: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const reference = useReferenceData().data;
  const months = monthsOf(pe);
  const reads = chartReads(ou, pe);
  const byCategory = useIndicator(reads.byCategory.name, reads.byCategory.query);
  const trend = useIndicator(reads.trend.name, reads.trend.query);
  const satisfaction = useIndicator(reads.satisfaction.name, reads.satisfaction.query);
  const loans = useIndicator(reads.loans.name, reads.loans.query);
  // A withheld cell's place on the axis says so: its gap is not a zero.
  const withheld = (label: string, suppressed: boolean) => (suppressed ? t('chart.withheld', { label }) : label);
  return (
    <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
      <ChartCard title={t('chart.byCategory')} answer={byCategory}>
        {(data) => (
          <EChart
            label={t('chart.byCategory')}
            option={{
              tooltip: {},
              xAxis: {
                type: 'category',
                data: data.rows.map((r) =>
                  withheld(dimensionLabel(i18n, reference, 'category', String(r.category)), r.suppressed === true),
                ),
              },
              yAxis: { type: 'value', name: t('chart.households') },
              series: [{ type: 'bar', data: data.rows.map((r) => num(r, 'numerator')) }],
            }}
          />
        )}
      </ChartCard>
      <ChartCard title={t('chart.trend')} answer={trend}>
        {(data) => {
          const points = monthlyPoints(months, data.rows);
          return (
            <EChart
              label={t('chart.trend')}
              option={{
                tooltip: { trigger: 'axis' },
                xAxis: { type: 'category', data: months.map((m, index) => withheld(i18n.period(m), points[index].suppressed)) },
                yAxis: { type: 'value', name: t('chart.households') },
                series: [{ type: 'line', connectNulls: false, data: points.map((point) => point.value) }],
              }}
            />
          );
        }}
      </ChartCard>
      <ChartCard title={t('chart.satisfaction')} answer={satisfaction}>
        {(data) => <SatisfactionChart rows={data.rows} />}
      </ChartCard>
      <ChartCard title={t('chart.loans')} answer={loans}>
        {(data) => {
          const groups = [...new Set(data.rows.map((r) => String(r.borrowerGroup)))];
          const programmes = [...new Set(data.rows.map((r) => String(r.programme)))];
          return (
            <EChart
              label={t('chart.loans')}
              option={{
                tooltip: {},
                legend: {},
                xAxis: { type: 'category', data: programmes.map((p) => dimensionLabel(i18n, reference, 'programme', p)) },
                yAxis: { type: 'value', name: t('chart.principal') },
                series: groups.map((group) => ({
                  type: 'bar',
                  stack: 'loans',
                  name: dimensionLabel(i18n, reference, 'borrowerGroup', group),
                  data: programmes.map((p) => {
                    const row = data.rows.find((r) => r.programme === p && r.borrowerGroup === group);
                    return row && num(row, 'numerator') !== null ? (num(row, 'numerator') as number) / 100 : null;
                  }),
                })),
              }}
            />
          );
        }}
      </ChartCard>
    </Row>
  );
}

/** Each unit's rate as a point with its Wilson 95% interval drawn as a whisker, and the 90% target line. */
function SatisfactionChart({ rows }: { rows: DataRow[] }) {
  const { t, name } = useI18n();
  const units = useOrgUnits().data ?? [];
  const shown = rows.filter((row) => !row.suppressed);
  const labels = shown.map((row) => name(units.find((unit) => unit.code === row.orgUnit)?.name, String(row.orgUnitName ?? row.orgUnit)));
  const interval = (row: DataRow) => (row.interval && typeof row.interval === 'object' ? row.interval : null);
  return (
    <EChart
      label={t('chart.satisfaction')}
      option={{
        tooltip: {},
        xAxis: { type: 'category', data: labels },
        yAxis: { type: 'value', min: 0, max: 1, name: t('chart.rate') },
        series: [
          {
            type: 'scatter',
            name: t('chart.rate'),
            data: shown.map((row) => num(row, 'value')),
            markLine: { data: [{ yAxis: 0.9, name: t('chart.target') }], label: { formatter: t('chart.target') } },
          },
          {
            type: 'custom',
            name: t('chart.interval'),
            data: shown.map((row, index) => [index, interval(row)?.lower ?? null, interval(row)?.upper ?? null]),
            renderItem: (_params, api) => {
              const low = api.coord([api.value(0), api.value(1)]);
              const high = api.coord([api.value(0), api.value(2)]);
              return {
                type: 'group',
                children: [
                  { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style: { stroke: '#555', lineWidth: 1.5 } },
                  { type: 'line', shape: { x1: low[0] - 6, y1: low[1], x2: low[0] + 6, y2: low[1] }, style: { stroke: '#555' } },
                  { type: 'line', shape: { x1: high[0] - 6, y1: high[1], x2: high[0] + 6, y2: high[1] }, style: { stroke: '#555' } },
                ],
              };
            },
          },
        ],
      }}
    />
  );
}
