/** The accounts services over the service's database, for Nest's injector. */
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadAccountsConfig, Sessions, SignIn, SignInThrottle, Users } from '@libs/accounts';

export const accountsProviders = [
  { provide: Users, useFactory: (db: DataSource) => new Users(db), inject: [DataSource] },
  { provide: Sessions, useFactory: (db: DataSource) => new Sessions(db, loadAccountsConfig(process.env).sessions), inject: [DataSource] },
  { provide: SignInThrottle, useFactory: () => new SignInThrottle(loadAccountsConfig(process.env).throttle) },
  {
    provide: SignIn,
    useFactory: (users: Users, sessions: Sessions, throttle: SignInThrottle) =>
      new SignIn(users, sessions, throttle, new Logger('sign-in')),
    inject: [Users, Sessions, SignInThrottle],
  },
];
