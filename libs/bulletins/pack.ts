/**
 * The bulletin pack's content: a header and a list of sections, each a small table with its Chinese
 * title, which the PDF and the Excel renderers lay out the same way. Everything here is a function of the
 * figures and the event: layout `bulletin-pack/1` says there is no scorecard; `bulletin-pack/2` prints the
 * scorecard lines the event recorded (./scorecard-section.ts); `bulletin-pack/3` says it in the report's words
 * (督导员, 创建家庭) and no longer judges certified ÷ enrolled households against the 60% goal, which counts all
 * the city's households (the indicator certification-goal), a figure the log alone does not hold.
 */
import { localDateOf } from '../calendar';
import type { BulletinScorecard } from '../domain/supervision/events';
import { referenceNames } from '../reference-data/names';
import { BulletinFigures, VisitStatus } from './figures';
import { districtScorecardSection } from './scorecard-section';
import type { BulletinSection, Cell } from './section';

/** The layouts still generated: a changed layout is a new name, so bulletins issued under an old one regenerate. */
export const BULLETIN_LAYOUTS = [
  'bulletin-pack/1',
  'bulletin-pack/2',
  'bulletin-pack/3',
  'city-bulletin-pack/1',
  'city-bulletin-pack/2',
] as const;
export type BulletinLayout = (typeof BULLETIN_LAYOUTS)[number];
/** The layout a district's bulletin is issued under now. */
export const BULLETIN_LAYOUT = 'bulletin-pack/3' as const;
export type DistrictLayout = 'bulletin-pack/1' | 'bulletin-pack/2' | 'bulletin-pack/3';
export const DISTRICT_LAYOUTS: readonly DistrictLayout[] = ['bulletin-pack/1', 'bulletin-pack/2', 'bulletin-pack/3'];
/** Layouts 1 and 2 keep their words: bulletins issued under them regenerate to the bytes they were issued as. */
const inReportWords = (layout: DistrictLayout) => layout === 'bulletin-pack/3';

export type { BulletinSection, Cell } from './section';

/** What the BulletinIssued event says about the bulletin, beside the figures read from the log. */
export interface BulletinHeader {
  bulletinId: string;
  districtCode: string;
  period: string;
  kind: 'progress' | 'criticism';
  units: readonly string[];
  summary: string;
  supervisorId: string;
  /** ISO-8601 UTC: the bulletin's issuedAt, also the documents' creation date. */
  issuedAt: string;
  /** The log position the figures were read at (text form). */
  asOf: string;
  layout: DistrictLayout;
  /** The scorecard the event recorded (null in layout 1, which prints none). */
  scorecard: BulletinScorecard | null;
}

export interface BulletinPack {
  layout: BulletinLayout;
  title: string;
  subtitle: string;
  /** The documents' properties: id, author, and the only date they carry. */
  meta: { bulletinId: string; author: string; issuedAt: string };
  /** Label and value pairs printed under the title. */
  facts: [string, string][];
  sections: BulletinSection[];
}

/**
 * The programme's targets the bulletin judges against, as the indicator catalogue states them
 * (projections' certification-rate and satisfaction-rate; a test holds the two equal).
 */
export const BULLETIN_TARGETS = { certificationRate: 0.6, satisfactionRate: 0.9 } as const;

export const KIND = { progress: '进展通报', criticism: '通报批评' } as const;
export const VISIT = { 'on-time': '按时', late: '逾期', missing: '缺失', pending: '未到期' } satisfies Record<VisitStatus, string>;

export const unitName = (code: string): string => referenceNames.orgUnit(code)?.name['zh-CN'] ?? code;

export function buildPack(figures: BulletinFigures, header: BulletinHeader): BulletinPack {
  const district = unitName(header.districtCode);
  const year = header.period.slice(0, 4);
  const [first, last] = figures.months.map((m) => Number(m.slice(4)));
  return {
    layout: header.layout,
    title: `${unitName('640100')}“幸福家庭”创建活动督查通报`,
    subtitle: `${district} · ${year}年第${Number(header.period.slice(4, 6))}期（${first}—${last}月）`,
    meta: { bulletinId: header.bulletinId, author: header.supervisorId, issuedAt: header.issuedAt },
    facts: [
      ['通报编号', header.bulletinId],
      ['通报类型', KIND[header.kind]],
      [inReportWords(header.layout) ? '督导员' : '督查员', header.supervisorId],
      ['签发时间', issuedOn(header.issuedAt)],
      ['数据截至日志位置', header.asOf],
      ['通报摘要', header.summary],
    ],
    sections: [
      indicatorSection(figures, inReportWords(header.layout)),
      complianceSection(figures),
      header.layout === 'bulletin-pack/1' ? noScorecard() : districtScorecardSection(header.scorecard, header.districtCode, header.asOf),
      criticisedSection(header),
      caseSection(figures),
    ],
  };
}

