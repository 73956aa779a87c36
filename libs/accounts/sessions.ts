/**
 * Browser sessions. The cookie carries an opaque random id (32 bytes); the table keeps only its SHA-256,
 * so a copy of the table cannot be replayed. A session ends after `idleSeconds` without a request or
 * `maxSeconds` after sign-in, whichever comes first. The CSRF token is an HMAC of the session id: bound to
 * the session (a synchronizer token), reproducible for GET /auth/session, and never stored.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Queryable, returned, User } from './users';
import { isRole } from '../auth/principal';

export interface SessionSettings {
  idleSeconds: number;
  maxSeconds: number;
}

export interface ActiveSession {
  /** The opaque id, as the cookie carries it. */
  id: string;
  csrfToken: string;
  user: User;
}

/** Refreshing last_seen_at costs a write: done at most this often per session. */
const TOUCH_AFTER_SECONDS = 60;
const ID = /^[A-Za-z0-9_-]{43}$/;

function digest(id: string): Buffer {
  return createHash('sha256').update(id).digest();
}

export function csrfTokenOf(sessionId: string): string {
  return createHmac('sha256', sessionId).update('family-ledger csrf').digest('base64url');
}

/** Constant-time check of a submitted CSRF token against the session's. */
export function csrfTokenMatches(sessionId: string, submitted: string | undefined): boolean {
  if (submitted === undefined) return false;
  const want = Buffer.from(csrfTokenOf(sessionId));
  const got = Buffer.from(submitted);
  return want.length === got.length && timingSafeEqual(want, got);
}

interface SessionRow {
  username: string;
  display_name: string;
  roles: string[];
  ou: string;
  department: string | null;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

export class Sessions {
  constructor(
    private readonly db: Queryable,
    readonly settings: SessionSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(user: User): Promise<ActiveSession> {
    const id = randomBytes(32).toString('base64url');
    const now = this.now();
    const expires = new Date(now.getTime() + this.settings.maxSeconds * 1000);
    await this.db.query(
      `INSERT INTO accounts.sessions (id_digest, username, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $3, $4)`,
      [digest(id), user.username, now, expires],
    );
    return { id, csrfToken: csrfTokenOf(id), user };
  }

  /** The live session of this cookie value with its (enabled) user; undefined when unknown, expired or disabled. */
  async find(id: string): Promise<ActiveSession | undefined> {
    if (!ID.test(id)) return undefined;
    const [row]: SessionRow[] = await this.db.query(
      `SELECT u.username, u.display_name, u.roles, u.ou, u.department, u.created_at, s.last_seen_at, s.expires_at
         FROM accounts.sessions s JOIN accounts.users u USING (username)
        WHERE s.id_digest = $1 AND u.disabled_at IS NULL`,
      [digest(id)],
    );
    if (!row) return undefined;
    const now = this.now();
    const idleUntil = row.last_seen_at.getTime() + this.settings.idleSeconds * 1000;
    if (now.getTime() >= row.expires_at.getTime() || now.getTime() >= idleUntil) {
      await this.end(id);
      return undefined;
    }
    if (now.getTime() - row.last_seen_at.getTime() >= TOUCH_AFTER_SECONDS * 1000) {
      await this.db.query(`UPDATE accounts.sessions SET last_seen_at = $2 WHERE id_digest = $1`, [digest(id), now]);
    }
    const user: User = {
      username: row.username,
      displayName: row.display_name,
      roles: row.roles.filter(isRole),
      ou: row.ou,
      ...(row.department !== null && { department: row.department }),
      disabled: false,
      createdAt: row.created_at.toISOString(),
    };
    return { id, csrfToken: csrfTokenOf(id), user };
  }

  async end(id: string): Promise<boolean> {
    if (!ID.test(id)) return false;
    return returned(await this.db.query(`DELETE FROM accounts.sessions WHERE id_digest = $1 RETURNING username`, [digest(id)])).length > 0;
  }

  /** Removes sessions past their absolute expiry (idle ones are removed when next presented). */
  async sweep(): Promise<void> {
    await this.db.query(`DELETE FROM accounts.sessions WHERE expires_at <= $1`, [this.now()]);
  }
}
