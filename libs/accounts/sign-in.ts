/**
 * Signing in with a username and password. Wrong username and wrong password answer alike and take
 * alike (a decoy hash is checked for unknown users); failures are counted and logged by username and
 * client address, never with the password; past the limit the caller must wait (SignInThrottle).
 */
import { decoyHash, verifyPassword } from './passwords';
import { ActiveSession, Sessions } from './sessions';
import { SignInThrottle } from './sign-in-throttle';
import { USERNAME, Users } from './users';

export type SignInResult =
  { kind: 'signed-in'; session: ActiveSession } | { kind: 'invalid-credentials' } | { kind: 'throttled'; retryAfterSeconds: number };

export interface SignInLog {
  warn(message: string): void;
  log(message: string): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class SignIn {
  constructor(
    private readonly users: Users,
    private readonly sessions: Sessions,
    private readonly throttle: SignInThrottle,
    private readonly logger: SignInLog,
  ) {}

  async attempt(username: string, password: string, client: string): Promise<SignInResult> {
    // A malformed username is counted under one key: it cannot name an account, and it is not logged as typed.
    const name = USERNAME.test(username) ? username : '(malformed)';
    const admitted = this.throttle.attempt(name, client);
    if (!admitted.admitted) {
      this.logger.warn(`sign-in refused for ${name} from ${client}: too many failures, retry after ${admitted.retryAfterSeconds} s`);
      return { kind: 'throttled', retryAfterSeconds: admitted.retryAfterSeconds };
    }
    const found = await this.users.withHash(username);
    const matches = await verifyPassword(password, found?.passwordHash ?? (await decoyHash()));
    if (found && matches && !found.user.disabled) {
      this.throttle.succeeded(name, client);
      this.logger.log(`signed in: ${name} from ${client}`);
      // Sessions past their absolute expiry go now and then, without a timer of their own.
      await this.sessions.sweep();
      return { kind: 'signed-in', session: await this.sessions.create(found.user) };
    }
    const failures = admitted.failures;
    const why = !found ? 'unknown user' : found.user.disabled ? 'disabled user' : 'wrong password';
    this.logger.warn(`sign-in failed for ${name} from ${client} (${why}; ${failures} of ${this.throttle.settings.perUser} in the window)`);
    await sleep(this.throttle.settings.failureDelayMs);
    return { kind: 'invalid-credentials' };
  }
}
