/**
 * The one reader of the environment: every plain setting of every process, its type, range and default,
 * in one zod schema. A missing or malformed setting stops the process with a ConfigError that names it.
 * Checks that need more than the text (a key file that must exist, a PEM that must parse) stay beside the
 * code that uses them, and read the text from here.
 */
import { z } from 'zod';
import { ConfigError } from './config-error';

type Env = Record<string, string | undefined>;

/** Blank counts as unset (a `PORT=` line in a .env file); values are trimmed. */
const text = () => z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined), z.string().optional());

const integer = (fallback: number, min: number, max: number) => {
  const problem = `must be an integer from ${min} to ${max}`;
  return z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : undefined),
    z.number({ error: problem }).int({ error: problem }).min(min, { error: problem }).max(max, { error: problem }).default(fallback),
  );
};

const boolean = (fallback: boolean) =>
  z.preprocess(
    (v) => {
      const raw = typeof v === 'string' ? v.trim().toLowerCase() : '';
      if (raw === '') return undefined;
      return ['1', 'true', 'yes'].includes(raw) ? true : ['0', 'false', 'no'].includes(raw) ? false : raw;
    },
    z.boolean({ error: 'must be true or false' }).default(fallback),
  );

/** A URL with one of the given protocols, or unset. */
const url = (protocols: string[], problem = `must start with ${protocols.join(' or ')}//`) =>
  text().superRefine((value, ctx) => {
    if (value === undefined) return;
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      return ctx.addIssue({ code: 'custom', message: 'is not a URL' });
    }
    if (!protocols.includes(parsed.protocol)) ctx.addIssue({ code: 'custom', message: problem });
  });

/**
 * A gRPC connection string with one of the given schemes, or unset. Only the scheme is checked here: a
 * cluster lists several hosts (`kurrentdb+discover://a:2113,b:2113`), which WHATWG URLs refuse; the
 * client's own parser checks the rest when the store is opened, naming the setting.
 */
const connectionString = (protocols: string[]) =>
  text().refine((value) => value === undefined || protocols.includes(/^[a-z+]+:/.exec(value)?.[0] ?? ''), {
    error: `must start with ${protocols.join('// or ')}//`,
  });

const pattern = (regex: RegExp, problem: string) => text().refine((value) => value === undefined || regex.test(value), { error: problem });

/** An IANA time zone this runtime knows (Intl refuses the others). */
const timeZone = (fallback: string) =>
  text()
    .refine(
      (value) => {
        try {
          new Intl.DateTimeFormat('en-US', { timeZone: value ?? fallback });
          return true;
        } catch {
          return false;
        }
      },
      { error: 'must be an IANA time zone such as Asia/Shanghai' },
    )
    .transform((value) => value ?? fallback);

const schema = z.object({
  PROGRAMME_TIME_ZONE: timeZone('Asia/Shanghai'),
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  READ_REPLICA_URL: url(['postgres:', 'postgresql:']),
  READ_REPLICA_MAX_WAIT_MS: integer(2000, 0, 60_000),
  EVENTSTORE_URL: connectionString(['esdb:', 'esdb+discover:', 'kurrentdb:', 'kurrentdb+discover:']),
  DATA_DIR: text(),
  HOST: text(),
  PORT: integer(3000, 0, 65535),
  PROJECTOR_BATCH_SIZE: integer(500, 1, 10_000),
  PROJECTOR_MAX_ATTEMPTS: integer(3, 1, 100),
  PROJECTOR_STOP_ON_POISON: boolean(false),
  HTTP_BODY_LIMIT: text(),
  TRUST_PROXY: pattern(
    /^(\d{1,2}|(loopback|linklocal|uniquelocal|[0-9A-Fa-f.:]+(\/\d{1,3})?)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9A-Fa-f.:]+(\/\d{1,3})?))*)$/,
    'must be a count of proxy hops, or proxy addresses and subnets separated by commas (loopback, 10.0.0.0/8, ...)',
  ),
  LOG_HOLD_WARN_SECONDS: integer(60, 1, 86_400),
  IDEMPOTENCY_RETENTION_HOURS: integer(24, 1, 8760),
  AUTH_JWKS_URL: text(),
  AUTH_PUBLIC_KEY_FILE: text(),
  AUTH_ISSUER: text(),
  AUTH_AUDIENCE: text(),
  AUTH_CLOCK_TOLERANCE_SECONDS: integer(5, 0, 300),
  RATE_LIMIT_REQUESTS: integer(6000, 1, 10_000_000),
  RATE_LIMIT_WINDOW_SECONDS: integer(60, 1, 86_400),
  AUDIT_SIGNING_KEY: text(),
  AUDIT_CHECKPOINT_INTERVAL_SECONDS: integer(300, 0, 86_400),
  AUDIT_ORIGIN: pattern(/^[^\s+]{1,200}$/, 'must be a log name without spaces or "+" (e.g. family-ledger/640100)'),
  FEED_HEARTBEAT_MS: integer(15_000, 10, 3_600_000),
  FEED_MAX_BUFFERED_BYTES: integer(1 << 20, 1024, 1 << 30),
  FEED_MAX_QUEUED_EVENTS: integer(10_000, 1, 1_000_000),
  FEED_STALL_TIMEOUT_MS: integer(10_000, 1, 600_000),
  FEED_RETRY_MS: integer(1_000, 0, 600_000),
  FEED_CUT_OFF_GRACE_MS: integer(30_000, 1, 600_000),
  PII_KEY_CACHE_MS: integer(5000, 0, 86_400_000),
  PII_KEY_DIR: text(),
  NATS_URL: url(['nats:', 'tls:'], 'must start with nats:// or tls://'),
  RELAY_NAME: pattern(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1 to 64 letters, digits, ".", "_" or "-"'),
  RELAY_STREAM: pattern(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 letters, digits, "_" or "-"'),
  SESSION_IDLE_MINUTES: integer(30, 1, 24 * 60),
  SESSION_MAX_HOURS: integer(12, 1, 24 * 30),
  SIGN_IN_MAX_FAILURES: integer(5, 1, 1000),
  SIGN_IN_MAX_FAILURES_PER_CLIENT: integer(20, 1, 100_000),
  SIGN_IN_WINDOW_SECONDS: integer(900, 1, 86_400),
  SIGN_IN_FAILURE_DELAY_MS: integer(300, 0, 10_000),
  WEB_DIST_DIR: text(),
  // OpenTelemetry's own names: spans are exported over OTLP/HTTP only when an endpoint is set.
  OTEL_EXPORTER_OTLP_ENDPOINT: url(['http:', 'https:']),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: url(['http:', 'https:']),
  OTEL_SERVICE_NAME: text(),
});

export type Settings = z.infer<typeof schema>;

/** Every setting, checked; throws a ConfigError naming the first bad one. */
export function readEnv(env: Env = process.env): Settings {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  throw new ConfigError(String(issue.path[0]), issue.message);
}
