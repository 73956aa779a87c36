import { Client } from 'pg';
import { QueryRunner } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@libs/testing/test-database';
import v1 from '../schemes/happy-family.v1.json';
import { AssessmentSchemeV21765230000000 } from './1765230000000-assessment-scheme-v2';

describe('the migration that loads version 2 of the campaign scheme', () => {
  let db: TestDatabase;
  let client: Client;
  const versions = async () =>
    (await client.query(`SELECT version, loaded_by FROM assessment.scheme_versions WHERE scheme = 'happy-family' ORDER BY version`)).rows;
  const migrate = () =>
    new AssessmentSchemeV21765230000000().up({ query: (sql: string, params?: unknown[]) => client.query(sql, params) } as QueryRunner);

  beforeEach(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
    // As before the migration ran: the shipped version 1 alone.
    await client.query(`DELETE FROM assessment.scheme_versions WHERE version > 1`);
  });
  afterEach(async () => {
    await client.end();
    await db.drop();
  });

  it('loads the shipped version 2 over the shipped version 1', async () => {
    await migrate();
    expect(await versions()).toEqual([
      { version: 1, loaded_by: 'migration' },
      { version: 2, loaded_by: 'migration' },
    ]);
  });

  it("leaves alone a scheme the city has loaded its own version of: the project's table does not supersede the city's", async () => {
    await client.query(
      `INSERT INTO assessment.scheme_versions (scheme, version, effective_from, document, loaded_by) VALUES ('happy-family', 2, '2013-01-01', $1, 'admin-1')`,
      [JSON.stringify({ ...v1, effectiveFrom: '2013-01-01' })],
    );
    await migrate();
    expect(await versions()).toEqual([
      { version: 1, loaded_by: 'migration' },
      { version: 2, loaded_by: 'admin-1' },
    ]);
  });
});
