export * from './event-store.port';
export * from './position';
export * from './errors';
export * from './hash-chain';
