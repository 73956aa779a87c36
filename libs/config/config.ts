/**
 * The service's settings, read once from the environment and checked at start-up: a missing or malformed
 * setting stops the process with a message that names it.
 */
import { useProgrammeTimeZone } from '../calendar';
import { readEnv } from './env';

export interface Config {
  /** PostgreSQL for the event log and the read models; undefined = start the embedded one. */
  databaseUrl?: string;
  /**
   * A streaming replica of the database for analysts' reads (indicators); `maxWaitMs`: how long a read
   * asking for `minPosition` waits for the replica (then the primary) to reflect it.
   */
  readReplica: { url?: string; maxWaitMs: number };
  /** EventStoreDB for the event log (read models stay in PostgreSQL). */
  eventStoreUrl?: string;
  /** Where the embedded PostgreSQL keeps its files. */
  dataDir: string;
  host: string;
  port: number;
  projector: { batchSize: number; maxAttempts: number; stopOnPoison: boolean };
  /** `idempotencyRetentionHours`: how long an Idempotency-Key's answer is kept and replayed. */
  http: {
    bodyLimit: string;
    idempotencyRetentionHours: number;
    /**
     * Express's `trust proxy`: the proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (a hop
     * count, or their addresses and subnets). Unset: none, and the client's address is the connection's.
     */
    trustProxy?: number | string;
  };
  /** /health warns when an open transaction has held the event log back longer than this. */
  health: { logHoldWarnSeconds: number };
  /** IANA zone of the programme's calendar, in which every period is bucketed (PROGRAMME_TIME_ZONE). */
  programmeTimeZone: string;
  /** OpenTelemetry: spans exported to this OTLP/HTTP endpoint when set (OTEL_EXPORTER_OTLP_*). */
  tracing: { otlpEndpoint?: string; serviceName?: string };
}

export { ConfigError } from './config-error';

type Env = Record<string, string | undefined>;

/**
 * The process's configuration, checked. The programme calendar is process-wide, so its zone is applied here,
 * as the configuration is read: every process (service, projector, rebuild, generator) buckets alike.
 */
export function loadConfig(env: Env = process.env): Config {
  const settings = readEnv(env);
  useProgrammeTimeZone(settings.PROGRAMME_TIME_ZONE);
  return {
    databaseUrl: settings.DATABASE_URL,
    eventStoreUrl: settings.EVENTSTORE_URL,
    readReplica: { url: settings.READ_REPLICA_URL, maxWaitMs: settings.READ_REPLICA_MAX_WAIT_MS },
    dataDir: settings.DATA_DIR ?? '.data',
    host: settings.HOST ?? '127.0.0.1',
    port: settings.PORT,
    projector: {
      batchSize: settings.PROJECTOR_BATCH_SIZE,
      maxAttempts: settings.PROJECTOR_MAX_ATTEMPTS,
      stopOnPoison: settings.PROJECTOR_STOP_ON_POISON,
    },
    http: {
      bodyLimit: settings.HTTP_BODY_LIMIT ?? '64kb',
      idempotencyRetentionHours: settings.IDEMPOTENCY_RETENTION_HOURS,
      ...(settings.TRUST_PROXY !== undefined && {
        trustProxy: /^\d+$/.test(settings.TRUST_PROXY) ? Number(settings.TRUST_PROXY) : settings.TRUST_PROXY,
      }),
    },
    health: { logHoldWarnSeconds: settings.LOG_HOLD_WARN_SECONDS },
    programmeTimeZone: settings.PROGRAMME_TIME_ZONE,
    tracing: {
      otlpEndpoint: settings.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? settings.OTEL_EXPORTER_OTLP_ENDPOINT,
      serviceName: settings.OTEL_SERVICE_NAME,
    },
  };
}
