/**
 * The city's bimonthly bulletin: the six districts side by side, folded from
 * the log up to one position exactly as each district's own bulletin is (./figures.ts, once per district over
 * the same events), with whether each district's bulletin for the bimonth was issued, the districts' ranking
 * from the scorecard the event recorded, the units criticised and the cases city-wide. Layout
 * `city-bulletin-pack/2` says it in the report's words (创建家庭; issued by 市人口计生委) and shows the certified
 * share of enrolled households without judging it against the 60% goal, which counts all households.
 */
import { localDateOf, localMonthOf } from '../calendar';
import type { BulletinScorecard } from '../domain/supervision/events';
import { EventStore } from '../event-store/event-store.port';
import { Position } from '../event-store/position';
import { referenceData } from '../reference-data';
import { referenceNames } from '../reference-data/names';
import { BulletinFigures, bulletinFigures, FIGURE_EVENT_TYPES, LoggedEvent } from './figures';
import { GeneratedBulletin, positionText, readEventsUpTo, render } from './generate';
import { BULLETIN_TARGETS, BulletinPack, BulletinSection, issuedOn, judged, KIND, percent, VISIT } from './pack';
import { cityScorecardSection } from './scorecard-section';

export const CITY_BULLETIN_LAYOUT = 'city-bulletin-pack/2' as const;
export type CityLayout = 'city-bulletin-pack/1' | typeof CITY_BULLETIN_LAYOUT;
export const CITY_LAYOUTS: readonly CityLayout[] = ['city-bulletin-pack/1', CITY_BULLETIN_LAYOUT];
/** Layout 1 keeps its words: bulletins issued under it regenerate to the bytes they were issued as. */
const inReportWords = (layout: CityLayout) => layout === 'city-bulletin-pack/2';

/** What CityBulletinIssued says about the bulletin, beside the figures read from the log. */
export interface CityBulletinHeader {
  bulletinId: string;
  period: string;
  kind: 'progress' | 'criticism';
  units: readonly string[];
  summary: string;
  issuedBy: string;
  issuedAt: string;
  asOf: string;
  layout: CityLayout;
  scorecard: BulletinScorecard | null;
}

export interface CityFigures {
  period: string;
  months: [string, string];
  districts: BulletinFigures[];
  /** Per district, the local date its bulletin for the bimonth was issued (absent: not issued by `asOf`). */
  districtBulletins: Record<string, string>;
}

const CITY_EVENT_TYPES = [...FIGURE_EVENT_TYPES, 'BulletinIssued'];
const CITY_PREFIXES = ['household-', 'case-', 'supervision-'];

export const cityDistricts = () =>
  referenceData
    .unitsAt('district')
    .map((u) => u.code)
    .sort();

/** Every district's figures for the bimonth, from the same events (in log order). */
export function cityFigures(events: readonly LoggedEvent[], period: string, asOfMonth: string): CityFigures {
  const districts = cityDistricts().map((code) => bulletinFigures(events, code, period, asOfMonth));
  const districtBulletins: Record<string, string> = {};
  for (const e of events) {
    if (e.type !== 'BulletinIssued' || e.data.period !== period) continue;
    const code = String(e.data.districtCode);
    const { month, day } = localDateOf(String(e.data.issuedAt));
    districtBulletins[code] ??= `${month}月${day}日签发`;
  }
  return { period, months: districts[0].months, districts, districtBulletins };
}

export async function generateCityBulletin(
  store: EventStore,
  header: Omit<CityBulletinHeader, 'asOf'> & { asOf: Position | undefined },
): Promise<Omit<GeneratedBulletin, 'figures'> & { figures: CityFigures }> {
  const events = await readEventsUpTo(store, { streamPrefixes: CITY_PREFIXES, eventTypes: CITY_EVENT_TYPES }, header.asOf);
  const figures = cityFigures(events, header.period, String(localMonthOf(header.issuedAt)));
  const asOf = positionText(header.asOf);
  const rendered = await render(buildCityPack(figures, { ...header, asOf }));
  return { ...rendered, figures, asOf, eventsRead: events.length };
}

const name = (code: string): string =>
  referenceNames.orgUnit(code)?.name['zh-CN'] ?? referenceNames.catalogue.departments.find((d) => d.code === code)?.name['zh-CN'] ?? code;
const monthName = (month: string) => `${Number(month.slice(4))}月`;

export function buildCityPack(figures: CityFigures, header: CityBulletinHeader): BulletinPack {
  const [first, last] = figures.months.map((m) => Number(m.slice(4)));
  return {
    layout: header.layout,
    title: `${name('640100')}“幸福家庭”创建活动督查通报`,
    subtitle: `全市 · ${header.period.slice(0, 4)}年第${Number(header.period.slice(4, 6))}期（${first}—${last}月）`,
    meta: { bulletinId: header.bulletinId, author: header.issuedBy, issuedAt: header.issuedAt },
    facts: [
      ['通报编号', header.bulletinId],
      ['通报类型', KIND[header.kind]],
      ['签发人', `${header.issuedBy}（${inReportWords(header.layout) ? '市人口计生委' : '市督查办'}）`],
      ['签发时间', issuedOn(header.issuedAt)],
      ['数据截至日志位置', header.asOf],
      ['通报摘要', header.summary],
    ],
    sections: [
      indicators(figures, inReportWords(header.layout)),
      compliance(figures),
      cityScorecardSection(header.scorecard, header.asOf),
      criticised(header),
      cases(figures),
    ],
  };
}

