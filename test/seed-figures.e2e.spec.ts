/**
 * The synthetic city reproduces the seed report (yinchuan-happy-family-2011), read back through the API's
 * indicators. Households at a hundredth of full size with the same proportions (702 enrolled in 2012, the
 * loan book a hundredth of 164 million yuan); the group activities are city-wide and generated in full at
 * any scale. Each figure is held to no looser than the report's own rounding: "70,200" exactly, "60%" as
 * at least 60%, "90%" to the whole percent, "1.64 亿" to 0.005 亿 (here a hundredth of it), "1,300-odd" as
 * 1,300 to 1,399, "1.02 million" to the 10,000, "23.5 万" to the thousand, "11 万" to the 10,000, "514 万
 * yuan" to the 10,000 yuan.
 */
import request from 'supertest';
import { CampaignPlan } from '@libs/generator';
import { loadInBulk } from '../scripts/generate/in-bulk';
import { loadCityRegisters } from '../scripts/generate/city-registers';
import { SEED_FIGURE_READ_MODELS } from '../scripts/generate/seed-read-models';
import { Projector } from '@libs/projection/projector';
import { projections } from '@projections/index';
import { eventually, startTestApp, TestApp } from './support/test-app';

/** The read models the figures are read from: only these run, after the log is written (the machine is shared). */
const READ_MODELS: readonly string[] = SEED_FIGURE_READ_MODELS;

const SCALE = 0.01;
type Row = Record<string, number | string | null>;

