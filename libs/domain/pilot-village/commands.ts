import { Command } from '../shared';

export type DesignatePilotVillage = Command<'DesignatePilotVillage', { villageCode: string; designatedBy: string; reason: string }>;
export type WithdrawPilotVillageDesignation = Command<
  'WithdrawPilotVillageDesignation',
  { villageCode: string; withdrawnBy: string; reason: string }
>;

export type PilotVillageCommand = DesignatePilotVillage | WithdrawPilotVillageDesignation;
