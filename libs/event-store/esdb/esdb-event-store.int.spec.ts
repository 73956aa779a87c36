/**
 * The contract suite through @eventstore/db-client, against the server named by EVENTSTORE_URL (esdb://);
 * without it, NOT RUN is printed and only the unreachable-server tests run. See grpc-adapter.suite.ts.
 */
import { describeGrpcAdapter } from '../contract/grpc-adapter.suite';
import { EventStoreDbEventStore } from './esdb-event-store';

describeGrpcAdapter({
  name: 'EventStoreDB client',
  setting: 'EVENTSTORE_URL',
  unreachableUrl: 'esdb://127.0.0.1:1?tls=false',
  open: (connectionString) => new EventStoreDbEventStore({ connectionString }),
});
