/**
 * Rate limits per token (@nestjs/throttler): requests are counted by a digest of the bearer token (or of the
 * session cookie), or by client address when there is neither, so one caller cannot starve the others and guessing tokens is slow.
 */
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, any>): Promise<string> {
    const authorization = request.headers?.authorization;
    if (typeof authorization === 'string' && authorization.length > 0) {
      return `token:${createHash('sha256').update(authorization).digest('hex').slice(0, 32)}`;
    }
    const session =
      typeof request.headers?.cookie === 'string' ? /(?:^|;\s*)fl_session=([^;]+)/.exec(request.headers.cookie)?.[1] : undefined;
    if (session) return `session:${createHash('sha256').update(session).digest('hex').slice(0, 32)}`;
    return `ip:${request.ip ?? 'unknown'}`;
  }
}
