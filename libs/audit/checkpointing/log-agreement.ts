/**
 * Re-reads the log from the database (no cache) and checks a checkpoint against it: its signature, and
 * that the first `eventCount` events still hash to its root and their streams' heads to its heads root. An
 * insider who rewrote rows and recomputed their chain fails here, unless they also hold the signing key.
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
  fresh.keepHeadsAt(signed.eventCount);
  await fresh.catchUp();
  const position = parsePosition(signed.position)!;
  const covered = fresh.countUpTo(position);
  // Leaves are recomputed from content, so data changed in place fails the root; a stored hash or link
  // changed over intact content fails as a break inside the covered range.
  const brokenInside = fresh.firstBreak !== undefined && comparePositions(fresh.firstBreak.position, position) <= 0;
  // A v1 event's hash binds neither its stream nor its revision, so a v1 stream renamed whole keeps every
  // leaf: the signed heads, which name each stream's last event, do not.
  const heads = signed.headsRoot === undefined || fresh.keptHeads?.root === signed.headsRoot;
  const root = covered === signed.eventCount && !brokenInside && fresh.tree.root(covered) === signed.merkleRoot && heads;
  return { signature: verifyCheckpoint(signed, publicKey), root };
}
