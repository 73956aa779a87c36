export * from './redact-event';
export * from './public-event';
