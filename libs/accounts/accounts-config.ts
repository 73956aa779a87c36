/** Settings of sessions and sign-in throttling, read from the environment and checked at start-up. */
import { ConfigError } from '../config/config';
import { SessionSettings } from './sessions';
import { ThrottleSettings } from './sign-in-throttle';

type Env = Record<string, string | undefined>;

export interface AccountsConfig {
  sessions: SessionSettings;
  throttle: ThrottleSettings;
}

export function loadAccountsConfig(env: Env): AccountsConfig {
  return {
    sessions: {
      idleSeconds: integer(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60) * 60,
      maxSeconds: integer(env, 'SESSION_MAX_HOURS', 12, 1, 24 * 30) * 3600,
    },
    throttle: {
      perUser: integer(env, 'SIGN_IN_MAX_FAILURES', 5, 1, 1000),
      perClient: integer(env, 'SIGN_IN_MAX_FAILURES_PER_CLIENT', 20, 1, 100_000),
      windowSeconds: integer(env, 'SIGN_IN_WINDOW_SECONDS', 900, 1, 86_400),
      failureDelayMs: integer(env, 'SIGN_IN_FAILURE_DELAY_MS', 300, 0, 10_000),
    },
  };
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(name, `must be an integer from ${min} to ${max}`);
  return value;
}
