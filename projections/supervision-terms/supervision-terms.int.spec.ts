import { activeSchema, appendedHead, applyEvents, incrementalAndRebuilt, tableRows } from '../shared/testing/harness';
import { rebuildProjection } from '@libs/projection/rebuild';
import { databasePerTest } from '../shared/testing/database-per-test';
import { supervisionTermsProjection as projection } from './supervision-terms.projection';
import { termsHeldAt } from './supervision-terms.query';
import { assign, catchUp, endTerm, supervise, visit } from './testing/supervision-history';

const XINGQING = '640104';
const XIXIA = '640105';
const at = (month: number, day = 1) => new Date(Date.UTC(2012, month - 1, day)).toISOString();

describe('supervision terms projection', () => {
  const db = databasePerTest(projection);

  /** Wang in Xingqing, replaced by Li, who leaves; Wang comes back; Zhou in Xixia throughout. */
  async function history(): Promise<void> {
    await supervise(db, assign(XINGQING, 'sup-wang', at(1)));
    await supervise(db, assign(XIXIA, 'sup-zhou', at(1)));
    await supervise(db, visit(XINGQING, 'sup-wang', '201202', at(2, 10)));
    await supervise(db, assign(XINGQING, 'sup-li', at(3)));
    await supervise(db, endTerm(XINGQING, at(5)));
    await supervise(db, assign(XINGQING, 'sup-wang', at(6)));
  }

  const terms = async () =>
    (await tableRows(db.dataSource, projection, 'terms')).map((t) => [t.district_code, t.supervisor_id, t.assigned_at, t.ended_at]);

  it('keeps every term of every district, each ended by the next end or assignment of its district', async () => {
    await history();
    await catchUp(db, projection, { batchSize: 2 });
    expect((await terms()).sort()).toEqual([
      [XINGQING, 'sup-li', at(3), at(5)],
      [XINGQING, 'sup-wang', at(1), at(3)],
      [XINGQING, 'sup-wang', at(6), null],
      [XIXIA, 'sup-zhou', at(1), null],
    ]);
  });

  it("answers a supervisor's terms in force at an instant, with the position the copy reflects", async () => {
    await history();
    await catchUp(db, projection);
    const held = (who: string, when: string) => termsHeldAt(db.dataSource, who, when);
    expect((await held('sup-wang', at(2)))?.terms).toEqual([
      { districtCode: XINGQING, supervisorId: 'sup-wang', from: at(1), until: at(3) },
    ]);
    expect((await held('sup-wang', at(3)))?.terms).toEqual([]);
    expect((await held('sup-li', at(4)))?.terms).toEqual([{ districtCode: XINGQING, supervisorId: 'sup-li', from: at(3), until: at(5) }]);
    expect((await held('sup-wang', at(7)))?.position).toEqual(await appendedHead(db.dataSource));
  });

  it('follows the active copy when a rebuild swaps it', async () => {
    await history();
    await catchUp(db, projection);
    const first = await activeSchema(db.dataSource, projection);
    const before = await termsHeldAt(db.dataSource, 'sup-zhou', at(2));
    const { schema } = await rebuildProjection(projection, db.store, db.dataSource);
    expect(schema).not.toBe(first);
    expect(await termsHeldAt(db.dataSource, 'sup-zhou', at(2))).toEqual(before);
    expect(before?.terms).toEqual([{ districtCode: XIXIA, supervisorId: 'sup-zhou', from: at(1), until: null }]);
  });

  it('changes nothing when every event is delivered twice, even after later ones', async () => {
    await history();
    await catchUp(db, projection);
    const once = await tableRows(db.dataSource, projection, 'terms');
    const log = await db.store.readAll({ filter: { eventTypes: projection.handles } });
    await applyEvents(db.dataSource, projection, log, { oneByOne: true });
    await applyEvents(db.dataSource, projection, [...log].reverse());
    expect(await tableRows(db.dataSource, projection, 'terms')).toEqual(once);
  });

  it('ends, followed batch by batch with deliveries repeated, in the rows a clean rebuild writes', async () => {
    await history();
    for (const batchSize of [1, 3]) {
      await supervise(db, assign(XIXIA, `sup-${batchSize}`, at(7 + batchSize)));
      await catchUp(db, projection, { batchSize });
    }
    const log = await db.store.readAll({ filter: { eventTypes: projection.handles } });
    await applyEvents(db.dataSource, projection, [log[3], log[0], log[log.length - 2]]);
    const { incremental, rebuilt } = await incrementalAndRebuilt(db.dataSource, db.store, projection);
    expect(incremental).toEqual(rebuilt);
    expect(rebuilt.terms).toHaveLength(6);
  });
});
