/**
 * Re-reads the log from the database (no cache) and checks a checkpoint against it: its signature, and
 * that the first `eventCount` events still hash to its root. An insider who rewrote rows and recomputed
 * their chain fails here, unless they also hold the signing key.
 */
import { KeyObject } from 'node:crypto';
import { EventStore } from '../../event-store/event-store.port';
import { comparePositions, parsePosition } from '../../event-store/position';
import { SignedCheckpoint, verifyCheckpoint } from '../signing';
import { LogHashes } from './log-hashes';

export async function verifyAgainstLog(
  store: EventStore,
  signed: SignedCheckpoint,
  publicKey: KeyObject,
): Promise<{ signature: boolean; root: boolean }> {
  const fresh = new LogHashes(store);
  await fresh.catchUp();
  const position = parsePosition(signed.position)!;
  const covered = fresh.countUpTo(position);
  // Leaves are recomputed from content, so data changed in place fails the root; a stored hash or link
  // changed over intact content fails as a break inside the covered range.
  const brokenInside = fresh.firstBreak !== undefined && comparePositions(fresh.firstBreak.position, position) <= 0;
  const root = covered === signed.eventCount && !brokenInside && fresh.tree.root(covered) === signed.merkleRoot;
  return { signature: verifyCheckpoint(signed, publicKey), root };
}
