import { NestExpressApplication } from '@nestjs/platform-express';
import { Request, Response, NextFunction } from 'express';
import helmet from 'helmet';
import { accessContext } from '@libs/personal-data';
import { Runtime } from '@libs/runtime';
import { IdempotencyStore, personalAnswers } from '@libs/idempotency';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { serveOpenApi } from './openapi';
import { ProblemDetailsFilter } from './problem-details.filter';
import { answerClientErrors } from './client-errors';
import { refuseHostileInput, verifyJsonDepth } from './hostile-input';
import { strictValidationPipe } from './validation';
import { serveWebApp } from './web-app';

/** Everything about the HTTP surface that is not a route: body limits, errors, validation, idempotency, OpenAPI, latency. */
export async function configureApp(app: NestExpressApplication, runtime: Runtime): Promise<void> {
  // The service answers plain http by default (and on a LAN address): upgrading the web app's own requests
  // to https would break every one of them there.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  // Behind a proxy, the client's address (sign-in throttling, rate limits) is the one the trusted proxies name;
  // otherwise every client would share the proxy's address, and its throttle.
  const { trustProxy } = runtime.config.http;
  if (trustProxy !== undefined) app.set('trust proxy', trustProxy);
  // The API's answers carry personal data and session tokens: kept by no cache, the browser's included. The
  // web app's files (web-app.ts) and the feed's stream set their own.
  app.use((_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  // The caller, once the access guard knows it, travels with the request to the event store (restricted data).
  app.use((_request: Request, _response: Response, next: NextFunction) => accessContext.run({}, next));
  // Nest's types leave out body-parser's `verify` (it uses it for rawBody), but pass it through when rawBody is off.
  const json = { limit: runtime.config.http.bodyLimit, type: ['application/json', 'application/*+json'], verify: verifyJsonDepth };
  app.useBodyParser('json', json);
  app.use(refuseHostileInput);
  answerClientErrors(app.getHttpServer());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(strictValidationPipe());
  const answers = new IdempotencyStore(runtime.dataSource, { retentionMs: runtime.config.http.idempotencyRetentionHours * 3_600_000 });
  const stopSweeper = answers.startSweeper();
  app.getHttpServer().once('close', stopSweeper);
  app.useGlobalInterceptors(new IdempotencyInterceptor(answers, personalAnswers(runtime.eventStore)));
  await serveOpenApi(app);
  serveWebApp(app);
  app.use((request: Request, response: Response, next: NextFunction) => {
    const end = runtime.metrics.httpDuration.startTimer();
    response.on('finish', () => {
      const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
      end({ method: request.method, route, status: String(response.statusCode) });
    });
    next();
  });
}
