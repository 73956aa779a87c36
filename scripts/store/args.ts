/**
 * Command line of `store:copy` and `store:verify`:
 *   --from postgres|esdb --to postgres|esdb [--from-url URL] [--to-url URL]
 * A PostgreSQL side defaults to DATABASE_URL, an EventStoreDB side to EVENTSTORE_URL.
 */
import { readOptions } from '../support/options';

/** `esdb`: the log at an EVENTSTORE_URL, whose scheme (esdb:// or kurrentdb://) picks the client. */
export type StoreBackend = 'postgres' | 'esdb';

export interface StoreEndpoint {
  backend: StoreBackend;
  url: string;
}

export interface StoreArgs {
  from: StoreEndpoint;
  to: StoreEndpoint;
}

export const USAGE = 'usage: --from postgres|esdb --to postgres|esdb [--from-url URL] [--to-url URL]';

const DEFAULT_SETTING: Record<StoreBackend, string> = { postgres: 'DATABASE_URL', esdb: 'EVENTSTORE_URL' };

export function parseStoreArgs(argv: readonly string[], env: Record<string, string | undefined>): StoreArgs {
  const flags = readFlags(argv);
  const from = endpoint('from', flags, env);
  const to = endpoint('to', flags, env);
  if (from.backend === to.backend && from.url === to.url) throw new Error('--from and --to name the same log: give --from-url or --to-url');
  return { from, to };
}

function endpoint(side: 'from' | 'to', flags: Map<string, string>, env: Record<string, string | undefined>): StoreEndpoint {
  const backend = flags.get(side);
  if (backend !== 'postgres' && backend !== 'esdb') throw new Error(`--${side} must be postgres or esdb (${USAGE})`);
  const url = flags.get(`${side}-url`) ?? env[DEFAULT_SETTING[backend]];
  if (!url?.trim()) throw new Error(`--${side} ${backend}: give --${side}-url or set ${DEFAULT_SETTING[backend]}`);
  return { backend, url: url.trim() };
}

function readFlags(argv: readonly string[]): Map<string, string> {
  const option = { type: 'string' } as const;
  const values = readOptions(argv, { from: option, to: option, 'from-url': option, 'to-url': option }, USAGE);
  return new Map(Object.entries(values).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
