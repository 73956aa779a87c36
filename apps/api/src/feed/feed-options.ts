/**
 * Settings of the SSE feed, read from the environment when the feed module starts and checked like the
 * rest of the config (a malformed value stops start-up naming the setting).
 */
import { ConfigError } from '@libs/config';

export const FEED_OPTIONS = Symbol('FEED_OPTIONS');

export interface FeedOptions {
  /** A `: heartbeat` comment after this long without a message keeps proxies from closing idle streams. */
  heartbeatMs: number;
  /** Bytes queued in the socket's write buffer beyond which the feed stops writing and waits for a drain. */
  maxBufferedBytes: number;
  /** Live events queued for one stream (beyond its socket's buffer) before it is cut off as too slow. */
  maxQueuedEvents: number;
  /** How long the buffer may stay full before the consumer is cut off with a `retry` hint. */
  stallTimeoutMs: number;
  /** The `retry:` the cut-off consumer is told to wait before reconnecting. */
  retryMs: number;
  /** After the cut-off, how long the consumer may take to read the rest before the socket is destroyed. */
  cutOffGraceMs: number;
}

type Env = Record<string, string | undefined>;

export function loadFeedOptions(env: Env = process.env): FeedOptions {
  return {
    heartbeatMs: integer(env, 'FEED_HEARTBEAT_MS', 15_000, 10, 3_600_000),
    maxBufferedBytes: integer(env, 'FEED_MAX_BUFFERED_BYTES', 1 << 20, 1024, 1 << 30),
    maxQueuedEvents: integer(env, 'FEED_MAX_QUEUED_EVENTS', 10_000, 1, 1_000_000),
    stallTimeoutMs: integer(env, 'FEED_STALL_TIMEOUT_MS', 10_000, 1, 600_000),
    retryMs: integer(env, 'FEED_RETRY_MS', 1_000, 0, 600_000),
    cutOffGraceMs: integer(env, 'FEED_CUT_OFF_GRACE_MS', 30_000, 1, 600_000),
  };
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(name, `must be an integer from ${min} to ${max}`);
  return value;
}
