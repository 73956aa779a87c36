import { BulletinScorecard } from '../domain/supervision/events';
import { buildCityPack, cityFigures, CityBulletinHeader } from './city';
import { LoggedEvent } from './figures';
import { bulletinFont } from './font';
import { sha256 } from './generate';
import { BulletinHeader, BulletinPack, buildPack } from './pack';
import { bulletinFigures } from './figures';
import { pdfText } from './pdf-text';
import { renderPdf } from './pdf';
import { renderXlsx } from './xlsx';

const fontkit = require('fontkit') as { create(font: Buffer): { hasGlyphForCodePoint(codePoint: number): boolean } };

let n = 0;
const ev = (stream: string, type: string, data: Record<string, unknown>, at: string): LoggedEvent => ({
  stream,
  type,
  data: { ...data, n: n++ },
  metadata: { occurredAt: at },
  recordedAt: at,
});

// Jan-Feb 2012: Xingqing (640104) has two households, one certified; Xixia (640105) one, certified.
const log: LoggedEvent[] = [
  ev('household-a', 'HouseholdEnrolled', { villageCode: '640104001001' }, '2012-01-10T02:00:00Z'),
  ev('household-b', 'HouseholdEnrolled', { villageCode: '640104001002' }, '2012-01-11T02:00:00Z'),
  ev('household-c', 'HouseholdEnrolled', { villageCode: '640105001001' }, '2012-01-12T02:00:00Z'),
  ev('household-a', 'HouseholdCertified', {}, '2012-02-01T02:00:00Z'),
  ev('household-c', 'HouseholdCertified', {}, '2012-02-01T02:00:00Z'),
  ev('supervision-640105', 'SupervisionVisitRecorded', { districtCode: '640105', month: '201201' }, '2012-01-20T02:00:00Z'),
  ev('case-1', 'CaseOpened', { districtCode: '640104', subjectUnit: '640104001' }, '2012-01-15T02:00:00Z'),
  ev('case-2', 'CaseOpened', { districtCode: '640105', subjectUnit: '640105001' }, '2012-02-15T02:00:00Z'),
  ev('case-2', 'CaseClosed', {}, '2012-02-20T02:00:00Z'),
  ev(
    'supervision-640105',
    'BulletinIssued',
    { districtCode: '640105', period: '201201B', issuedAt: '2012-03-02T02:00:00Z' },
    '2012-03-02T02:00:00Z',
  ),
];

// Worked by hand under two components: certification (linear, weight 20, target 60%) and cases opened
// (penalty 2 a case, weight 10). Xingqing: 50% → 16.67, one case → 8: 24.67. Xixia: 100% → 20, one case → 8: 28.
const component = (measure: string, value: number, points: number) =>
  measure === 'cases-opened'
    ? { key: 'cases-opened', line: 'party-government', measure, unit: 'count' as const, weight: 10, target: 0, value, points }
    : { key: 'certification', line: 'family-planning', measure, unit: 'proportion' as const, weight: 20, target: 0.6, value, points };
const scorecard: BulletinScorecard = {
  scheme: 'happy-family',
  version: 1,
  period: '201201B',
  previousPeriod: '201106B',
  scoredAt: '2012-03-05T02:00:00.000Z',
  reflects: [{ readModel: 'category-counts', position: '4194304' }],
  rows: [
    {
      unit: '640105',
      rank: 1,
      total: 28,
      change: null,
      components: [component('cases-opened', 1, 8), component('indicator:certification-rate', 1, 20)],
    },
    {
      unit: '640104',
      rank: 2,
      total: 24.67,
      change: { period: '201106B', total: 30, rank: 1, totalChange: -5.33, rankChange: -1 },
      components: [component('cases-opened', 1, 8), component('indicator:certification-rate', 0.5, 16.67)],
    },
  ],
};

const districtHeader: BulletinHeader = {
  bulletinId: 'b-2',
  districtCode: '640104',
  period: '201201B',
  kind: 'progress',
  units: [],
  summary: '进度',
  supervisorId: 'sup-wang',
  issuedAt: '2012-03-05T02:00:00.000Z',
  asOf: '4194304',
  layout: 'bulletin-pack/2',
  scorecard,
};

const cityHeader: CityBulletinHeader = {
  bulletinId: 'c-1',
  period: '201201B',
  kind: 'criticism',
  units: ['640104', 'civil-affairs'],
  summary: '兴庆区认定进度滞后',
  issuedBy: 'city-office-1',
  issuedAt: '2012-03-05T02:00:00.000Z',
  asOf: '4194304',
  layout: 'city-bulletin-pack/1',
  scorecard,
};

const printed = (pack: BulletinPack) =>
  [
    pack.title,
    pack.subtitle,
    ...pack.facts.flat(),
    ...pack.sections.flatMap((s) => [s.title, s.note ?? '', ...s.columns, ...s.rows.flat()]),
  ]
    .map(String)
    .join('');

