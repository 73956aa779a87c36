/** Bundle vectors: a case's export, and the same export forged in each of the ways an insider could. */
import { buildBundle } from '../bundle';
import { consistencyProof } from '../consistency';
import { inclusionProof } from '../merkle';
import { recordedStream } from '../recorded-events.fixture';
import { makeCheckpoint, signCheckpoint } from '../signing';
import { StreamHeads } from '../stream-heads';
import { position } from '../../event-store/position';
import { RecordedEvent } from '../../event-store/event-store.port';
import { flipHex, LOG_KEY, LOG_PUBLIC_KEY, OTHER_KEY, SIGNED_AT } from './vector-keys';
import { Vector } from './vector';

const day = (d: number) => `2012-03-0${d}T08:00:00.000Z`;
const caseEvents = recordedStream('case-v1', [
  { type: 'CaseOpened', data: { caseId: 'v1', subjectUnit: 'unit-a', districtCode: '640104', grounds: ['delayed'], reason: 'visit' }, occurredAt: day(1), recordedAt: day(1), at: 2n },
  { type: 'RectificationOrdered', data: { round: 1, requirements: ['keep a ledger'], deadline: day(9), reason: 'r' }, occurredAt: day(2), recordedAt: day(2), at: 4n },
  { type: 'CriticismIssued', data: { bulletinId: 'b-1', reason: 'named' }, occurredAt: day(3), recordedAt: day(3), at: 6n },
]);
const others = recordedStream('household-v2', [1n, 3n, 5n, 7n].map((at, i) => ({ type: 'NeedRecorded', data: { i }, occurredAt: day(1), recordedAt: day(1), at })));
const log = [...caseEvents, ...others].sort((a, b) => Number(a.position.commit - b.position.commit));
const hashes = log.map((e) => e.hash);
const indexOf = (e: RecordedEvent) => log.findIndex((x) => x.stream === e.stream && x.revision === e.revision);
const headsOf = (events: RecordedEvent[]) => new StreamHeads(events.map((e) => [e.stream, { revision: e.revision, hash: e.hash }]));

function checkpointOver(size: number, key = LOG_KEY) {
  const events = log.slice(0, size);
  const heads = headsOf(events);
  return { checkpoint: signCheckpoint(makeCheckpoint(position(events[size - 1].position.commit), events.map((e) => e.hash), SIGNED_AT, heads), key), heads };
}

export function bundleVectors(): Vector[] {
  const { checkpoint, heads } = checkpointOver(log.length);
  const last = caseEvents[2];
  const proof = inclusionProof(hashes, indexOf(last));
  const base = { events: caseEvents, checkpoint, proof, headProof: heads.proof('case-v1'), publicKey: LOG_PUBLIC_KEY };
  const bundle = buildBundle(base);
  const lines = bundle.trimEnd().split('\n');
  const earlier = checkpointOver(4).checkpoint;
  const vector = (name: string, expect: Vector['expect'], text: string, trusted?: object): Vector => ({
    kind: 'bundle', name, expect, input: { bundle: text, publicKey: LOG_PUBLIC_KEY, ...(trusted && { trusted }) },
  });
  const cut = caseEvents.slice(0, 2);
  const manifest = JSON.parse(lines[0]).manifest;
  return [
    vector('a case of three events', 'accept', bundle),
    vector('extends the checkpoint of 4 the auditor trusted', 'accept', buildBundle({ ...base, extends: { checkpoint: earlier, proof: consistencyProof(hashes, 4) } }), earlier),
    vector('wrong root: the signed root one nibble changed', 'reject', bundle.replace(checkpoint.merkleRoot, flipHex(checkpoint.merkleRoot))),
    vector('wrong size: the checkpoint said to be of 6 events', 'reject', bundle.replace(`"eventCount":${log.length}`, '"eventCount":6')),
    vector('truncated inclusion proof', 'reject', lines[0].replace(`"path":${JSON.stringify(proof.path)}`, `"path":${JSON.stringify(proof.path.slice(0, -1))}`) + '\n' + lines.slice(1).join('\n') + '\n'),
    vector('reordered leaves: two event lines swapped', 'reject', [lines[0], lines[2], lines[1], lines[3]].join('\n') + '\n'),
    vector('forged signature: signed by another key, the bundle carrying the log\'s key', 'reject',
      bundle.replace(checkpoint.signature, signCheckpoint({ ...checkpoint }, OTHER_KEY).signature)),
    vector('the last event deleted, its chain intact, the manifest rewritten to match', 'reject', buildBundle({ ...base, events: cut, proof: inclusionProof(hashes, indexOf(cut[1])) })),
    vector('rolled back: the auditor trusted a checkpoint of 7, the bundle\'s is of 4', 'reject',
      buildBundle({ events: caseEvents.slice(0, 2), checkpoint: earlier, proof: inclusionProof(hashes.slice(0, 4), indexOf(caseEvents[1])), headProof: headsOf(log.slice(0, 4)).proof('case-v1'), publicKey: LOG_PUBLIC_KEY }),
      checkpoint),
    vector('a proof of extension from another tree of 4', 'reject',
      buildBundle({ ...base, extends: { checkpoint: earlier, proof: consistencyProof(hashes, 4) } }), { ...manifest.checkpoint, ...signCheckpoint({ ...earlier, merkleRoot: flipHex(earlier.merkleRoot) }, LOG_KEY) }),
  ];
}
