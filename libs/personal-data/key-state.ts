/** What a data key is to its readers (data-keys.ts), apart from the store, so its helpers need not import it. */
import type { WrappingKeyFiles } from './wrapping-keys';

export type KeyState = { status: 'active' | 'restricted'; key: Buffer } | { status: 'erased' };

/** The master key (legacy data keys, and the key files at rest) and the wrapping keys' files. */
export interface KeyMaterial {
  masterKey: Buffer;
  wrappingKeys: WrappingKeyFiles;
}
