/**
 * The published event schemas (generated: ./schemas, see ./generate.ts), compiled once with Ajv: list them,
 * fetch one by type and version, and check an event's data against its type's current schema. Error
 * messages name the event type and the JSON path, never a value (values may be personal data).
 */
import Ajv, { ValidateFunction } from 'ajv';
import { EVENT_SCHEMA_FILES } from './schemas';

export interface PublishedSchema {
  type: string;
  version: number;
  current: boolean;
  schema: object;
}

const ajv = new Ajv({ allErrors: false, strict: false });
const published: PublishedSchema[] = EVENT_SCHEMA_FILES.map((file) => ({
  ...file,
  current: !EVENT_SCHEMA_FILES.some((other) => other.type === file.type && other.version > file.version),
}));
const validators = new Map<string, ValidateFunction>();

export function listEventSchemas(): readonly PublishedSchema[] {
  return published;
}

export function eventSchema(type: string, version: number): PublishedSchema | undefined {
  return published.find((s) => s.type === type && s.version === version);
}

/** Why `data` does not fit its type's current schema ("a type without a schema" too), or undefined when it fits. */
export function schemaViolation(type: string, data: unknown, version?: number): string | undefined {
  const schema = version === undefined ? published.find((s) => s.type === type && s.current) : eventSchema(type, version);
  if (!schema) return `${type} has no published schema${version === undefined ? '' : ` v${version}`}`;
  const key = `${schema.type}/${schema.version}`;
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(schema.schema);
    validators.set(key, validate);
  }
  if (validate(data)) return undefined;
  const [error] = validate.errors ?? [];
  return `${type} v${schema.version}: data${error?.instancePath ?? ''} ${error?.message ?? 'does not match its schema'}`;
}
