/**
 * Connecting to NATS until connected or stopped. Not the client's `waitOnFirstConnect`: its attempts never end
 * while the server is down and give nothing to close, so a relay stopped then hung (and the process with it).
 * Once connected, the client itself reconnects after an outage.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { connect, NatsConnection } from 'nats';

/** Bounds one attempt (a server that accepts but never answers); attempts repeat until stopped. */
const CONNECT_TIMEOUT_MS = 5000;
const CONNECT_RETRY_MS = 250;

export interface NatsTarget {
  servers: string | string[];
  name: string;
}

/** The connection, or undefined once `stopped` is aborted (a connection that still comes is closed at once). */
export async function connectUntilStopped(
  target: NatsTarget,
  stopped: AbortSignal,
  onError: (error: unknown) => void,
): Promise<NatsConnection | undefined> {
  const aborted = new Promise<undefined>((resolve) => {
    if (stopped.aborted) resolve(undefined);
    stopped.addEventListener('abort', () => resolve(undefined), { once: true });
  });
  while (!stopped.aborted) {
    const attempt = connect({ ...target, timeout: CONNECT_TIMEOUT_MS, maxReconnectAttempts: -1, reconnectTimeWait: 250 });
    const outcome = await Promise.race([
      attempt.then(
        (connection) => ({ connection }),
        (error: unknown) => ({ error }),
      ),
      aborted,
    ]);
    if (!outcome || stopped.aborted) {
      void attempt.then((connection) => connection.close()).catch(() => undefined);
      return undefined;
    }
    if ('connection' in outcome) return outcome.connection;
    onError(outcome.error);
    await sleep(CONNECT_RETRY_MS, undefined, { signal: stopped }).catch(() => undefined);
  }
  return undefined;
}
