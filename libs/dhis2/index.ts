export * from './analytics';
export * from './data-value-sets';
export * from './formats';
export * from './mapping';
export * from './periods';
export * from './parameters';
