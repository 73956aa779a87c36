import ExcelJS from 'exceljs';
import { bulletinFont } from './font';
import { bulletinFigures, LoggedEvent } from './figures';
import { buildPack, BulletinHeader } from './pack';
import { renderPdf } from './pdf';
import { renderXlsx } from './xlsx';
import { sha256 } from './generate';
import { pdfText } from './pdf-text';

// fontkit (pdfkit's font engine) ships no types; the one call used here.
const fontkit = require('fontkit') as { create(font: Buffer): { hasGlyphForCodePoint(codePoint: number): boolean } };

const D = '640104';
let n = 0;
const ev = (stream: string, type: string, data: Record<string, unknown>, occurredAt: string, recordedAt = occurredAt): LoggedEvent => ({
  stream,
  type,
  data: { ...data, n: n++ },
  metadata: { occurredAt },
  recordedAt,
});
const enrol = (h: string, village: string, at: string) => ev(`household-${h}`, 'HouseholdEnrolled', { villageCode: village }, at);

// Jan-Feb 2012 in Xingqing (640104); another district's household and a March event must not count.
const log: LoggedEvent[] = [
  enrol('a', '640104001001', '2011-12-01T02:00:00Z'),
  enrol('b', '640104001002', '2012-01-10T02:00:00Z'),
  enrol('c', '640104002001', '2012-02-10T02:00:00Z'),
  enrol('x', '640105001001', '2012-01-10T02:00:00Z'),
  enrol('late', '640104001001', '2012-02-29T16:30:00Z'), // 1 March, Beijing time: after the bimonth
  ev('household-a', 'HouseholdCertified', {}, '2012-02-01T02:00:00Z'),
  ev('household-b', 'HouseholdCertified', {}, '2012-02-02T02:00:00Z'),
  ev('household-b', 'CertificationRevoked', {}, '2012-02-20T02:00:00Z'),
  ev('household-c', 'HouseholdWithdrawn', {}, '2012-02-25T02:00:00Z'),
  ev('household-a', 'ServiceDelivered', { serviceId: 's1', deliveredAt: '2012-01-05T02:00:00Z' }, '2012-01-05T02:00:00Z'),
  ev('household-b', 'ServiceDelivered', { serviceId: 's2', deliveredAt: '2012-02-05T02:00:00Z' }, '2012-02-05T02:00:00Z'),
  ev('household-x', 'ServiceDelivered', { serviceId: 's3', deliveredAt: '2012-02-05T02:00:00Z' }, '2012-02-05T02:00:00Z'),
  ev('household-a', 'SatisfactionRecorded', { serviceId: 's1', response: 'satisfied' }, '2012-01-06T02:00:00Z'),
  ev('household-a', 'SatisfactionRecorded', { serviceId: 's1', response: 'dissatisfied' }, '2012-01-07T02:00:00Z'),
  ev('household-b', 'SatisfactionRecorded', { serviceId: 's2', response: 'neutral' }, '2012-02-06T02:00:00Z'),
  ev('household-b', 'SatisfactionRecorded', { serviceId: 's9', response: 'no-answer' }, '2012-02-06T02:00:00Z'),
  ev(`supervision-${D}`, 'SupervisionVisitRecorded', { districtCode: D, month: '201201' }, '2012-01-20T02:00:00Z'),
  ev(`supervision-${D}`, 'SupervisionVisitRecorded', { districtCode: D, month: '201202' }, '2012-02-20T02:00:00Z', '2012-03-03T02:00:00Z'),
  ev('case-1', 'CaseOpened', { districtCode: D, subjectUnit: '640104001' }, '2012-01-15T02:00:00Z'),
  ev('case-1', 'CaseEscalated', {}, '2012-02-01T02:00:00Z'),
  ev('case-2', 'CaseOpened', { districtCode: D, subjectUnit: '640104002' }, '2011-11-15T02:00:00Z'),
  ev('case-2', 'CaseClosed', {}, '2012-02-15T02:00:00Z'),
  ev('case-3', 'CaseOpened', { districtCode: '640105', subjectUnit: '640105001' }, '2012-01-15T02:00:00Z'),
];

