/**
 * The security parts of the runtime, opened beside the database: how bearer tokens are verified (and, for
 * the embedded default, the key the service signs its own tokens with), and the store of households'
 * data keys. Settings are read first, before anything starts, so a bad one stops start-up by its name.
 */
import { KeyObject } from 'node:crypto';
import { AuthConfig, CITY, createTokenVerifier, ensureSigningKeyPair, issueToken, loadAuthConfig, TokenVerifier } from '@libs/auth';
import { join } from 'node:path';
import { readEnv } from '@libs/config';
import { forgetFoldedStates, setFoldedStateTtl } from '@libs/command-handling/folded-states';
import { DataKeyStore, KeyDatabase, loadMasterKey, MasterKey, WrappingKeyFiles } from '@libs/personal-data';
import { AccountsConfig, loadAccountsConfig } from '@libs/accounts/accounts-config';

type Env = Record<string, string | undefined>;

export interface SecuritySettings {
  auth: AuthConfig;
  masterKey: MasterKey;
  /** Where the wrapping keys of the data keys live (outside PostgreSQL, so that erasure can destroy them). */
  wrappingKeyDir: string;
  keyCacheMs: number;
  /** Sessions and sign-in throttling, from the same environment (a test's own, not the process's). */
  accounts: AccountsConfig;
}

/** An abstract class rather than an interface so that it can be Nest's injection token too. */
export abstract class Security {
  abstract auth: AuthConfig;
  abstract verify: TokenVerifier;
  /** The embedded signing key; undefined when tokens come from a configured identity provider. */
  abstract signingKey?: KeyObject;
  abstract dataKeys: DataKeyStore;
  abstract accounts: AccountsConfig;
}

export function loadSecuritySettings(env: Env, dataDir: string): SecuritySettings {
  const settings = readEnv(env);
  return {
    auth: loadAuthConfig(env, dataDir),
    masterKey: loadMasterKey(env, dataDir),
    wrappingKeyDir: settings.PII_KEY_DIR ?? join(dataDir, 'pii', 'wrapping-keys'),
    keyCacheMs: settings.PII_KEY_CACHE_MS,
    accounts: loadAccountsConfig(env),
  };
}

/** Opens the security parts; on the embedded key's first start, prints an administrator token once. */
export async function openSecurity(
  settings: SecuritySettings,
  db: KeyDatabase,
  print: (line: string) => void = console.log,
): Promise<Security> {
  const masterKey = settings.masterKey.key;
  const dataKeys = new DataKeyStore(
    db,
    { masterKey, wrappingKeys: new WrappingKeyFiles(settings.wrappingKeyDir, masterKey) },
    settings.keyCacheMs,
  );
  await dataKeys.prepare();
  // The command path's folded states may hold decrypted personal data: no longer than a data key is cached.
  setFoldedStateTtl(settings.keyCacheMs);
  dataKeys.onForget(forgetFoldedStates);
  const { auth, accounts } = settings;
  if (auth.keys.kind !== 'embedded') return { auth, verify: createTokenVerifier(auth), dataKeys, accounts };
  const pair = ensureSigningKeyPair(auth.keys.dir);
  if (pair.created) {
    const token = await issueToken(
      pair.privateKey,
      { sub: 'admin', roles: ['admin'], ou: CITY, scopes: ['pii'] },
      { expiresInSeconds: 30 * 86_400, issuer: auth.issuer, audience: auth.audience },
    );
    print(
      `\nCreated a signing key in ${auth.keys.dir}. Administrator token (valid 30 days, shown once):\n\n  ${token}\n\nMore: npm run token -- --role analyst --ou 640104 --days 30\n`,
    );
  }
  return { auth, verify: createTokenVerifier(auth, pair.publicKey), signingKey: pair.privateKey, dataKeys, accounts };
}
