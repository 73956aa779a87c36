/**
 * The city's bimonthly bulletin: the six districts side by side, issued by the city office (an administrator,
 * or a supervisor whose token spans the city: apps/api checks the capacity, as for assignments) into the
 * city's own supervision stream, `supervision-640100`. It has no supervisor's term to check, so it is a
 * decider of its own beside the districts' (its stream holds only its events). Stored names are frozen.
 */
import { Command, Decider, DomainEvent, rule } from '../shared';
import { BulletinDocument, BulletinKind } from './events';
import { requirePublishableBulletin } from './bulletin-rules';

/** The city's org-unit code: its supervision stream is named after it, as a district's is. */
export const CITY_CODE = '640100';
export const cityBulletinStream = () => `supervision-${CITY_CODE}`;

export type CityBulletinIssued = DomainEvent<
  'CityBulletinIssued',
  {
    bulletinId: string;
    /** Who issued it for the city office (the command's actor). */
    issuedBy: string;
    /** Bimonthly, `YYYYMMB`. */
    period: string;
    kind: BulletinKind;
    /** Codes of the units praised (progress) or criticised (criticism): districts, townships, departments. */
    units: string[];
    summary: string;
    issuedAt: string;
    /** The pack's hashes, the log position read and the scorecard printed (never null: it is always generated). */
    document: BulletinDocument;
  }
>;

export type CityBulletinEvent = CityBulletinIssued;

export const CITY_BULLETIN_EVENT_TYPES = ['CityBulletinIssued'] as const satisfies readonly CityBulletinEvent['type'][];

export type IssueCityBulletin = Command<
  'IssueCityBulletin',
  { bulletinId: string; period: string; kind: BulletinKind; units: string[]; summary: string; document: BulletinDocument }
>;

export type CityBulletinCommand = IssueCityBulletin;

/** The bulletins issued so far: one per bimonth. */
export interface CityBulletinState {
  bulletinIds: string[];
  periods: string[];
}

function decideCityBulletin(command: CityBulletinCommand, state: CityBulletinState): CityBulletinEvent[] {
  switch (command.type) {
    case 'IssueCityBulletin':
      return issue(command, state);
    default: {
      const _exhaustive: never = command.type;
      return _exhaustive;
    }
  }
}

function issue(command: IssueCityBulletin, state: CityBulletinState): CityBulletinEvent[] {
  const { bulletinId, period, kind, units, summary, document } = command.data;
  const { actor, occurredAt } = command.metadata;
  requirePublishableBulletin(command.data, occurredAt);
  rule(!state.bulletinIds.includes(bulletinId), 'bulletin-already-issued', `bulletin ${bulletinId} was already issued`);
  // One city bulletin per bimonth: a second would publish two rankings of the same months.
  rule(!state.periods.includes(period), 'bulletin-already-issued', `the city already has a bulletin for ${period}`);
  const data = { bulletinId, issuedBy: actor, period, kind, units: [...units], summary, issuedAt: occurredAt, document };
  return [{ type: 'CityBulletinIssued', data }];
}

function evolveCityBulletin(state: CityBulletinState, event: CityBulletinEvent): CityBulletinState {
  switch (event.type) {
    case 'CityBulletinIssued':
      return {
        bulletinIds: [...state.bulletinIds, event.data.bulletinId],
        periods: state.periods.includes(event.data.period) ? state.periods : [...state.periods, event.data.period],
      };
    default: {
      const _exhaustive: never = event.type;
      return state;
    }
  }
}

export const cityBulletinDecider: Decider<CityBulletinCommand, CityBulletinEvent, CityBulletinState> = {
  decide: decideCityBulletin,
  evolve: evolveCityBulletin,
  initialState: { bulletinIds: [], periods: [] },
};
