import { given } from '../../testing/decider-spec';
import {
  DesignatePilotVillage,
  PILOT_VILLAGE_EVENT_TYPES,
  pilotVillageDecider,
  PilotVillageEvent,
  pilotVillageStream,
  WithdrawPilotVillageDesignation,
} from './index';

const VILLAGE = '640104001001';
const metadata = { commandId: 'c-1', actor: 'township-office', correlationId: 'k-1', occurredAt: '2012-01-10T02:00:00Z' };
const designate = (over: Partial<DesignatePilotVillage['data']> = {}): DesignatePilotVillage => ({
  type: 'DesignatePilotVillage',
  data: { villageCode: VILLAGE, designatedBy: 'official-12', reason: 'township decision 2012-3', ...over },
  metadata,
});
const withdraw = (over: Partial<WithdrawPilotVillageDesignation['data']> = {}): WithdrawPilotVillageDesignation => ({
  type: 'WithdrawPilotVillageDesignation',
  data: { villageCode: VILLAGE, withdrawnBy: 'official-12', reason: 'merged into a neighbouring village', ...over },
  metadata,
});
const designated: PilotVillageEvent = {
  type: 'PilotVillageDesignated',
  data: { villageCode: VILLAGE, townshipCode: '640104001', designatedBy: 'official-12', reason: 'township decision 2012-3' },
};
const withdrawn: PilotVillageEvent = {
  type: 'PilotVillageDesignationWithdrawn',
  data: { villageCode: VILLAGE, townshipCode: '640104001', withdrawnBy: 'official-12', reason: 'merged into a neighbouring village' },
};

describe('pilot village decider', () => {
  it('keeps one stream per village and lists its stored types', () => {
    expect(pilotVillageStream(VILLAGE)).toBe('pilotvillage-640104001001');
    expect(PILOT_VILLAGE_EVENT_TYPES).toEqual(['PilotVillageDesignated', 'PilotVillageDesignationWithdrawn']);
  });

  it('designates a village with who and why, naming its township', () => {
    given(pilotVillageDecider).when(designate()).then([designated]);
  });

  it('withdraws a designation, and designates again after a withdrawal', () => {
    given(pilotVillageDecider, [designated]).when(withdraw()).then([withdrawn]);
    given(pilotVillageDecider, [designated, withdrawn]).when(designate()).then([designated]);
  });

  it('refuses a second designation and a withdrawal of a village that is not a pilot', () => {
    given(pilotVillageDecider, [designated]).when(designate()).thenThrows('already-pilot');
    given(pilotVillageDecider).when(withdraw()).thenThrows('not-pilot');
    given(pilotVillageDecider, [designated, withdrawn]).when(withdraw()).thenThrows('not-pilot');
  });

  it('refuses unknown villages (a township is no village), and designations without who or why', () => {
    given(pilotVillageDecider)
      .when(designate({ villageCode: '640104001' }))
      .thenThrows('unknown-village');
    given(pilotVillageDecider)
      .when(designate({ villageCode: '999999999999' }))
      .thenThrows('unknown-village');
    given(pilotVillageDecider)
      .when(designate({ reason: '  ' }))
      .thenThrows('reason-required');
    given(pilotVillageDecider)
      .when(designate({ designatedBy: '' }))
      .thenThrows('decider-required');
  });
});
