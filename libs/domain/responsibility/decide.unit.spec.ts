import { given } from '../../testing/decider-spec';
import {
  AssignResponsibility,
  RESPONSIBILITY_EVENT_TYPES,
  responsibilityDecider,
  responsibilityStream,
  ResponsibilityEvent,
} from './index';

const data: AssignResponsibility['data'] = {
  responsibilityId: 'r-1',
  task: 'visit every developing household monthly',
  officialId: 'official-17',
  position: "deputy head, Xingqing district women's federation",
  unitCode: 'unit-women-fed-640104',
  indicator: { code: 'visits-per-household', target: 1, unitOfMeasure: 'visits/month' },
  duePeriod: '201206B',
  reason: 'work plan 2012, item 3',
};

const assign = (over: Partial<AssignResponsibility['data']> = {}, occurredAt = '2012-03-01T08:00:00Z'): AssignResponsibility => ({
  type: 'AssignResponsibility',
  data: { ...data, ...over },
  metadata: { commandId: 'c-1', actor: 'city-office', correlationId: 'k-1', occurredAt },
});

const assigned: ResponsibilityEvent = { type: 'ResponsibilityAssigned', data };

describe('responsibility decider', () => {
  it('names the stream after the responsibility', () => {
    expect(responsibilityStream('r-1')).toBe('responsibility-r-1');
  });

  it('lists every stored event type', () => {
    expect(RESPONSIBILITY_EVENT_TYPES).toEqual(['ResponsibilityAssigned']);
  });

  it('assigns a task, with its indicator and target, to a named official', () => {
    given(responsibilityDecider).when(assign()).then([assigned]);
  });

  it('accepts a target of zero (e.g. zero complaints)', () => {
    const indicator = { code: 'complaints', target: 0, unitOfMeasure: 'complaints' };
    given(responsibilityDecider)
      .when(assign({ indicator }))
      .then([{ type: 'ResponsibilityAssigned', data: { ...data, indicator } }]);
  });

  it('refuses to assign the same responsibility twice', () => {
    given(responsibilityDecider, [assigned]).when(assign()).thenThrows('responsibility-already-assigned');
  });

  it('refuses a responsibility without a task', () => {
    given(responsibilityDecider)
      .when(assign({ task: ' ' }))
      .thenThrows('task-required');
  });

  it('refuses a responsibility that names no official', () => {
    given(responsibilityDecider)
      .when(assign({ officialId: '' }))
      .thenThrows('official-required');
  });

  it('refuses a responsibility without a reason', () => {
    given(responsibilityDecider)
      .when(assign({ reason: '' }))
      .thenThrows('reason-required');
  });

  it('refuses a negative or non-numeric target', () => {
    given(responsibilityDecider)
      .when(assign({ indicator: { ...data.indicator, target: -1 } }))
      .thenThrows('target-invalid');
    given(responsibilityDecider)
      .when(assign({ indicator: { ...data.indicator, target: Number.NaN } }))
      .thenThrows('target-invalid');
  });

  it('refuses a due period that is not a DHIS2 period', () => {
    given(responsibilityDecider)
      .when(assign({ duePeriod: '2012-06' }))
      .thenThrows('due-period-invalid');
  });

  it('refuses a due period that has already ended', () => {
    given(responsibilityDecider)
      .when(assign({ duePeriod: '201201B' }))
      .thenThrows('due-period-past');
  });
});
