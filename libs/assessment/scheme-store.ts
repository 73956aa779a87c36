/**
 * Scheme versions in the database (`assessment.scheme_versions`): a load writes the next version of its
 * scheme in one statement, or nothing. A version may not take effect before the bimonth in progress: the
 * bimonths already over keep the scores they were given (rescoring them under a new version is asked for
 * explicitly, `scheme=<code>@<version>`, and is a result of its own).
 */
import { DataSource } from 'typeorm';
import { bimonthStart } from './periods';
import { effectiveMonth, SchemeDocument, SchemeVersion } from './scheme';
import { SchemeError } from './validate-scheme';

/** A load that would change the scores of bimonths already over. */
export class RetroactiveSchemeError extends SchemeError {
  constructor(message: string) {
    super(message);
    this.name = 'RetroactiveSchemeError';
  }
}

/** `currentMonth`: the local month (yyyymm) of the clock, programme calendar. */
export async function loadSchemeVersion(
  dataSource: DataSource,
  document: SchemeDocument,
  loadedBy: string,
  currentMonth: number,
): Promise<SchemeVersion> {
  if (effectiveMonth(document) < bimonthStart(currentMonth))
    throw new RetroactiveSchemeError(
      `effectiveFrom ${document.effectiveFrom} is before the bimonth in progress: scores of bimonths already over are never rewritten (rescore them with scheme=${document.scheme}@<version>)`,
    );
  return dataSource.transaction(async (tx) => {
    // One load at a time per scheme: versions follow the order loads commit in.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('assessment-scheme:' || $1))`, [document.scheme]);
    const [row] = await tx.query(
      `INSERT INTO assessment.scheme_versions (scheme, version, effective_from, document, loaded_by)
       SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4 FROM assessment.scheme_versions WHERE scheme = $1
       RETURNING version, loaded_at`,
      [document.scheme, document.effectiveFrom, JSON.stringify(document), loadedBy],
    );
    return { ...document, version: Number(row.version), loadedBy, loadedAt: new Date(row.loaded_at).toISOString() };
  });
}

/** Every version of a scheme, oldest first; empty for an unknown scheme. */
export async function schemeVersions(dataSource: Pick<DataSource, 'query'>, scheme: string): Promise<SchemeVersion[]> {
  const rows: { version: number; document: SchemeDocument; loaded_by: string; loaded_at: Date }[] = await dataSource.query(
    `SELECT version, document, loaded_by, loaded_at FROM assessment.scheme_versions WHERE scheme = $1 ORDER BY version`,
    [scheme],
  );
  return rows.map((r) => ({
    ...r.document,
    version: Number(r.version),
    loadedBy: r.loaded_by,
    loadedAt: new Date(r.loaded_at).toISOString(),
  }));
}

/** The schemes known, with their latest version. */
export async function knownSchemes(dataSource: Pick<DataSource, 'query'>): Promise<{ scheme: string; versions: number }[]> {
  const rows: { scheme: string; versions: number }[] = await dataSource.query(
    `SELECT scheme, max(version)::int AS versions FROM assessment.scheme_versions GROUP BY scheme ORDER BY scheme`,
  );
  return rows;
}
