/**
 * Pilot villages designated by their townships (city.ts chose them): the first pilots on the first working
 * morning of the campaign, before any household enrols; every other village in the January of the year the
 * campaign reaches it, village by village ("分步创建、整村推进").
 */
import { DesignatePilotVillage, pilotVillageStream } from '../domain/pilot-village';
import { monthStart } from './calendar';
import { StreamWriter, TimedItem } from './items';
import { CampaignPart } from './part';

export const pilotVillagesPart: CampaignPart = {
  name: 'pilot-villages',
  scope: 'city',
  start(plan) {
    const byMonth = new Map<number, TimedItem[]>();
    for (const [n, village] of plan.city.villages.entries()) {
      if (village.pilotFrom === undefined) continue;
      const month = village.pilotFrom * 12;
      const writer = new StreamWriter(plan.seed, pilotVillageStream(village.unit.code));
      // 08:00 Beijing on the 1st, a second apart: before the first enrolment of the month can be recorded.
      const item = writer.command<DesignatePilotVillage>(monthStart(month, plan.firstYear) + n * 1000, `township-${village.townshipCode}`, {
        type: 'DesignatePilotVillage',
        data: {
          villageCode: village.unit.code,
          designatedBy: `township-${village.townshipCode}`,
          reason:
            village.pilotFrom === 0
              ? "The township's decision on its pilot villages (at least 15% of its villages)"
              : "The township's decision to extend the campaign to the whole village",
        },
      });
      byMonth.set(month, [...(byMonth.get(month) ?? []), item]);
    }
    return (month) => byMonth.get(month) ?? [];
  },
};
