import { Position } from '@libs/event-store/position';
import { PilotVillageEvent } from '@libs/domain/pilot-village';
import { RecordedOf } from '@libs/projection/projection';
import { recorded } from '../shared/testing/harness';
import { foldPilotVillages, PilotRow } from './pilot-villages.fold';

const VILLAGE = '640181002003';
const path = [VILLAGE, '640181002', '640181', '640100'];
type Pilot = RecordedOf<PilotVillageEvent>;
/** On EventStoreDB/KurrentDB the events of one append share the commit position and differ only in prepare. */
const at = (event: Pilot, commit: bigint, prepare: bigint): Pilot => ({ ...event, position: { commit, prepare } as Position });
const designated = (occurredAt = '2012-03-15T08:00:00.000Z') =>
  recorded(
    'PilotVillageDesignated',
    { villageCode: VILLAGE, townshipCode: '640181002', designatedBy: 'township-1', reason: 'decision 1' },
    occurredAt,
    `pilotvillage-${VILLAGE}`,
  ) as Pilot;
const withdrawn = (occurredAt = '2012-03-15T08:00:00.000Z') =>
  recorded(
    'PilotVillageDesignationWithdrawn',
    { villageCode: VILLAGE, townshipCode: '640181002', withdrawnBy: 'township-1', reason: 'merged' },
    occurredAt,
    `pilotvillage-${VILLAGE}`,
  ) as Pilot;

describe('pilot villages fold (no database)', () => {
  /** A designation and its withdrawal in one append: one commit position, two prepare positions. */
  const designatedThenWithdrawn = () => [
    at(designated('2012-03-15T08:00:00.000Z'), 300n, 300n),
    at(withdrawn('2013-07-01T02:00:00.000Z'), 300n, 340n),
  ];

  it.each<[string, (events: Pilot[]) => Pilot[][]]>([
    ['in one batch', (events) => [events]],
    ['in two batches', (events) => events.map((e) => [e])],
  ])('applies both events of one append whose events share a commit position (%s)', (_how, batches) => {
    const villages = new Map<string, PilotRow>();
    const changes: unknown[][] = [];
    for (const batch of batches(designatedThenWithdrawn())) changes.push(...foldPilotVillages(villages, batch).changes.rows());
    expect(villages.get(VILLAGE)).toMatchObject({ pilot: false });
    expect(changes).toEqual([
      [...path, 20120315, 1],
      [...path, 20130701, -1],
    ]);
  });

  it('changes nothing when the events of that append are delivered again, in any order', () => {
    const villages = new Map<string, PilotRow>();
    const [designation, withdrawal] = designatedThenWithdrawn();
    foldPilotVillages(villages, [designation, withdrawal]);
    const before = villages.get(VILLAGE);
    const again = foldPilotVillages(villages, [withdrawal, designation, withdrawal]);
    expect(again.changes.rows()).toEqual([]);
    expect(again.rows.size).toBe(0);
    expect(villages.get(VILLAGE)).toBe(before);
  });

  it('still skips an event earlier in the log than the village row (same commit, lower prepare)', () => {
    const villages = new Map<string, PilotRow>();
    foldPilotVillages(villages, [at(designated(), 300n, 340n)]);
    const late = foldPilotVillages(villages, [at(withdrawn(), 300n, 300n)]);
    expect(late.changes.rows()).toEqual([]);
    expect(late.rows.size).toBe(0);
    expect(villages.get(VILLAGE)).toMatchObject({ pilot: true });
  });
});
