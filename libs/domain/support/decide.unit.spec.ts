import { given } from '../../testing/decider-spec';
import { supportDecider } from './index';
import {
  deliver,
  delivered,
  giveBack,
  grant,
  granted,
  RECIPIENT_ID,
  returned,
  reverse,
  reversed,
  SUPPORT_ID,
  WHEELCHAIRS,
} from './testing/fixtures';

const ref = { supportId: SUPPORT_ID, householdId: RECIPIENT_ID, programmeCode: 'award-support' };

describe('granting support', () => {
  it('grants a cash payment to an enrolled household, recording its category at the time', () => {
    given(supportDecider)
      .when(grant())
      .then([{ type: 'SupportGranted', data: { ...ref, householdCategory: 'elderly', amountFen: 96_000, units: 0 } }]);
  });

  it('grants wheelchairs as units, with no value when none is known', () => {
    const [event] = supportDecider.decide(grant(WHEELCHAIRS), supportDecider.initialState);
    expect(event).toMatchObject({ type: 'SupportGranted', data: { programmeCode: 'donated-wheelchairs', amountFen: 0, units: 2 } });
  });

  it('rejects granting the same support twice', () => {
    given(supportDecider, [granted()]).when(grant()).thenThrows('support-already-granted');
  });

  it('rejects support to a household that was never enrolled', () => {
    given(supportDecider)
      .when(grant({}, { householdStatus: 'NotEnrolled' }))
      .thenThrows('unknown-household');
  });

  it('rejects support to a withdrawn household', () => {
    given(supportDecider)
      .when(grant({}, { householdStatus: 'Withdrawn', householdCategory: 'stable' }))
      .thenThrows('household-withdrawn');
  });

  it('rejects a programme that is not in the reference data', () => {
    given(supportDecider)
      .when(grant({ programmeCode: 'golden-handshake' }))
      .thenThrows('unknown-support-programme');
  });

  it('rejects a cash grant of nothing, and a cash grant that counts units', () => {
    given(supportDecider)
      .when(grant({ amountFen: 0 }))
      .thenThrows('invalid-amount');
    given(supportDecider)
      .when(grant({ units: 3 }))
      .thenThrows('units-for-cash');
  });

  it('rejects goods without a unit, and a fractional amount of fen', () => {
    given(supportDecider)
      .when(grant({ ...WHEELCHAIRS, units: 0 }))
      .thenThrows('invalid-units');
    given(supportDecider)
      .when(grant({ amountFen: 99.5 }))
      .thenThrows('invalid-amount');
  });
});

describe('delivering support', () => {
  it('delivers part of the grant, then the rest', () => {
    given(supportDecider, [granted()])
      .when(deliver(48_000))
      .then([{ type: 'SupportDelivered', data: { ...ref, amountFen: 48_000, units: 0 } }]);
    given(supportDecider, [granted(), delivered({ amountFen: 48_000, units: 0 })])
      .when(deliver(48_000))
      .then([{ type: 'SupportDelivered', data: { ...ref, amountFen: 48_000, units: 0 } }]);
  });

  it('cannot deliver what was not granted', () => {
    given(supportDecider).when(deliver(100)).thenThrows('support-not-granted');
  });

  it('cannot deliver more than was granted, counting what was delivered before', () => {
    given(supportDecider, [granted()]).when(deliver(96_001)).thenThrows('delivery-exceeds-grant');
    given(supportDecider, [granted(), delivered({ amountFen: 90_000, units: 0 })])
      .when(deliver(6_001))
      .thenThrows('delivery-exceeds-grant');
  });

  it('cannot deliver more wheelchairs than were granted', () => {
    given(supportDecider, [granted(WHEELCHAIRS), delivered({ amountFen: 0, units: 2 }, 'donated-wheelchairs')])
      .when(deliver(0, 1))
      .thenThrows('delivery-exceeds-grant');
  });

  it('rejects a delivery of nothing', () => {
    given(supportDecider, [granted()]).when(deliver(0)).thenThrows('empty-quantity');
  });

  it('delivers nothing once the support is reversed', () => {
    given(supportDecider, [granted(), reversed({ amountFen: 0, units: 0 })])
      .when(deliver(100))
      .thenThrows('support-reversed');
  });
});

describe('returning support', () => {
  const history = [granted(), delivered({ amountFen: 96_000, units: 0 })];

  it('records money given back, with the reason', () => {
    given(supportDecider, history)
      .when(giveBack(20_000))
      .then([{ type: 'SupportReturned', data: { ...ref, amountFen: 20_000, units: 0, reason: 'no longer needed' } }]);
  });

  it('cannot return more than was delivered', () => {
    given(supportDecider, [granted(), delivered({ amountFen: 10_000, units: 0 })])
      .when(giveBack(10_001))
      .thenThrows('return-exceeds-delivered');
  });

  it('cannot return again what was already returned', () => {
    given(supportDecider, [...history, returned({ amountFen: 90_000, units: 0 })])
      .when(giveBack(6_001))
      .thenThrows('return-exceeds-delivered');
  });

  it('cannot return what was granted but never delivered', () => {
    given(supportDecider, [granted()]).when(giveBack(1)).thenThrows('return-exceeds-delivered');
  });

  it('requires a reason', () => {
    given(supportDecider, history)
      .when({ ...giveBack(1), data: { ...giveBack(1).data, reason: ' ' } })
      .thenThrows('missing-reason');
  });
});

describe('reversing support', () => {
  it('takes out the grant and what the household still holds', () => {
    given(supportDecider, [granted(), delivered({ amountFen: 96_000, units: 0 }), returned({ amountFen: 16_000, units: 0 })])
      .when(reverse())
      .then([reversed({ amountFen: 80_000, units: 0 })]);
  });

  it('reverses only once', () => {
    given(supportDecider, [granted(), reversed({ amountFen: 0, units: 0 })])
      .when(reverse())
      .thenThrows('support-already-reversed');
  });

  it('cannot reverse what was never granted', () => {
    given(supportDecider).when(reverse()).thenThrows('support-not-granted');
  });

  it('accepts no return after a reversal', () => {
    given(supportDecider, [granted(), delivered({ amountFen: 96_000, units: 0 }), reversed({ amountFen: 96_000, units: 0 })])
      .when(giveBack(1))
      .thenThrows('support-reversed');
  });

  it('requires a reason', () => {
    given(supportDecider, [granted()]).when(reverse('')).thenThrows('missing-reason');
  });
});

describe('support state', () => {
  it('adds up deliveries and returns, and keeps the reason of a reversal', () => {
    const events = [
      granted(),
      delivered({ amountFen: 50_000, units: 0 }),
      returned({ amountFen: 5_000, units: 0 }),
      reversed({ amountFen: 45_000, units: 0 }),
    ];
    expect(events.reduce(supportDecider.evolve, supportDecider.initialState)).toEqual({
      status: 'Reversed',
      reversalReason: 'recorded for the wrong household',
      ...ref,
      householdCategory: 'elderly',
      grantedFen: 96_000,
      grantedUnits: 0,
      deliveredFen: 50_000,
      deliveredUnits: 0,
      returnedFen: 5_000,
      returnedUnits: 0,
    });
  });
});
