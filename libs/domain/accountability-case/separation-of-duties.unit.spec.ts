/**
 * Whoever reported a rectification does not judge it, compared by person: an administrator may name another
 * actor (X-Actor), so the name alone would let one person report as "a" and judge as "b". The person behind
 * a command is its authenticated subject when that differs from the actor, else the actor.
 */
import { given } from '../../testing/decider-spec';
import { cityOffice, command, DISTRICT, opened, ordered, rejected, reported, subjectUnit, supervisorOf, WANG } from './case-fixtures';
import * as C from './commands';
import { CaseEvent, caseDecider, CaseState } from './index';

const ADMIN = 'admin-ma';
const fold = (events: CaseEvent[]): CaseState => events.reduce(caseDecider.evolve, caseDecider.initialState);
const verdictsBy = (options: { actor: string; authenticatedAs?: string }) => [
  command<C.AcceptRectification>('AcceptRectification', { reason: 'checked' }, { authority: cityOffice, ...options }),
  command<C.RejectRectification>('RejectRectification', { reason: 'not done' }, { authority: cityOffice, ...options }),
];
const report = (options: { actor: string; authenticatedAs?: string }) =>
  command<C.ReportRectification>(
    'ReportRectification',
    { report: 're-surveyed 40 of 40', evidence: [], reason: 'done' },
    { authority: subjectUnit, at: '2012-03-20T00:00:00.000Z', ...options },
  );

describe('whoever reported a rectification does not judge it', () => {
  const verdicts = verdictsBy({ actor: ADMIN });

  it.each(verdicts.map((v) => [v.type, v] as const))('refuses %s by the actor who reported, in whatever capacity', (_type, verdict) => {
    given(caseDecider, [opened, ordered(1), reported(1, false, ADMIN)])
      .when(verdict)
      .thenThrows('reporter-may-not-judge');
    const asSupervisor = { ...verdict, authority: supervisorOf(DISTRICT), metadata: { ...verdict.metadata, actor: WANG } };
    given(caseDecider, [opened, ordered(1), reported(1, false, WANG)])
      .when(asSupervisor)
      .thenThrows('reporter-may-not-judge');
  });

  it.each(verdicts.map((v) => [v.type, v] as const))('lets %s come from anyone but the reporter', (_type, verdict) => {
    const [event] = caseDecider.decide(verdict, fold([opened, ordered(1), reported(1, false, 'clerk-7')]));
    expect(event).toMatchObject({ data: { round: 1 } });
  });

  it('weighs the report under judgement: a new report by another actor frees the earlier reporter to judge', () => {
    const history = [opened, ordered(1), reported(1, false, ADMIN), rejected(1), reported(1, false, 'clerk-7')];
    expect(caseDecider.decide(verdicts[0], fold(history))).toEqual([
      { type: 'RectificationAccepted', data: { round: 1, reason: 'checked' } },
    ]);
  });

  it('folds a report stored before reporters were recorded as by an unknown reporter, and refuses no judge on it', () => {
    const state = fold([opened, ordered(1), reported(1, false, null)]);
    expect(state).toMatchObject({ rectification: { stage: 'reported', round: 1, late: false, reportedBy: null } });
    for (const verdict of verdicts) expect(caseDecider.decide(verdict, state)).toHaveLength(1);
  });
});

describe('an administrator acting under another name', () => {
  it('is recorded as the reporter, beside the name the report was recorded under', () => {
    const events = caseDecider.decide(report({ actor: 'clerk-7', authenticatedAs: ADMIN }), fold([opened, ordered(1)]));
    expect(events).toEqual([reported(1, false, ADMIN, 'clerk-7')]);
  });

  it.each(verdictsBy({ actor: 'clerk-7', authenticatedAs: 'admin-li' }).map((v) => [v.type, v] as const))(
    'leaves no other administrator free to %s under the name the report was recorded as',
    (_type, verdict) => {
      given(caseDecider, [opened, ordered(1), reported(1, false, ADMIN, 'clerk-7')])
        .when(verdict)
        .thenThrows('reporter-may-not-judge');
    },
  );

  it.each(verdictsBy({ actor: 'office-9', authenticatedAs: ADMIN }).map((v) => [v.type, v] as const))(
    'may not report as clerk-7 and then %s as office-9',
    (_type, verdict) => {
      const reportedByAdmin = caseDecider.decide(report({ actor: 'clerk-7', authenticatedAs: ADMIN }), fold([opened, ordered(1)]));
      given(caseDecider, [opened, ordered(1), ...reportedByAdmin])
        .when(verdict)
        .thenThrows('reporter-may-not-judge');
    },
  );

  it.each(verdictsBy({ actor: 'office-9', authenticatedAs: 'admin-li' }).map((v) => [v.type, v] as const))(
    'leaves another administrator free to %s the report',
    (_type, verdict) => {
      expect(caseDecider.decide(verdict, fold([opened, ordered(1), reported(1, false, ADMIN)]))).toHaveLength(1);
    },
  );

  it.each(verdictsBy({ actor: 'clerk-7', authenticatedAs: 'admin-li' }).map((v) => [v.type, v] as const))(
    'may not %s in the name of the person who reported',
    (_type, verdict) => {
      given(caseDecider, [opened, ordered(1), reported(1, false, 'clerk-7')])
        .when(verdict)
        .thenThrows('reporter-may-not-judge');
    },
  );

  it('is the person behind a report sent under their own name as well', () => {
    const events = caseDecider.decide(report({ actor: ADMIN }), fold([opened, ordered(1)]));
    expect(events).toEqual([reported(1, false, ADMIN)]);
  });
});