const total = (figures: CityFigures, pick: (f: BulletinFigures) => number) => figures.districts.reduce((s, f) => s + pick(f), 0);

function indicators(figures: CityFigures, reportWords: boolean): BulletinSection {
  const { certificationRate: cr, satisfactionRate: sr } = BULLETIN_TARGETS;
  const row = (label: string, h: BulletinFigures['households'], s: BulletinFigures['services']) => [
    label,
    h.enrolled,
    h.certified,
    reportWords ? percent(h.certified, h.enrolled) : `${percent(h.certified, h.enrolled)} ${judged(h.certified, h.enrolled, cr)}`,
    s.delivered,
    `${percent(s.satisfied, s.validResponses)} ${judged(s.satisfied, s.validResponses, sr)}`,
  ];
  const sum = (pick: (f: BulletinFigures) => number) => total(figures, pick);
  return {
    key: 'indicators',
    title: '一、各县区主要指标完成情况',
    columns: reportWords
      ? ['县区', '创建家庭户数', '认定户数', '认定占比', '服务次数', '满意率']
      : ['县区', '在册户数', '认定户数', '认定率', '服务次数', '满意率'],
    rows: [
      ...figures.districts.map((f) => row(name(f.districtCode), f.households, f.services)),
      row(
        '全市合计',
        { enrolled: sum((f) => f.households.enrolled), certified: sum((f) => f.households.certified) },
        {
          delivered: sum((f) => f.services.delivered),
          satisfied: sum((f) => f.services.satisfied),
          validResponses: sum((f) => f.services.validResponses),
        },
      ),
    ],
    note: reportWords
      ? `户数和认定占比为期末数，服务次数和满意率为本期数。认定占比 = 期末已认定户数 ÷ 期末创建家庭户数，不作评价：“2015年末全市60%以上的家庭”为幸福家庭的目标按全部家庭计算。目标：满意率不低于${sr * 100}%；满意率 = 满意回答数 ÷ 有效回答数。`
      : `户数和认定率为期末数，服务次数和满意率为本期数。目标：认定率不低于${cr * 100}%，满意率不低于${sr * 100}%。认定率 = 期末已认定户数 ÷ 期末在册户数；满意率 = 满意回答数 ÷ 有效回答数。`,
  };
}

function compliance(figures: CityFigures): BulletinSection {
  return {
    key: 'compliance',
    title: '二、各县区督查工作合规情况',
    columns: ['县区', ...figures.months.map((m) => `${monthName(m)}督查走访`), '本期县区通报'],
    rows: figures.districts.map((f) => [
      name(f.districtCode),
      ...f.visits.map((v) => `${v.visits}次 ${VISIT[v.status]}`),
      figures.districtBulletins[f.districtCode] ?? '未签发',
    ]),
    note: '走访须在当月内录入日志：按日志录入时间判定按时或逾期；县区通报按截至本通报数据位置的日志判定。',
  };
}

function criticised(header: CityBulletinHeader): BulletinSection {
  const units = header.kind === 'criticism' ? [...header.units] : [];
  return {
    key: 'criticised',
    title: '四、通报批评单位',
    columns: ['单位代码', '单位名称'],
    rows: units.map((code) => [code, name(code)]),
    note: units.length === 0 ? '本期无通报批评单位。' : undefined,
  };
}

function cases(figures: CityFigures): BulletinSection {
  const row = (label: string, c: Pick<BulletinFigures['cases'], 'opened' | 'escalated' | 'closed' | 'openAtEnd'>) => [
    label,
    c.opened,
    c.escalated,
    c.closed,
    c.openAtEnd,
  ];
  const units = [...new Set(figures.districts.flatMap((f) => f.cases.subjectUnits))].sort();
  const sum = (pick: (c: BulletinFigures['cases']) => number) => total(figures, (f) => pick(f.cases));
  return {
    key: 'cases',
    title: '五、全市问责案件情况',
    columns: ['县区', '本期立案', '本期升级', '本期结案', '期末在办'],
    rows: [
      ...figures.districts.map((f) => row(name(f.districtCode), f.cases)),
      row('全市合计', {
        opened: sum((c) => c.opened),
        escalated: sum((c) => c.escalated),
        closed: sum((c) => c.closed),
        openAtEnd: sum((c) => c.openAtEnd),
      }),
    ],
    note: units.length === 0 ? undefined : `本期立案涉及单位：${units.map(name).join('、')}`,
  };
}