describe('the synthetic city, read through the indicators, shows the seed report’s figures', () => {
  let app: TestApp;
  let projector: Projector | undefined;
  const rows = async (path: string): Promise<Row[]> => (await request(app.http).get(path).expect(200)).body.rows;
  const sum = (list: Row[], field = 'numerator') => list.reduce((total, r) => total + Number(r[field]), 0);

  beforeAll(async () => {
    app = await startTestApp();
    const plan = new CampaignPlan({ seed: 1, households: Math.round(70_200 * SCALE), years: 4 });
    await loadInBulk(app.runtime.eventStore, plan, { shard: 5_000 });
    await loadCityRegisters(app.runtime.dataSource, plan);
    const running = projections.filter((p) => READ_MODELS.includes(p.name));
    projector = new Projector(running, app.runtime.eventStore, app.runtime.dataSource, { standbyPollMs: 100 });
    projector.start();
    await eventually(async () => {
      const { body } = await request(app.http).get('/admin/projections').expect(200);
      const mine = body.projections.filter((p: { name: string }) => READ_MODELS.includes(p.name));
      const behind = mine.filter((p: { lag: { events: number }; checkpoint: string | null }) => p.lag.events > 0 || p.checkpoint === null);
      if (behind.length > 0) throw new Error(`projections behind: ${JSON.stringify(behind)}`);
    }, 900_000);
  }, 1_200_000);
  afterAll(async () => {
    await projector?.stop();
    await app?.close();
  });

  it('enrols 70,200 households in 2012 in pilot villages chosen per township, then later cohorts', async () => {
    const [enrolled2012] = await rows('/indicators/households-enrolled?pe=2012');
    expect(Number(enrolled2012.numerator) + Number(enrolled2012.withdrawn)).toBe(70_200 * SCALE);
    for (const year of ['2013', '2014', '2015']) expect(sum(await rows(`/indicators/households-enrolled?pe=${year}`))).toBeGreaterThan(0);
    const townships = await rows('/indicators/pilot-village-coverage?level=township&pe=201201');
    expect(townships.length).toBeGreaterThan(40);
    expect(townships.filter((t) => Number(t.value) < 0.15)).toEqual([]);
    const pilots = await rows('/indicators/pilot-household-coverage?level=village&pe=2012');
    expect(pilots.length).toBeGreaterThan(0);
    expect(pilots.filter((v) => Number(v.value) < 0.15)).toEqual([]);
    const outside = await rows('/indicators/enrolments-outside-pilots?pe=2012;2013;2014;2015');
    expect(outside.map((r) => r.numerator)).toEqual([0, 0, 0, 0]);
  });

  it('certifies at least 60% of all the city’s households (the register) by the end of 2015', async () => {
    const [goal] = await rows('/indicators/certification-goal?pe=2015');
    expect(Number(goal.value)).toBeGreaterThanOrEqual(0.6);
  });

  it('finds about 90% satisfied, no-answers excluded as the indicator defines it', async () => {
    const [satisfaction] = await rows('/indicators/satisfaction-rate');
    expect(Math.round(Number(satisfaction.value) * 100)).toBe(90);
  });

  it('lends 164 million yuan to 1,300-odd women and 200-odd young entrepreneurs', async () => {
    const principal = sum(await rows('/indicators/loan-principal-granted'));
    expect(Math.abs(principal - 164_000_000 * 100 * SCALE)).toBeLessThanOrEqual(500_000 * 100 * SCALE);
    const loans = await rows('/indicators/loans-granted?by=borrowerGroup');
    const group = (name: string) => sum(loans.filter((r) => r.borrowerGroup === name));
    expect(group('woman') / SCALE).toBeGreaterThanOrEqual(1_300);
    expect(group('woman') / SCALE).toBeLessThan(1_400);
    expect(group('youth') / SCALE).toBeGreaterThanOrEqual(200);
    expect(group('youth') / SCALE).toBeLessThan(300);
  });

  it('involves the 22 departments of the leading group, every one the report names among them', async () => {
    const departments = new Set((await rows('/indicators/activities-held?by=department')).map((r) => r.department));
    expect(departments.size).toBe(22);
    for (const named of [
      'organisation',
      'propaganda',
      'development-reform',
      'civil-affairs',
      'education',
      'health',
      'statistics',
      'public-security',
    ])
      expect(departments).toContain(named);
  });

  it('holds the report’s group activities', async () => {
    const byKind = async (indicator: string) => {
      const counted = await rows(`/indicators/${indicator}?by=kind`);
      return (...kinds: string[]) => sum(counted.filter((r) => kinds.includes(String(r.kind))));
    };
    const [held, attendance, cost] = await Promise.all(['activities-held', 'activity-attendance', 'activity-cost'].map(byKind));
    expect(held('happiness-training')).toBe(18);
    // "4,000-odd": from 4,000, below 5,000.
    expect(attendance('happiness-training')).toBeGreaterThanOrEqual(4_000);
    expect(attendance('happiness-training')).toBeLessThan(5_000);
    const outreach = ['outreach-performance', 'outreach-contest', 'street-counselling'];
    expect(held(...outreach)).toBe(2_341);
    expect(Math.abs(attendance(...outreach) - 1_020_000)).toBeLessThanOrEqual(5_000);
    expect(held('three-checks-round')).toBe(1_020);
    expect(Math.abs(attendance('three-checks-round') - 235_000)).toBeLessThanOrEqual(500);
    expect(held('lecture')).toBe(1_237);
    expect(Math.abs(attendance('lecture') - 110_000)).toBeLessThanOrEqual(5_000);
    const skills = ['vocational-training', 'entrepreneurship-training'];
    // "100-odd" sessions, "10,000-odd" trainees.
    expect(held(...skills)).toBeGreaterThanOrEqual(100);
    expect(held(...skills)).toBeLessThan(200);
    expect(attendance(...skills)).toBeGreaterThanOrEqual(10_000);
    expect(attendance(...skills)).toBeLessThan(20_000);
    expect(Math.abs(cost(...outreach) - 5_140_000 * 100)).toBeLessThanOrEqual(5_000 * 100);
    const [materials] = await rows('/indicators/outreach-materials');
    expect(materials).toMatchObject({ boards: 1_080, walls: 1_040, billboards: 20, lightBoxes: 1_760 });
  });
});
