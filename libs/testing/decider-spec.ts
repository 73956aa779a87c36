/**
 * given(events).when(command).then(events) for pure deciders:
 *
 *   given(householdDecider, [enrolled]).when(withdraw).then([withdrawn]);
 *   given(householdDecider, [enrolled, withdrawnEvt]).when(recordNeed).thenThrows('household-withdrawn');
 */
import { Command, Decider, DomainEvent, fold } from '../domain/shared/decider';
import { DomainError } from '../domain/shared/domain-error';

export function given<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>, history: E[] = []) {
  const state = fold(decider.evolve, decider.initialState, history);
  return {
    when(command: C) {
      const run = () => decider.decide(command, state);
      return {
        then(expected: E[]): void {
          expect(run()).toEqual(expected);
        },
        thenThrows(code: string): void {
          let thrown: unknown;
          try {
            run();
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(DomainError);
          expect((thrown as DomainError).code).toBe(code);
        },
      };
    },
  };
}
