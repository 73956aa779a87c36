export * from './consumer-group';
export { ConsumerGroups } from './consumer-groups';
