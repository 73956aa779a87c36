export * from './periods';
export * from './programme-calendar';
