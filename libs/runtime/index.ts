export * from './runtime';
export * from './security';
export * from './run-service';
