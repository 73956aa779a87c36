export * from './nats-relay';
export * from './subjects';
export * from './relay-config';
export * from './relay-service';
