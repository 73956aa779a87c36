/**
 * The spreadsheet downloads held to their promises: the scorecard says the same figures as JSON, CSV and
 * Excel, its CSV opens in Excel with its Chinese names intact (UTF-8 with a byte-order mark) and parses back
 * to the JSON's fields; no cell of any CSV (scorecard, indicators, DHIS2) can start a formula, because no
 * formula-like text is let in; numbers stay numbers; and no export reaches a token without the scope for it.
 */
import ExcelJS from 'exceljs';
import request from 'supertest';
import { seedCampaign } from '@projections/shared/testing/campaign-seed';
import { LINE_NAMES, Line } from '@libs/assessment';
import { DHIS2_CSV_HEADER } from '@libs/dhis2';
import { projectionsCaughtUp, startTestApp, TestApp } from './support/test-app';

const SCORES = '/assessment/scores?level=department&pe=2012&scheme=happy-family';
const BOM = '\uFEFF';
const ACTIVITY = {
  kind: 'happiness-training',
  focusArea: 'health',
  orgUnitCode: '640104',
  departmentCode: 'health',
  heldOn: '2012-03-01',
  sessions: 1,
  attendance: 10,
  costFen: 0,
  materials: { boards: 0, walls: 0, billboards: 0, lightBoxes: 0 },
  reason: 'r',
};

type Component = {
  line: string;
  key: string;
  measure: string;
  rule: string;
  weight: number;
  target: number;
  value: number | null;
  points: number;
};
type Row = { rank: number; unit: string; unitName: { 'zh-CN': string }; total: number; components: Component[] };

