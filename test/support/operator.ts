/**
 * The database operator as adversary, for the operator suites (audit-operator-*.e2e.spec.ts): an audited
 * service to tamper with, what an insider with the scheme does to its log by SQL, and the auditor's tools
 * run against it (the case's verification, `audit:verify`'s work, the `family-ledger` command line).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { auditLog } from '@libs/audit/log-verification/audit-log';
import { exportPublicKey, generateSigningKeyPair, keyFingerprint, loadPublicKey, SignedCheckpoint } from '@libs/audit/signing';
import { eventHash, RecordedEvent } from '@libs/event-store';
import { main as familyLedger } from '../../scripts/verify/cli';
import { seedBulletin } from './seeded-bulletin';
import { eventually, logLength, startTestApp, TestApp } from './test-app';

export const DISTRICT = '640106';
const OFFICE = { 'X-Actor': 'city-office-1', 'X-Actor-Role': 'city-office' };
export const SUN = { 'X-Actor': 'sup-sun' };
export const day = (d: string) => `2012-${d}T02:00:00.000Z`;
/** The service's checkpoint key, and its public half as the auditor fetched it once over a channel they trust. */
export const KEY = generateSigningKeyPair().privateKeyPem;
export const REAL = exportPublicKey(loadPublicKey(KEY));

export async function startAuditedApp(options: { database?: TestApp['database']; key?: string } = {}): Promise<TestApp> {
  // The checkpoint writer reads its settings from the process environment, as the other audit suites set them.
  process.env.AUDIT_SIGNING_KEY = options.key ?? KEY;
  process.env.AUDIT_CHECKPOINT_INTERVAL_SECONDS = '0';
  const app = await startTestApp({ database: options.database });
  if (!options.database) {
    await request(app.http)
      .post(`/supervision/${DISTRICT}/assignment`)
      .set(OFFICE)
      .send({ supervisorId: 'sup-sun', reason: 'order 12', occurredAt: day('01-01') })
      .expect(200);
    // The bulletin fiveEventCase's criticisms cite: a criticism names a bulletin issued for the district.
    await seedBulletin(app, {
      districtCode: DISTRICT,
      bulletinId: 'b-1',
      supervisorId: 'sup-sun',
      period: '201201B',
      issuedAt: day('01-05'),
    });
  }
  return app;
}

/** The operator stops the service and starts it again on the same database (with their own key, if they like). */
export async function restart(app: TestApp, key?: string): Promise<TestApp> {
  await app.close({ keepDatabase: true });
  return startAuditedApp({ database: app.database, key });
}

/** A case of five events: opened, ordered, criticised, escalated, leader held accountable. */
export async function fiveEventCase(app: TestApp): Promise<string> {
  const caseId = randomUUID();
  const post = (path: string, body: object) =>
    request(app.http)
      .post(path)
      .set(SUN)
      .send(body)
      .expect((r) => expect(r.status).toBeLessThan(300));
  await post('/cases', {
    caseId,
    subjectUnit: 'unit-5',
    districtCode: DISTRICT,
    grounds: ['passive'],
    evidence: [{ reference: 'v', description: 'nothing done' }],
    reason: 'idle',
    occurredAt: day('03-10'),
  });
  await post(`/cases/${caseId}/order-rectification`, {
    requirements: ['start'],
    deadline: day('04-10'),
    reason: 'r1',
    occurredAt: day('03-11'),
  });
  await post(`/cases/${caseId}/issue-criticism`, { bulletinId: 'b-1', reason: 'r2', occurredAt: day('03-12') });
  await post(`/cases/${caseId}/escalate`, { to: 'city-leading-group', reason: 'r3', occurredAt: day('03-13') });
  await post(`/cases/${caseId}/hold-leader-accountable`, {
    officialId: 'off-1',
    position: 'head',
    measure: 'admonition-talk',
    reason: 'r4',
    occurredAt: day('03-14'),
  });
  return caseId;
}

/** A checkpoint of the whole log (the last appends may stay a moment above the visibility limit). */
export const signAll = (app: TestApp): Promise<SignedCheckpoint> =>
  eventually(async () => {
    const signed: SignedCheckpoint = (await request(app.http).post('/audit/checkpoints').expect(201)).body;
    expect(signed.eventCount).toBe(await logLength(app));
    return signed;
  });

export const sql = (app: TestApp, text: string, values: unknown[] = []) => app.runtime.dataSource.query(text, values);
export const verifyCase = async (app: TestApp, caseId: string) => (await request(app.http).get(`/cases/${caseId}/verify`).expect(200)).body;
export const exportCase = (app: TestApp, caseId: string, query = '') => request(app.http).get(`/cases/${caseId}/export${query}`);
/** `npm run audit:verify`'s work, trusting only the key given (the auditor's, fetched out of band). */
export const auditWith = (app: TestApp, key = REAL) => {
  const trusted = loadPublicKey(key);
  return auditLog(app.runtime.databaseUrl, new Map([[keyFingerprint(trusted), trusted]]), { workers: 0 });
};
export const positionOf = async (app: TestApp, stream: string, revision: number) =>
  (
    await sql(app, `SELECT log_position::text AS p FROM event_store.events WHERE stream_id = $1 AND stream_revision = $2`, [
      stream,
      revision,
    ])
  )[0].p as string;

/** The command line as an auditor runs it, on a bundle (and trusted checkpoint) written to files. */
export function cli(bundle: string, args: string[], trusted?: SignedCheckpoint): { code: number; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'audit-operator-'));
  writeFileSync(join(dir, 'case.ndjson'), bundle);
  if (trusted) writeFileSync(join(dir, 'trusted.json'), JSON.stringify(trusted));
  const trustedArgs = trusted ? ['--trusted', join(dir, 'trusted.json')] : [];
  return runVerifier(['verify', join(dir, 'case.ndjson'), ...args, ...trustedArgs]);
}

/** `family-ledger <args>` in this process, on the real files: its exit code and every line it printed. */
export function runVerifier(args: string[]): { code: number; out: string; lines: string[] } {
  const lines: string[] = [];
  const io = {
    readFile: (p: string) => readFileSync(p, 'utf8'),
    exists: existsSync,
    out: (l: string) => lines.push(l),
    err: (l: string) => lines.push(l),
  };
  const code = familyLedger(args, io);
  return { code, out: lines.join('\n'), lines };
}

/** What an insider with the scheme can do: empty the log and write it back whole, every chain recomputed. */
export async function rewriteWholeLog(app: TestApp, change: (event: RecordedEvent) => RecordedEvent['data'] | undefined): Promise<void> {
  const events = await app.runtime.rawEventStore.readAll({ fromPosition: 'start', maxCount: 100_000 });
  expect(events).toHaveLength(await logLength(app));
  await sql(app, 'TRUNCATE event_store.events');
  const heads = new Map<string, string>();
  for (const event of events) {
    const content = { ...event, data: change(event) ?? event.data };
    const previous = heads.get(event.stream) ?? event.previousHash;
    const hash = eventHash(previous, content);
    heads.set(event.stream, hash);
    await sql(
      app,
      `INSERT INTO event_store.events (log_position, stream_id, stream_revision, event_id, event_type, data, metadata, recorded_at, previous_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, decode($9, 'hex'), decode($10, 'hex'))`,
      [
        event.position.commit.toString(),
        event.stream,
        event.revision.toString(),
        event.id,
        event.type,
        JSON.stringify(content.data),
        JSON.stringify(event.metadata),
        event.recordedAt,
        previous,
        hash,
      ],
    );
  }
}
