/**
 * `npm run bulletins:sample`: the sample bulletin packs under docs/samples/, a district's (Xingqing, 640104,
 * March-April 2012) and the city's, made as the service makes them. A generated campaign (libs/generator,
 * seed 1, 2,000 households, one year) is decided in memory and appended in time order to a throw-away
 * embedded PostgreSQL, each event recorded at the instant it occurred, up to the issue; the projector builds
 * the read models; the districts are scored from them under the shipped scheme (the lines a BulletinIssued
 * records); then both packs are generated from the log, twice, and the script stops if the two differ.
 * Every figure and score is a function of the seed; only the log's positions (a fresh database's own
 * numbering) differ between runs, and with the position printed, the hashes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { Clock } from '../../libs/clock';
import { BULLETIN_LAYOUT, CITY_BULLETIN_LAYOUT, generateBulletin, generateCityBulletin, GeneratedBulletin } from '../../libs/bulletins';
import { openDatabase } from '../../libs/database/data-source';
import { startEmbeddedPostgres } from '../../libs/database/embedded-postgres';
import { EventToAppend } from '../../libs/event-store';
import { comparePositions } from '../../libs/event-store/position';
import { PostgresEventStore } from '../../libs/event-store/postgres/postgres-event-store';
import { UpcastingEventStore } from '../../libs/event-store/upcasting-event-store';
import { CampaignPlan, generatePlanned } from '../../libs/generator';
import { InMemoryDecisions } from '../../libs/generator/in-memory';
import { loadCheckpoint } from '../../libs/projection/checkpoints';
import { Projector } from '../../libs/projection/projector';
import { databaseSchema, projections } from '../../projections/index';
import { bulletinScorecard } from '../../projections/scorecard/bulletin-lines';
import { scoreUnits } from '../../projections/scorecard/scorecard';

const DISTRICT = '640104';
const PERIOD = '201202B';
const ISSUED_AT = '2012-05-03T02:00:00.000Z';
const OUT = join(__dirname, '../../docs/samples');

/** The campaign's events up to the issue, in the order a log written as they happened would hold them. */
function campaignUpToIssue(): { stream: string; event: EventToAppend }[] {
  const plan = new CampaignPlan({ seed: 1, households: 2_000, years: 1 });
  const decisions = new InMemoryDecisions();
  const events: { stream: string; event: EventToAppend }[] = [];
  for (const item of generatePlanned(plan, { range: { from: 0, to: plan.households }, programme: true }))
    for (const event of decisions.decide(item)) events.push({ stream: item.stream, event });
  const at = (e: { event: EventToAppend }) => Date.parse(String(e.event.metadata.occurredAt));
  return events.filter((e) => at(e) <= Date.parse(ISSUED_AT)).sort((a, b) => at(a) - at(b));
}

async function main(): Promise<void> {
  const server = await startEmbeddedPostgres({ dataDir: mkdtempSync(join(tmpdir(), 'bulletin-sample-')), persistent: false });
  const admin = new Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE bulletin_sample');
  await admin.end();
  const url = server.adminUrl.replace(/\/[^/?]*(\?|$)/, '/bulletin_sample$1');
  let now = new Date(0);
  const clock: Clock = { now: () => now };
  const dataSource = await openDatabase(url, databaseSchema);
  const store = new PostgresEventStore({ connectionString: url, poolSize: 4, clock });
  try {
    const events = campaignUpToIssue();
    for (const { stream, event } of events) {
      now = new Date(String(event.metadata.occurredAt));
      await store.appendToStream(stream, [event]);
    }
    const asOf = await store.headPosition();
    const projector = new Projector(projections, new UpcastingEventStore(store), dataSource, { standbyPollMs: 100 });
    projector.start();
    await caughtUp(dataSource, asOf!);
    await projector.stop();
    const card = await scoreUnits(dataSource, { level: 'district', period: PERIOD, scheme: 'happy-family', asOf: new Date(ISSUED_AT) });
    const scorecard = bulletinScorecard(card);
    const common = { period: PERIOD, issuedAt: ISSUED_AT, asOf, scorecard };
    const district = () =>
      generateBulletin(store, {
        ...common,
        bulletinId: `sample-${DISTRICT}-${PERIOD}`,
        districtCode: DISTRICT,
        kind: 'criticism',
        units: ['640104012', '640104013'],
        summary: '掌政镇、大新镇入户服务进度滞后，限期整改。',
        supervisorId: 'sup-sample',
        layout: BULLETIN_LAYOUT,
      });
    const city = () =>
      generateCityBulletin(store, {
        ...common,
        bulletinId: `sample-city-${PERIOD}`,
        kind: 'criticism',
        units: [card.rows[card.rows.length - 1].unit],
        summary: '各县区按期通报；排名末位的县区限期整改。',
        issuedBy: 'city-office-sample',
        layout: CITY_BULLETIN_LAYOUT,
      });
    const written = [await twice(district, `bulletin-${DISTRICT}-${PERIOD}`), await twice(city, `bulletin-city-${PERIOD}`)];
    const ranking = card.rows.map((r) => `${r.rank}. ${r.unit} ${r.total}`);
    console.log(JSON.stringify({ events: events.length, asOf: written[0].asOf, ranking, written }, null, 2));
  } finally {
    await store.close();
    await dataSource.destroy();
    await server.stop();
  }
}

/** Generates the pack twice, stops if the bytes differ, writes it and says what it wrote. */
async function twice(
  generate: () => Promise<Pick<GeneratedBulletin, 'pdf' | 'xlsx' | 'pdfSha256' | 'xlsxSha256' | 'asOf' | 'eventsRead'>>,
  name: string,
) {
  const [first, second] = [await generate(), await generate()];
  if (!first.pdf.equals(second.pdf) || !first.xlsx.equals(second.xlsx)) throw new Error(`${name} did not render the same twice`);
  writeFileSync(join(OUT, `${name}.pdf`), first.pdf);
  writeFileSync(join(OUT, `${name}.xlsx`), first.xlsx);
  return { name, asOf: first.asOf, eventsRead: first.eventsRead, pdfSha256: first.pdfSha256, xlsxSha256: first.xlsxSha256 };
}

/** Waits until every read model reflects the log's head. */
async function caughtUp(
  dataSource: Awaited<ReturnType<typeof openDatabase>>,
  head: NonNullable<Awaited<ReturnType<PostgresEventStore['headPosition']>>>,
) {
  for (;;) {
    const positions = await Promise.all(projections.map((p) => loadCheckpoint(dataSource, { name: p.name })));
    if (positions.every((c) => c?.position && comparePositions(c.position, head) >= 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
