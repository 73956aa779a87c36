export * from './nats-relay';
export * from './subjects';
