/**
 * Local user accounts: a username, a display name, roles and an org-unit scope (the same claims a bearer
 * token carries, checked by the same rules in libs/auth/principal.ts), and a scrypt password hash.
 */
import { isRole, Principal, principalFromClaims, Role } from '../auth/principal';
import { referenceData } from '../reference-data';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords';

export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

/** Lower-case letters, digits, dot, dash, underscore: usable as an event's actor unchanged. */
export const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

export interface User {
  username: string;
  displayName: string;
  roles: Role[];
  ou: string;
  department?: string;
  disabled: boolean;
  createdAt: string;
}

export interface NewUser {
  username: string;
  password: string;
  displayName?: string;
  roles: string[];
  ou: string;
  department?: string;
}

/** A refused account change; `field` names what was wrong (never its value: it may be a password). */
export class AccountError extends Error {
  constructor(
    readonly code: 'invalid-user' | 'user-exists' | 'user-not-found',
    readonly field: string | undefined,
    message: string,
    /** The rule broken, as a FieldError names it (apps/api/src/http/problem.ts), for the page to word. */
    readonly rule = 'invalid',
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

interface UserRow {
  username: string;
  display_name: string;
  password_hash: string;
  roles: string[];
  ou: string;
  department: string | null;
  disabled_at: Date | null;
  created_at: Date;
}

const COLUMNS = 'username, display_name, password_hash, roles, ou, department, disabled_at, created_at';

function toUser(row: UserRow): User {
  return {
    username: row.username,
    displayName: row.display_name,
    roles: row.roles.filter(isRole),
    ou: row.ou,
    ...(row.department !== null && { department: row.department }),
    disabled: row.disabled_at !== null,
    createdAt: row.created_at.toISOString(),
  };
}

/** The principal a signed-in user acts as: the claims a token would carry, through the same checks. */
export function principalOf(user: Pick<User, 'username' | 'roles' | 'ou' | 'department'>): Principal {
  return principalFromClaims({ sub: user.username, roles: user.roles, ou: user.ou, department: user.department });
}

export function checkPassword(password: unknown): asserts password is string {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new AccountError(
      'invalid-user',
      'password',
      `password must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`,
      'isLength',
    );
  }
}

function checkNewUser(user: NewUser): void {
  if (!USERNAME.test(user.username))
    throw new AccountError(
      'invalid-user',
      'username',
      'username must be 2 to 40 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
      'matches',
    );
  checkPassword(user.password);
  if (user.roles.length === 0 || !user.roles.every(isRole))
    throw new AccountError('invalid-user', 'roles', 'roles must name at least one known role', 'isIn');
  if (!referenceData.orgUnit(user.ou)) throw new AccountError('invalid-user', 'ou', 'ou is not an org unit of the tree', 'isIn');
  if (user.department !== undefined && !referenceData.department(user.department))
    throw new AccountError('invalid-user', 'department', 'department is not a known department', 'isIn');
  if (user.roles.includes('provider') && user.department === undefined)
    throw new AccountError('invalid-user', 'department', 'a provider needs a department', 'isNotEmpty');
  if (user.displayName !== undefined && (user.displayName.length < 1 || user.displayName.length > 80))
    throw new AccountError('invalid-user', 'displayName', 'displayName must be 1 to 80 characters', 'isLength');
}

export class Users {
  constructor(private readonly db: Queryable) {}

  async create(user: NewUser): Promise<User> {
    checkNewUser(user);
    const hash = await hashPassword(user.password);
    const rows: UserRow[] = await this.db.query(
      `INSERT INTO accounts.users (username, display_name, password_hash, roles, ou, department) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (username) DO NOTHING RETURNING ${COLUMNS}`,
      [user.username, user.displayName ?? user.username, hash, [...new Set(user.roles)], user.ou, user.department ?? null],
    );
    if (rows.length === 0) throw new AccountError('user-exists', 'username', 'a user with this username exists');
    return toUser(rows[0]);
  }

  async list(): Promise<User[]> {
    const rows: UserRow[] = await this.db.query(`SELECT ${COLUMNS} FROM accounts.users ORDER BY username`);
    return rows.map(toUser);
  }

  async count(): Promise<number> {
    const [{ count }] = await this.db.query(`SELECT count(*)::int AS count FROM accounts.users`);
    return count;
  }

  /** The user and the stored hash, for signing in; undefined when unknown. */
  async withHash(username: string): Promise<{ user: User; passwordHash: string } | undefined> {
    if (!USERNAME.test(username)) return undefined;
    const [row]: UserRow[] = await this.db.query(`SELECT ${COLUMNS} FROM accounts.users WHERE username = $1`, [username]);
    return row && { user: toUser(row), passwordHash: row.password_hash };
  }

  /** Sets a new password and signs the user out everywhere. */
  async setPassword(username: string, password: string): Promise<void> {
    checkPassword(password);
    const hash = await hashPassword(password);
    await this.changing(
      username,
      `UPDATE accounts.users SET password_hash = $2, updated_at = now() WHERE username = $1 RETURNING username`,
      [username, hash],
    );
  }

  /** Disables the account and ends its sessions; a disabled user cannot sign in. */
  async disable(username: string): Promise<void> {
    await this.changing(
      username,
      `UPDATE accounts.users SET disabled_at = coalesce(disabled_at, now()), updated_at = now() WHERE username = $1 RETURNING username`,
      [username],
    );
  }

  private async changing(username: string, sql: string, parameters: unknown[]): Promise<void> {
    const rows = returned(await this.db.query(sql, parameters));
    if (rows.length === 0) throw new AccountError('user-not-found', undefined, 'no user with this username');
    await this.db.query(`DELETE FROM accounts.sessions WHERE username = $1`, [username]);
  }
}

/**
 * Rows of an UPDATE or DELETE ... RETURNING: TypeORM's query() answers those as [rows, count] (other
 * statements as the rows alone), pg as the rows.
 */
export function returned(result: unknown): unknown[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0];
  return Array.isArray(result) ? result : [];
}
