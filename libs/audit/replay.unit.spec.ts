import { caseDecider, CaseState } from '../domain/accountability-case';
import { recordedStream } from './recorded-events.fixture';
import { replayHistory, stateAsOf, stateAtRevision, stateOccurredAsOf } from './replay';

const opened = {
  caseId: 'case-1',
  subjectUnit: 'unit-a',
  districtCode: '640104',
  grounds: ['delayed'],
  evidence: [{ reference: 'visit-7', description: 'no ledger' }],
  openedBy: { actor: 'sup-wang', role: 'supervisor' },
  reason: 'visit',
};

/**
 * The unit handed in its rectification report on paper on 10 March; it was keyed into the system on
 * 25 March. Until then the log could not know it, though it was already true.
 */
const events = recordedStream('case-case-1', [
  { type: 'CaseOpened', data: opened, occurredAt: '2012-03-01T08:00:00Z', recordedAt: '2012-03-01T08:00:05Z' },
  {
    type: 'RectificationOrdered',
    data: { round: 1, requirements: ['keep a ledger'], deadline: '2012-03-31T00:00:00Z', reason: 'r' },
    occurredAt: '2012-03-02T08:00:00Z',
    recordedAt: '2012-03-02T08:00:05Z',
  },
  {
    type: 'RectificationReported',
    data: { round: 1, report: 'ledger kept', evidence: [], late: false, reason: 'r' },
    occurredAt: '2012-03-10T08:00:00Z',
    recordedAt: '2012-03-25T09:00:00Z',
  },
  {
    type: 'RectificationAccepted',
    data: { round: 1, reason: 'r' },
    occurredAt: '2012-03-26T08:00:00Z',
    recordedAt: '2012-03-26T08:00:05Z',
  },
]);

const stage = (state: CaseState) => (state.status === 'NotOpened' ? 'none' : state.rectification.stage);

describe('auditor replay', () => {
  it('gives every event in stream order with the state after it', () => {
    const history = replayHistory(caseDecider, [...events].reverse());
    expect(history.map((h) => h.event.revision)).toEqual([0n, 1n, 2n, 3n]);
    expect(history.map((h) => stage(h.state))).toEqual(['none', 'ordered', 'reported', 'accepted']);
    expect(history[0].state).toMatchObject({ status: 'Open', caseId: 'case-1', districtCode: '640104' });
  });

  it('replays to a revision, inclusive', () => {
    const replayed = stateAtRevision(caseDecider, events, 1n);
    expect(stage(replayed.state)).toBe('ordered');
    expect(replayed.revisions).toEqual([0n, 1n]);
    expect(stateAtRevision(caseDecider, events, -1n).state).toEqual({ status: 'NotOpened' });
  });

  it('keeps the late-recorded report out of what had been recorded by 15 March', () => {
    const replayed = stateAsOf(caseDecider, events, '2012-03-15T00:00:00Z');
    expect(stage(replayed.state)).toBe('ordered');
    expect(replayed.revisions).toEqual([0n, 1n]);
  });

  it('includes the late-recorded report in what was true on 15 March', () => {
    const replayed = stateOccurredAsOf(caseDecider, events, '2012-03-15T00:00:00Z');
    expect(stage(replayed.state)).toBe('reported');
    expect(replayed.revisions).toEqual([0n, 1n, 2n]);
  });

  it('agrees on both clocks once the late fact is recorded', () => {
    const at = '2012-03-25T12:00:00Z';
    expect(stateAsOf(caseDecider, events, at).state).toEqual(stateOccurredAsOf(caseDecider, events, at).state);
  });

  it('counts an event recorded exactly at the instant asked', () => {
    expect(stateAsOf(caseDecider, events, '2012-03-25T09:00:00.000Z').revisions).toEqual([0n, 1n, 2n]);
  });

  it('folds by occurredAt order when a later revision happened earlier', () => {
    const criticisms = recordedStream('case-case-2', [
      { type: 'CaseOpened', data: opened, occurredAt: '2012-03-01T00:00:00Z', recordedAt: '2012-03-01T00:00:00Z' },
      {
        type: 'CriticismIssued',
        data: { bulletinId: 'b-march', reason: 'r' },
        occurredAt: '2012-03-20T00:00:00Z',
        recordedAt: '2012-03-20T00:00:00Z',
      },
      {
        type: 'CriticismIssued',
        data: { bulletinId: 'b-feb', reason: 'r' },
        occurredAt: '2012-03-05T00:00:00Z',
        recordedAt: '2012-03-21T00:00:00Z',
      },
    ]);
    const at = '2012-03-30T00:00:00Z';
    expect(stateOccurredAsOf(caseDecider, criticisms, at).state).toMatchObject({ criticisms: ['b-feb', 'b-march'] });
    expect(stateOccurredAsOf(caseDecider, criticisms, at).revisions).toEqual([0n, 2n, 1n]);
    expect(stateAsOf(caseDecider, criticisms, at).state).toMatchObject({ criticisms: ['b-march', 'b-feb'] });
  });

  it('starts from the initial state before anything was recorded', () => {
    expect(stateAsOf(caseDecider, events, '2012-01-01T00:00:00Z')).toEqual({ state: { status: 'NotOpened' }, revisions: [] });
    expect(stateOccurredAsOf(caseDecider, events, '2012-01-01T00:00:00Z').revisions).toEqual([]);
  });

  it('refuses an instant it cannot read', () => {
    expect(() => stateAsOf(caseDecider, events, 'yesterday')).toThrow(RangeError);
    expect(() => stateOccurredAsOf(caseDecider, events, '')).toThrow(RangeError);
  });
});
