/**
 * Access control for every endpoint: rate limits per token, then the policy guard, then small-cell
 * suppression of indicator answers. Registered globally (APP_GUARD / APP_INTERCEPTOR), so feature
 * controllers carry no access code; the rules live in libs/auth/policy-table.ts.
 */
import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { EventStore } from '@libs/event-store';
import { RAW_EVENT_STORE } from '../tokens';
import { AccessGuard } from './access.guard';
import { AccessLog } from './access-log';
import { OrgUnitResolver } from './org-unit-resolver';
import { RateLimitGuard } from './rate-limit.guard';
import { Security } from '@libs/runtime';
import { SuppressionInterceptor } from './suppression.interceptor';

const securityProviders = [
  { provide: OrgUnitResolver, useFactory: (raw: EventStore) => new OrgUnitResolver(raw), inject: [RAW_EVENT_STORE] },
  { provide: AccessLog, useFactory: (dataSource: DataSource) => new AccessLog(dataSource), inject: [DataSource] },
];

@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [Security],
      useFactory: (security: Security) => {
        const { requests, windowSeconds } = security.auth.rateLimit;
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
