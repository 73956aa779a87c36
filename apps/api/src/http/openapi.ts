/**
 * The OpenAPI document at `/openapi.json` and Swagger UI at `/docs`, served from the installed
 * swagger-ui-dist (no CDN). Built from the controllers and the DTOs' decorators at start-up.
 */
import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

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
