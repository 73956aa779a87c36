import { loadConfig } from '../libs/config';
import { openRuntime } from '../libs/runtime';
import { databaseSchema } from '../projections/index';
import { seededUuid } from '../libs/generator/ids';
async function main() {
  const runtime = await openRuntime(loadConfig(), { schema: databaseSchema });
  try {
    for (const [from, to] of [[0, 22000], [22000, 44000], [44000, 66000], [66000, 88000], [88000, 110000], [110000, 126573]]) {
      const ids: string[] = [];
      for (let i = from; i < to; i += 50) ids.push(`household-${seededUuid(1, 'household', i)}`);
      const rows: { stream_id: string }[] = await runtime.dataSource.query(
        `SELECT DISTINCT stream_id FROM event_store.events WHERE stream_id = ANY($1::text[]) AND stream_revision = 0`, [ids]);
      const have = new Set(rows.map((r) => r.stream_id));
      const bits = ids.map((id) => (have.has(id) ? '#' : '.')).join('');
      console.log(`${from}-${to}: ${bits.replace(/(.{20})/g, '$1 ')}`);
    }
  } finally { await runtime.close(); }
}
main();
