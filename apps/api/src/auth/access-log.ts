/**
 * The record of personal-data reads by auditors and administrators: who, which endpoint and path (ids,
 * never values), when, and the purpose they stated in `X-Purpose`. Written before the answer is sent; a
 * read that cannot be recorded is refused, so the log never misses one.
 */
import { Principal } from '@libs/auth';
import { Queryable } from '@libs/personal-data';

export interface PersonalDataRead {
  principal: Principal;
  method: string;
  route: string;
  path: string;
  purpose?: string;
}

export class AccessLog {
  constructor(private readonly db: Queryable) {}

  async record(read: PersonalDataRead): Promise<void> {
    await this.db.query(
      `INSERT INTO personal_data.access_log (actor, roles, method, route, path, purpose) VALUES ($1, $2, $3, $4, $5, $6)`,
      [read.principal.sub, [...read.principal.roles], read.method, read.route, read.path.slice(0, 500), read.purpose ?? null],
    );
  }

  async list(options: { actor?: string; limit: number }) {
    const rows: {
      id: string;
      read_at: Date;
      actor: string;
      roles: string[];
      method: string;
      route: string;
      path: string;
      purpose: string | null;
    }[] = await this.db.query(
      `SELECT id, read_at, actor, roles, method, route, path, purpose FROM personal_data.access_log
          WHERE ($1::text IS NULL OR actor = $1) ORDER BY id DESC LIMIT $2`,
      [options.actor ?? null, options.limit],
    );
    return rows.map((row) => ({ ...row, id: String(row.id), readAt: row.read_at.toISOString(), read_at: undefined }));
  }
}
