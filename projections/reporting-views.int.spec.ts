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

  it('shows household counts under their documented names, with the names of their codes beside them', async () => {
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
        districtNameZh: '贺兰县',
        districtNameEn: 'Helan County',
        townshipNameZh: '习岗镇',
        townshipNameEn: 'Xigang Town',
        villageNameZh: '长安村1',
        villageNameEn: 'Changan Village 1',
        categoryNameZh: '老年型家庭',
        categoryNameEn: 'Elderly family',
      },
    ]);
  });

  it('names every department, focus area and org unit the reference data knows, in Chinese and English', async () => {
    const [units] = await views.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE name_zh <> '' AND name_en <> '')::int AS named FROM reporting.org_unit_names`,
    );
    expect(units.named).toBe(units.n);
    expect(units.n).toBeGreaterThan(386);
    const departments = await views.query(
      `SELECT code, name_zh, name_en FROM reporting.code_names WHERE kind = 'department' ORDER BY code`,
    );
    expect(departments).toHaveLength(22);
    expect(departments).toContainEqual({ code: 'statistics', name_zh: expect.any(String), name_en: 'Statistics Bureau' });
    const [xingqing] = await views.query(`SELECT name_zh, name_en FROM reporting.org_unit_names WHERE code = '640104'`);
    expect(xingqing).toEqual({ name_zh: '兴庆区', name_en: expect.stringMatching(/^Xingqing/) });
  });
});
