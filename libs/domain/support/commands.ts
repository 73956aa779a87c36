/**
 * Support commands. GrantSupport carries `context`: what the handler read from the household's own stream
 * (its status and category), kept apart from `data`, which is what the caller sent.
 */
import { HouseholdCategory } from '../household/events';
import { HouseholdState } from '../household/state';
import { Command } from '../shared';
import { SupportQuantity } from './events';

export interface GrantSupportContext {
  householdStatus: HouseholdState['status'];
  /** Absent when the household was never enrolled. */
  householdCategory?: HouseholdCategory;
}

export type GrantSupport = Command<'GrantSupport', { supportId: string; householdId: string; programmeCode: string } & SupportQuantity> & {
  context: GrantSupportContext;
};

export type DeliverSupport = Command<'DeliverSupport', { supportId: string } & SupportQuantity>;

export type ReturnSupport = Command<'ReturnSupport', { supportId: string; reason: string } & SupportQuantity>;

export type ReverseSupport = Command<'ReverseSupport', { supportId: string; reason: string }>;

export type SupportCommand = GrantSupport | DeliverSupport | ReturnSupport | ReverseSupport;