describe('spreadsheet exports', () => {
  let app: TestApp;
  let personalData: string[];
  const get = (path: string) => request(app.http).get(path);
  const bytes = (path: string) =>
    get(path)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  beforeAll(async () => {
    app = await startTestApp({ projector: true });
    ({ personalData } = await seedCampaign(app.runtime.eventStore, app.runtime.dataSource));
    await request(app.http).post('/activities').send(ACTIVITY).expect(201);
    await projectionsCaughtUp(app);
  });
  afterAll(() => app?.close());

  it('writes the scorecard CSV as UTF-8 with a byte-order mark, so Excel reads its Chinese names', async () => {
    const body: Buffer = (await bytes(`${SCORES}&format=csv`).expect(200)).body;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.toString('utf8');
    expect(text.slice(1).split('\n')[0]).toBe('rank,unit,unitName,total,line,component,measure,rule,weight,target,value,points');
    expect(text).toMatch(/卫生/);
  });

  it('says the same figures in the scorecard JSON, CSV and Excel', async () => {
    const rows = (await get(SCORES).expect(200)).body.rows as Row[];
    const expected = rows.flatMap((r) =>
      r.components.map((c) => [
        r.rank,
        r.unit,
        r.unitName['zh-CN'],
        r.total,
        c.line,
        c.key,
        c.measure,
        c.rule,
        c.weight,
        c.target,
        c.value,
        c.points,
      ]),
    );
    expect(expected.length).toBeGreaterThan(10);
    const csv = parseCsv((await get(`${SCORES}&format=csv`).expect(200)).text.replace(BOM, ''));
    expect(csv.slice(1)).toEqual(expected.map((line) => line.map((v) => (v === null ? '' : String(v)))));

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytes(`${SCORES}&format=xlsx`).expect(200)).body);
    const detail = workbook.getWorksheet('明细')!;
    const cells = (sheet: ExcelJS.Worksheet) =>
      sheet.getRows(2, sheet.rowCount - 1)!.map((row) => Array.from((row.values as unknown[]).slice(1), (v) => v ?? null));
    const lineName = (line: string) => LINE_NAMES[line as Line]['zh-CN'];
    expect(cells(detail)).toEqual(expected.map(([a, b, c, d, line, ...rest]) => [a, b, c, d, lineName(line as string), ...rest]));
    const formulas: ExcelJS.Cell[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cell.formula && formulas.push(cell))));
    expect(formulas).toEqual([]);
    const ranking = cells(workbook.getWorksheet('排名')!);
    expect(ranking.map(([rank, unit, , total]) => [rank, unit, total])).toEqual(rows.map((r) => [r.rank, r.unit, r.total]));
  });

  it('lets no CSV cell start a formula, and keeps numbers as numbers', async () => {
    const csvs = [
      (await get(`${SCORES}&format=csv`).expect(200)).text.replace(BOM, ''),
      (await get('/assessment/scores?level=district&pe=2012&scheme=happy-family&format=csv').expect(200)).text.replace(BOM, ''),
      (await get('/indicators/services-delivered?ou=640104&level=village&pe=2012&by=department,serviceType&format=csv').expect(200)).text,
      (await get('/indicators/activities-held?pe=2012&by=department,kind&format=csv').expect(200)).text,
      (await get('/dhis2/dataValueSets?dataSet=HF_MONTHLY&ou=640104&children=true&pe=2012&format=csv').expect(200)).text,
    ];
    for (const csv of csvs) {
      const rows = parseCsv(csv);
      expect(rows.length).toBeGreaterThan(1);
      const cells = rows.flat();
      expect(cells.filter((cell) => /^[=+@\t\r]/.test(cell) || (cell.startsWith('-') && !Number.isFinite(Number(cell))))).toEqual([]);
    }
  });

  it('refuses, at the door, the formula-like codes that would reach a CSV', async () => {
    const scheme = await get('/assessment/schemes/happy-family').expect(200);
    const [latest] = scheme.body.versions.slice(-1);
    const { version, loadedBy, loadedAt, ...document } = latest;
    void [version, loadedBy, loadedAt];
    const hostile = { ...document, components: [{ ...document.components[0], key: '=1+1' }, ...document.components.slice(1)] };
    const refusedScheme = await request(app.http).post('/assessment/schemes').send({ document: hostile }).expect(400);
    expect(refusedScheme.body.detail).toMatch(/key must be a code/);
    const activity = { ...ACTIVITY, departmentCode: '-2+3' };
    const refusedActivity = await request(app.http).post('/activities').send(activity).expect(400);
    expect(JSON.stringify(refusedActivity.body)).toMatch(/department/);
  });

  it('writes the indicator and DHIS2 CSVs in ASCII, needing no byte-order mark, DHIS2 header first', async () => {
    const indicator = (await get('/indicators/households-enrolled?ou=640104&level=township&pe=2012&by=category&format=csv').expect(200))
      .text;
    expect(indicator).toMatch(/^orgUnit,orgUnitName,/);
    expect(indicator).toMatch(/^[\x20-\x7e\n]*$/);
    const dhis2 = (await get('/dhis2/dataValueSets?dataSet=HF_MONTHLY&ou=640104&pe=2012&format=csv').expect(200)).text;
    expect(dhis2.split('\n')[0]).toBe(DHIS2_CSV_HEADER);
    expect(dhis2).toMatch(/^[\x20-\x7e\n]*$/);
  });

  it('answers the scorecard in every format to whole-city tokens only, and with no personal data', async () => {
    for (const format of ['csv', 'xlsx', 'json']) {
      const as = async (role: 'analyst' | 'registrar' | 'provider', ou: string, status: number) => {
        const token = await app.token(role, { ou });
        await get(`${SCORES}&format=${format}`).set('Authorization', `Bearer ${token}`).expect(status);
      };
      await as('analyst', '640104', 403);
      await as('registrar', '640100', 403);
      await as('provider', '640100', 403);
      await as('analyst', '640100', 200);
    }
    const exported = [(await get(`${SCORES}&format=csv`).expect(200)).text, (await get(SCORES).expect(200)).text];
    for (const secret of personalData) for (const text of exported) expect(text).not.toContain(secret);
  });
});

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted || (c !== ',' && c !== '\n')) cell += c;
    else {
      row.push(cell);
      cell = '';
      if (c === '\n') {
        rows.push(row);
        row = [];
      }
    }
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}
