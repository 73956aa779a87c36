/** What the web bench loads its pages with, made through the public API: a long case, and read models caught up. */
import { randomUUID } from 'node:crypto';

export type Api = (method: string, path: string, body?: object, headers?: Record<string, string>) => Promise<Response>;

/** A case of `events` events through the API: opened, ordered, then reports and rejections in turn. */
/** `unitAuthorization`: the unit's reports go with a token of their own, not the one that rejects them. */
export async function longCase(api: Api, events: number, unitAuthorization: string): Promise<string> {
  const caseId = randomUUID();
  const at = (n: number) => new Date(Date.UTC(2012, 2, 1) + n * 60_000).toISOString();
  const supervisor = { 'X-Actor': 'sup-bench' };
  const unit = { authorization: unitAuthorization, 'X-Actor': 'clerk-bench', 'X-Actor-Role': 'subject-unit', 'X-Actor-Unit': 'unit-bench' };
  await api(
    'POST',
    '/supervision/640104/assignment',
    { supervisorId: 'sup-bench', reason: 'bench', occurredAt: at(0) },
    { 'X-Actor': 'office', 'X-Actor-Role': 'city-office' },
  );
  await api(
    'POST',
    '/cases',
    {
      caseId,
      subjectUnit: 'unit-bench',
      districtCode: '640104',
      grounds: ['perfunctory'],
      evidence: [{ reference: 'r', description: 'd' }],
      reason: 'bench',
      occurredAt: at(1),
    },
    supervisor,
  );
  await api(
    'POST',
    `/cases/${caseId}/order-rectification`,
    { requirements: ['redo'], deadline: '2030-01-01T00:00:00.000Z', reason: 'bench', occurredAt: at(2) },
    supervisor,
  );
  for (let n = 2; n < events; n += 2) {
    const reported = await api(
      'POST',
      `/cases/${caseId}/report-rectification`,
      { report: `round ${n}`, evidence: [], reason: 'bench', occurredAt: at(n + 1) },
      unit,
    );
    if (!reported.ok) throw new Error(`report-rectification answered ${reported.status}: ${await reported.text()}`);
    if (n + 1 >= events) continue;
    const rejected = await api('POST', `/cases/${caseId}/reject-rectification`, { reason: 'again', occurredAt: at(n + 2) }, supervisor);
    if (!rejected.ok) throw new Error(`reject-rectification answered ${rejected.status}: ${await rejected.text()}`);
  }
  return caseId;
}

export async function caughtUp(api: Api): Promise<void> {
  for (const deadline = Date.now() + 300_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
    const { projections: list } = (await (await api('GET', '/admin/projections')).json()) as { projections: { lag: { events: number } }[] };
    if (list.every((p) => p.lag.events === 0)) return;
  }
  throw new Error('projections did not catch up within 5 minutes');
}
