/**
 * Untimed, before each timed run: the server's leftovers from the runs before (a checkpoint falling due, dirty
 * buffers a reader would have to write out, autovacuum of earlier runs' databases) done now, so that they land
 * in neither contender's timing. Reads ran at half their rate when they fell into a run.
 */
import { Client } from 'pg';

export async function settle(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (let waited = 0; waited < 30_000; waited += 100) {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'`);
      if (rows[0].n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await client.query('CHECKPOINT');
  } finally {
    await client.end();
  }
}
