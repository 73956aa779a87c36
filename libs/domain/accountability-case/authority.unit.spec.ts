import { given } from '../../testing/decider-spec';
import { cityOffice, command, DISTRICT, opened, ordered, OTHER_DISTRICT, reported, subjectUnit, supervisorOf, WANG } from './case-fixtures';
import * as C from './commands';
import { SupervisionEvent, supervisionDecider, SupervisionState } from '../supervision';
import { CaseEvent, caseDecider, CaseState, supervisorAuthority } from './index';

const openData = { ...(opened.data as C.OpenCase['data']) };
const order = (authority = supervisorOf(DISTRICT), actor?: string, at?: string) =>
  command<C.OrderRectification>(
    'OrderRectification',
    { requirements: ['fix'], deadline: '2012-06-01T00:00:00.000Z' },
    { authority, actor, at },
  );

describe('who may act on a case', () => {
  it('lets the supervisor of the case district act', () => {
    given(caseDecider, [opened])
      .when(order())
      .then([
        {
          type: 'RectificationOrdered',
          data: { round: 1, requirements: ['fix'], deadline: '2012-06-01T00:00:00.000Z', reason: 'as the supervision visit found' },
        },
      ]);
  });

  it('refuses a supervisor acting outside their district', () => {
    given(caseDecider, [opened])
      .when(order(supervisorOf(OTHER_DISTRICT)))
      .thenThrows('supervisor-outside-district');
  });

  it('refuses a supervisor opening a case in another district', () => {
    given(caseDecider)
      .when(command<C.OpenCase>('OpenCase', openData, { authority: supervisorOf(OTHER_DISTRICT) }))
      .thenThrows('supervisor-outside-district');
  });

  it('refuses a supervisor who held no term at the time', () => {
    given(caseDecider, [opened])
      .when(order({ role: 'supervisor', assignment: null }))
      .thenThrows('supervisor-not-in-office');
  });

  it('refuses a supervisor whose term had ended by the time of the act', () => {
    const former = supervisorOf(DISTRICT, '2012-01-01T00:00:00Z', '2012-03-01T00:00:00Z');
    given(caseDecider, [opened]).when(order(former)).thenThrows('supervisor-not-in-office');
  });

  it('refuses a supervisor acting before their term began', () => {
    given(caseDecider, [opened])
      .when(order(supervisorOf(DISTRICT, '2012-04-01T00:00:00Z')))
      .thenThrows('supervisor-not-in-office');
  });

  it('refuses a term that belongs to someone other than the actor', () => {
    given(caseDecider, [opened])
      .when(order(supervisorOf(DISTRICT), 'sup-li'))
      .thenThrows('supervisor-not-in-office');
  });

  it('accepts a late-recorded act of a former supervisor, made during their term', () => {
    const former = supervisorOf(DISTRICT, '2012-01-01T00:00:00Z', '2012-04-01T00:00:00Z');
    const [event] = caseDecider.decide(order(former, WANG, '2012-03-15T00:00:00.000Z'), fold([opened]));
    expect(event).toMatchObject({ type: 'RectificationOrdered', data: { round: 1 } });
  });

  it('lets the city office act in any district', () => {
    const elsewhere = { ...openData, districtCode: OTHER_DISTRICT };
    const [event] = caseDecider.decide(command<C.OpenCase>('OpenCase', elsewhere, { authority: cityOffice }), fold([]));
    expect(event).toMatchObject({
      type: 'CaseOpened',
      data: { districtCode: OTHER_DISTRICT, openedBy: { actor: 'city-office-zhao', role: 'city-office' } },
    });
  });

  it('lets the subject unit only report its rectification', () => {
    given(caseDecider, [opened, ordered(1)])
      .when(order(subjectUnit))
      .thenThrows('role-not-permitted');
    given(caseDecider)
      .when(command<C.OpenCase>('OpenCase', openData, { authority: subjectUnit }))
      .thenThrows('role-not-permitted');
  });

  it('refuses a rectification report from those who judge it: the supervisor and the city office', () => {
    for (const authority of [supervisorOf(DISTRICT), cityOffice]) {
      const report = command<C.ReportRectification>('ReportRectification', { report: 'done', evidence: [] }, { authority });
      given(caseDecider, [opened, ordered(1)])
        .when(report)
        .thenThrows('role-not-permitted');
    }
  });

  it('refuses a report from a unit other than the subject of the case', () => {
    const report = command<C.ReportRectification>(
      'ReportRectification',
      { report: 'done', evidence: [] },
      { authority: { role: 'subject-unit', unitCode: 'unit-other' } },
    );
    given(caseDecider, [opened, ordered(1)])
      .when(report)
      .thenThrows('not-the-subject-unit');
  });
});

describe('supervisorAuthority', () => {
  const supervision = [
    {
      type: 'SupervisorAssigned',
      data: { districtCode: DISTRICT, supervisorId: WANG, assignedAt: '2012-01-01T00:00:00Z', reason: 'order' },
    },
    {
      type: 'SupervisorAssignmentEnded',
      data: { districtCode: DISTRICT, supervisorId: WANG, endedAt: '2012-05-01T00:00:00Z', reason: 'rotation' },
    },
    {
      type: 'SupervisorAssigned',
      data: { districtCode: DISTRICT, supervisorId: 'sup-li', assignedAt: '2012-05-01T00:00:00Z', reason: 'rotation' },
    },
  ] as const;
  const state = supervision.reduce<SupervisionState>(
    (s, e) => supervisionDecider.evolve(s, e as SupervisionEvent),
    supervisionDecider.initialState,
  );

  it('gives the term the actor held in the district at the time', () => {
    expect(supervisorAuthority(state, WANG, '2012-03-10T08:00:00.000Z')).toEqual({
      role: 'supervisor',
      assignment: { districtCode: DISTRICT, supervisorId: WANG, from: '2012-01-01T00:00:00Z', until: '2012-05-01T00:00:00Z' },
    });
  });

  it('gives no term to the actor once their successor took office, so the decider refuses them', () => {
    const authority = supervisorAuthority(state, WANG, '2012-05-10T00:00:00Z');
    expect(authority).toEqual({ role: 'supervisor', assignment: null });
    given(caseDecider, [opened])
      .when(order(authority, WANG, '2012-05-10T00:00:00Z'))
      .thenThrows('supervisor-not-in-office');
  });
});

