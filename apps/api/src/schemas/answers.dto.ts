/** What the event-schema endpoints answer (described by the Swagger plugin from these types). */

export class EventSchemaRef {
  /** Stored event type name, e.g. HouseholdEnrolled. */
  type!: string;
  version!: number;
  /** The version new events are written in. */
  current!: boolean;
  /** Where the schema is served. */
  href!: string;
}

export class EventSchemaList {
  schemas!: EventSchemaRef[];
}

/** The shape of the JSON Schema (draft-07) documents served, for the OpenAPI document. */
export const JSON_SCHEMA_DOCUMENT = {
  type: 'object',
  description: "A JSON Schema (draft-07) of the event's data",
  required: ['$schema', 'type'],
  properties: {
    $schema: { type: 'string', example: 'http://json-schema.org/draft-07/schema#' },
    $id: { type: 'string' },
    title: { type: 'string' },
    type: { type: 'string', example: 'object' },
    properties: { type: 'object', additionalProperties: { type: 'object' } },
    required: { type: 'array', items: { type: 'string' } },
    additionalProperties: { type: 'boolean' },
  },
};
