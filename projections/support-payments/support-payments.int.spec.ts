import { randomUUID } from 'node:crypto';
import { ensureActiveCopy } from '@libs/projection/copies';
import { applyEvents, openProjectionDatabase, ProjectionDatabase, recorded, tableRows } from '../shared/testing/harness';
import { supportPaymentsProjection as projection } from './support-payments.projection';
import { SUPPORT_COUNTS } from './support-payments.tables';

const VILLAGE = '640121002003';
const at = <E extends { revision: bigint }>(event: E, revision: number): E => ({ ...event, revision: BigInt(revision) });
const enrolled = (householdId: string) =>
  recorded('HouseholdEnrolled', {
    householdId,
    villageCode: VILLAGE,
    category: 'elderly',
    members: 2,
    head: { name: 'Ma Shufen' },
    enrolmentYear: 2011,
    batch: 1,
  });
const ref = (householdId: string, supportId: string) => ({ supportId, householdId, programmeCode: 'donated-wheelchairs' });
// 2011-05-31T17:00Z is already 1 June in Beijing: the grant counts in June, the programme's month.
const granted = (h: string, s: string) =>
  at(
    recorded(
      'SupportGranted',
      { ...ref(h, s), householdCategory: 'elderly', amountFen: 120_000, units: 2 },
      '2011-05-31T17:00:00.000Z',
      `support-${s}`,
    ),
    0,
  );
const delivered = (h: string, s: string, units: number, revision: number) =>
  at(
    recorded('SupportDelivered', { ...ref(h, s), amountFen: 60_000 * units, units }, '2011-06-10T02:00:00.000Z', `support-${s}`),
    revision,
  );
const returned = (h: string, s: string, revision: number) =>
  at(
    recorded(
      'SupportReturned',
      { ...ref(h, s), amountFen: 60_000, units: 1, reason: 'not needed' },
      '2011-07-02T02:00:00.000Z',
      `support-${s}`,
    ),
    revision,
  );
const reversed = (h: string, s: string, revision: number) =>
  at(
    recorded(
      'SupportReversed',
      { ...ref(h, s), reason: 'wrong household', grantedFen: 120_000, grantedUnits: 2, heldFen: 60_000, heldUnits: 1 },
      '2011-08-01T02:00:00.000Z',
      `support-${s}`,
    ),
    revision,
  );
const row = (period: number, counts: Partial<Record<(typeof SUPPORT_COUNTS)[number], number>>) => ({
  village_code: VILLAGE,
  township_code: '640121002',
  district_code: '640121',
  city_code: '640100',
  programme_code: 'donated-wheelchairs',
  household_category: 'elderly',
  period,
  ...Object.fromEntries(SUPPORT_COUNTS.map((c) => [c, String(counts[c] ?? 0)])),
});

describe('support payments projection', () => {
  let db: ProjectionDatabase;
  beforeEach(async () => {
    db = await openProjectionDatabase();
    await ensureActiveCopy(db.dataSource.manager, projection);
  });
  afterEach(() => db.close());

  const counts = async () => {
    const rows = await tableRows(db.dataSource, projection, 'support_counts');
    return rows.filter((r) => SUPPORT_COUNTS.some((c) => r[c] !== '0'));
  };

  it('counts each event in the local month it happened, in the household village and its category at the grant', async () => {
    const [h, s] = [randomUUID(), randomUUID()];
    await applyEvents(db.dataSource, projection, [enrolled(h), granted(h, s), delivered(h, s, 2, 1), returned(h, s, 2)]);
    expect(await counts()).toEqual([
      row(201106, { grants: 1, granted_fen: 120_000, granted_units: 2, deliveries: 1, delivered_fen: 120_000, delivered_units: 2 }),
      row(201107, { returns: 1, returned_fen: 60_000, returned_units: 1 }),
    ]);
  });

  it('books a reversal in its own month: the grant and what the household held come out, past months stand', async () => {
    const [h, s] = [randomUUID(), randomUUID()];
    await applyEvents(db.dataSource, projection, [enrolled(h), granted(h, s), delivered(h, s, 2, 1), returned(h, s, 2), reversed(h, s, 3)]);
    expect((await counts()).find((r) => r.period === 201108)).toEqual(
      row(201108, { reversals: 1, reversed_fen: 120_000, reversed_units: 2, reversed_held_fen: 60_000, reversed_held_units: 1 }),
    );
    const [grant] = await tableRows(db.dataSource, projection, 'support_grants');
    expect(grant).toMatchObject({ support_id: s, household_id: h, status: 'reversed', delivered_units: '2', returned_units: '1' });
  });

  it('changes nothing when every event is delivered twice, in one batch or later', async () => {
    const [h, s] = [randomUUID(), randomUUID()];
    const events = [enrolled(h), granted(h, s), delivered(h, s, 1, 1), delivered(h, s, 1, 2)];
    await applyEvents(db.dataSource, projection, [...events, ...events]);
    await applyEvents(db.dataSource, projection, events, { oneByOne: true });
    expect(await counts()).toEqual([
      row(201106, { grants: 1, granted_fen: 120_000, granted_units: 2, deliveries: 2, delivered_fen: 120_000, delivered_units: 2 }),
    ]);
    const [grant] = await tableRows(db.dataSource, projection, 'support_grants');
    expect(grant).toMatchObject({ delivered_fen: '120000', delivered_units: '2', last_revision: '2' });
  });

  it('parks a grant to a household it never saw enrolled rather than count it nowhere', async () => {
    const [h, s] = [randomUUID(), randomUUID()];
    await expect(applyEvents(db.dataSource, projection, [granted(h, s)])).rejects.toThrow(/has no HouseholdEnrolled/);
  });
});
