/**
 * The scorecard as the bulletins print it, from the lines BulletinIssued / CityBulletinIssued recorded when
 * the bulletin was issued (never recomputed: scores come from read models, not from the log as of `asOf`).
 * A district's bulletin prints its own rank, total, change and component lines; the city's, the ranking.
 * The Chinese names of components are the layout's wording: changing one is a new layout.
 */
import { LINE_NAMES, Line } from '../assessment/scheme';
import type { BulletinScoreComponent, BulletinScorecard, BulletinScoreRow } from '../domain/supervision/events';
import { referenceNames } from '../reference-data/names';
import type { BulletinSection } from './section';

/** What each measure is called in a bulletin; a measure not listed is printed by its component key. */
const MEASURE_NAMES: Readonly<Record<string, string>> = {
  'supervision-compliance': '督查走访及通报按时率',
  'responsibilities-due': '到期责任分解到人',
  'cases-overdue': '逾期未整改案件',
  'cases-opened': '新立问责案件',
  'cases-open': '在办问责案件',
  'indicator:certification-rate': '幸福家庭认定率',
  'indicator:pilot-village-coverage': '试点村覆盖率',
  'indicator:needs-met-rate': '家庭需求满足率',
  'indicator:satisfaction-rate': '服务满意率',
  'indicator:activities-held': '开展创建活动次数',
  'indicator:services-delivered': '服务次数',
  // Scheme version 2's corrections (docs/assessment.md): names only a bulletin scored under it prints.
  'indicator:certification-goal': '幸福家庭占全部家庭比例',
  'pilot-townships': '试点村达标乡镇(街道)比例',
  'rectifications-on-time': '整改按期完成率',
};

const districtName = (code: string) => referenceNames.orgUnit(code)?.name['zh-CN'] ?? code;
const lineName = (line: string) => LINE_NAMES[line as Line]?.['zh-CN'] ?? line;
const points = (n: number) => n.toFixed(2);
const signed = (n: number) => `${n > 0 ? '+' : ''}${n.toFixed(2)}`;
const bimonthName = (period: string) => `${period.slice(0, 4)}年第${Number(period.slice(4, 6))}期`;

function reading(c: Pick<BulletinScoreComponent, 'unit'>, n: number | null): string {
  if (n === null) return '无数据';
  return c.unit === 'proportion' ? `${(n * 100).toFixed(1)}%` : String(Math.round(n * 100) / 100);
}

function rankMove(change: NonNullable<BulletinScoreRow['change']>): string {
  const places = change.rankChange > 0 ? `升${change.rankChange}位` : change.rankChange < 0 ? `降${-change.rankChange}位` : '名次持平';
  return `${signed(change.totalChange)}，${places}`;
}

function lineTotals(row: BulletinScoreRow): Map<string, number> {
  const totals = new Map<string, number>();
  for (const c of row.components) totals.set(c.line, Math.round(((totals.get(c.line) ?? 0) + c.points) * 100) / 100);
  return totals;
}

/** Why there are no scores, or undefined when there are. */
function noScores(card: BulletinScorecard | null): string | undefined {
  if (card === null) return '本期无考核评分：签发时未记录考核评分。';
  if (card.version === null || card.rows.length === 0)
    return `本期无考核评分：考核方案 ${card.scheme} 在${bimonthName(card.period)}尚未施行。`;
  return undefined;
}

const basis = (card: BulletinScorecard, asOf: string) =>
  `按考核方案 ${card.scheme} 第${card.version}版计分，于签发时（${card.scoredAt}）由各读模型计算（均已反映日志位置 ${asOf} 及以前的事件），评分明细记入通报事件，重新生成时照录。`;

/** Section 三 of a district's bulletin: its rank, total, change and every component line. */
export function districtScorecardSection(card: BulletinScorecard | null, districtCode: string, asOf: string): BulletinSection {
  const title = '三、考核评分';
  const row = card?.rows.find((r) => r.unit === districtCode);
  const none = noScores(card) ?? (row ? undefined : '本期无考核评分：本县区未参加排名。');
  if (none !== undefined || !card || !row) return { key: 'scorecard', title, columns: [], rows: [], note: none };
  const weight = row.components.reduce((s, c) => s + c.weight, 0);
  const change = row.change
    ? `较上期（${bimonthName(row.change.period)}，${points(row.change.total)}分，第${row.change.rank}名）${rankMove(row.change)}`
    : '上期未评分';
  return {
    key: 'scorecard',
    title,
    columns: ['考核项', '考核线', '本期数值', '目标', '分值', '得分'],
    rows: [
      ...row.components.map((c) => [
        MEASURE_NAMES[c.measure] ?? c.key,
        lineName(c.line),
        reading(c, c.value),
        reading(c, c.target),
        c.weight,
        points(c.points),
      ]),
      ['合计', '—', '—', '—', weight, points(row.total)],
    ],
    note: `本期得分 ${points(row.total)} 分，在全市${card.rows.length}个县区中排名第${row.rank}位；${change}。${basis(card, asOf)}`,
  };
}

/** Section 三 of the city's bulletin: every district ranked, with its lines' points and its change. */
export function cityScorecardSection(card: BulletinScorecard | null, asOf: string): BulletinSection {
  const title = '三、县区考核评分排名';
  const none = noScores(card);
  if (none !== undefined || !card) return { key: 'scorecard', title, columns: [], rows: [], note: none };
  const lines = [...new Set(card.rows.flatMap((r) => r.components.map((c) => c.line)))];
  return {
    key: 'scorecard',
    title,
    columns: ['名次', '县区', '总分', ...lines.map(lineName), '较上期'],
    rows: card.rows.map((row) => {
      const totals = lineTotals(row);
      return [
        `第${row.rank}名`,
        districtName(row.unit),
        points(row.total),
        ...lines.map((l) => points(totals.get(l) ?? 0)),
        row.change ? rankMove(row.change) : '—',
      ];
    }),
    note: basis(card, asOf),
  };
}
