export * from './read-sources';
