/** What the generator yields: a command and the stream it is addressed to, in simulated time order. */
import { CaseCommand } from '../domain/accountability-case/commands';
import { ActivityCommand } from '../domain/activity/commands';
import { PilotVillageCommand } from '../domain/pilot-village/commands';
import { HouseholdCommand } from '../domain/household/commands';
import { LoanCommand } from '../domain/loan/commands';
import { ResponsibilityCommand } from '../domain/responsibility/commands';
import { SupervisionCommand } from '../domain/supervision/commands';
import { SupportCommand } from '../domain/support/commands';
import { iso } from './calendar';
import { commandIdFor } from './ids';

export type CampaignCommand =
  | HouseholdCommand
  | LoanCommand
  | SupervisionCommand
  | CaseCommand
  | ResponsibilityCommand
  | PilotVillageCommand
  | ActivityCommand
  | SupportCommand;

export interface CampaignItem {
  stream: string;
  command: CampaignCommand;
}

/** An item with its instant (ms) and its 0-based place in its stream, for the merge into time order. */
export interface TimedItem extends CampaignItem {
  at: number;
  sequence: number;
}

/** Numbers a stream's commands as they are made; each stream is made in its own time order. */
export class StreamWriter {
  private sequence = 0;

  constructor(
    private readonly seed: number,
    readonly stream: string,
  ) {}

  command<C extends CampaignCommand>(at: number, actor: string, body: Omit<C, 'metadata'>): TimedItem {
    const sequence = this.sequence++;
    const commandId = commandIdFor(this.seed, this.stream, sequence);
    const metadata = { commandId, actor, correlationId: commandId, occurredAt: iso(at) };
    return { stream: this.stream, at, sequence, command: { ...body, metadata } as unknown as CampaignCommand };
  }
}

/** Time, then stream, then place in stream: a total order, so the merge is the same on every run. */
export function byTime(a: TimedItem, b: TimedItem): number {
  return a.at - b.at || (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : a.sequence - b.sequence);
}
