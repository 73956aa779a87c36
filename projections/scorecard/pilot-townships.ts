/**
 * Pilot villages judged where the seed sets them, per township: "每个乡(镇)街选择不少于15%的村(居)进行试点"
 * (each township or street chooses at least 15% of its villages as pilots, §一.3). A district's value is
 * the share of its townships meeting the catalogue's per-township target of `pilot-village-coverage`, so a
 * township's pilots never cover for another's none (version 1 judged the district's villages together).
 */
import { DataSource } from 'typeorm';
import { answerIndicator } from '@libs/indicators';
import { parsePeriod } from '@libs/periods';
import type { Measure } from '@libs/assessment';
import { catalogue } from '../index';

export const PILOT_COVERAGE = 'pilot-village-coverage';

/**
 * Per district (the first six digits of a township's code), the share of its townships whose coverage is at
 * least `threshold`; townships without villages (no value) are left out, and a district without any is null.
 */
export function townshipShares(rows: readonly { orgUnit: string; value: number | null }[], threshold: number): Map<string, number | null> {
  const counted = new Map<string, { met: number; judged: number }>();
  for (const row of rows) {
    const district = row.orgUnit.slice(0, 6);
    const found = counted.get(district) ?? { met: 0, judged: 0 };
    if (row.value !== null) counted.set(district, { met: found.met + (row.value >= threshold ? 1 : 0), judged: found.judged + 1 });
    else counted.set(district, found);
  }
  return new Map([...counted].map(([district, c]) => [district, c.judged === 0 ? null : c.met / c.judged]));
}

/** The `pilot-townships` value of every district in each bimonth; the log position the answer reflects. */
export async function pilotTownshipValues(
  dataSource: DataSource,
  bimonths: readonly { code: string }[],
  set: (bimonth: string, unit: string, m: Measure, value: number | null) => void,
): Promise<string | null> {
  const indicator = catalogue.find(PILOT_COVERAGE)!;
  const answer = await answerIndicator(dataSource, indicator, {
    orgUnit: '640100',
    orgUnitLevel: 'city',
    level: 'township',
    periods: bimonths.map((b) => parsePeriod(b.code)),
    by: [],
  });
  for (const b of bimonths) {
    const shares = townshipShares(
      answer.rows.filter((r) => r.period === b.code),
      indicator.target!.value,
    );
    for (const [district, share] of shares) set(b.code, district, 'pilot-townships', share);
  }
  return answer.reflects.position;
}