describe('every command carries a reason', () => {
  const commands: C.CaseCommand[] = [
    command<C.OpenCase>('OpenCase', { ...openData, reason: '' }),
    command<C.OrderRectification>('OrderRectification', { requirements: ['fix'], deadline: '2012-06-01T00:00:00Z', reason: ' ' }),
    command<C.ReportRectification>('ReportRectification', { report: 'r', evidence: [], reason: '' }, { authority: subjectUnit }),
    command<C.AcceptRectification>('AcceptRectification', { reason: '' }),
    command<C.RejectRectification>('RejectRectification', { reason: '' }),
    command<C.IssueCriticism>('IssueCriticism', { bulletinId: 'b', reason: '' }),
    command<C.HoldLeaderAccountable>('HoldLeaderAccountable', { officialId: 'o', position: 'p', measure: 'removal-from-post', reason: '' }),
    command<C.EscalateCase>('EscalateCase', { to: 'city-leading-group', reason: '' }),
    command<C.CloseCase>('CloseCase', { resolution: 'other', reason: '' }),
    command<C.ReopenCase>('ReopenCase', { reason: '' }),
  ];

  it.each(commands.map((c) => [c.type, c] as const))('refuses %s without a reason', (_type, cmd) => {
    given(caseDecider, [opened, ordered(1), reported(1)])
      .when(cmd)
      .thenThrows('reason-required');
  });

  it('carries the reason into the event', () => {
    const [event] = caseDecider.decide(
      command<C.EscalateCase>('EscalateCase', { to: 'city-leading-group', reason: 'third delay' }),
      fold([opened]),
    );
    expect(event.data).toMatchObject({ reason: 'third delay' });
  });
});

describe('the whole life of a case', () => {
  it('runs from opening through a rejected and an accepted rectification to closing and reopening', () => {
    const unit = subjectUnit;
    const at = (day: string) => `2012-${day}T08:00:00.000Z`;
    const steps: C.CaseCommand[] = [
      command<C.OpenCase>('OpenCase', openData, { at: at('03-01') }),
      command<C.OrderRectification>('OrderRectification', { requirements: ['re-survey'], deadline: at('03-31') }, { at: at('03-02') }),
      command<C.IssueCriticism>('IssueCriticism', { bulletinId: 'b-201202B' }, { at: at('03-05') }),
      command<C.ReportRectification>('ReportRectification', { report: 'partly', evidence: [] }, { authority: unit, at: at('03-20') }),
      command<C.RejectRectification>('RejectRectification', {}, { at: at('03-22') }),
      command<C.OrderRectification>('OrderRectification', { requirements: ['re-survey all'], deadline: at('04-30') }, { at: at('03-23') }),
      command<C.ReportRectification>('ReportRectification', { report: 'all', evidence: [] }, { authority: unit, at: at('05-02') }),
      command<C.HoldLeaderAccountable>(
        'HoldLeaderAccountable',
        { officialId: 'o-9', position: 'director', measure: 'admonition-talk' },
        { at: at('05-03') },
      ),
      command<C.AcceptRectification>('AcceptRectification', {}, { at: at('05-04') }),
      command<C.EscalateCase>('EscalateCase', { to: 'city-leading-group' }, { authority: cityOffice, at: at('05-05') }),
      command<C.CloseCase>('CloseCase', { resolution: 'rectified' }, { at: at('05-06') }),
      command<C.ReopenCase>('ReopenCase', {}, { authority: cityOffice, at: at('06-01') }),
    ];
    const { state, events } = run(steps);
    expect(events.map((e) => e.type)).toEqual([
      'CaseOpened',
      'RectificationOrdered',
      'CriticismIssued',
      'RectificationReported',
      'RectificationRejected',
      'RectificationOrdered',
      'RectificationReported',
      'LeaderHeldAccountable',
      'RectificationAccepted',
      'CaseEscalated',
      'CaseClosed',
      'CaseReopened',
    ]);
    expect(events[6].data).toMatchObject({ round: 2, late: true });
    expect(state).toEqual({
      status: 'Open',
      caseId: 'case-1',
      subjectUnit: openData.subjectUnit,
      districtCode: DISTRICT,
      grounds: openData.grounds,
      rectification: { stage: 'accepted', round: 2 },
      criticisms: ['b-201202B'],
      accountability: [{ officialId: 'o-9', position: 'director', measure: 'admonition-talk' }],
      escalation: 'city-leading-group',
      reopenings: 1,
    });
  });
});

function fold(events: CaseEvent[]): CaseState {
  return events.reduce(caseDecider.evolve, caseDecider.initialState);
}

function run(commands: C.CaseCommand[]) {
  let state = caseDecider.initialState;
  const events: CaseEvent[] = [];
  for (const cmd of commands) {
    const produced = caseDecider.decide(cmd, state);
    state = produced.reduce(caseDecider.evolve, state);
    events.push(...produced);
  }
  return { state, events };
}
