/**
 * Case authority (not a test): the supervisor's authority for a case command answered from the
 * supervision-terms read model (one query, plus the last event of the streams the answer rests on) beside
 * the baseline of folding the supervision streams, as every case command did, with `months` of monthly
 * visits in each of the city's districts. Run alone: `node -r ./scripts/projections/register.js bench/case-authority.ts`.
 */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { authorityFromReadModel, authorityFromStreams, CITY_DISTRICTS } from '../apps/api/src/accountability/case-authority';
import { openDatabase } from '../libs/database/data-source';
import { supervisionStream } from '../libs/domain/supervision';
import { EventStore, EventToAppend } from '../libs/event-store/event-store.port';
import { PostgresEventStore } from '../libs/event-store/postgres/postgres-event-store';
import { rebuildProjection } from '../libs/projection/rebuild';
import { databaseSchema } from '../projections/index';
import { supervisionTermsProjection } from '../projections/supervision-terms/supervision-terms.projection';
import { openBenchDatabase } from './support/database';
import { Section } from './support/sections';
import { median, percentile, round } from './support/stats';

export interface CaseAuthorityOptions {
  /** Months of visits in each district's stream. */
  months: number;
  asks: number;
}

export interface Timing {
  p50Ms: number;
  p99Ms: number;
}

export interface CaseAuthorityResults {
  eventsPerStream: number;
  authorise: { readModel: Timing; streams: Timing; ratio: number };
  refuse: { readModel: Timing; streams: Timing; ratio: number };
}

const supervisorOf = (district: string) => `sup-${district}`;
const instant = (month: number) => new Date(Date.UTC(2012, month, 5)).toISOString();

function history(district: string, months: number): EventToAppend[] {
  const event = (type: string, data: Record<string, unknown>, occurredAt: string): EventToAppend => ({
    id: randomUUID(),
    type,
    data: { districtCode: district, supervisorId: supervisorOf(district), ...data },
    metadata: { actor: supervisorOf(district), correlationId: randomUUID(), causationId: randomUUID(), occurredAt },
  });
  const assigned = event('SupervisorAssigned', { assignedAt: instant(0), reason: 'bench' }, instant(0));
  const visits = Array.from({ length: months }, (_, m) => {
    const month = instant(m).slice(0, 7).replace('-', '');
    return event(
      'SupervisionVisitRecorded',
      { month, visitedAt: instant(m), unitsVisited: [`${district}001`], findings: 'ok' },
      instant(m),
    );
  });
  return [assigned, ...visits];
}

async function timed(ask: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await ask();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const timing = (samples: number[]): Timing => ({ p50Ms: round(median(samples), 2), p99Ms: round(percentile(samples, 99), 2) });

/** The two answers asked in turn, so a busy machine weighs on both alike. */
async function compare(store: EventStore, dataSource: DataSource, actor: string, district: string, asks: number, at: string) {
  const [fromReadModel, fromStreams]: number[][] = [[], []];
  for (let i = 0; i < asks; i++) {
    fromReadModel.push(
      await timed(async () => {
        if (!(await authorityFromReadModel(store, dataSource, actor, district, at))) throw new Error('the read model lags');
      }),
    );
    fromStreams.push(await timed(() => authorityFromStreams(store, actor, district, at)));
  }
  const [readModel, streams] = [timing(fromReadModel), timing(fromStreams)];
  return { readModel, streams, ratio: round(streams.p50Ms / readModel.p50Ms, 2) };
}

export async function benchCaseAuthority(url: string, options: CaseAuthorityOptions): Promise<CaseAuthorityResults> {
  const store = new PostgresEventStore({ connectionString: url });
  const dataSource = await openDatabase(url, databaseSchema);
  try {
    for (const district of CITY_DISTRICTS) await store.appendToStream(supervisionStream(district), history(district, options.months));
    await rebuildProjection(supervisionTermsProjection, store, dataSource, { batchSize: 500 });
    const [own, other] = CITY_DISTRICTS;
    const at = instant(options.months);
    return {
      eventsPerStream: options.months + 1,
      authorise: await compare(store, dataSource, supervisorOf(own), own, options.asks, at),
      refuse: await compare(store, dataSource, supervisorOf(own), other, options.asks, at),
    };
  } finally {
    await dataSource.destroy();
    await store.close();
  }
}

/** The `case-authority` section of `npm run bench`. */
export const caseAuthority: Section = async (url, scale) => {
  const scaled = (size: number, min: number) => Math.max(min, Math.round(size * scale));
  const results = await benchCaseAuthority(url, { months: scaled(120, 12), asks: scaled(200, 20) });
  const row = (answer: string, r: CaseAuthorityResults['authorise']) => ({
    case: `${answer}, ${results.eventsPerStream} events a district stream: from the supervision-terms read model`,
    'p50 ms': r.readModel.p50Ms,
    'p99 ms': r.readModel.p99Ms,
    baseline: 'folding the supervision streams',
    'baseline p50 ms': r.streams.p50Ms,
    'baseline p99 ms': r.streams.p99Ms,
    ratio: r.ratio,
  });
  return { summary: [row('case authority granted', results.authorise), row('case authority refused', results.refuse)], results };
};

if (require.main === module) {
  void (async () => {
    const database = await openBenchDatabase();
    try {
      console.log(
        JSON.stringify(await benchCaseAuthority(database.url, { months: Number(process.env.BENCH_MONTHS ?? 120), asks: 200 }), null, 2),
      );
    } finally {
      await database.close();
    }
  })();
}
