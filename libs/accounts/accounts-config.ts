/** Settings of sessions and sign-in throttling, from the one environment schema (libs/config/env.ts). */
import { readEnv } from '../config/env';
import { SessionSettings } from './sessions';
import { ThrottleSettings } from './sign-in-throttle';

type Env = Record<string, string | undefined>;

export interface AccountsConfig {
  sessions: SessionSettings;
  throttle: ThrottleSettings;
}

/** Throws a ConfigError naming a malformed setting. */
export function loadAccountsConfig(env: Env = process.env): AccountsConfig {
  const settings = readEnv(env);
  return {
    sessions: { idleSeconds: settings.SESSION_IDLE_MINUTES * 60, maxSeconds: settings.SESSION_MAX_HOURS * 3600 },
    throttle: {
      perUser: settings.SIGN_IN_MAX_FAILURES,
      perClient: settings.SIGN_IN_MAX_FAILURES_PER_CLIENT,
      windowSeconds: settings.SIGN_IN_WINDOW_SECONDS,
      failureDelayMs: settings.SIGN_IN_FAILURE_DELAY_MS,
    },
  };
}
