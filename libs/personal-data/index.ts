export * from './access-context';
export * from './data-keys';
export * from './key-wrapping';
export * from './wrapping-keys';
export * from './field-crypto';
export * from './master-key';
export * from './protected-event-store';
