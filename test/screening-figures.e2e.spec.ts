/**
 * The generator's screening chain at a hundredth of the campaign (702 households, one year), written
 * through the command path and read back from the indicators over HTTP: the scaled report figures, exactly.
 */
import request from 'supertest';
import { CampaignPlan, generatePlanned } from '@libs/generator';
import { screeningTargets } from '@libs/generator/screenings';
import { loadByCommands } from '../scripts/generate/by-commands';
import { eventually, startTestApp, TestApp } from './support/test-app';

describe('the generated screening figures', () => {
  let app: TestApp;
  // The city's other parts (activities above all: city-wide totals at any scale) are not what this reads.
  const plan = new CampaignPlan({ seed: 11, households: 702, years: 1, leaveOut: ['activities', 'programme', 'pilot-villages'] });
  const targets = screeningTargets(plan);

  beforeAll(async () => {
    app = await startTestApp({ projector: true });
    // No household: the city's own streams only, the screening records among them.
    await loadByCommands(app.runtime.eventStore, generatePlanned(plan, { range: { from: 0, to: 0 } }), { concurrency: 4 });
  });
  afterAll(() => app.close());

  const city = async (name: string) => {
    const { body } = await request(app.http).get(`/indicators/${name}?ou=640100`).expect(200);
    return body.rows.map((r: { numerator: number; denominator: number | null }) => [r.numerator, r.denominator]);
  };

  it('reads back the scaled report figures from the indicators', async () => {
    expect(targets).toEqual({ checked: 29, fiveItemTests: 62, twoItemScreenings: 78, highRisk: 5, counselled: 2 });
    // All at once, eventually: the last event of one indicator may come before another's in the log.
    await eventually(async () => {
      expect(await city('counselling-rate')).toEqual([[targets.counselled, targets.highRisk]]);
      expect(await city('pre-pregnancy-checks')).toEqual([[targets.checked, null]]);
      expect(await city('five-item-tests')).toEqual([[targets.fiveItemTests, null]]);
      expect(await city('two-item-screenings')).toEqual([[targets.twoItemScreenings, null]]);
      expect(await city('high-risk-findings')).toEqual([[targets.highRisk, null]]);
    }, 30_000);
  });

  it('spreads them over districts and the months of the programme calendar', async () => {
    const { body } = await request(app.http).get('/indicators/five-item-tests?ou=640100&level=district&pe=2012').expect(200);
    expect(body.rows.length).toBeGreaterThan(1);
    expect(body.rows.reduce((sum: number, r: { numerator: number }) => sum + r.numerator, 0)).toBe(targets.fiveItemTests);
  });
});
