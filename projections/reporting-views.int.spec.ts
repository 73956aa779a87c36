/** The reporting views answer through their TypeORM entities, with the documented column names. */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { HouseholdCountsView } from './category-counts/category-counts.entity';
import { categoryCountsProjection } from './category-counts/category-counts.projection';
import { reportingEntities } from './index';
import { applyEvents, householdEnrolled, openProjectionDatabase, ProjectionDatabase } from './shared/testing/harness';

describe('reporting views', () => {
  let db: ProjectionDatabase;
  let views: DataSource;
  beforeAll(async () => {
    db = await openProjectionDatabase();
    views = await new DataSource({
      type: 'postgres',
      url: db.database.url,
      entities: [...reportingEntities],
      synchronize: false,
    }).initialize();
  });
  afterAll(async () => {
    await views.destroy();
    await db.close();
  });

  it('reads every view through its entity', async () => {
    for (const entity of reportingEntities) await expect(views.getRepository(entity).find()).resolves.toEqual(expect.any(Array));
  });

  it('shows household counts under their documented names', async () => {
    await applyEvents(db.dataSource, categoryCountsProjection, [
      householdEnrolled(randomUUID(), '640122002001', { category: 'elderly', members: 2 }),
    ]);
    expect(await views.getRepository(HouseholdCountsView).find()).toEqual([
      {
        cityCode: '640100',
        districtCode: '640122',
        townshipCode: '640122002',
        villageCode: '640122002001',
        category: 'elderly',
        enrolmentYear: 2012,
        enrolmentMonth: 201203,
        activeHouseholds: 1,
        withdrawnHouseholds: 0,
        certifiedHouseholds: 0,
      },
    ]);
  });
});
