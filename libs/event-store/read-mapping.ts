/**
 * What the EventStore decorators that change events on the way out (decrypting personal data, upcasting)
 * share: a subscription whose every delivered event goes through their mapping first.
 */
import type { RecordedEvent, Subscription } from './event-store.port';

export function mapSubscription(inner: Subscription, map: (event: RecordedEvent) => Promise<RecordedEvent> | RecordedEvent): Subscription {
  return {
    close: () => inner.close(),
    [Symbol.asyncIterator]() {
      const iterator = inner[Symbol.asyncIterator]();
      return {
        async next() {
          const result = await iterator.next();
          return result.done ? result : { done: false, value: await map(result.value) };
        },
        async return(value?: unknown) {
          await inner.close();
          return iterator.return ? iterator.return(value) : { done: true, value: undefined };
        },
      };
    },
  };
}
