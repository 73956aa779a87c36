/**
 * Wrapping keys (key-encryption keys): the keys that wrap the households' data keys, one active per
 * period. They live outside PostgreSQL, one file each under `DATA_DIR/pii/wrapping-keys`, themselves
 * encrypted by the master key, because what PostgreSQL once held it may keep for a long time (WAL, old
 * pages, base backups); a file here can be destroyed. Erasure destroys the file of the erased key's
 * wrapping key once the other keys it wrapped are wrapped again under a new one (see data-keys.ts).
 */
import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileOnce } from '../auth/write-once';

const SUFFIX = '.key';
const GCM = { authTagLength: 16 } as const;

export class WrappingKeyFiles {
  private readonly cache = new Map<string, Buffer>();

  constructor(
    readonly dir: string,
    private readonly masterKey: Buffer,
  ) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  /** A new wrapping key, on disk (flushed) before it is returned, so no row can name a key not yet kept. */
  create(): { id: string; key: Buffer } {
    const id = randomUUID();
    const key = randomBytes(32);
    const path = this.pathOf(id);
    writeFileOnce(path, `${seal(this.masterKey, key, label(id)).toString('base64')}\n`);
    flush(path);
    flush(this.dir);
    this.cache.set(id, key);
    return { id, key };
  }

  /** The key, or undefined when its file is gone (destroyed by an erasure, perhaps by another process). */
  read(id: string): Buffer | undefined {
    const path = this.pathOf(id);
    // Checked on every read (data keys are cached above this): a key another process destroyed is forgotten here too.
    if (!existsSync(path)) {
      this.cache.delete(id);
      return undefined;
    }
    const cached = this.cache.get(id);
    if (cached) return cached;
    const key = unseal(this.masterKey, Buffer.from(readFileSync(path, 'utf8').trim(), 'base64'), label(id));
    this.cache.set(id, key);
    return key;
  }

  /**
   * Overwrites the file with random bytes, flushes, and removes it. On copy-on-write file systems and SSDs
   * the old blocks may survive the overwrite: see the README for what that means for the guarantee.
   */
  destroy(id: string): void {
    this.cache.delete(id);
    const path = this.pathOf(id);
    try {
      const fd = openSync(path, 'r+');
      try {
        writeSync(fd, randomBytes(Math.max(statSync(path).size, 64)), 0, undefined, 0);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      unlinkSync(path);
    } catch (error) {
      // Another process (its own erasure, or its start-up clean-up) got there first.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    flush(this.dir);
  }

  /** Ids of the keys on disk. */
  list(): { id: string }[] {
    return readdirSync(this.dir)
      .filter((name) => name.endsWith(SUFFIX))
      .map((name) => ({ id: name.slice(0, -SUFFIX.length) }));
  }

  private pathOf(id: string): string {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error('not a wrapping key id');
    return join(this.dir, `${id}${SUFFIX}`);
  }
}

const label = (id: string) => `wrapping-key:${id}`;

/** AES-256-GCM, laid out iv(12) | tag(16) | ciphertext, bound to `aad`. */
export function seal(key: Buffer, plain: Buffer, aad: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv, GCM);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function unseal(key: Buffer, sealed: Buffer, aad: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12), GCM);
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
}

function flush(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
