/**
 * The synthetic city reproduces the seed report (yinchuan-happy-family-2011), read back through the API's
 * indicators by the same checks `scripts/generate/read-figures.ts` applies to a full-size city (one list of
 * figures and tolerances for both). Households at a hundredth of full size with the same proportions (702
 * enrolled in 2012, the loan book a hundredth of 164 million yuan); the group activities are city-wide and
 * generated in full at any scale. Each figure is held to no looser than the report's own rounding: "70,200"
 * exactly, "60%" as at least 60%, "90%" to the whole percent, "1.64 亿" to 0.005 亿 (here a hundredth of it),
 * "1,300-odd" women as 1,300 to 1,399 distinct borrowers (the loan register's households, renewals counted once), "1.02 million" to the 10,000, "23.5 万" to the thousand, "11 万" to the
 * 10,000, "514 万 yuan" to the 10,000 yuan.
 */
import request from 'supertest';
import { CampaignPlan } from '@libs/generator';
import { loadInBulk } from '../scripts/generate/in-bulk';
import { loadCityRegisters } from '../scripts/generate/city-registers';
import { readSeedFigures, SEED_FIGURES } from '../scripts/generate/read-figures';
import { SEED_FIGURE_READ_MODELS } from '../scripts/generate/seed-read-models';
import { Projector } from '@libs/projection/projector';
import { projections } from '@projections/index';
import { eventually, projectionsCaughtUp, startTestApp, TestApp } from './support/test-app';

/** The read models the figures are read from: only these run, after the log is written (the machine is shared). */
const READ_MODELS: readonly string[] = SEED_FIGURE_READ_MODELS;

const SCALE = 0.01;

describe('the synthetic city, read through the indicators, shows the seed report’s figures', () => {
  let app: TestApp;
  let projector: Projector | undefined;

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
    // The admin API's lag is cheap to poll through the long load, but can err low by a commit for a moment.
    await projectionsCaughtUp(app, [...READ_MODELS]);
  }, 1_200_000);
  afterAll(async () => {
    await projector?.stop();
    await app?.close();
  });

  it('holds every figure: enrolment and pilots, certification, satisfaction, loans, departments, activities', async () => {
    const answers = await readSeedFigures(async (path) => (await request(app.http).get(path).expect(200)).body, SCALE);
    // Each figure named with the API's answer, so that a failure says which and by how much.
    expect(answers.filter((a) => !a.holds).map((a) => `${a.seed}: ${a.answer}`)).toEqual([]);
    expect(answers.map((a) => a.seed)).toEqual(expect.arrayContaining(['70,200 households enrolled in 2012', 'about 90% satisfied']));
    expect(answers).toHaveLength(SEED_FIGURES);
  });
});
