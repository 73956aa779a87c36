/**
 * Writes the category counts (see category-counts.tables.ts). Recategorisation moves a household's count
 * from one category to another, withdrawal from active to withdrawn, certification and its revocation move
 * the certified count; each in one statement guarded by the household row's last position.
 */
import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@libs/event-store';
import { HouseholdEnrolled, HouseholdEvent, HouseholdRecategorized } from '@libs/domain/household';
import { monthOf } from '@libs/periods';
import { Projection } from '@libs/projection/projection';
import { orgUnitValues } from '../shared/org-unit-path';
import { categoryCountsReadModel } from './category-counts.tables';

type Handled = Extract<HouseholdEvent['type'], 'HouseholdEnrolled' | 'HouseholdRecategorized' | 'HouseholdWithdrawn' | 'HouseholdCertified' | 'CertificationRevoked'>;
const HANDLES: readonly Handled[] = ['HouseholdEnrolled', 'HouseholdRecategorized', 'HouseholdWithdrawn', 'HouseholdCertified', 'CertificationRevoked'];

/** How a household row changes, as SQL over its old values `h`: the new values, and the count deltas per category. */
interface Transition {
  guard: string;
  set: string;
  /** [category expression, active delta, withdrawn delta, certified delta], each SQL over `h`. */
  deltas: [string, string, string, string][];
}

const TRANSITIONS: Record<Exclude<Handled, 'HouseholdEnrolled'>, Transition> = {
  HouseholdRecategorized: {
    guard: `h.category <> $3`,
    set: `category = $3`,
    deltas: [
      [`h.category`, `-(h.status = 'active')::int`, `-(h.status = 'withdrawn')::int`, `-h.certified::int`],
      [`$3`, `(h.status = 'active')::int`, `(h.status = 'withdrawn')::int`, `h.certified::int`],
    ],
  },
  HouseholdWithdrawn: {
    guard: `h.status = 'active'`,
    set: `status = 'withdrawn', certified = false`,
    deltas: [[`h.category`, `-1`, `1`, `-h.certified::int`]],
  },
  HouseholdCertified: {
    guard: `h.status = 'active' AND NOT h.certified`,
    set: `certified = true`,
    deltas: [[`h.category`, `0`, `0`, `1`]],
  },
  CertificationRevoked: {
    guard: `h.certified`,
    set: `certified = false`,
    deltas: [[`h.category`, `0`, `0`, `-1`]],
  },
};

export const categoryCountsProjection: Projection = {
  ...categoryCountsReadModel,
  handles: HANDLES,
  async apply(event: RecordedEvent, tx: EntityManager, schema: string): Promise<void> {
    const type = event.type as Handled;
    if (type === 'HouseholdEnrolled') return enrol(tx, schema, event);
    if (!(type in TRANSITIONS)) return;
    const data = event.data as { householdId: string } & Partial<HouseholdRecategorized['data']>;
    await transition(tx, schema, TRANSITIONS[type], data.householdId, event.position.commit, data.to ?? null);
  },
};

async function enrol(tx: EntityManager, s: string, event: RecordedEvent): Promise<void> {
  const data = event.data as HouseholdEnrolled['data'];
  await tx.query(
    `WITH g AS (
       INSERT INTO ${s}.households (household_id, village_code, township_code, district_code, city_code, category, status, enrolment_year, period, last_position)
       VALUES ($1, $2, $3, $4, $5, $6, 'active', $7, $8, $9) ON CONFLICT (household_id) DO NOTHING RETURNING *)
     INSERT INTO ${s}.category_counts AS c (village_code, township_code, district_code, city_code, category, enrolment_year, period, active)
     SELECT village_code, township_code, district_code, city_code, category, enrolment_year, period, 1 FROM g
     ON CONFLICT (village_code, category, enrolment_year, period) DO UPDATE SET active = c.active + 1`,
    [data.householdId, ...orgUnitValues(data.villageCode), data.category, data.enrolmentYear, monthOf(event.metadata.occurredAt), event.position.commit.toString()],
  );
}

/** One statement: lock and change the household row if the event is newer and the guard holds, then move the counts. */
async function transition(tx: EntityManager, s: string, t: Transition, householdId: string, position: bigint, to: string | null): Promise<void> {
  const deltas = t.deltas
    .map(([category, active, withdrawn, certified]) =>
      `SELECT h.village_code, h.township_code, h.district_code, h.city_code, ${category}::text AS category, h.enrolment_year, h.period,
              ${active} AS active, ${withdrawn} AS withdrawn, ${certified} AS certified FROM h`)
    .join(' UNION ALL ');
  await tx.query(
    `WITH h AS (SELECT * FROM ${s}.households h WHERE household_id = $1 AND last_position < $2 AND ${t.guard} FOR UPDATE),
     u AS (UPDATE ${s}.households x SET ${t.set}, last_position = $2 FROM h WHERE x.household_id = h.household_id RETURNING 1),
     d AS (${deltas})
     INSERT INTO ${s}.category_counts AS c (village_code, township_code, district_code, city_code, category, enrolment_year, period, active, withdrawn, certified)
     SELECT * FROM d
     ON CONFLICT (village_code, category, enrolment_year, period)
     DO UPDATE SET active = c.active + EXCLUDED.active, withdrawn = c.withdrawn + EXCLUDED.withdrawn, certified = c.certified + EXCLUDED.certified`,
    to === null ? [householdId, position.toString()] : [householdId, position.toString(), to],
  );
}
