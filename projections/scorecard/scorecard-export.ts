/**
 * The scorecard as files: CSV (one line per unit and component, so every point can be traced) and an Excel
 * workbook with Chinese headers (a ranking sheet, and the same lines as the CSV). The workbook's dates are
 * the scorecard's asOf, never the time it was made, so the same scorecard gives the same cells.
 */
import ExcelJS from 'exceljs';
import { LINE_NAMES, LINES } from '@libs/assessment';
import { Scorecard } from './scorecard';

const DETAIL = [
  ['rank', '排名'],
  ['unit', '单位代码'],
  ['unitName', '单位'],
  ['total', '总分'],
  ['line', '考核线'],
  ['component', '考核项'],
  ['measure', '指标'],
  ['rule', '计分规则'],
  ['weight', '权重'],
  ['target', '目标值'],
  ['value', '实际值'],
  ['points', '得分'],
] as const;

type DetailRow = Record<(typeof DETAIL)[number][0], string | number | null>;

function detailRows(card: Scorecard): DetailRow[] {
  return card.rows.flatMap((row) =>
    row.components.map((c) => ({
      rank: row.rank,
      unit: row.unit,
      unitName: row.unitName['zh-CN'],
      total: row.total,
      line: c.line,
      component: c.key,
      measure: c.measure,
      rule: c.rule,
      weight: c.weight,
      target: c.target,
      value: c.value,
      points: c.points,
    })),
  );
}

export function scorecardFilename(card: Scorecard, extension: 'csv' | 'xlsx'): string {
  return `scores_${card.level}_${card.period}_${card.scheme}${card.version === null ? '' : `-v${card.version}`}.${extension}`;
}

/**
 * Starts with a UTF-8 byte-order mark: the unit names are Chinese, and Excel opens a CSV without one in the
 * system's code page (GBK on a Chinese Windows), garbling them. The indicator CSVs are ASCII and need none.
 */
export function scorecardCsv(card: Scorecard): string {
  const lines = detailRows(card).map((row) => DETAIL.map(([key]) => csvCell(row[key])).join(','));
  return '\uFEFF' + [DETAIL.map(([key]) => key).join(','), ...lines].join('\n') + '\n';
}

export async function scorecardXlsx(card: Scorecard): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'family-ledger';
  workbook.created = workbook.modified = new Date(card.asOf);
  const lines = LINES.filter((line) => card.rows.some((row) => row.lines[line] !== undefined));
  const ranking = workbook.addWorksheet('排名');
  ranking.columns = [
    { header: '排名', key: 'rank', width: 8 },
    { header: '单位代码', key: 'unit', width: 14 },
    { header: '单位', key: 'unitName', width: 24 },
    { header: '总分', key: 'total', width: 10 },
    ...lines.map((line) => ({ header: LINE_NAMES[line]['zh-CN'], key: line, width: 10 })),
    { header: '上期', key: 'previous', width: 10 },
    { header: '分数变化', key: 'totalChange', width: 10 },
    { header: '名次变化', key: 'rankChange', width: 10 },
  ];
  for (const row of card.rows)
    ranking.addRow({
      rank: row.rank,
      unit: row.unit,
      unitName: row.unitName['zh-CN'],
      total: row.total,
      ...row.lines,
      previous: row.change?.total ?? null,
      totalChange: row.change?.totalChange ?? null,
      rankChange: row.change?.rankChange ?? null,
    });
  const detail = workbook.addWorksheet('明细');
  detail.columns = DETAIL.map(([key, header]) => ({ header, key, width: Math.max(10, header.length * 3) }));
  for (const row of detailRows(card)) detail.addRow({ ...row, line: LINE_NAMES[row.line as keyof typeof LINE_NAMES]['zh-CN'] });
  for (const sheet of [ranking, detail]) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
