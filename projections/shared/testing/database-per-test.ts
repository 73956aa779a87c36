/**
 * A migrated database of its own for each test of a spec, opened before the test and dropped after it, with
 * a first copy of each read model named: `const db = databasePerTest(projection)` inside the `describe`.
 * It registers jest hooks, so the build leaves it out (tsconfig.build.json), as it does the specs.
 */
import { ensureActiveCopy } from '@libs/projection/copies';
import { ReadModelDefinition } from '@libs/projection/projection';
import { openProjectionDatabase, ProjectionDatabase } from './harness';

export function databasePerTest(...readModels: readonly ReadModelDefinition[]): ProjectionDatabase {
  let current: ProjectionDatabase | undefined;
  beforeEach(async () => {
    current = await openProjectionDatabase();
    for (const model of readModels) await ensureActiveCopy(current.dataSource.manager, model);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  const open = (): ProjectionDatabase => {
    if (!current) throw new Error('the database is open only while a test runs');
    return current;
  };
  return {
    get database() {
      return open().database;
    },
    get dataSource() {
      return open().dataSource;
    },
    get store() {
      return open().store;
    },
    close: () => open().close(),
  };
}
