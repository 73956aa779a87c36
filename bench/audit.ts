/**
 * Audit: verification of the whole log's hash chains (events/s, libs/audit/log-verification) over a
 * generated campaign, next to merely reading the same events page by page through the store in the same
 * run, next to the verifier's own read without the hashing, and next to the hashing alone over events
 * already in memory on one thread (which of them bounds it). Then the auditor's replay of a case with 1,000
 * events: read, verify its chain, fold every state. Then what checkpoints cost over the same log.
 */
import { caseDecider, caseStream } from '../libs/domain/accountability-case';
import { CaseCommand } from '../libs/domain/accountability-case/commands';
import { RecordedEvent } from '../libs/event-store/event-store.port';
import { GENESIS_HASH, verifyChain } from '../libs/event-store/hash-chain';
import { PostgresEventStore } from '../libs/event-store/postgres/postgres-event-store';
import { verifyLog } from '../libs/audit/log-verification';
import { openLogSnapshot, readLogPages } from '../libs/audit/log-verification/log-pages';
import { replayHistory, stateAtRevision } from '../libs/audit/replay';
import { CampaignPlan } from '../libs/generator';
import { InMemoryDecisions } from '../libs/generator/in-memory';
import { seededUuid } from '../libs/generator/ids';
import { loadInBulk } from '../scripts/generate/in-bulk';
import { benchCheckpointCost, CheckpointCost } from './checkpoint-cost';
import { progressBar } from './support/progress';
import { median, percentile, round } from './support/stats';

export interface AuditBenchOptions {
  /** Households of the generated campaign (about 47 events each over four years). */
  households: number;
  caseEvents: number;
  pageSize: number;
  repeats: number;
}

export const defaultAuditOptions: AuditBenchOptions = { households: 4_000, caseEvents: 1_000, pageSize: 5_000, repeats: 3 };

export interface AuditBenchResults {
  logEvents: number;
  verifyWholeLog: { eventsPerSecond: number; seconds: number; intact: boolean };
  readWholeLog: { eventsPerSecond: number; seconds: number };
  /** The verifier's own read (one cursor on one connection, raw JSON text), without hashing. */
  verifierRead: { eventsPerSecond: number; seconds: number };
  hashOnly: { eventsPerSecond: number };
  ratioToRead: number;
  caseReplay: { events: number; p50Ms: number; p99Ms: number; verifiedAndFolded: boolean };
  /** Signing checkpoints over this log, and verifying the whole log against them (bench/checkpoint-cost.ts). */
  checkpoints: CheckpointCost;
}

export async function benchAudit(url: string, options: AuditBenchOptions = defaultAuditOptions): Promise<AuditBenchResults> {
  const store = new PostgresEventStore({ connectionString: url, poolSize: 8 });
  try {
    const plan = new CampaignPlan({ seed: 4_242, households: options.households, years: 4 });
    const bar = progressBar('generate campaign (bulk)', options.households * 47, 'events');
    let reported = 0;
    await loadInBulk(store, plan, {
      shard: 2_000,
      onProgress: (p) => (bar.increment(p.events - reported), (reported = p.events)),
    });
    bar.stop();
    // As autovacuum would before long: unanalysed, the store's paged read is planned as a sort of all the
    // rest of the log for every page, and the baseline would time the planner rather than the read.
    await store.pool.query('ANALYZE event_store.events');
    const [verify, read, verifierRead]: number[][] = [[], [], []];
    let logEvents = 0;
    let intact = true;
    for (let repeat = 0; repeat < options.repeats; repeat++) {
      read.push((await scanLog(store, options.pageSize)).seconds);
      verifierRead.push((await timed(() => countVerifierRead(store, options.pageSize))).seconds);
      const v = await timed(() => verifyLog(url, { pageSize: options.pageSize }));
      verify.push(v.seconds);
      logEvents = v.result.events;
      intact &&= v.result.intact;
    }
    const sample = await store.readAll({ maxCount: Math.min(logEvents, 50_000) });
    const started = process.hrtime.bigint();
    verifyPage(sample, new Map());
    const hashSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const caseReplay = await benchCaseReplay(store, options.caseEvents, Math.max(5, options.repeats * 5));
    const checkpoints = await benchCheckpointCost(url, store);
    const [verifySeconds, readSeconds, verifierReadSeconds] = [median(verify), median(read), median(verifierRead)];
    return {
      logEvents,
      verifyWholeLog: { eventsPerSecond: Math.round(logEvents / verifySeconds), seconds: round(verifySeconds, 2), intact },
      readWholeLog: { eventsPerSecond: Math.round(logEvents / readSeconds), seconds: round(readSeconds, 2) },
      verifierRead: { eventsPerSecond: Math.round(logEvents / verifierReadSeconds), seconds: round(verifierReadSeconds, 2) },
      hashOnly: { eventsPerSecond: Math.round(sample.length / hashSeconds) },
      ratioToRead: round(readSeconds / verifySeconds, 2),
      caseReplay,
      checkpoints,
    };
  } finally {
    await store.close();
  }
}

