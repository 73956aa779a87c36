/**
 * `npm run audit:rotate-key`: makes a new checkpoint-signing key, signs a checkpoint of the log as it is
 * that announces it (its note signed by the old key and the new, with a `key <verifier key>` line), records
 * it in the keys' history, then switches: the generated key file is replaced by the new key; a configured
 * AUDIT_SIGNING_KEY cannot be changed from here, so the new key is written beside it for the operator to
 * configure. Restart the service afterwards: it signs with the key it opened at start-up.
 */
import { createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CheckpointWriter, loadCheckpointConfig } from '@libs/audit/checkpointing';
import { keyFingerprint } from '@libs/audit/signing';
import { loadConfig } from '@libs/config';
import { databaseSchema } from '@projections/index';
import { openRuntime } from '@libs/runtime';
import { readOptions } from '../support/options';

export interface Rotation {
  oldKeyId: string;
  newKeyId: string;
  announcedAt: number;
  /** Where the new private key was written. */
  keyFile: string;
  switched: boolean;
}

export async function rotateKey(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Rotation> {
  readOptions(argv, {}, 'npm run audit:rotate-key');
  const runtime = await openRuntime(loadConfig(env), { env, schema: databaseSchema });
  try {
    const config = loadCheckpointConfig(env, runtime.config.dataDir);
    const writer = new CheckpointWriter(runtime.rawEventStore, runtime.dataSource.manager, runtime.clock, config);
    const oldKeyId = writer.keyId();
    const next = generateKeyPairSync('ed25519').privateKey;
    const announced = await writer.announce(next);
    await writer.stop();
    const source = config.signingKey;
    const generated = source.kind === 'generated';
    const keyFile = source.kind === 'generated' ? source.path : join(runtime.config.dataDir, 'audit', 'checkpoint-signing-key.next.pem');
    writePrivateKey(keyFile, next);
    return { oldKeyId, newKeyId: keyFingerprint(createPublicKey(next)), announcedAt: announced.eventCount, keyFile, switched: generated };
  } finally {
    await runtime.close();
  }
}

/** Written whole or not at all (a rename over the old file), readable by its owner only. */
function writePrivateKey(path: string, key: KeyObject): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, key.export({ type: 'pkcs8', format: 'pem' }).toString(), { mode: 0o600 });
  renameSync(temporary, path);
}

if (require.main === module) {
  rotateKey(process.argv.slice(2)).then(
    (r) => {
      console.log(
        `announced key ${r.newKeyId.slice(0, 16)} in the checkpoint of ${r.announcedAt} events, signed by ${r.oldKeyId.slice(0, 16)} and by it`,
      );
      console.log(
        r.switched
          ? `switched: ${r.keyFile} now holds the new key; restart the service`
          : `the new key is in ${r.keyFile}: set AUDIT_SIGNING_KEY to it and restart the service`,
      );
    },
    (error: unknown) => {
      console.error(`audit:rotate-key failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
