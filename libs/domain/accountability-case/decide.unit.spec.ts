import { given } from '../../testing/decider-spec';
import {
  accepted,
  closed,
  command,
  DISTRICT,
  heldToAccount,
  opened,
  ordered,
  rejected,
  reported,
  subjectUnit,
  UNIT,
  cityOffice,
} from './case-fixtures';
import * as C from './commands';
import { caseDecider, caseStream, CASE_EVENT_TYPES } from './index';

const open = (over: Partial<C.OpenCase['data']> = {}) =>
  command<C.OpenCase>('OpenCase', { ...(opened.data as C.OpenCase['data']), reason: 'February visit', ...over });
const order = (deadline = '2012-04-01T00:00:00.000Z', requirements = ['re-survey the 40 households']) =>
  command<C.OrderRectification>('OrderRectification', { requirements, deadline });
const report = (at = '2012-03-20T00:00:00.000Z', text = 're-surveyed 40 of 40') =>
  command<C.ReportRectification>('ReportRectification', { report: text, evidence: [], reason: 'done' }, { authority: subjectUnit, at });
const accept = () => command<C.AcceptRectification>('AcceptRectification', { reason: 'checked on site' });
const reject = () => command<C.RejectRectification>('RejectRectification', { reason: 'only 12 re-surveyed' });
const criticise = (bulletinId = 'b-201202B-3') => command<C.IssueCriticism>('IssueCriticism', { bulletinId, reason: 'named in bulletin' });
const hold = (officialId = 'official-9') =>
  command<C.HoldLeaderAccountable>('HoldLeaderAccountable', {
    officialId,
    position: 'director',
    measure: 'admonition-talk',
    reason: 'second delay',
  });
const escalate = (to: C.EscalateCase['data']['to']) => command<C.EscalateCase>('EscalateCase', { to, reason: 'no progress' });
const close = (resolution: C.CloseCase['data']['resolution'], waiverReason?: string) =>
  command<C.CloseCase>('CloseCase', { resolution, reason: 'done', ...(waiverReason === undefined ? {} : { waiverReason }) });

