export * from './checkpoint-config';
export * from './checkpoint-store';
export * from './checkpoint-writer';
export * from './log-hashes';