const header: BulletinHeader = {
  bulletinId: 'b-1',
  districtCode: D,
  period: '201201B',
  kind: 'criticism',
  units: ['640104001'],
  summary: '进度滞后',
  supervisorId: 'sup-wang',
  issuedAt: '2012-03-05T02:00:00.000Z',
  asOf: '4194304',
  layout: 'bulletin-pack/1',
  scorecard: null,
};

describe('bulletin figures', () => {
  const figures = bulletinFigures(log, D, '201201B', '201203');

  it("folds the district's stocks at the bimonth's end and its flows in the two months, by the city's calendar", () => {
    // a, b active (c withdrawn, late enrolled in March, x elsewhere); a certified (b revoked).
    expect(figures.households).toEqual({ enrolled: 2, certified: 1 });
    // s1, s2 in the district; s1's first answer counts once; no-answer is not a valid response.
    expect(figures.services).toEqual({ delivered: 2, satisfied: 1, validResponses: 2 });
  });

  it("judges each month's visit by when the log recorded it", () => {
    expect(figures.visits).toEqual([
      { month: '201201', visits: 1, status: 'on-time' },
      { month: '201202', visits: 1, status: 'late' },
    ]);
    expect(bulletinFigures([], D, '201201B', '201203').visits.map((v) => v.status)).toEqual(['missing', 'missing']);
    expect(bulletinFigures([], D, '201201B', '201202').visits.map((v) => v.status)).toEqual(['missing', 'pending']);
  });

  it('counts the cases opened, escalated and closed in the bimonth, and those still open at its end', () => {
    expect(figures.cases).toEqual({ opened: 1, escalated: 1, closed: 1, openAtEnd: 1, subjectUnits: ['640104001'] });
  });
});

describe('bulletin documents', () => {
  const pack = buildPack(bulletinFigures(log, D, '201201B', '201203'), header);

  it('renders the same PDF and workbook bytes every time', async () => {
    expect(sha256(await renderPdf(pack))).toBe(sha256(await renderPdf(pack)));
    expect(sha256(await renderXlsx(pack))).toBe(sha256(await renderXlsx(pack)));
  });

  it('renders layout 1 to the bytes it rendered before layout 2 existed, so bulletins issued under it still check', async () => {
    // Hashes of this pack made by the code of a1101c8, the last commit with layout 1 alone.
    expect(sha256(await renderPdf(pack))).toBe('fd122ac4011515a102bbbb3d109cf5ae98e9581ef95a1ca86e10790c7b1b6da4');
    expect(sha256(await renderXlsx(pack))).toBe('42a56faf5724ecca252b3eadf2ee48ee7cc368de29cd0937fb7dbea58f8ac30b');
  });

  it('says in the PDF, in Chinese, what the figures are, and that there is no scorecard yet', async () => {
    const pdf = await renderPdf(pack);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('兴庆区');
    expect(text).toMatch(/幸福家庭认定率（期末）\s*50\.0%\s*不低于60%\s*未达标/);
    expect(text).toMatch(/服务满意率（本期）\s*50\.0%/);
    expect(text).toMatch(/本期立案\s*1/);
    expect(text).toContain('凤凰北街街道');
    expect(text).toContain('本期无考核评分');
  });

  it('has a glyph in the embedded font for every character the pack prints', () => {
    const font = fontkit.create(bulletinFont());
    const printed = [
      pack.title,
      pack.subtitle,
      ...pack.facts.flat(),
      ...pack.sections.flatMap((s) => [s.title, s.note ?? '', ...s.columns]),
    ];
    const text = printed.join('') + '0123456789.%—：（）';
    expect([...new Set(text)].filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!))).toEqual([]);
  });

  it('lays the same figures out in the workbook, a sheet per section', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(pack)) as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '概况',
      '主要指标完成情况',
      '督查工作合规情况',
      '考核评分',
      '通报批评单位',
      '问责案件情况',
    ]);
    expect(workbook.getWorksheet('问责案件情况')!.getRow(3).values).toEqual([undefined, '本期立案', 1]);
    expect(workbook.created.toISOString()).toBe(header.issuedAt);
  });
});
