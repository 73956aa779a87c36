export * from './checkpoint-config';
export * from './checkpoint-store';
export * from './checkpoint-writer';
export * from './log-hashes';
export * from './checkpoint-error';
export * from './checkpoint-notes';
export * from './key-history';
export * from './cosignature-store';
