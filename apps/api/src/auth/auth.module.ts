/**
 * Access control for every endpoint: rate limits per token, then the policy guard, then small-cell
 * suppression of indicator answers. Registered globally (APP_GUARD / APP_INTERCEPTOR), so feature
 * controllers carry no access code; the rules live in libs/auth/policy-table.ts.
 */
import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { Runtime } from '../bootstrap/runtime';
import { RUNTIME } from '../tokens';
import { AccessGuard } from './access.guard';
import { AccessLog } from './access-log';
import { OrgUnitResolver } from './org-unit-resolver';
import { RateLimitGuard } from './rate-limit.guard';
import { Security } from './security';
import { SuppressionInterceptor } from './suppression.interceptor';

const securityProviders = [
  { provide: Security, useFactory: (runtime: Runtime) => runtime.security, inject: [RUNTIME] },
  { provide: OrgUnitResolver, useFactory: (runtime: Runtime) => new OrgUnitResolver(runtime.rawEventStore), inject: [RUNTIME] },
  { provide: AccessLog, useFactory: (runtime: Runtime) => new AccessLog(runtime.dataSource), inject: [RUNTIME] },
];

@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [RUNTIME],
      useFactory: (runtime: Runtime) => {
        const { requests, windowSeconds } = runtime.security.auth.rateLimit;
        return { throttlers: [{ name: 'per-token', limit: requests, ttl: windowSeconds * 1000 }] };
      },
    }),
  ],
  providers: [
    ...securityProviders,
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_INTERCEPTOR, useClass: SuppressionInterceptor },
  ],
  exports: securityProviders.map((provider) => provider.provide),
})
export class AuthModule {}
