/**
 * Issues a bearer token signed with the embedded key (DATA_DIR/auth, created by the first `npm start`):
 *
 *   npm run token -- --role analyst --ou 640104 --days 30
 *   npm run token -- --role provider --department health --ou 640105 --sub provider-7
 *   npm run token -- --role subscriber --scope pii --days 7
 *
 * Prints only the token, so it can be captured: `TOKEN=$(npm run -s token -- --role auditor)`.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CITY, EMBEDDED_ISSUER, isRole, issueToken, loadSigningKeyPair, Role, Scope, SCOPES } from '@libs/auth';
import { referenceData } from '@libs/reference-data';
import { describeError } from '@libs/errors/describe-error';

interface Args {
  roles: Role[];
  ou: string;
  days: number;
  sub?: string;
  department?: string;
  scopes: Scope[];
}

function tokenArgs(argv: string[]): Args {
  const { values } = parseArgs({
    args: argv,
    options: {
      role: { type: 'string', multiple: true, default: [] },
      ou: { type: 'string', default: CITY },
      days: { type: 'string', default: '30' },
      sub: { type: 'string' },
      department: { type: 'string' },
      scope: { type: 'string', multiple: true, default: [] },
    },
  });
  const roles = values.role.flatMap((value) => value.split(','));
  for (const role of roles) if (!isRole(role)) throw new Error(`unknown role "${role}"`);
  for (const scope of values.scope)
    if (!(SCOPES as readonly string[]).includes(scope)) throw new Error(`unknown scope "${scope}"; known: ${SCOPES.join(', ')}`);
  const args: Args = {
    roles: roles as Role[],
    ou: values.ou,
    days: Number(values.days),
    sub: values.sub,
    department: values.department,
    scopes: values.scope as Scope[],
  };
  if (args.roles.length === 0)
    throw new Error('--role is required (registrar, provider, loan-officer, supervisor, auditor, analyst, subscriber, admin)');
  if (!referenceData.orgUnit(args.ou)) throw new Error(`--ou ${args.ou} is not an org unit of the tree`);
  if (!Number.isFinite(args.days) || args.days <= 0 || args.days > 3650) throw new Error('--days must be a number of days from 1 to 3650');
  if (args.department !== undefined && !referenceData.department(args.department))
    throw new Error(`--department ${args.department} is not a known department`);
  return args;
}

async function main(): Promise<void> {
  const args = tokenArgs(process.argv.slice(2));
  const dir = join(process.env.DATA_DIR?.trim() || '.data', 'auth');
  const { privateKey } = loadSigningKeyPair(dir);
  const token = await issueToken(
    privateKey,
    { sub: args.sub ?? `${args.roles[0]}-${args.ou}`, roles: args.roles, ou: args.ou, department: args.department, scopes: args.scopes },
    {
      expiresInSeconds: Math.round(args.days * 86_400),
      issuer: process.env.AUTH_ISSUER?.trim() || EMBEDDED_ISSUER,
      audience: process.env.AUTH_AUDIENCE?.trim() || undefined,
    },
  );
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  console.error(`token failed: ${describeError(error)}`);
  process.exit(2);
});
