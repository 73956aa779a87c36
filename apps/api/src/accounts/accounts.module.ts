import { Global, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { NextFunction, Request, Response } from 'express';
import { accountsProviders } from './accounts.providers';
import { SessionsController } from './sessions.controller';
import { UsersController } from './users.controller';

/**
 * Signing in is not a command to de-duplicate: a kept answer would hold a session's CSRF token (without
 * its cookie) and the key's request hash an unsalted digest of the password. A client that sends
 * Idempotency-Key with every POST (as the web app's forms do) gets a fresh session each time instead.
 */
function ignoreIdempotencyKey(request: Request, _response: Response, next: NextFunction): void {
  delete request.headers['idempotency-key'];
  next();
}

/** Local accounts and browser sessions; global, so the access guard can authenticate session cookies. */
@Global()
@Module({
  controllers: [SessionsController, UsersController],
  providers: accountsProviders,
  exports: accountsProviders.map((p) => p.provide),
})
export class AccountsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ignoreIdempotencyKey).forRoutes({ path: 'auth/sessions', method: RequestMethod.POST });
  }
}
