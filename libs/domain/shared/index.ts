export * from './decider';
export * from './domain-error';
export * from './calendar-date';
export * from './resident-id';
