/**
 * Whether a criticism's bulletin was issued where it could have named the case's unit: among the bulletins of
 * the case's district (its supervision stream) or the city's (`supervision-640100`). The case decider refuses
 * a criticism citing neither (`bulletin-not-found`).
 */
import { loadStream } from '@libs/command-handling/handle-command';
import { cityBulletinDecider, cityBulletinStream, supervisionDecider, supervisionStream } from '@libs/domain/supervision';
import { EventStore } from '@libs/event-store';

export async function bulletinIssued(store: EventStore, districtCode: string | undefined, bulletinId: string): Promise<boolean> {
  const [district, city] = await Promise.all([
    districtCode === undefined ? undefined : loadStream(store, supervisionStream(districtCode), supervisionDecider),
    loadStream(store, cityBulletinStream(), cityBulletinDecider),
  ]);
  const ofDistrict = district !== undefined && district.state.status !== 'Unassigned' && district.state.bulletinIds.includes(bulletinId);
  return ofDistrict || city.state.bulletinIds.includes(bulletinId);
}