describe('accountability case decider', () => {
  it('names the stream after the case', () => {
    expect(caseStream('case-1')).toBe('case-case-1');
  });

  it('lists every stored event type', () => {
    expect(CASE_EVENT_TYPES).toEqual([
      'CaseOpened',
      'RectificationOrdered',
      'RectificationReported',
      'RectificationAccepted',
      'RectificationRejected',
      'CriticismIssued',
      'LeaderHeldAccountable',
      'CaseEscalated',
      'CaseClosed',
      'CaseReopened',
    ]);
  });

  describe('OpenCase', () => {
    it('opens a case on a unit, citing grounds and evidence', () => {
      given(caseDecider).when(open()).then([opened]);
    });

    it('records each ground once', () => {
      const [event] = caseDecider.decide(open({ grounds: ['passive', 'passive'] }), caseDecider.initialState);
      expect(event.data).toMatchObject({ grounds: ['passive'] });
    });

    it('refuses to open a case twice', () => {
      given(caseDecider, [opened]).when(open()).thenThrows('case-already-opened');
    });

    it('refuses a case without grounds', () => {
      given(caseDecider)
        .when(open({ grounds: [] }))
        .thenThrows('grounds-required');
    });

    it('refuses a case without evidence', () => {
      given(caseDecider)
        .when(open({ evidence: [] }))
        .thenThrows('evidence-required');
    });
  });

  describe('OrderRectification', () => {
    it('orders the first round of rectification', () => {
      given(caseDecider, [opened])
        .when(order())
        .then([ordered(1)]);
    });

    it('orders a second round after a rejected report', () => {
      given(caseDecider, [opened, ordered(1), reported(1), rejected(1)])
        .when(order('2012-05-01T00:00:00.000Z'))
        .then([ordered(2, '2012-05-01T00:00:00.000Z')]);
    });

    it('orders a new round after an accepted one', () => {
      given(caseDecider, [opened, ordered(1), reported(1), accepted(1)])
        .when(order())
        .then([ordered(2)]);
    });

    it('refuses a second order while one awaits its report', () => {
      given(caseDecider, [opened, ordered(1)])
        .when(order())
        .thenThrows('rectification-outstanding');
    });

    it('refuses a new order while a report awaits its verdict', () => {
      given(caseDecider, [opened, ordered(1), reported(1)])
        .when(order())
        .thenThrows('rectification-outstanding');
    });

    it('refuses a deadline that does not fall after the order', () => {
      given(caseDecider, [opened]).when(order('2012-03-10T08:00:00.000Z')).thenThrows('deadline-not-after-order');
    });

    it('refuses an order without requirements', () => {
      given(caseDecider, [opened]).when(order(undefined, [])).thenThrows('requirements-required');
      given(caseDecider, [opened])
        .when(order(undefined, [' ']))
        .thenThrows('requirements-required');
    });
  });

  describe('ReportRectification', () => {
    it('takes the report of the subject unit', () => {
      given(caseDecider, [opened, ordered(1)])
        .when(report())
        .then([reported(1, false)]);
    });

    it('records who reported, and the state remembers them as the one who may not judge it', () => {
      const byAdmin = command<C.ReportRectification>(
        'ReportRectification',
        { report: 're-surveyed 40 of 40', evidence: [], reason: 'done' },
        { authority: subjectUnit, actor: 'admin-ma', at: '2012-03-20T00:00:00.000Z' },
      );
      const events = caseDecider.decide(byAdmin, [opened, ordered(1)].reduce(caseDecider.evolve, caseDecider.initialState));
      expect(events).toEqual([reported(1, false, 'admin-ma')]);
      const state = [opened, ordered(1), ...events].reduce(caseDecider.evolve, caseDecider.initialState);
      expect(state).toMatchObject({ rectification: { stage: 'reported', reportedBy: 'admin-ma' } });
    });

    it('marks a report made after the deadline as late', () => {
      given(caseDecider, [opened, ordered(1)])
        .when(report('2012-04-02T00:00:00.000Z'))
        .then([reported(1, true)]);
    });

    it('takes a new report after a rejection', () => {
      given(caseDecider, [opened, ordered(1), reported(1), rejected(1)])
        .when(report())
        .then([reported(1, false)]);
    });

    it('refuses a report when no rectification was ordered', () => {
      given(caseDecider, [opened]).when(report()).thenThrows('no-rectification-ordered');
    });

    it('refuses a report after the rectification was accepted', () => {
      given(caseDecider, [opened, ordered(1), reported(1), accepted(1)])
        .when(report())
        .thenThrows('no-rectification-ordered');
    });

    it('refuses an empty report', () => {
      given(caseDecider, [opened, ordered(1)])
        .when(report(undefined, ''))
        .thenThrows('report-required');
    });
  });

  describe('AcceptRectification and RejectRectification', () => {
    it('accepts a reported rectification', () => {
      given(caseDecider, [opened, ordered(1), reported(1)])
        .when(accept())
        .then([accepted(1)]);
    });

    it('rejects a reported rectification', () => {
      given(caseDecider, [opened, ordered(1), reported(1)])
        .when(reject())
        .then([rejected(1)]);
    });

    it('refuses a verdict before the unit reported', () => {
      given(caseDecider, [opened, ordered(1)])
        .when(accept())
        .thenThrows('no-rectification-reported');
      given(caseDecider, [opened, ordered(1)])
        .when(reject())
        .thenThrows('no-rectification-reported');
    });

    it('refuses a verdict from the actor who reported, and takes one from any other', () => {
      const byReporter = { actor: UNIT, authority: cityOffice };
      given(caseDecider, [opened, ordered(1), reported(1)])
        .when(command<C.AcceptRectification>('AcceptRectification', { reason: 'checked on site' }, byReporter))
        .thenThrows('reporter-may-not-judge');
      given(caseDecider, [opened, ordered(1), reported(1)])
        .when(command<C.RejectRectification>('RejectRectification', { reason: 'only 12 re-surveyed' }, byReporter))
        .thenThrows('reporter-may-not-judge');
      given(caseDecider, [opened, ordered(1), reported(1)])
        .when(command<C.AcceptRectification>('AcceptRectification', { reason: 'checked on site' }, { authority: cityOffice }))
        .then([accepted(1)]);
    });

    it('takes a verdict on a report stored without its reporter, from whoever judges it', () => {
      const byAnyone = { actor: UNIT, authority: cityOffice };
      given(caseDecider, [opened, ordered(1), reported(1, false, null)])
        .when(command<C.AcceptRectification>('AcceptRectification', { reason: 'checked on site' }, byAnyone))
        .then([accepted(1)]);
      given(caseDecider, [opened, ordered(1), reported(1, false, null)])
        .when(command<C.RejectRectification>('RejectRectification', { reason: 'only 12 re-surveyed' }, byAnyone))
        .then([rejected(1)]);
    });

    it('refuses a second verdict on the same report', () => {
      given(caseDecider, [opened, ordered(1), reported(1), rejected(1)])
        .when(accept())
        .thenThrows('no-rectification-reported');
    });
  });

  describe('IssueCriticism', () => {
    it('records the bulletin that criticised the unit', () => {
      given(caseDecider, [opened])
        .when(criticise())
        .then([{ type: 'CriticismIssued', data: { bulletinId: 'b-201202B-3', reason: 'named in bulletin' } }]);
    });

    it('refuses the same bulletin twice', () => {
      const criticised = caseDecider.decide(criticise(), fold([opened]));
      given(caseDecider, [opened, ...criticised])
        .when(criticise())
        .thenThrows('criticism-already-issued');
    });

    it('refuses a criticism that cites no bulletin', () => {
      given(caseDecider, [opened]).when(criticise(' ')).thenThrows('bulletin-required');
    });

    it('refuses a criticism citing a bulletin the handler found was never issued, and takes one it found', () => {
      given(caseDecider, [opened])
        .when({ ...criticise(), bulletinIssued: false })
        .thenThrows('bulletin-not-found');
      given(caseDecider, [opened])
        .when({ ...criticise(), bulletinIssued: true })
        .then([{ type: 'CriticismIssued', data: { bulletinId: 'b-201202B-3', reason: 'named in bulletin' } }]);
    });
  });

  describe('HoldLeaderAccountable', () => {
    const held = {
      type: 'LeaderHeldAccountable',
      data: { officialId: 'official-9', position: 'director', measure: 'admonition-talk', reason: 'second delay' },
    } as const;

    it('holds the unit leader accountable with a measure', () => {
      given(caseDecider, [opened]).when(hold()).then([held]);
    });

    it('refuses the same measure on the same official twice', () => {
      given(caseDecider, [opened, held]).when(hold()).thenThrows('measure-already-imposed');
    });

    it('refuses a measure that names no official', () => {
      given(caseDecider, [opened]).when(hold('')).thenThrows('official-required');
    });
  });

  describe('EscalateCase', () => {
    it('escalates to the city leading group, then to the discipline commission', () => {
      given(caseDecider, [opened])
        .when(escalate('city-leading-group'))
        .then([{ type: 'CaseEscalated', data: { to: 'city-leading-group', reason: 'no progress' } }]);
      const atCity = { type: 'CaseEscalated', data: { to: 'city-leading-group', reason: 'no progress' } } as const;
      given(caseDecider, [opened, atCity])
        .when(escalate('discipline-inspection-commission'))
        .then([{ type: 'CaseEscalated', data: { to: 'discipline-inspection-commission', reason: 'no progress' } }]);
    });

    it('refuses to escalate to the same or a lower level', () => {
      const atCommission = { type: 'CaseEscalated', data: { to: 'discipline-inspection-commission', reason: 'x' } } as const;
      given(caseDecider, [opened, atCommission]).when(escalate('city-leading-group')).thenThrows('escalation-not-higher');
      given(caseDecider, [opened, atCommission]).when(escalate('discipline-inspection-commission')).thenThrows('escalation-not-higher');
    });
  });

  describe('CloseCase', () => {
    it('closes a case with no rectification', () => {
      given(caseDecider, [opened])
        .when(close('unfounded'))
        .then([{ type: 'CaseClosed', data: { resolution: 'unfounded', reason: 'done', waiver: null } }]);
    });

    it('closes as rectified after an accepted rectification', () => {
      given(caseDecider, [opened, ordered(1), reported(1), accepted(1)])
        .when(close('rectified'))
        .then([{ type: 'CaseClosed', data: { resolution: 'rectified', reason: 'done', waiver: null } }]);
    });

    it('refuses to close while a rectification is outstanding', () => {
      given(caseDecider, [opened, ordered(1)])
        .when(close('held-accountable'))
        .thenThrows('rectification-outstanding');
      given(caseDecider, [opened, ordered(1), reported(1)])
        .when(close('held-accountable'))
        .thenThrows('rectification-outstanding');
      given(caseDecider, [opened, ordered(1), reported(1), rejected(1)])
        .when(close('held-accountable', ' '))
        .thenThrows('rectification-outstanding');
    });

    it('closes over an outstanding rectification when the close says why it is waived', () => {
      given(caseDecider, [opened, ordered(1), heldToAccount])
        .when(close('held-accountable', 'unit merged into another'))
        .then([
          {
            type: 'CaseClosed',
            data: { resolution: 'held-accountable', reason: 'done', waiver: { round: 1, reason: 'unit merged into another' } },
          },
        ]);
    });

    it('refuses a waiver when nothing is outstanding', () => {
      given(caseDecider, [opened]).when(close('unfounded', 'nothing')).thenThrows('nothing-to-waive');
    });

    it('refuses to close as rectified without an accepted rectification', () => {
      given(caseDecider, [opened]).when(close('rectified')).thenThrows('resolution-rectified-without-acceptance');
    });

    it('closes as held accountable only once a leader was held accountable in the case', () => {
      given(caseDecider, [opened]).when(close('held-accountable')).thenThrows('resolution-held-accountable-without-measure');
      given(caseDecider, [opened, heldToAccount])
        .when(close('held-accountable'))
        .then([{ type: 'CaseClosed', data: { resolution: 'held-accountable', reason: 'done', waiver: null } }]);
    });
  });

  describe('a closed case', () => {
    const reopen = () => command<C.ReopenCase>('ReopenCase', { reason: 'new complaint' });

    it.each([
      ['OrderRectification', order()],
      ['IssueCriticism', criticise()],
      ['HoldLeaderAccountable', hold()],
      ['EscalateCase', escalate('city-leading-group')],
      ['CloseCase', close('unfounded')],
    ])('accepts no %s', (_name, cmd) => {
      given(caseDecider, [opened, closed]).when(cmd).thenThrows('case-closed');
    });

    it('accepts no report from the subject unit', () => {
      given(caseDecider, [
        opened,
        ordered(1),
        { type: 'CaseClosed', data: { resolution: 'other', reason: 'x', waiver: { round: 1, reason: 'y' } } },
      ])
        .when(report())
        .thenThrows('case-closed');
    });

    it('reopens', () => {
      given(caseDecider, [opened, closed])
        .when(reopen())
        .then([{ type: 'CaseReopened', data: { reason: 'new complaint' } }]);
    });

    it('owes a waived rectification again once reopened', () => {
      const waived = { type: 'CaseClosed', data: { resolution: 'other', reason: 'x', waiver: { round: 1, reason: 'y' } } } as const;
      const reopened = { type: 'CaseReopened', data: { reason: 'new complaint' } } as const;
      given(caseDecider, [opened, ordered(1), waived, reopened])
        .when(close('other'))
        .thenThrows('rectification-outstanding');
      given(caseDecider, [opened, ordered(1), waived, reopened])
        .when(report())
        .then([reported(1, false)]);
    });

    it('refuses to reopen a case that is open', () => {
      given(caseDecider, [opened]).when(reopen()).thenThrows('case-not-closed');
    });
  });

  it('refuses every command but OpenCase on a case never opened', () => {
    given(caseDecider).when(order()).thenThrows('case-not-opened');
    given(caseDecider)
      .when(command<C.ReopenCase>('ReopenCase', {}, { authority: cityOffice }))
      .thenThrows('case-not-opened');
  });

  it('keeps the district and unit of the case in its state', () => {
    expect(fold([opened])).toMatchObject({ status: 'Open', districtCode: DISTRICT, subjectUnit: UNIT });
  });
});

function fold(events: Parameters<typeof caseDecider.evolve>[1][]) {
  return events.reduce(caseDecider.evolve, caseDecider.initialState);
}
