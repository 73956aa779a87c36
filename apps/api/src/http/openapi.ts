/**
 * The OpenAPI document at `/openapi.json` and Swagger UI at `/docs`, served from the installed
 * swagger-ui-dist (no CDN). Built at start-up from the controllers, the Swagger plugin's metadata
 * (../metadata.ts, generated from the DTOs' types, class-validator rules and handlers' JSDoc by
 * `npm run openapi:metadata`) and the access policy (./openapi-access.ts).
 */
import { applyDecorators, INestApplication } from '@nestjs/common';
import { ApiHeader, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import metadata from '../metadata';
import { BEARER, completeDocument } from './openapi-access';

export async function serveOpenApi(app: INestApplication): Promise<void> {
  await SwaggerModule.loadPluginMetadata(metadata);
  const config = new DocumentBuilder()
    .setTitle('family-ledger')
    .setDescription(
      'The Happy Family campaign ledger. Every endpoint but `/health`, `/openapi.json`, `/docs` and `/audit/public-key` ' +
        'needs a bearer token (`npm run token`): press Authorize. Commands answer with the new stream revision as ETag; ' +
        'send it back as `If-Match` to refuse a stale write (412). Every POST accepts an `Idempotency-Key`. Errors are ' +
        'RFC 9457 problem+json with a `code` naming the rule.',
    )
    .setVersion('1')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'A token from `npm run token` (or the administrator token printed at first start)',
      },
      BEARER,
    )
    .build();
  const document = completeDocument(SwaggerModule.createDocument(app, config));
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'openapi.json',
    raw: ['json'],
    swaggerOptions: { persistAuthorization: true },
  });
}

const ACTOR_HEADERS = [
  ApiHeader({ name: 'If-Match', required: false, description: 'The revision last seen, e.g. "3" (the ETag); a stale one is 412' }),
  ApiHeader({ name: 'X-Correlation-Id', required: false, description: 'Copied into the metadata of every event appended' }),
  ApiHeader({
    name: 'traceparent',
    required: false,
    description:
      'W3C Trace Context: kept in the metadata of every event appended and carried to the feed, consumer groups and the relay; a missing or malformed one starts a new trace',
  }),
  ApiHeader({ name: 'tracestate', required: false, description: 'W3C Trace Context vendor state, kept beside a valid traceparent' }),
  ApiHeader({
    name: 'X-Actor',
    required: false,
    description:
      "Administrators only: the actor recorded on the events (imports acting for a field worker); anyone else's is replaced by the token's subject",
  }),
];

const ACTING_HEADERS = [
  ApiHeader({
    name: 'X-Actor-Role',
    required: false,
    enum: ['supervisor', 'city-office', 'subject-unit'],
    description:
      "The capacity acted in: `supervisor` (default; a supervisor's token), `city-office` (a city-wide token: assigns supervisors, escalates), or `subject-unit` (the unit under the case, with X-Actor-Unit: reports rectification, with the unit's own token, never a supervisor's: 403 `role-not-permitted`). Recorded on the event; the history shows it",
  }),
  ApiHeader({
    name: 'X-Actor-Unit',
    required: false,
    description:
      "With `X-Actor-Role: subject-unit`: the code of the unit acting, which must be the token's org unit (`ou`) or department (403 `not-the-subject-unit` otherwise)",
  }),
];

/**
 * The headers every command endpoint reads, for the OpenAPI document; `acting` for those that read the
 * capacity acted in (X-Actor-Role, apps/api/src/accountability/acting-role.ts). Headers only: a response
 * decorator on a method would stop the Swagger plugin from adding the success answer's type, so the problem
 * answers are added by rule in ./openapi-access.ts.
 */
export function ApiCommand(options: { acting?: boolean } = {}): ClassDecorator & MethodDecorator {
  return applyDecorators(...ACTOR_HEADERS, ...(options.acting ? ACTING_HEADERS : []));
}
