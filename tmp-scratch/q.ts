import { loadConfig } from '../libs/config';
import { openRuntime } from '../libs/runtime';
import { databaseSchema } from '../projections/index';
async function main() {
  const runtime = await openRuntime(loadConfig(), { schema: databaseSchema });
  try {
    for (const sql of process.argv.slice(2)) console.log(JSON.stringify(await runtime.dataSource.query(sql), null, 0));
  } finally { await runtime.close(); }
}
main();
