/** A statement of the store on a pool or a client, with a lost connection reported as the store being unavailable. */
import { CustomTypesConfig, Pool, PoolClient, QueryConfig } from 'pg';
import { isDatabaseUnavailable } from '../../database/unavailable';
import { EventStoreUnavailableError } from '../errors';

export async function storeQuery<Row>(
  queryable: Pool | PoolClient,
  text: string | QueryConfig,
  values?: unknown[],
  types?: CustomTypesConfig,
): Promise<Row[]> {
  try {
    const config = typeof text === 'string' && types ? { text, values, types } : text;
    return (await queryable.query(config as string, values)).rows as Row[];
  } catch (error) {
    throw unavailableOr(error);
  }
}

/** The error as EventStoreUnavailableError when it is a lost or refused connection, else as it is. */
export function unavailableOr(error: unknown): unknown {
  return isDatabaseUnavailable(error) ? new EventStoreUnavailableError('PostgreSQL event store unavailable', error) : error;
}
