/** The deterministic synthetic campaign: `generateCampaign(options)` and what drives it into a store. */
export * from './campaign';
export * from './figures';
export * from './items';
export * from './plan';
export * from './random';
export * from './streams';
export { seededUuid, commandIdFor } from './ids';
export * from './tally';
export * from './register';