/** The whole log in global order, page by page through the store: the read a verifier over the port would do. */
async function scanLog(store: PostgresEventStore, pageSize: number) {
  const started = process.hrtime.bigint();
  let events = 0;
  for (
    let page = await store.readAll({ maxCount: pageSize });
    page.length > 0;
    page = await store.readAll({ fromPosition: page[page.length - 1].position, maxCount: pageSize })
  ) {
    events += page.length;
  }
  return { events, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** The verifier's read of the whole log (one cursor on one connection, raw JSON text), without the hashing. */
async function countVerifierRead(store: PostgresEventStore, pageSize: number): Promise<number> {
  const client = await store.pool.connect();
  let events = 0;
  try {
    const { visibleLimit } = await openLogSnapshot(client);
    for await (const rows of readLogPages(client, { visibleLimit, lane: 0, lanes: 1 }, pageSize)) events += rows.length;
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  return events;
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = process.hrtime.bigint();
  const result = await work();
  return { result, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** One thread's hashing over events in memory, each stream's chain continued across calls. */
function verifyPage(page: readonly RecordedEvent[], heads: Map<string, string>): boolean {
  const byStream = new Map<string, RecordedEvent[]>();
  for (const event of page) byStream.set(event.stream, [...(byStream.get(event.stream) ?? []), event]);
  let intact = true;
  for (const [stream, events] of byStream) {
    // A stream's first event in this scan chains from its predecessor's hash, or from genesis at revision 0.
    const start = heads.get(stream) ?? (events[0].revision === 0n ? GENESIS_HASH : events[0].previousHash);
    if (verifyChain(events, start) !== undefined) intact = false;
    heads.set(stream, events[events.length - 1].hash);
  }
  return intact;
}

/** A case with `count` events (rectification rounds ordered, reported and rejected), replayed `repeats` times. */
async function benchCaseReplay(store: PostgresEventStore, count: number, repeats: number): Promise<AuditBenchResults['caseReplay']> {
  const seed = 77;
  const caseId = seededUuid(seed, 'bench-case', Date.now());
  const stream = caseStream(caseId);
  const decisions = new InMemoryDecisions();
  const assignment = { districtCode: '640104', supervisorId: 'supervisor-640104', from: '2012-01-01T00:00:00.000Z', until: null };
  const authority = { role: 'supervisor', assignment } as const;
  const unit = { role: 'subject-unit', unitCode: '640104001' } as const;
  let at = Date.parse('2012-02-01T02:00:00Z');
  let sequence = 0;
  const send = (command: Omit<CaseCommand, 'metadata'>) => {
    at += 3_600_000;
    const commandId = seededUuid(seed, caseId, sequence++);
    const actor = command.authority.role === 'supervisor' ? assignment.supervisorId : 'unit-640104001';
    decisions.decide({
      stream,
      command: {
        ...command,
        metadata: { commandId, actor, correlationId: commandId, occurredAt: new Date(at).toISOString() },
      } as CaseCommand,
    });
  };
  send({
    type: 'OpenCase',
    authority,
    data: {
      caseId,
      subjectUnit: '640104001',
      districtCode: '640104',
      grounds: ['delayed'],
      evidence: [{ reference: 'bench', description: 'bench' }],
      reason: 'bench',
    },
  });
  for (let events = 1; events + 3 <= count; events += 3) {
    send({
      type: 'OrderRectification',
      authority,
      data: { requirements: ['Visit every household'], deadline: new Date(at + 30 * 86_400_000).toISOString(), reason: 'round' },
    });
    send({ type: 'ReportRectification', authority: unit, data: { report: 'Done', evidence: [], reason: 'done' } });
    send({ type: 'RejectRectification', authority, data: { reason: 'incomplete' } });
  }
  for (const append of decisions.drain())
    await store.appendToStream(append.stream, append.events, { expectedRevision: append.expectedRevision });
  const times: number[] = [];
  let ok = true;
  for (let i = 0; i < repeats; i++) {
    const started = process.hrtime.bigint();
    const events = await store.readStream(stream);
    const intact = verifyChain(events) === undefined;
    const history = replayHistory(caseDecider, events);
    const middle = stateAtRevision(caseDecider, events, BigInt(Math.floor(events.length / 2)));
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    ok &&= intact && history.length === events.length && middle !== undefined;
  }
  const events = (await store.readStream(stream)).length;
  return { events, p50Ms: round(median(times), 2), p99Ms: round(percentile(times, 99), 2), verifiedAndFolded: ok };
}
