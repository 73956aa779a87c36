/**
 * Households by category x org unit (village rolled up to township, district, city) x enrolment year.
 * Each household has one registry row; counts change only when that row does, so an event delivered twice
 * changes nothing.
 */
import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@libs/event-store';
import { HouseholdEnrolled } from '@libs/domain/household';
import { Projection } from '@libs/projection/projection';
import { orgUnitPath } from '../shared/org-unit-path';

export interface CountChange {
  orgUnitCode: string;
  orgUnitLevel: string;
  category: string;
  enrolmentYear: number;
  active: number;
  withdrawn: number;
}

/** The pure part: which count rows an enrolment moves, and by how much. */
export function enrolmentChanges(data: HouseholdEnrolled['data']): CountChange[] {
  return orgUnitPath(data.villageCode).map((unit) => ({
    orgUnitCode: unit.code,
    orgUnitLevel: unit.level,
    category: data.category,
    enrolmentYear: data.enrolmentYear,
    active: 1,
    withdrawn: 0,
  }));
}

export const categoryCountsProjection: Projection = {
  name: 'category-counts',
  version: 1,
  handles: ['HouseholdEnrolled'],
  async apply(event: RecordedEvent, tx: EntityManager): Promise<void> {
    if (event.type !== 'HouseholdEnrolled') return;
    const data = event.data as HouseholdEnrolled['data'];
    const registered: unknown[] = await tx.query(
      `INSERT INTO read_models.household_registry (household_id, village_code, category, status, enrolment_year, last_position)
       VALUES ($1, $2, $3, 'active', $4, $5) ON CONFLICT (household_id) DO NOTHING RETURNING 1`,
      [data.householdId, data.villageCode, data.category, data.enrolmentYear, event.position.prepare.toString()],
    );
    if (registered.length === 0) return;
    await addCounts(tx, enrolmentChanges(data));
  },
};

export async function addCounts(tx: EntityManager, changes: CountChange[]): Promise<void> {
  await tx.query(
    `INSERT INTO read_models.category_counts AS c (org_unit_code, org_unit_level, category, enrolment_year, active, withdrawn)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::int[])
     ON CONFLICT (org_unit_code, category, enrolment_year)
     DO UPDATE SET active = c.active + EXCLUDED.active, withdrawn = c.withdrawn + EXCLUDED.withdrawn`,
    [changes.map((c) => c.orgUnitCode), changes.map((c) => c.orgUnitLevel), changes.map((c) => c.category),
      changes.map((c) => c.enrolmentYear), changes.map((c) => c.active), changes.map((c) => c.withdrawn)],
  );
}
