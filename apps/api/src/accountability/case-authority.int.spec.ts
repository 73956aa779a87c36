/**
 * Case authority from the supervision-terms read model when it has caught up with the streams the answer
 * rests on, and from the streams when it lags: the same answer either way, at once after an assignment.
 */
import { CaseAuthority } from '@libs/domain/accountability-case';
import { databasePerTest } from '@projections/shared/testing/database-per-test';
import { supervisionTermsProjection as projection } from '@projections/supervision-terms/supervision-terms.projection';
import { assign, catchUp, endTerm, supervise } from '@projections/supervision-terms/testing/supervision-history';
import { authorityFromReadModel, authorityFromStreams, caseAuthority } from './case-authority';

const XINGQING = '640104';
const XIXIA = '640105';
const at = (month: number, day = 1) => new Date(Date.UTC(2012, month - 1, day)).toISOString();
const supervisor = { role: 'supervisor' } as const;
const term = (districtCode: string, supervisorId: string, from: string, until: string | null = null): CaseAuthority => ({
  role: 'supervisor',
  assignment: { districtCode, supervisorId, from, until },
});

describe('case authority', () => {
  const db = databasePerTest(projection);
  beforeEach(async () => {
    await supervise(db, assign(XINGQING, 'sup-wang', at(1)));
    await supervise(db, assign(XIXIA, 'sup-zhou', at(1)));
  });

  const fromReadModel = (actor: string, district: string, when: string) =>
    authorityFromReadModel(db.store, db.dataSource, actor, district, when);
  const fromStreams = (actor: string, district: string, when: string) => authorityFromStreams(db.store, actor, district, when);
  const authority = (actor: string, district: string, when: string) =>
    caseAuthority(db.store, db.dataSource, supervisor, actor, district, when);

  it('answers from the read model once it has caught up, as the streams would', async () => {
    await catchUp(db, projection);
    const asks: [string, string, string, CaseAuthority][] = [
      ['sup-wang', XINGQING, at(2), term(XINGQING, 'sup-wang', at(1))],
      ['sup-wang', XIXIA, at(2), term(XINGQING, 'sup-wang', at(1))],
      ['sup-nobody', XINGQING, at(2), { role: 'supervisor', assignment: null }],
      ['sup-wang', XINGQING, '2011-12-31T00:00:00.000Z', { role: 'supervisor', assignment: null }],
    ];
    for (const [actor, district, when, expected] of asks) {
      expect(await fromReadModel(actor, district, when)).toEqual(expected);
      expect(await fromStreams(actor, district, when)).toEqual(expected);
    }
  });

  it('falls back to the streams while the read model lags: a supervisor assigned a moment ago is authorised at once', async () => {
    await catchUp(db, projection);
    await supervise(db, assign(XINGQING, 'sup-li', at(3)));
    expect(await fromReadModel('sup-li', XINGQING, at(4))).toBeUndefined();
    expect(await authority('sup-li', XINGQING, at(4))).toEqual(term(XINGQING, 'sup-li', at(3)));
    await catchUp(db, projection);
    expect(await fromReadModel('sup-li', XINGQING, at(4))).toEqual(term(XINGQING, 'sup-li', at(3)));
  });

  it('refuses at once a supervisor whose term ended a moment ago, though the read model still lists it', async () => {
    await catchUp(db, projection);
    await supervise(db, endTerm(XINGQING, at(3)));
    expect(await fromReadModel('sup-wang', XINGQING, at(4))).toBeUndefined();
    expect(await authority('sup-wang', XINGQING, at(4))).toEqual({ role: 'supervisor', assignment: null });
  });

  it("still authorises from the read model when only another district's stream moved; a refusal waits for every district", async () => {
    await catchUp(db, projection);
    await supervise(db, assign(XIXIA, 'sup-li', at(3)));
    expect(await fromReadModel('sup-wang', XINGQING, at(4))).toEqual(term(XINGQING, 'sup-wang', at(1)));
    expect(await fromReadModel('sup-li', XINGQING, at(4))).toBeUndefined();
    expect(await authority('sup-li', XINGQING, at(4))).toEqual(term(XIXIA, 'sup-li', at(3)));
  });

  it('answers from the streams before the read model has a copy', async () => {
    await db.dataSource.query(`DELETE FROM projections.checkpoints WHERE projection = $1`, [projection.name]);
    expect(await fromReadModel('sup-wang', XINGQING, at(2))).toBeUndefined();
    expect(await authority('sup-wang', XINGQING, at(2))).toEqual(term(XINGQING, 'sup-wang', at(1)));
  });
});