export const percent = (numerator: number, denominator: number) =>
  denominator === 0 ? '无数据' : `${((numerator / denominator) * 100).toFixed(1)}%`;
export const judged = (numerator: number, denominator: number, target: number) =>
  denominator === 0 ? '无数据' : numerator / denominator >= target ? '达标' : '未达标';

function indicatorSection({ households: h, services: s }: BulletinFigures, reportWords: boolean): BulletinSection {
  const { satisfactionRate: sr } = BULLETIN_TARGETS;
  const households = reportWords ? householdsInReportWords(h) : householdsAsIssued(h);
  return {
    key: 'indicators',
    title: '一、主要指标完成情况',
    columns: ['指标', '本期数值', '目标', '评价'],
    rows: [
      ...households.rows,
      ['服务次数（本期）', s.delivered, '—', '—'],
      ['服务满意率（本期）', percent(s.satisfied, s.validResponses), `不低于${sr * 100}%`, judged(s.satisfied, s.validResponses, sr)],
    ],
    note: `${households.note}满意率 = 满意回答数 ÷ 有效回答数（不含未作答）。`,
  };
}

type Households = BulletinFigures['households'];

/** Layouts 1 and 2, as issued: certified ÷ enrolled ("在册") judged against the 60% goal. */
function householdsAsIssued(h: Households): { rows: Cell[][]; note: string } {
  const cr = BULLETIN_TARGETS.certificationRate;
  return {
    rows: [
      ['在册家庭户数（期末）', h.enrolled, '—', '—'],
      ['已认定幸福家庭户数（期末）', h.certified, '—', '—'],
      ['幸福家庭认定率（期末）', percent(h.certified, h.enrolled), `不低于${cr * 100}%`, judged(h.certified, h.enrolled, cr)],
    ],
    note: '认定率 = 期末已认定户数 ÷ 期末在册户数；',
  };
}

/**
 * In the report's words: 创建家庭 are the households the campaign enrolled ("2012年全市共确定创建家庭70200户"), and
 * the share of them certified is shown but not judged, since the 60% goal is of all households.
 */
function householdsInReportWords(h: Households): { rows: Cell[][]; note: string } {
  return {
    rows: [
      ['创建家庭户数（期末）', h.enrolled, '—', '—'],
      ['已认定幸福家庭户数（期末）', h.certified, '—', '—'],
      ['创建家庭中幸福家庭占比（期末）', percent(h.certified, h.enrolled), '—', '—'],
    ],
    note: '占比 = 期末已认定户数 ÷ 期末创建家庭户数；“2015年末全市60%以上的家庭”为幸福家庭的目标按全部家庭计算，不以此占比评价。',
  };
}

function complianceSection(figures: BulletinFigures): BulletinSection {
  return {
    key: 'compliance',
    title: '二、督查工作合规情况',
    columns: ['月份', '督查走访次数', '状态'],
    rows: figures.visits.map((v) => [`${v.month.slice(0, 4)}年${Number(v.month.slice(4))}月`, v.visits, VISIT[v.status]]),
    note: '走访须在当月内录入日志：按日志录入时间判定按时或逾期。',
  };
}

function noScorecard(): BulletinSection {
  return { key: 'scorecard', title: '三、考核评分', columns: [], rows: [], note: '本期无考核评分：考核方案尚未发布。' };
}

export function criticisedSection(header: Pick<BulletinHeader, 'kind' | 'units'>): BulletinSection {
  const criticised = header.kind === 'criticism' ? [...header.units] : [];
  return {
    key: 'criticised',
    title: '四、通报批评单位',
    columns: ['单位代码', '单位名称'],
    rows: criticised.map((code) => [code, unitName(code)]),
    note: criticised.length === 0 ? '本期无通报批评单位。' : undefined,
  };
}

function caseSection({ cases }: BulletinFigures): BulletinSection {
  return {
    key: 'cases',
    title: '五、问责案件情况',
    columns: ['项目', '件数'],
    rows: [
      ['本期立案', cases.opened],
      ['本期升级', cases.escalated],
      ['本期结案', cases.closed],
      ['期末在办', cases.openAtEnd],
    ],
    note: cases.subjectUnits.length === 0 ? undefined : `本期立案涉及单位：${cases.subjectUnits.map(unitName).join('、')}`,
  };
}

/** `2012年3月2日（2012-03-02T00:00:00.000Z）`: the programme calendar's day, and the instant as recorded. */
export function issuedOn(iso: string): string {
  const { year, month, day } = localDateOf(iso);
  return `${year}年${month}月${day}日（${iso}）`;
}
