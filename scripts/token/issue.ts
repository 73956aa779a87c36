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

function parseArgs(argv: string[]): Args {
  const args: Args = { roles: [], ou: CITY, days: 30, scopes: [] };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--role') {
      for (const role of value.split(',')) {
        if (!isRole(role)) throw new Error(`unknown role "${role}"`);
        args.roles.push(role);
      }
    } else if (flag === '--ou') args.ou = value;
    else if (flag === '--days') args.days = Number(value);
    else if (flag === '--sub') args.sub = value;
    else if (flag === '--department') args.department = value;
    else if (flag === '--scope') {
      if (!(SCOPES as readonly string[]).includes(value)) throw new Error(`unknown scope "${value}"; known: ${SCOPES.join(', ')}`);
      args.scopes.push(value as Scope);
    } else throw new Error(`unknown option ${flag}`);
  }
  if (args.roles.length === 0) throw new Error('--role is required (registrar, provider, loan-officer, supervisor, auditor, analyst, subscriber, admin)');
  if (!referenceData.orgUnit(args.ou)) throw new Error(`--ou ${args.ou} is not an org unit of the tree`);
  if (!Number.isFinite(args.days) || args.days <= 0 || args.days > 3650) throw new Error('--days must be a number of days from 1 to 3650');
  if (args.department !== undefined && !referenceData.department(args.department)) throw new Error(`--department ${args.department} is not a known department`);
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const dir = join(process.env.DATA_DIR?.trim() || '.data', 'auth');
  const { privateKey } = loadSigningKeyPair(dir);
  const token = await issueToken(
    privateKey,
    { sub: args.sub ?? `${args.roles[0]}-${args.ou}`, roles: args.roles, ou: args.ou, department: args.department, scopes: args.scopes },
    { expiresInSeconds: Math.round(args.days * 86_400), issuer: process.env.AUTH_ISSUER?.trim() || EMBEDDED_ISSUER, audience: process.env.AUTH_AUDIENCE?.trim() || undefined },
  );
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  console.error(`token failed: ${describeError(error)}`);
  process.exit(2);
});
