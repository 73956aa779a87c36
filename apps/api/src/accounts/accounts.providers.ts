/** The accounts services over the service's database, for Nest's injector. */
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Sessions, SignIn, SignInThrottle, Users } from '@libs/accounts';
import { Security } from '@libs/runtime';

export const accountsProviders = [
  { provide: Users, useFactory: (db: DataSource) => new Users(db), inject: [DataSource] },
  // Settings from the runtime's environment (a test passes its own), not the process's.
  {
    provide: Sessions,
    useFactory: (db: DataSource, security: Security) => new Sessions(db, security.accounts.sessions),
    inject: [DataSource, Security],
  },
  { provide: SignInThrottle, useFactory: (security: Security) => new SignInThrottle(security.accounts.throttle), inject: [Security] },
  {
    provide: SignIn,
    useFactory: (users: Users, sessions: Sessions, throttle: SignInThrottle) =>
      new SignIn(users, sessions, throttle, new Logger('sign-in')),
    inject: [Users, Sessions, SignInThrottle],
  },
];
