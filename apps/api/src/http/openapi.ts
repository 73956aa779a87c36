/**
 * The OpenAPI document at `/openapi.json` and Swagger UI at `/docs`, served from the installed
 * swagger-ui-dist (no CDN). Built from the controllers and the DTOs' decorators at start-up.
 */
import { applyDecorators, INestApplication } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiConflictResponse, ApiHeader, ApiNotFoundResponse, ApiPayloadTooLargeResponse,
  ApiPreconditionFailedResponse, ApiUnprocessableEntityResponse, DocumentBuilder, SwaggerModule,
} from '@nestjs/swagger';

export function serveOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('family-ledger')
    .setDescription(
      'The Happy Family campaign ledger. Commands answer with the new stream revision as ETag; send it back as ' +
        '`If-Match` to refuse a stale write (412). Every POST accepts an `Idempotency-Key`. Errors are RFC 9457 ' +
        'problem+json with a `code` naming the rule.',
    )
    .setVersion('1')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', raw: ['json'] });
}

const PROBLEM = {
  'application/problem+json': {
    schema: {
      type: 'object',
      required: ['type', 'title', 'status', 'code'],
      properties: {
        type: { type: 'string', format: 'uri' },
        title: { type: 'string' },
        status: { type: 'integer' },
        code: { type: 'string', description: 'Names the rule or failure; branch on this, not on the prose' },
        detail: { type: 'string' },
        errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
      },
    },
  },
};

/** The headers and problem answers every command endpoint shares, for the OpenAPI document. */
export function ApiCommand(): ClassDecorator & MethodDecorator {
  return applyDecorators(
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key and body gets the first answer; another body is 422' }),
    ApiHeader({ name: 'If-Match', required: false, description: 'The revision last seen, e.g. "3" (the ETag); a stale one is 412' }),
    ApiHeader({ name: 'X-Correlation-Id', required: false, description: 'Copied into the metadata of every event appended' }),
    ApiBadRequestResponse({ description: 'Malformed JSON, a body off the schema, or an unknown reference code', content: PROBLEM }),
    ApiNotFoundResponse({ description: 'No such household or loan', content: PROBLEM }),
    ApiConflictResponse({ description: 'A rule broken (`code` names it), or a concurrent write', content: PROBLEM }),
    ApiPreconditionFailedResponse({ description: 'If-Match is not the current revision', content: PROBLEM }),
    ApiPayloadTooLargeResponse({ description: 'The body is larger than allowed', content: PROBLEM }),
    ApiUnprocessableEntityResponse({ description: 'The Idempotency-Key was used for a different request', content: PROBLEM }),
  );
}
