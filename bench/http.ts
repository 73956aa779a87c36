/**
 * Commands over HTTP against the API in this process (createApiApp over openRuntime, on the bench
 * database): enrolments and service deliveries at concurrency 32 with autocannon, each next to a trivial
 * GET on the same server in the same run: /audit/public-key, through the same HTTP stack and guards but
 * with no database work. (Not /health: it reads every event its projections have not applied, so without
 * a projector running it grows with the log and measures that, not the stack.)
 */
import { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { loadConfig } from '../libs/config';
import { forgetFoldedStates } from '../libs/command-handling/folded-states';
import { handleCommand } from '../libs/command-handling/handle-command';
import { householdDecider, householdStream } from '../libs/domain/household';
import { CampaignPlan } from '../libs/generator';
import { commandIdFor } from '../libs/generator/ids';
import { databaseSchema } from '../projections/index';
import { openRuntime } from '../libs/runtime';
import { createApiApp } from '../apps/api/src/create-app';
import { benchAuth } from './support/auth';
import { httpLoad, LoadRequest } from './support/http-load';
import { countRoundTrips, RoundTrips } from './support/round-trips';
import { median, round } from './support/stats';

export interface HttpBenchOptions {
  durationSeconds: number;
  connections: number;
  /** Households enrolled beforehand, over which the deliveries rotate. */
  households: number;
  repeats: number;
}

export const defaultHttpOptions: HttpBenchOptions = { durationSeconds: 10, connections: 32, households: 2_000, repeats: 3 };

export interface HttpCase {
  case: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** Requests per second against the baseline's. */
  ratioToBaseline?: number;
  /**
   * CPU time of this process (the API and autocannon) per request: steadier than requests per second on a
   * shared machine, since it does not count the time other processes take from it. PostgreSQL's is apart.
   */
  cpuMsPerRequest: number;
}

export interface HttpBenchResults {
  connections: number;
  durationSeconds: number;
  cases: HttpCase[];
  /** Statements sent to PostgreSQL by one request of each kind, sent alone before the load. */
  roundTrips: Record<string, RoundTrips>;
}

type Request = LoadRequest;

export async function benchHttp(databaseUrl: string, options: HttpBenchOptions = defaultHttpOptions): Promise<HttpBenchResults> {
  const auth = await benchAuth();
  const env = { ...process.env, ...auth.env, DATABASE_URL: databaseUrl };
  const runtime = await openRuntime(loadConfig(env), { env, schema: databaseSchema });
  const app = await createApiApp(runtime);
  try {
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const households = await enrolHouseholds(runtime.eventStore, options.households);
    const roundTrips = await profileRoundTrips(`http://127.0.0.1:${port}`, auth.authorization, households);
    let next = 0;
    const cases: [string, () => Request][] = [
      ['GET /audit/public-key (baseline)', () => ({ method: 'GET', path: '/audit/public-key' })],
      ['POST /households (enrol)', () => ({ method: 'POST', path: '/households', body: enrolment() })],
      [
        'POST /households/:id/services (deliver)',
        () => ({ method: 'POST', path: `/households/${households[next++ % households.length]}/services`, body: delivery() }),
      ],
    ];
    const runs = new Map<string, autocannon.Result[]>();
    const cpu = new Map<string, number>();
    for (let repeat = 0; repeat < options.repeats; repeat++) {
      for (const [name, request] of cases) {
        const before = process.cpuUsage();
        runs.set(name, [...(runs.get(name) ?? []), await httpLoad(`http://127.0.0.1:${port}`, auth.authorization, request, options)]);
        const used = process.cpuUsage(before);
        cpu.set(name, (cpu.get(name) ?? 0) + (used.user + used.system) / 1000);
      }
    }
    const results = cases.map(([name]) => summarise(name, runs.get(name)!, cpu.get(name)!));
    for (const result of results.slice(1)) result.ratioToBaseline = round(result.requestsPerSecond / results[0].requestsPerSecond, 2);
    return { connections: options.connections, durationSeconds: options.durationSeconds, cases: results, roundTrips };
  } finally {
    await app.close();
    await runtime.close();
  }
}

/** Enrolled through the command path directly: the HTTP cases measure only what they name. */
export async function enrolHouseholds(store: import('../libs/event-store').EventStore, count: number): Promise<string[]> {
  const plan = new CampaignPlan({ seed: 90_210, households: count, years: 1 });
  const ids: string[] = [];
  for (let from = 0; from < count; from += 16) {
    const batch = Array.from({ length: Math.min(16, count - from) }, (_, i) => plan.profile(from + i));
    await Promise.all(
      batch.map((p) => {
        const stream = householdStream(p.householdId);
        ids.push(p.householdId);
        return handleCommand(store, stream, householdDecider, {
          type: 'EnrollHousehold',
          data: {
            householdId: p.householdId,
            villageCode: p.village.code,
            category: p.category,
            members: p.members,
            head: p.head,
            enrolmentYear: 2012,
            batch: 1,
          },
          metadata: {
            commandId: commandIdFor(plan.seed, stream, 0),
            actor: 'bench',
            correlationId: commandIdFor(plan.seed, stream, 0),
            occurredAt: '2012-01-02T02:00:00.000Z',
          },
        });
      }),
    );
  }
  return ids;
}

/**
 * One request of each kind, alone, with its statements counted: an enrolment, a delivery to a household
 * enrolled moments ago (its folded state and data key cached) and to one with nothing cached, each also
 * with an Idempotency-Key, and that key's replay.
 */
async function profileRoundTrips(url: string, authorization: string, households: string[]): Promise<Record<string, RoundTrips>> {
  const send = (path: string, body: string, key?: string) => async () => {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json', ...(key && { 'idempotency-key': key }) },
      body,
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { householdId: string };
  };
  const trips: Record<string, RoundTrips> = {};
  const measure = async <T>(name: string, work: () => Promise<T>) => {
    const { result, trips: counted } = await countRoundTrips(work);
    trips[name] = counted;
    return result;
  };
  const key = `bench-${process.pid}-${Date.now()}`;
  const cold = households[households.length - 1];
  await send('/households', enrolment())(); // the first request warms the pool's connections and the wrapping key
  const enrolled = await measure('enrol', send('/households', enrolment()));
  await measure('enrol, Idempotency-Key', send('/households', enrolment(), `${key}-e`));
  await measure('enrol, Idempotency-Key replayed', send('/households', enrolment(), `${key}-e`));
  await measure('deliver, state cached', send(`/households/${enrolled.householdId}/services`, delivery()));
  await measure('deliver, state cached, Idempotency-Key', send(`/households/${enrolled.householdId}/services`, delivery(), `${key}-d`));
  // As in a process that has not seen the household (or another process wrote to it): nothing kept.
  forgetFoldedStates();
  await new Promise((resolve) => setTimeout(resolve, CACHE_EXPIRY_MS));
  await measure('deliver, nothing cached', send(`/households/${cold}/services`, delivery()));
  return trips;
}

/** Past the default data-key cache time (PII_KEY_CACHE_MS, 5 s), which also bounds a folded state's life. */
const CACHE_EXPIRY_MS = 5_200;

const enrolment = () =>
  JSON.stringify({
    villageCode: '640104001001',
    category: 'stable',
    members: 4,
    head: { name: 'Bench Household', idNumber: '640104198001010013' },
    enrolmentYear: 2012,
    batch: 1,
    occurredAt: '2012-03-01T02:00:00Z',
  });

const delivery = () =>
  JSON.stringify({ departmentCode: 'health', serviceTypeCode: 'health-check', focusArea: 'health', occurredAt: '2012-04-01T02:00:00Z' });

function summarise(name: string, runs: autocannon.Result[], cpuMs: number): HttpCase {
  const requests = runs.reduce((sum, r) => sum + r.requests.total, 0);
  return {
    cpuMsPerRequest: round(cpuMs / Math.max(1, requests), 2),
    case: name,
    requestsPerSecond: Math.round(median(runs.map((r) => r.requests.average))),
    p50Ms: median(runs.map((r) => r.latency.p50)),
    p99Ms: median(runs.map((r) => r.latency.p99)),
    requests: runs.reduce((sum, r) => sum + r.requests.total, 0),
    errors: runs.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
  };
}
