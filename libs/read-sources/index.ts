export * from './read-sources';
export * from './acknowledged-head';
