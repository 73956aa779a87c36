/**
 * Settings of the SSE feed, read from the environment when the feed module starts and checked like the
 * rest of the config (a malformed value stops start-up naming the setting).
 */
import { readEnv } from '@libs/config';

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
  const settings = readEnv(env);
  return {
    heartbeatMs: settings.FEED_HEARTBEAT_MS,
    maxBufferedBytes: settings.FEED_MAX_BUFFERED_BYTES,
    maxQueuedEvents: settings.FEED_MAX_QUEUED_EVENTS,
    stallTimeoutMs: settings.FEED_STALL_TIMEOUT_MS,
    retryMs: settings.FEED_RETRY_MS,
    cutOffGraceMs: settings.FEED_CUT_OFF_GRACE_MS,
  };
}
