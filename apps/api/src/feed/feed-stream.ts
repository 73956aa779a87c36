/**
 * Streams a subscription to one SSE response: history, then live events, with heartbeats while idle.
 *
 * Memory stays bounded for a consumer that reads too slowly: the subscription is only pulled while the
 * socket's queue is below `maxBufferedBytes` (while catching up, the subscription holds one page; live, at
 * most `maxQueuedEvents`, else it fails with SlowConsumerError). When the socket's queue stays above its
 * bound for `stallTimeoutMs`, or the live queue overflows, the consumer is cut off: a `retry:` hint, then
 * the end of the stream, and it reconnects with `Last-Event-ID`. A parser only acts on whole messages, so
 * resuming from the last complete one loses nothing.
 */
import { ServerResponse } from 'node:http';
import { formatPosition, RecordedEvent } from '@libs/event-store';
import { publicEventJson } from '@libs/redaction';
import { FeedOptions } from './feed-options';
import { SlowConsumerError } from './feed-subscription';
import { formatSseMessage, formatSseRetry, SSE_HEARTBEAT } from './sse';

export type FeedEnd = 'client-closed' | 'cut-off' | 'failed';

/** What one caller receives. */
export interface FeedAudience {
  /** The caller may receive personal fields (see mayReceivePersonalFields); else they are stripped. */
  personal: boolean;
  /**
   * Whether an event lies inside the caller's org unit (a district's subscriber); the others are skipped.
   * Answered at once where it can be (a city-wide caller): an await per event was a large part of the catch-up.
   */
  within: (event: RecordedEvent) => boolean | Promise<boolean>;
}

/** What the feed streams: the log's events in order, some at a time (./feed-subscription.ts). */
export interface EventBatches {
  batches(): AsyncIterable<RecordedEvent[]>;
  close(): Promise<void>;
}

export async function streamFeed(
  response: ServerResponse,
  subscription: EventBatches,
  options: FeedOptions,
  { personal, within }: FeedAudience,
): Promise<FeedEnd> {
  let clientClosed = false;
  let wroteSinceBeat = false;
  response.on('close', () => {
    clientClosed = true;
    void subscription.close();
  });
  const heartbeat = setInterval(() => {
    if (!wroteSinceBeat && response.writableLength === 0) response.write(SSE_HEARTBEAT);
    wroteSinceBeat = false;
  }, options.heartbeatMs);
  try {
    for await (const batch of subscription.batches()) {
      if (clientClosed) break;
      // A catch-up page leaves as one write, not one per message (a writev of a chunk per event).
      let messages = '';
      const audience = { personal };
      for (const event of batch) {
        // Skipped events are never the last id the client saw: it resumes before them and they are skipped again.
        const inside = within(event);
        if (inside === true || (inside !== false && (await inside))) {
          const position = formatPosition(event.position);
          messages += formatSseMessage(position, event.type, publicEventJson(event, audience, position));
        }
      }
      if (messages === '' || clientClosed) continue;
      corkUntilNextTurn(response);
      // As bytes: a string is walked twice (its length in UTF-8 for the chunk header, then its encoding).
      const accepted = response.write(Buffer.from(messages));
      wroteSinceBeat = true;
      // 'drain' is only promised after a write returned false.
      if (!accepted && response.writableLength > options.maxBufferedBytes && !(await drained(response, options.stallTimeoutMs))) {
        if (!clientClosed) cutOff(response, options);
        return clientClosed ? 'client-closed' : 'cut-off';
      }
    }
    // The subscription ended without the client leaving: the service is closing. The client resumes.
    if (clientClosed) return 'client-closed';
    cutOff(response, options);
    return 'failed';
  } catch (error) {
    // Headers are sent: the only way left to report is to end the stream and let the client resume.
    if (clientClosed) return 'client-closed';
    cutOff(response, options);
    return error instanceof SlowConsumerError ? 'cut-off' : 'failed';
  } finally {
    clearInterval(heartbeat);
    await subscription.close();
  }
}

/** Live events arrive one batch each, often several in one turn of the event loop: corked, they leave as one chunk. */
function corkUntilNextTurn(response: ServerResponse): void {
  if (response.writableCorked > 0) return;
  response.cork();
  setImmediate(() => response.uncork());
}

/** Resolves true on 'drain', false when the timeout passes first or the connection closes. */
function drained(response: ServerResponse, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (result: boolean) => {
      clearTimeout(timer);
      response.off('drain', onDrain);
      response.off('close', onClose);
      resolve(result);
    };
    const onDrain = () => finish(true);
    const onClose = () => finish(false);
    const timer = setTimeout(() => finish(false), timeoutMs);
    response.on('drain', onDrain);
    response.on('close', onClose);
  });
}

/** Ends the stream politely; a consumer that does not read even that is disconnected after a grace period. */
function cutOff(response: ServerResponse, options: FeedOptions): void {
  response.end(formatSseRetry(options.retryMs));
  const grace = setTimeout(() => response.destroy(), options.cutOffGraceMs);
  grace.unref();
  response.on('close', () => clearTimeout(grace));
}
