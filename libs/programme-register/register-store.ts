/**
 * The registers as versioned reference data in the database: each load is a new version (`programme.register_loads`:
 * its kind, source, who loaded it and when) with all its rows (`programme.register_rows`), written in one
 * transaction; readers see the latest version of each kind (`programme.village_households`,
 * `programme.enrolment_targets`, views). Earlier versions stay, so what a figure was divided by can be traced.
 */
import { DataSource } from 'typeorm';
import { RegisterKind, RegisterRow } from './register-csv';

export interface RegisterLoad {
  kind: RegisterKind;
  version: number;
  source: string;
  loadedBy: string;
  loadedAt: string;
  rows: number;
}

/** Writes `rows` as the next version of `kind`; nothing at all if any statement fails. */
export async function loadRegister(
  dataSource: DataSource,
  kind: RegisterKind,
  rows: readonly RegisterRow[],
  source: string,
  loadedBy: string,
): Promise<RegisterLoad> {
  return dataSource.transaction(async (tx) => {
    // One load at a time per kind: versions follow the order loads commit in.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('programme-register:' || $1))`, [kind]);
    const [load] = await tx.query(
      `INSERT INTO programme.register_loads (kind, source, loaded_by, rows) VALUES ($1, $2, $3, $4)
       RETURNING version, loaded_at`,
      [kind, source, loadedBy, rows.length],
    );
    await tx.query(
      `INSERT INTO programme.register_rows (version, org_unit_code, year, households)
       SELECT $1, * FROM unnest($2::text[], $3::int[], $4::int[])`,
      [load.version, rows.map((r) => r.orgUnitCode), rows.map((r) => r.year), rows.map((r) => r.households)],
    );
    return { kind, version: Number(load.version), source, loadedBy, loadedAt: new Date(load.loaded_at).toISOString(), rows: rows.length };
  });
}

/** The loads of a kind, newest first. */
export async function registerLoads(dataSource: DataSource, kind: RegisterKind): Promise<RegisterLoad[]> {
  const loads: { version: number; source: string; loaded_by: string; loaded_at: Date; rows: number }[] = await dataSource.query(
    `SELECT version, source, loaded_by, loaded_at, rows FROM programme.register_loads WHERE kind = $1 ORDER BY version DESC`,
    [kind],
  );
  return loads.map((l) => ({
    kind,
    version: Number(l.version),
    source: l.source,
    loadedBy: l.loaded_by,
    loadedAt: new Date(l.loaded_at).toISOString(),
    rows: Number(l.rows),
  }));
}
