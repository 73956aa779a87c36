import { given } from '../../testing/decider-spec';
import {
  ACTIVITY_EVENT_TYPES,
  activityDecider,
  ActivityEvent,
  activityStream,
  ActivityFacts,
  CancelActivity,
  CorrectActivity,
  HoldActivity,
} from './index';

const facts: ActivityFacts = {
  kind: 'happiness-training',
  focusArea: 'civility',
  orgUnitCode: '640104',
  departmentCode: 'population-family-planning',
  heldOn: '2011-06-18',
  sessions: 2,
  attendance: 450,
  costFen: 1_200_000,
  materials: { boards: 4, walls: 0, billboards: 1, lightBoxes: 0 },
};
const metadata = (occurredAt = '2011-06-20T02:00:00Z') => ({ commandId: 'c-1', actor: 'staff-7', correlationId: 'k-1', occurredAt });
const hold = (over: Partial<HoldActivity['data']> = {}, occurredAt?: string): HoldActivity => ({
  type: 'HoldActivity',
  data: { activityId: 'a-1', reason: 'work plan 2011, item 2', ...facts, ...over },
  metadata: metadata(occurredAt),
});
const correct = (changes: CorrectActivity['data']['changes'], reason = 'attendance sheet recounted'): CorrectActivity => ({
  type: 'CorrectActivity',
  data: { activityId: 'a-1', reason, changes },
  metadata: metadata(),
});
const cancel = (reason = 'recorded twice'): CancelActivity => ({
  type: 'CancelActivity',
  data: { activityId: 'a-1', reason },
  metadata: metadata(),
});

const held: ActivityEvent = { type: 'GroupActivityHeld', data: { activityId: 'a-1', reason: 'work plan 2011, item 2', ...facts } };

describe('group activity decider', () => {
  it('names the stream after the activity and lists its stored event types', () => {
    expect(activityStream('a-1')).toBe('activity-a-1');
    expect(ACTIVITY_EVENT_TYPES).toEqual(['GroupActivityHeld', 'GroupActivityCorrected', 'GroupActivityCancelled']);
  });

  it('records an activity held, with who held it, where, when and for how many', () => {
    given(activityDecider).when(hold()).then([held]);
  });

  it('takes the local date: an activity recorded at 17:00 UTC on 30 June may have been held on 1 July in Yinchuan', () => {
    given(activityDecider)
      .when(hold({ heldOn: '2011-07-01' }, '2011-06-30T17:00:00Z'))
      .then([{ ...held, data: { ...held.data, heldOn: '2011-07-01' } }]);
    given(activityDecider)
      .when(hold({ heldOn: '2011-07-01' }, '2011-06-30T15:00:00Z'))
      .thenThrows('held-on-in-future');
  });

  it('refuses recording the same activity twice, and one without a reason', () => {
    given(activityDecider, [held]).when(hold()).thenThrows('activity-already-recorded');
    given(activityDecider)
      .when(hold({ reason: ' ' }))
      .thenThrows('reason-required');
  });

  it.each([
    ['an unknown kind', { kind: 'picnic' as never }, 'invalid-activity-kind'],
    ['an unknown focus area', { focusArea: 'wealth' as never }, 'invalid-focus-area'],
    ['no session', { sessions: 0 }, 'invalid-sessions'],
    ['fractional attendance', { attendance: 10.5 }, 'invalid-attendance'],
    ['a negative cost', { costFen: -1 }, 'invalid-cost'],
    ['a negative material count', { materials: { ...facts.materials, boards: -2 } }, 'invalid-materials'],
    ['a date that is not one', { heldOn: '2011-13-40' }, 'invalid-held-on'],
    ['a day February 2011 does not have', { heldOn: '2011-02-29' }, 'invalid-held-on'],
    ['the 31st of a 30-day month', { heldOn: '2011-04-31' }, 'invalid-held-on'],
  ])('refuses %s', (_, over, code) => {
    given(activityDecider).when(hold(over)).thenThrows(code);
  });

  it('corrects what was recorded, keeping before and after with the reason', () => {
    const after = { ...facts, attendance: 470, materials: { ...facts.materials, walls: 2 } };
    given(activityDecider, [held])
      .when(correct({ attendance: 470, materials: { ...facts.materials, walls: 2 } }))
      .then([{ type: 'GroupActivityCorrected', data: { activityId: 'a-1', reason: 'attendance sheet recounted', before: facts, after } }]);
  });

  it('refuses a correction that changes nothing, breaks a rule, has no reason, moves the activity, or comes for an unknown or cancelled activity', () => {
    given(activityDecider, [held])
      .when(correct({ attendance: 450 }))
      .thenThrows('correction-changes-nothing');
    given(activityDecider, [held])
      .when(correct({ sessions: 0 }))
      .thenThrows('invalid-sessions');
    given(activityDecider, [held])
      .when(correct({ attendance: 1 }, ''))
      .thenThrows('reason-required');
    given(activityDecider, [held])
      .when(correct({ orgUnitCode: '640105' }))
      .thenThrows('org-unit-not-correctable');
    given(activityDecider)
      .when(correct({ attendance: 1 }))
      .thenThrows('activity-not-found');
    const cancelled: ActivityEvent = { type: 'GroupActivityCancelled', data: { activityId: 'a-1', reason: 'x', before: facts } };
    given(activityDecider, [held, cancelled])
      .when(correct({ attendance: 1 }))
      .thenThrows('activity-cancelled');
  });

  it('cancels an activity with a reason, once', () => {
    given(activityDecider, [held])
      .when(cancel())
      .then([{ type: 'GroupActivityCancelled', data: { activityId: 'a-1', reason: 'recorded twice', before: facts } }]);
    given(activityDecider, [held, { type: 'GroupActivityCancelled', data: { activityId: 'a-1', reason: 'x', before: facts } }])
      .when(cancel())
      .thenThrows('activity-cancelled');
    given(activityDecider, [held]).when(cancel('')).thenThrows('reason-required');
    given(activityDecider).when(cancel()).thenThrows('activity-not-found');
  });
});
