/**
 * The contract suite through @kurrent/kurrentdb-client, against the server named by KURRENTDB_URL
 * (kurrentdb://, or an esdb:// URL, which this client also reads); without it, NOT RUN is printed and only
 * the unreachable-server tests run. See grpc-adapter.suite.ts.
 */
import { describeGrpcAdapter } from '../contract/grpc-adapter.suite';
import { KurrentDbEventStore } from './kurrentdb-event-store';

describeGrpcAdapter({
  name: 'KurrentDB client',
  setting: 'KURRENTDB_URL',
  unreachableUrl: 'kurrentdb://127.0.0.1:1?tls=false',
  open: (connectionString) => new KurrentDbEventStore({ connectionString }),
});