describe("a district's bulletin under layout 2", () => {
  const pack = buildPack(bulletinFigures(log, '640104', '201201B', '201203'), districtHeader);

  it('prints the scorecard the event recorded: rank, total, change and every component line', async () => {
    const text = pdfText(await renderPdf(pack));
    expect(text).toMatch(/幸福家庭认定率\s*计生线\s*50\.0%\s*60\.0%\s*20\s*16\.67/);
    expect(text).toMatch(/新立问责案件\s*党政线\s*1\s*0\s*10\s*8\.00/);
    expect(text).toMatch(/合计\s*—\s*—\s*—\s*30\s*24\.67/);
    expect(text).toContain('本期得分 24.67 分，在全市2个县区中排名第2位');
    expect(text).toContain('-5.33，降1位');
    expect(text).toMatch(/按考核方案 happy-\s*family 第1版计分/);
  });

  it('says so when the scheme was not in effect in the bimonth', async () => {
    const early = { ...scorecard, version: null, rows: [] };
    const text = pdfText(
      await renderPdf(buildPack(bulletinFigures(log, '640104', '201201B', '201203'), { ...districtHeader, scorecard: early })),
    );
    expect(text).toContain('本期无考核评分：考核方案 happy-family 在2012年第1期尚未施行。');
  });
});

describe("a district's bulletin under layout 3, in the report's words", () => {
  const pack = buildPack(bulletinFigures(log, '640104', '201201B', '201203'), { ...districtHeader, layout: 'bulletin-pack/3' });

  it('names the supervisor 督导员 and the households 创建家庭, and judges their certified share against no goal', async () => {
    const text = pdfText(await renderPdf(pack));
    expect(text).toContain('督导员');
    expect(text).toMatch(/创建家庭户数（期末）\s*2\b/);
    expect(text).toMatch(/创建家庭中幸福家庭占比（期末）\s*50\.0%\s*—\s*—/);
    expect(text).not.toMatch(/督查员|在册家庭|不低于60%/);
    // The same scorecard as layout 2.
    expect(text).toContain('本期得分 24.67 分，在全市2个县区中排名第2位');
  });

  it('leaves layout 2 as it was: bulletins issued under it regenerate to their recorded bytes', async () => {
    const layout2 = pdfText(await renderPdf(buildPack(bulletinFigures(log, '640104', '201201B', '201203'), districtHeader)));
    expect(layout2).toMatch(/幸福家庭认定率（期末）\s*50\.0%\s*不低于60%\s*未达标/);
    expect(layout2).toContain('督查员');
  });

  it('has a glyph in the embedded font for every character it prints', () => {
    const font = fontkit.create(bulletinFont());
    const text = printed(pack) + '0123456789.%—：（）+-';
    expect([...new Set(text)].filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!))).toEqual([]);
  });
});

describe("the city's bulletin", () => {
  const figures = cityFigures(log, '201201B', '201203');
  const pack = buildCityPack(figures, cityHeader);

  it("folds every district's figures from the same events", () => {
    const byCode = Object.fromEntries(figures.districts.map((f) => [f.districtCode, f]));
    expect(figures.districts).toHaveLength(6);
    expect(byCode['640104'].households).toEqual({ enrolled: 2, certified: 1 });
    expect(byCode['640105'].households).toEqual({ enrolled: 1, certified: 1 });
    expect(byCode['640105'].cases).toMatchObject({ opened: 1, closed: 1, openAtEnd: 0 });
    expect(figures.districtBulletins).toEqual({ '640105': '3月2日签发' });
  });

  it('prints the districts side by side against the targets, the ranking, the units criticised and the cases', async () => {
    const pdf = await renderPdf(pack);
    expect(sha256(pdf)).toBe(sha256(await renderPdf(pack)));
    const text = pdfText(pdf);
    expect(text).toContain('全市 · 2012年第1期（1—2月）');
    expect(text).toMatch(/兴庆区\s*2\s*1\s*50\.0% 未达标/);
    expect(text).toMatch(/西夏区\s*1\s*1\s*100\.0% 达标/);
    expect(text).toMatch(/全市合计\s*3\s*2\s*66\.7% 达标/);
    expect(text).toMatch(/西夏区\s*1次 按时\s*0次 缺失\s*3月2日签发/);
    expect(text).toMatch(/兴庆区\s*0次 缺失\s*0次 缺失\s*未签发/);
    expect(text).toMatch(/第1名\s*西夏区\s*28\.00\s*8\.00\s*20\.00/);
    expect(text).toMatch(/第2名\s*兴庆区\s*24\.67\s*8\.00\s*16\.67\s*-5\.33，降1位/);
    expect(text).toMatch(/640104\s*兴庆区/);
    expect(text).toMatch(/全市合计\s*2\s*0\s*1\s*1/);
  });

  it("says it in the report's words under layout 2, the certified share judged against no goal", async () => {
    const text = pdfText(await renderPdf(buildCityPack(figures, { ...cityHeader, layout: 'city-bulletin-pack/2' })));
    expect(text).toMatch(/兴庆区\s*2\s*1\s*50\.0%\s/);
    expect(text).not.toContain('50.0% 未达标');
    expect(text).toContain('创建家庭户数');
    expect(text).toContain('市人口计生委');
  });

  it('has a glyph in the embedded font for every character either pack prints', () => {
    const font = fontkit.create(bulletinFont());
    const district = buildPack(bulletinFigures(log, '640104', '201201B', '201203'), districtHeader);
    const city2 = buildCityPack(figures, { ...cityHeader, layout: 'city-bulletin-pack/2' });
    const text = printed(pack) + printed(district) + printed(city2) + '0123456789.%—：（）+-';
    expect([...new Set(text)].filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!))).toEqual([]);
  });

  it('lays the same sections out in the workbook', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(pack)) as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '概况',
      '各县区主要指标完成情况',
      '各县区督查工作合规情况',
      '县区考核评分排名',
      '通报批评单位',
      '全市问责案件情况',
    ]);
    expect(workbook.creator).toBe('city-office-1');
  });
});
