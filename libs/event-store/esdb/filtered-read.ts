/**
 * A server-side filtered read of `$all`. The server has supported filtered reads (both directions) since
 * 20.6, but @eventstore/db-client 6.2's `readAll` always sends "no filter"; only `subscribeToAll` takes one.
 * This builds the same Read request as the client's own `readAll`, with the filter block exactly as its
 * `subscribeToAll` writes it, and runs it through the client's connection handling. It reaches into two
 * protected members of the client, so the client version is pinned by package-lock; revisit on upgrade.
 */
import type { CallOptions, ClientReadableStream, Metadata } from '@grpc/grpc-js';
import {
  AllStreamResolvedEvent,
  BaseOptions,
  Direction,
  EventStoreDBClient,
  Filter,
  ReadPosition,
  StreamingRead,
} from '@eventstore/db-client';
import { ReadStream } from '@eventstore/db-client/dist/streams/utils/ReadStream';
import { convertGrpcEvent } from '@eventstore/db-client/dist/utils/convertGrpcEvent';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { StreamsClient } from '@eventstore/db-client/generated/streams_grpc_pb';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';

export interface FilteredReadOptions {
  fromPosition: ReadPosition;
  direction: Direction;
  maxCount: number;
  filter: Filter;
}

/** The protected members of the client this needs (present in v6.x, see Client/index.d.ts). */
interface ClientInternals {
  GRPCStreamCreator<T>(client: typeof StreamsClient, debugName: string, creator: (client: StreamsClient) => T): () => Promise<T>;
  callArguments(options: BaseOptions, callOptions?: CallOptions): [Metadata, CallOptions];
}

export function readAllFiltered(client: EventStoreDBClient, options: FilteredReadOptions): StreamingRead<AllStreamResolvedEvent> {
  const internals = client as unknown as ClientInternals;
  const request = filteredReadRequest(options);
  const createStream = internals.GRPCStreamCreator<ClientReadableStream<ReadResp>>(StreamsClient, 'readAll', (grpc) =>
    grpc.read(request, ...internals.callArguments({}, { deadline: Infinity })),
  );
  return new ReadStream<AllStreamResolvedEvent>(createStream, convertGrpcEvent, {});
}

/** The Read request, exported for its unit test: what goes over the wire is checked without a server. */
export function filteredReadRequest(options: FilteredReadOptions): ReadReq {
  return new ReadReq().setOptions(readOptions(options));
}

function readOptions({ fromPosition, direction, maxCount, filter }: FilteredReadOptions): ReadReq.Options {
  const all = new ReadReq.Options.AllOptions();
  if (fromPosition === 'start') all.setStart(new Empty());
  else if (fromPosition === 'end') all.setEnd(new Empty());
  else {
    all.setPosition(
      new ReadReq.Options.Position()
        .setCommitPosition(fromPosition.commit.toString(10))
        .setPreparePosition(fromPosition.prepare.toString(10)),
    );
  }
  return new ReadReq.Options()
    .setAll(all)
    .setResolveLinks(false)
    .setCount(maxCount.toString(10))
    .setUuidOption(new ReadReq.Options.UUIDOption().setString(new Empty()))
    .setReadDirection(direction === 'backwards' ? ReadReq.Options.ReadDirection.BACKWARDS : ReadReq.Options.ReadDirection.FORWARDS)
    .setFilter(filterOptions(filter));
}

function filterOptions(filter: Filter): ReadReq.Options.FilterOptions {
  const expression = new ReadReq.Options.FilterOptions.Expression();
  if ('prefixes' in filter) expression.setPrefixList(filter.prefixes);
  if ('regex' in filter) expression.setRegex(filter.regex);
  const options = new ReadReq.Options.FilterOptions();
  if (filter.filterOn === 'streamName') options.setStreamIdentifier(expression);
  else options.setEventType(expression);
  if (typeof filter.maxSearchWindow === 'number') options.setMax(filter.maxSearchWindow);
  else options.setCount(new Empty());
  return options.setCheckpointintervalmultiplier(filter.checkpointInterval);
}
