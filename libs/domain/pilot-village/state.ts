export type PilotVillageState =
  { status: 'NotPilot'; designations: number } | { status: 'Pilot'; designations: number; designatedBy: string };

export const initialPilotVillageState: PilotVillageState = { status: 'NotPilot', designations: 0 };
