/** Which decider owns a stream, by the stream's category (the part before the first dash). */
import { caseDecider } from '../domain/accountability-case';
import { activityDecider } from '../domain/activity';
import { pilotVillageDecider } from '../domain/pilot-village';
import { householdDecider } from '../domain/household';
import { loanDecider } from '../domain/loan';
import { responsibilityDecider } from '../domain/responsibility';
import { Command, Decider, DomainEvent } from '../domain/shared/decider';
import { supervisionDecider } from '../domain/supervision';
import { screeningDecider } from '../domain/screening';
import { supportDecider } from '../domain/support';

type AnyDecider = Decider<Command, DomainEvent, unknown>;

const DECIDERS: Record<string, AnyDecider> = {
  screening: screeningDecider as unknown as AnyDecider,
  household: householdDecider as unknown as AnyDecider,
  loan: loanDecider as unknown as AnyDecider,
  supervision: supervisionDecider as unknown as AnyDecider,
  case: caseDecider as unknown as AnyDecider,
  responsibility: responsibilityDecider as unknown as AnyDecider,
  pilotvillage: pilotVillageDecider as unknown as AnyDecider,
  activity: activityDecider as unknown as AnyDecider,
  support: supportDecider as unknown as AnyDecider,
};

export function deciderFor(stream: string): AnyDecider {
  const decider = DECIDERS[stream.slice(0, stream.indexOf('-'))];
  if (!decider) throw new Error(`no decider for stream ${stream}`);
  return decider;
}
