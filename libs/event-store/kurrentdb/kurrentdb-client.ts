/**
 * @kurrent/kurrentdb-client 1.x behind the adapter's StoreClient. Its `readAll` sends the filter to the
 * server, so the hand-built gRPC read (esdb/filtered-read.ts) is not used here. Appends name their
 * expectation `streamState`. Events, positions and filters have db-client's shapes field for field (the
 * unit spec checks the mapping on this client's own types), so they cross the seam as they are.
 */
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { AllStreamResolvedEvent, AllStreamSubscription, AppendResult, ResolvedEvent } from '@eventstore/db-client';
import type { StoreClient } from '../esdb/store-client';

export function kurrentDbClient(client: KurrentDBClient): StoreClient & { raw: KurrentDBClient } {
  return {
    product: 'KurrentDB',
    raw: client,
    readStream: (stream, options) => client.readStream(stream, options) as AsyncIterable<ResolvedEvent>,
    readAll: ({ fromPosition, direction, maxCount, filter }) =>
      client.readAll({ fromPosition, direction, maxCount, filter, resolveLinkTos: false }) as AsyncIterable<AllStreamResolvedEvent>,
    appendToStream: async (stream, events, streamState) => (await client.appendToStream(stream, events, { streamState })) as AppendResult,
    subscribeToAll: (options) => client.subscribeToAll({ ...options, resolveLinkTos: false }) as unknown as AllStreamSubscription,
    dispose: () => client.dispose(),
  };
}
