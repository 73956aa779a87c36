/**
 * The service's settings, read once from the environment and checked at start-up: a missing or malformed
 * setting stops the process with a message that names it.
 */
export interface Config {
  /** PostgreSQL for the event log and the read models; undefined = start the embedded one. */
  databaseUrl?: string;
  /** EventStoreDB for the event log (read models stay in PostgreSQL). */
  eventStoreUrl?: string;
  /** Where the embedded PostgreSQL keeps its files. */
  dataDir: string;
  host: string;
  port: number;
  projector: { batchSize: number; maxAttempts: number; stopOnPoison: boolean };
  http: { bodyLimit: string };
  /** /health warns when an open transaction has held the event log back longer than this. */
  health: { logHoldWarnSeconds: number };
}

export class ConfigError extends Error {
  constructor(readonly setting: string, problem: string) {
    super(`configuration: ${setting} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
  return {
    databaseUrl: optionalUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    eventStoreUrl: optionalUrl(env, 'EVENTSTORE_URL', ['esdb:', 'esdb+discover:']),
    dataDir: env.DATA_DIR?.trim() || '.data',
    host: env.HOST?.trim() || '127.0.0.1',
    port: integer(env, 'PORT', 3000, 0, 65535),
    projector: {
      batchSize: integer(env, 'PROJECTOR_BATCH_SIZE', 500, 1, 10_000),
      maxAttempts: integer(env, 'PROJECTOR_MAX_ATTEMPTS', 3, 1, 100),
      stopOnPoison: boolean(env, 'PROJECTOR_STOP_ON_POISON', false),
    },
    http: { bodyLimit: env.HTTP_BODY_LIMIT?.trim() || '64kb' },
    health: { logHoldWarnSeconds: integer(env, 'LOG_HOLD_WARN_SECONDS', 60, 1, 86_400) },
  };
}

function optionalUrl(env: Env, name: string, protocols: string[]): string | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, 'is not a URL');
  }
  if (!protocols.includes(url.protocol)) throw new ConfigError(name, `must start with ${protocols.join(' or ')}//`);
  return value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(name, `must be an integer from ${min} to ${max}`);
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(name, 'must be true or false');
}
