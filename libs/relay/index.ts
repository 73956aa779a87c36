export * from './nats-relay';
export { POSITION_HEADER } from './relay-stream';
export * from './subjects';
export * from './relay-config';
export * from './relay-service';
