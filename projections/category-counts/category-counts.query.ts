import { EntityManager } from 'typeorm';

export interface CategoryCountRow {
  category: string;
  active: number;
  withdrawn: number;
}

/** Enrolled households of one org unit (default: the city), by category. */
export async function householdsByCategory(manager: EntityManager, orgUnitCode = '640100'): Promise<CategoryCountRow[]> {
  const rows: { category: string; active: string; withdrawn: string }[] = await manager.query(
    `SELECT category, sum(active) AS active, sum(withdrawn) AS withdrawn
       FROM read_models.category_counts WHERE org_unit_code = $1
      GROUP BY category ORDER BY category`,
    [orgUnitCode],
  );
  return rows.map((r) => ({ category: r.category, active: Number(r.active), withdrawn: Number(r.withdrawn) }));
}
