/** Writes satisfaction counts (see satisfaction-rates.tables.ts). */
import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@libs/event-store';
import { HouseholdEnrolled, SatisfactionRecorded } from '@libs/domain/household';
import { monthOf } from '@libs/periods';
import { Projection } from '@libs/projection/projection';
import { assertKnownHousehold, PATH, rememberVillage } from '../shared/household-villages';
import { satisfactionRatesReadModel } from './satisfaction-rates.tables';

/** Answer to count column; anything else is poison (parked), not silently dropped. */
const COLUMN: Record<string, string> = { satisfied: 'satisfied', neutral: 'neutral', dissatisfied: 'dissatisfied', 'no-answer': 'no_answer' };

export const satisfactionRatesProjection: Projection = {
  ...satisfactionRatesReadModel,
  handles: ['HouseholdEnrolled', 'SatisfactionRecorded'],
  async apply(event: RecordedEvent, tx: EntityManager, schema: string): Promise<void> {
    if (event.type === 'HouseholdEnrolled') {
      const data = event.data as HouseholdEnrolled['data'];
      return rememberVillage(tx, schema, data.householdId, data.villageCode);
    }
    if (event.type === 'SatisfactionRecorded') return record(tx, schema, event.data as SatisfactionRecorded['data'], monthOf(event.metadata.occurredAt));
  },
};

async function record(tx: EntityManager, s: string, data: SatisfactionRecorded['data'], period: number): Promise<void> {
  const column = COLUMN[data.response];
  if (!column) throw new Error(`unknown satisfaction response ${String(data.response).slice(0, 20)}`);
  await assertKnownHousehold(tx, s, data.householdId);
  await tx.query(
    `WITH g AS (INSERT INTO ${s}.responses (service_id, response) VALUES ($1, $7) ON CONFLICT DO NOTHING RETURNING 1)
     INSERT INTO ${s}.satisfaction_counts AS c (village_code, township_code, district_code, city_code, department_code, service_type_code, focus_area, period, ${column})
     SELECT ${PATH}, $3, $4, $5, $6, 1 FROM ${s}.household_villages v, g WHERE v.household_id = $2
     ON CONFLICT (village_code, department_code, service_type_code, focus_area, period) DO UPDATE SET ${column} = c.${column} + 1`,
    [data.serviceId, data.householdId, data.departmentCode, data.serviceTypeCode, data.focusArea, period, data.response],
  );
}
