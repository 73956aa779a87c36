/**
 * Catch-up then live on `$all`, over the client's own subscription with a server-side filter. When the
 * connection drops (node restart, leader change, network) it subscribes again from the last position it
 * saw (filter checkpoints are not trusted: some servers report them with prepare 0), so nothing is
 * skipped, and a redelivered event is dropped.
 */
import { AllStreamSubscription } from '@eventstore/db-client';
import { RecordedEvent, SubscribeToAllOptions, Subscription } from '../event-store.port';
import { comparePositions, Position, START } from '../position';
import { StoreClient } from './store-client';
import { fromEsdbEvent, fromEsdbPosition, isTransientEsdbError, planFilter, toEsdbReadPosition, translateEsdbError } from './mapping';

export interface EsdbSubscriptionOptions extends SubscribeToAllOptions {
  /** Resolves `'end'` to a concrete position, so a resubscription has something to resume from. */
  headPosition(): Promise<Position | undefined>;
  /** First wait before resubscribing; doubles up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  onClose?(): void;
}

export class EsdbSubscription implements Subscription {
  private closed = false;
  private current?: AllStreamSubscription;
  private wakeSleeper?: () => void;

  constructor(
    private readonly client: StoreClient,
    private readonly options: EsdbSubscriptionOptions,
  ) {}

  async close(): Promise<void> {
    if (!this.closed) this.options.onClose?.();
    this.closed = true;
    this.wakeSleeper?.();
    await this.current?.unsubscribe().catch(() => undefined);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    if (this.closed) return;
    const plan = planFilter(this.options.filter);
    let seen = await this.startPosition();
    let delay = this.options.retryDelayMs ?? 100;
    try {
      while (!this.closed) {
        const subscription = this.client.subscribeToAll({
          fromPosition: toEsdbReadPosition(seen),
          filter: plan.server,
        });
        this.current = subscription;
        try {
          for await (const resolved of subscription) {
            const event = resolved.event;
            if (this.closed) return;
            if (!event?.position || comparePositions(fromEsdbPosition(event.position), seen) <= 0) continue;
            seen = fromEsdbPosition(event.position);
            delay = this.options.retryDelayMs ?? 100;
            if (!plan.accepts(event)) continue;
            const recorded = fromEsdbEvent(event);
            if (recorded) yield recorded;
          }
        } catch (error) {
          if (this.closed) return;
          if (!isTransientEsdbError(error)) throw translateEsdbError(error);
        } finally {
          await subscription.unsubscribe().catch(() => undefined);
        }
        // The stream ended or dropped: wait a little, then pick up again after the last event seen.
        await this.sleep(delay);
        delay = Math.min(delay * 2, this.options.maxRetryDelayMs ?? 5_000);
      }
    } finally {
      await this.close();
    }
  }

  private async startPosition(): Promise<Position> {
    const from = this.options.fromPosition ?? 'start';
    if (from === 'start') return START;
    if (from === 'end') return (await this.options.headPosition()) ?? START;
    return from;
  }

  private sleep(ms: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeSleeper = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeSleeper = done;
    });
  }
}
