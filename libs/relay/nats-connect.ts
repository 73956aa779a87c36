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
  let onAbort = () => {};
  const aborted = new Promise<undefined>((resolve) => {
    onAbort = () => resolve(undefined);
    if (stopped.aborted) resolve(undefined);
    stopped.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await attempts(target, stopped, aborted, onError);
  } finally {
    stopped.removeEventListener('abort', onAbort); // the relay's signal lives as long as it does: one listener per call
  }
}

async function attempts(
  target: NatsTarget,
  stopped: AbortSignal,
  aborted: Promise<undefined>,
  onError: (error: unknown) => void,
): Promise<NatsConnection | undefined> {
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
