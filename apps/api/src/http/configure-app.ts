import { NestExpressApplication } from '@nestjs/platform-express';
import { Request, Response, NextFunction } from 'express';
import helmet from 'helmet';
import { accessContext } from '@libs/personal-data';
import { Runtime } from '@libs/runtime';
import { IdempotencyStore, personalAnswers } from '@libs/idempotency';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { serveOpenApi } from './openapi';
import { ProblemDetailsFilter } from './problem-details.filter';
import { strictValidationPipe } from './validation';

/** Everything about the HTTP surface that is not a route: body limits, errors, validation, idempotency, OpenAPI, latency. */
export function configureApp(app: NestExpressApplication, runtime: Runtime): void {
  app.use(helmet());
  // The caller, once the access guard knows it, travels with the request to the event store (restricted data).
  app.use((_request: Request, _response: Response, next: NextFunction) => accessContext.run({}, next));
  app.useBodyParser('json', { limit: runtime.config.http.bodyLimit, type: ['application/json', 'application/*+json'] });
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(strictValidationPipe());
  const answers = new IdempotencyStore(runtime.dataSource, { retentionMs: runtime.config.http.idempotencyRetentionHours * 3_600_000 });
  const stopSweeper = answers.startSweeper();
  app.getHttpServer().once('close', stopSweeper);
  app.useGlobalInterceptors(new IdempotencyInterceptor(answers, personalAnswers(runtime.eventStore)));
  serveOpenApi(app);
  app.use((request: Request, response: Response, next: NextFunction) => {
    const end = runtime.metrics.httpDuration.startTimer();
    response.on('finish', () => {
      const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
      end({ method: request.method, route, status: String(response.statusCode) });
    });
    next();
  });
}
