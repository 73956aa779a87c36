/**
 * `npm run bulletins:sample`: the sample bulletin pack under docs/samples/, from a generated campaign
 * decided in memory (libs/generator, seed 1, 2,000 households, one year) with no database: Xingqing's
 * (640104) bulletin for March-April 2012, each event taken as recorded when it occurred. Renders twice and
 * stops if the two differ, then prints the hashes and the figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BulletinHeader, bulletinFigures, buildPack, LoggedEvent, renderPdf, renderXlsx, sha256 } from '../../libs/bulletins';
import { CampaignPlan, generatePlanned } from '../../libs/generator';
import { InMemoryDecisions } from '../../libs/generator/in-memory';

const DISTRICT = '640104';
const PERIOD = '201202B';

async function main(): Promise<void> {
  const plan = new CampaignPlan({ seed: 1, households: 2_000, years: 1 });
  const decisions = new InMemoryDecisions();
  const events: LoggedEvent[] = [];
  for (const item of generatePlanned(plan, { range: { from: 0, to: plan.households }, programme: true })) {
    for (const e of decisions.decide(item)) events.push({ stream: item.stream, ...e, recordedAt: e.metadata.occurredAt });
  }
  // In time order, as a log written by the command path would hold them.
  events.sort((a, b) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt));
  const header: BulletinHeader = {
    bulletinId: 'sample-640104-201202B',
    districtCode: DISTRICT,
    period: PERIOD,
    kind: 'criticism',
    units: ['640104012', '640104013'],
    summary: '掌政镇、大新镇入户服务进度滞后，限期整改。',
    supervisorId: 'sup-sample',
    issuedAt: '2012-05-03T02:00:00.000Z',
    asOf: 'sample',
    layout: 'bulletin-pack/1',
    scorecard: null,
  };
  const upToIssue = events.filter((e) => Date.parse(e.recordedAt) <= Date.parse(header.issuedAt));
  const figures = bulletinFigures(upToIssue, DISTRICT, PERIOD, '201205');
  const pack = buildPack(figures, header);
  const [pdf, xlsx] = [await renderPdf(pack), await renderXlsx(pack)];
  const [pdf2, xlsx2] = [await renderPdf(pack), await renderXlsx(pack)];
  if (!pdf.equals(pdf2) || !xlsx.equals(xlsx2)) throw new Error('the sample did not render the same twice');
  const out = join(__dirname, '../../docs/samples');
  writeFileSync(join(out, `bulletin-${DISTRICT}-${PERIOD}.pdf`), pdf);
  writeFileSync(join(out, `bulletin-${DISTRICT}-${PERIOD}.xlsx`), xlsx);
  console.log(JSON.stringify({ events: upToIssue.length, figures, pdfSha256: sha256(pdf), xlsxSha256: sha256(xlsx) }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
