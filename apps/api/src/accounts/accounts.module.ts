import { Global, Module } from '@nestjs/common';
import { accountsProviders } from './accounts.providers';
import { SessionsController } from './sessions.controller';
import { UsersController } from './users.controller';

/** Local accounts and browser sessions; global, so the access guard can authenticate session cookies. */
@Global()
@Module({ controllers: [SessionsController, UsersController], providers: accountsProviders, exports: accountsProviders.map((p) => p.provide) })
export class AccountsModule {}
