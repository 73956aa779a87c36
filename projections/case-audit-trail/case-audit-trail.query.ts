/** Reads of the audit trail's active copy; `schema` comes from the projection's checkpoint. */
import { EntityManager } from 'typeorm';
import { assertSchemaName } from '@libs/projection/copies';

type Queryable = Pick<EntityManager, 'query'>;

export interface TrailFilter {
  district?: string;
  /** Rows recorded as this actor's, or sent by this subject under another actor's name. */
  actor?: string;
  ground?: string;
  aggregate?: string;
  /** One subject's entries (a case id): rows naming it, and the rows of its own stream. */
  subject?: string;
  /** Inclusive lower and exclusive upper bounds on occurredAt (ISO-8601). */
  from?: string;
  to?: string;
  limit: number;
}

export interface TrailEntry {
  position: string;
  stream: string;
  revision: number;
  aggregate: string;
  subjectId: string;
  type: string;
  districtCode: string | null;
  subjectUnit: string | null;
  grounds: string[];
  actor: string;
  /** Only where an administrator sent the command under `actor`'s name: who did. */
  authenticatedAs?: string;
  reason: string | null;
  occurredAt: string;
  recordedAt: string;
  data: Record<string, unknown>;
}

export async function queryTrail(db: Queryable, schema: string, filter: TrailFilter): Promise<TrailEntry[]> {
  assertSchemaName(schema);
  const rows: Record<string, unknown>[] = await db.query(
    `SELECT log_position::text AS position, stream, revision::int AS revision, aggregate, subject_id AS "subjectId", event_type AS type,
            district_code AS "districtCode", subject_unit AS "subjectUnit", grounds, actor, authenticated_as AS "authenticatedAs", reason,
            to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurredAt",
            to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt", data
       FROM ${schema}.trail
      WHERE ($1::text IS NULL OR district_code = $1) AND ($2::text IS NULL OR actor = $2 OR authenticated_as = $2)
        AND ($3::text IS NULL OR grounds @> ARRAY[$3::text]) AND ($4::text IS NULL OR aggregate = $4)
        AND ($5::timestamptz IS NULL OR occurred_at >= $5) AND ($6::timestamptz IS NULL OR occurred_at < $6)
        AND ($8::text IS NULL OR subject_id = $8 OR stream = $9)
      ORDER BY log_position LIMIT $7`,
    [
      filter.district ?? null,
      filter.actor ?? null,
      filter.ground ?? null,
      filter.aggregate ?? null,
      filter.from ?? null,
      filter.to ?? null,
      filter.limit,
      filter.subject ?? null,
      filter.subject === undefined ? null : `${filter.aggregate ?? 'case'}-${filter.subject}`,
    ],
  );
  // The column is null on every ordinary row; the entry leaves the field out, as the event's metadata does.
  return rows.map(({ authenticatedAs, ...row }) =>
    authenticatedAs === null ? row : { ...row, authenticatedAs },
  ) as unknown as TrailEntry[];
}

export interface CaseSummary {
  caseId: string;
  districtCode: string;
  subjectUnit: string;
  grounds: string[];
  status: string;
  rectification: string;
  escalation: string | null;
  openedAt: string;
  openedBy: string;
  revision: number;
}

/** A page of cases in opening order; `after` is the `[openedKey, caseId]` of the last case of the previous page. */
export async function listCases(
  db: Queryable,
  schema: string,
  filter: { district?: string; status?: string; after?: string[]; limit: number },
): Promise<(CaseSummary & { openedKey: string })[]> {
  assertSchemaName(schema);
  // openedKey keeps the microseconds openedAt drops, so a page boundary between two cases of one millisecond is exact.
  const rows: Record<string, unknown>[] = await db.query(
    `SELECT case_id AS "caseId", district_code AS "districtCode", subject_unit AS "subjectUnit", grounds, status,
            state->'rectification'->>'stage' AS rectification, state->>'escalation' AS escalation,
            to_char(opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "openedAt", opened_by AS "openedBy", revision::int AS revision,
            to_char(opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "openedKey"
       FROM ${schema}.cases
      WHERE ($1::text IS NULL OR district_code = $1) AND ($2::text IS NULL OR status = $2)
        AND ($4::timestamptz IS NULL OR (opened_at, case_id) > ($4::timestamptz, $5::text))
      ORDER BY opened_at, case_id LIMIT $3`,
    [filter.district ?? null, filter.status ?? null, filter.limit, filter.after?.[0] ?? null, filter.after?.[1] ?? null],
  );
  return rows as unknown as (CaseSummary & { openedKey: string })[];
}
