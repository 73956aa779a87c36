/**
 * A decider that claims `ignoresPersonalFields` must decide the same whatever the personal fields of its
 * history hold: sealed (ciphertext, or SEALED for events it has just decided) or in the clear.
 */
import { DomainError } from '../domain/shared/domain-error';
import { Decider, DomainEvent, fold } from '../domain/shared/decider';
import { householdDecider, HouseholdCommand, HouseholdEvent } from '../domain/household';
import * as h from '../domain/household/testing/fixtures';
import { asFolded, SEALED } from './sealed-folds';

function outcome<C, E extends DomainEvent, S>(
  decider: Decider<C & { type: string; data: unknown; metadata: never }, E, S>,
  history: E[],
  command: C,
) {
  try {
    return decider.decide(command as never, fold(decider.evolve, decider.initialState, history));
  } catch (error) {
    return error instanceof DomainError ? error.code : error;
  }
}

describe('folds with personal fields sealed', () => {
  const histories: HouseholdEvent[][] = [
    [],
    [h.enrolled()],
    [h.enrolled(), h.needRecorded(), h.serviceDelivered({ needId: h.NEED_ID })],
    [h.enrolled(), h.needRecorded(), h.serviceDelivered(), h.certified],
    [
      h.enrolled(),
      {
        type: 'HouseholdRecategorized',
        data: { householdId: h.HOUSEHOLD_ID, from: 'developing', to: 'stable', reason: 'Ma Lan found work' },
      },
    ],
    [h.enrolled(), h.withdrawn],
  ];
  const commands: HouseholdCommand[] = [
    h.enrol(),
    h.recategorize(),
    h.withdraw(),
    h.recordNeed({ needId: 'c1a2b3c4-d5e6-4f70-8a91-b2c3d4e5f6ff' }),
    h.deliver(),
    h.deliver({ needId: h.NEED_ID }),
    h.rate(),
    h.certify(),
    h.revoke(),
  ];

  it('gives the household the same decisions whether its history is sealed or in the clear', () => {
    expect(householdDecider.ignoresPersonalFields).toBe(true);
    for (const history of histories) {
      const sealed = history.map((event) => asFolded(householdDecider, event));
      for (const command of commands) {
        expect({ history: history.map((e) => e.type), command: command.type, decided: outcome(householdDecider, sealed, command) }).toEqual(
          {
            history: history.map((e) => e.type),
            command: command.type,
            decided: outcome(householdDecider, history, command),
          },
        );
      }
    }
  });

  it('replaces exactly the personal fields the catalogue names', () => {
    const [sealed] = [h.enrolled()].map((event) => asFolded(householdDecider, event)) as { data: Record<string, unknown> }[];
    expect(sealed.data.head).toEqual({ name: SEALED, idNumber: SEALED, phone: SEALED });
    expect(sealed.data).toMatchObject({ householdId: h.HOUSEHOLD_ID, villageCode: expect.any(String), members: expect.any(Number) });
    const plain = { ...householdDecider, ignoresPersonalFields: undefined };
    expect(asFolded(plain, h.enrolled())).toEqual(h.enrolled());
  });
});
