/**
 * The AsyncAPI 3 description of what downstream services receive: the SSE feed and its JSON pages, consumer
 * group claims, and the NATS relay's subjects; every message's payload is the recorded-event envelope with
 * the type's published data schema, in full (for callers that may read personal fields) and redacted (the
 * personal fields removed, as libs/redaction strips them). Built from the published schemas, so it cannot
 * drift from what the store validates.
 */
import { EVENT_TYPE_REGISTRY } from '../domain/event-types';
import { listEventSchemas } from './registry';

type Schema = Record<string, unknown>;

const ENVELOPE_FIELDS: Schema = {
  id: { type: 'string', format: 'uuid' },
  stream: { type: 'string', description: 'e.g. household-<uuid>' },
  revision: { type: 'string', description: "the event's revision in its stream (a decimal string)" },
  position: { type: 'string', description: 'position in the global log, text form <commit>[/<prepare>]' },
  type: { type: 'string' },
  metadata: {
    type: 'object',
    properties: {
      actor: { type: 'string' },
      authenticatedAs: {
        type: 'string',
        description: "the verified token subject that sent the command, when not the actor (an administrator's X-Actor)",
      },
      correlationId: { type: 'string' },
      causationId: { type: 'string' },
      occurredAt: { type: 'string', format: 'date-time' },
      recordedAt: { type: 'string', format: 'date-time' },
      hashVersion: { type: 'integer' },
      traceparent: { type: 'string', description: 'W3C Trace Context of the command that appended the event' },
      tracestate: { type: 'string' },
    },
  },
  recordedAt: { type: 'string', format: 'date-time' },
};

/** The data schema without the personal fields (dot paths) of its type. */
export function redactedSchema(schema: Schema, personalFields: readonly string[]): Schema {
  const copy = structuredClone(schema);
  for (const path of personalFields) remove(copy, path.split('.'));
  return copy;
}

function remove(schema: Schema, [head, ...rest]: string[]): void {
  const properties = schema.properties as Record<string, Schema> | undefined;
  if (!properties?.[head]) return;
  if (rest.length > 0) return remove(properties[head], rest);
  delete properties[head];
  if (Array.isArray(schema.required)) schema.required = (schema.required as string[]).filter((name) => name !== head);
}

const payloadOf = (type: string, data: Schema): Schema => {
  const { $schema: _s, $id: _i, title: _t, ...body } = data;
  return {
    type: 'object',
    required: ['id', 'stream', 'revision', 'position', 'type', 'data', 'metadata'],
    properties: { ...ENVELOPE_FIELDS, type: { type: 'string', const: type }, data: body },
  };
};

export function asyncApiDocument(version: string): Schema {
  const current = listEventSchemas().filter((s) => s.current);
  const messages: Record<string, Schema> = {};
  const natsChannels: Record<string, Schema> = {};
  for (const { type, schema } of current) {
    const personal = EVENT_TYPE_REGISTRY.get(type)?.personalFields ?? [];
    const category = EVENT_TYPE_REGISTRY.get(type)?.streamCategory ?? 'unknown';
    messages[type] = {
      name: type,
      title: `${type} (full: callers that may read personal fields)`,
      contentType: 'application/json',
      payload: payloadOf(type, schema as Schema),
    };
    messages[`${type}Redacted`] = {
      name: `${type}Redacted`,
      title: `${type} (personal fields removed)`,
      contentType: 'application/json',
      payload: payloadOf(type, redactedSchema(schema as Schema, personal)),
    };
    natsChannels[`nats-${type}`] = {
      address: `family-ledger.${category}.${type}.{place}`,
      parameters: {
        place: {
          description: 'The district the stream lies in (e.g. 640104), or `city`: subscribe to `family-ledger.*.*.640104` for one district',
        },
      },
      servers: [{ $ref: '#/servers/nats' }],
      messages: { [`${type}Redacted`]: { $ref: `#/components/messages/${type}Redacted` } },
      description: 'Published by the relay; always redacted (it has no caller to scope).',
    };
  }
  const allMessages = Object.fromEntries(Object.keys(messages).map((name) => [name, { $ref: `#/components/messages/${name}` }]));
  const httpChannel = (address: string, description: string) => ({
    address,
    servers: [{ $ref: '#/servers/api' }],
    messages: allMessages,
    description,
  });
  const channels = {
    feed: httpChannel(
      '/feed',
      'Server-Sent Events: catch-up after `from` or `Last-Event-ID`, then live; `id:` is the position, `event:` the type, `data:` the envelope. Redacted unless the token may read personal fields.',
    ),
    feedPages: httpChannel('/feed/events', 'The same events as JSON pages `{ events, next }`.'),
    consumerGroupClaim: httpChannel(
      '/consumer-groups/{name}/claim',
      'Events leased to a consumer of a group (POST), acknowledged at /ack, refused at /nack.',
    ),
    ...natsChannels,
  };
  const receive = (channel: string) => ({ action: 'receive', channel: { $ref: `#/channels/${channel}` } });
  const operations = {
    receiveFeed: receive('feed'),
    receiveFeedPages: receive('feedPages'),
    claimFromGroup: receive('consumerGroupClaim'),
    ...Object.fromEntries(Object.keys(natsChannels).map((c) => [`receive-${c}`, receive(c)])),
  };
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'family-ledger event log',
      version,
      description: 'What downstream services receive from the family-ledger log. Payload data schemas: /schemas/events.',
    },
    servers: {
      api: {
        host: 'localhost:3000',
        protocol: 'http',
        description:
          'The family-ledger API (bearer token; a token scoped to a district or township receives only the events of streams inside it on the feed and in its consumer groups)',
      },
      nats: {
        host: 'localhost:4222',
        protocol: 'nats',
        description: 'The NATS JetStream relay (npm run start:relay), stream FAMILY_LEDGER',
      },
    },
    channels,
    operations,
    components: { messages },
  };
}
