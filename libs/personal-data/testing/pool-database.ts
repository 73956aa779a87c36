import { Pool } from 'pg';
import type { KeyDatabase } from '../data-keys';

/** The pool as the key store's database: transactions on one client of it. */
export function poolDatabase(pool: Pool): KeyDatabase {
  const query = (client: Pick<Pool, 'query'>) => (sql: string, params?: unknown[]) => client.query(sql, params).then((r) => r.rows);
  return {
    query: query(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: query(client) });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
