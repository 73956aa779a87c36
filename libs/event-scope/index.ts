export * from './event-scopes';
