export { eventSchema, listEventSchemas, PublishedSchema, schemaViolation } from './registry';
export { EventSchemaViolationError, ValidatedEventStore } from './validated-event-store';
export { schemaPath } from './schema-path';
