/**
 * A trusted key as an auditor has it: PEM or base64 (as `loadPublicKey` reads), or the JSON document that
 * `GET /audit/public-key` serves (`{ algorithm, keyId, publicKey, pem }`) saved as it came. From the JSON
 * the PEM (else the base64 SPKI) is taken, and a `keyId` that is not that key's fingerprint is refused:
 * the document contradicts itself, and which half to trust cannot be told.
 */
import { keyFingerprint, loadPublicKey } from './signing';

export class PublishedKeyError extends Error {}

export function trustedKeyText(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return text;
  let document: { algorithm?: unknown; keyId?: unknown; publicKey?: unknown; pem?: unknown };
  try {
    document = JSON.parse(trimmed);
  } catch {
    throw new PublishedKeyError('the public key looks like JSON but does not parse');
  }
  if (document.algorithm !== undefined && document.algorithm !== 'Ed25519')
    throw new PublishedKeyError(`the published key is ${String(document.algorithm)}, not Ed25519`);
  const key = typeof document.pem === 'string' ? document.pem : typeof document.publicKey === 'string' ? document.publicKey : undefined;
  if (key === undefined) throw new PublishedKeyError('the published key JSON has neither "pem" nor "publicKey"');
  if (typeof document.keyId === 'string') {
    let fingerprint: string;
    try {
      fingerprint = keyFingerprint(loadPublicKey(key));
    } catch {
      throw new PublishedKeyError('the published key JSON carries a key that cannot be read');
    }
    if (fingerprint !== document.keyId)
      throw new PublishedKeyError(`the published keyId ${document.keyId} is not the fingerprint of the key it carries (${fingerprint})`);
  }
  return key;
}
