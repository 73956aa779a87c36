import { RecordedEvent } from '../event-store/event-store.port';
import { position } from '../event-store/position';
import { buildBundle, verifyBundle } from './bundle';
import { eventLine } from './bundle-format';
import { inclusionProof } from './merkle';
import { recordedStream } from './recorded-events.fixture';
import { generateSigningKeyPair, loadPrivateKey, makeCheckpoint, signCheckpoint } from './signing';
import { StreamHeads } from './stream-heads';

const keys = generateSigningKeyPair();
const privateKey = loadPrivateKey(keys.privateKeyPem);
const day = (d: number) => `2012-03-${String(d).padStart(2, '0')}T08:00:00.000Z`;

const caseEvents = recordedStream('case-c1', [
  {
    type: 'CaseOpened',
    data: { caseId: 'c1', subjectUnit: 'unit-a', districtCode: '640104', grounds: ['delayed'], reason: 'visit' },
    occurredAt: day(1),
    recordedAt: day(1),
    at: 3n,
  },
  {
    type: 'RectificationOrdered',
    data: { round: 1, requirements: ['keep a ledger'], deadline: day(31), reason: 'r' },
    occurredAt: day(2),
    recordedAt: day(2),
    at: 7n,
  },
  {
    type: 'RectificationReported',
    data: { round: 1, report: 'ledger kept', evidence: [], late: false, reason: 'r' },
    occurredAt: day(9),
    recordedAt: day(9),
    at: 12n,
  },
]);
const others = recordedStream(
  'household-h1',
  [4n, 5n, 8n, 9n, 10n, 11n, 13n, 14n].map((at, i) => ({ type: 'X', data: { i }, occurredAt: day(1), recordedAt: day(1), at })),
);
/** The global log: both streams, in position order, as the checkpointer would read it. */
const log = [...caseEvents, ...others].sort((a, b) => Number(a.position.commit - b.position.commit));

/** The streams' heads of a log: each stream's last event. */
const headsOf = (events: RecordedEvent[]) => new StreamHeads(events.map((e) => [e.stream, { revision: e.revision, hash: e.hash }]));

function bundleFor(events: RecordedEvent[], logHashes = log.map((e) => e.hash), heads = headsOf(log)): string {
  const checkpoint = signCheckpoint(makeCheckpoint(position(14n), logHashes, '2012-03-10T00:00:00.000Z', heads), privateKey);
  const last = events[events.length - 1];
  const proof = inclusionProof(
    logHashes,
    log.findIndex((e) => e.id === last.id && e.stream === last.stream),
  );
  return buildBundle({ events, checkpoint, proof, headProof: heads.proof(last.stream), publicKey: keys.publicKeyPem });
}

const bundle = bundleFor(caseEvents);
const lines = bundle.trimEnd().split('\n');
const failed = (text: string, options = {}) =>
  verifyBundle(text, options)
    .checks.filter((c) => !c.ok)
    .map((c) => c.name);
/** Changes one byte at `index` into another of the same kind, so that the text stays well-formed where it can. */
function flip(text: string, index: number): string {
  const c = text[index];
  const hex = '0123456789abcdef';
  const next = hex.includes(c)
    ? hex[(hex.indexOf(c) + 1) % 16]
    : /[a-z]/i.test(c)
      ? String.fromCharCode(c.charCodeAt(0) + (/[zZ]/.test(c) ? -25 : 1))
      : 'x';
  return text.slice(0, index) + next + text.slice(index + 1);
}
const at = (text: string, needle: string, after = 0) => text.indexOf(needle, after) + needle.length;

describe('export bundle', () => {
  it('verifies offline: chain, head, inclusion, stream head and signature', () => {
    const verdict = verifyBundle(bundle);
    expect(verdict).toMatchObject({ ok: true, stream: 'case-c1', events: 3, firstBadRevision: null });
    expect(verdict.checks.map((c) => [c.name, c.ok])).toEqual([
      ['format', true],
      ['chain', true],
      ['chain-head', true],
      ['inclusion', true],
      ['stream-head', true],
      ['signature', true],
      ['key', true],
    ]);
  });

  it("rejects a stream cut short, its chain intact, whose last events the checkpoint's heads still name", () => {
    // An insider deleted the case's last event and built the bundle from the signed checkpoint, which holds it.
    const cut = caseEvents.slice(0, 2);
    const logHashes = log.map((e) => e.hash);
    const heads = headsOf(log);
    const checkpoint = signCheckpoint(makeCheckpoint(position(14n), logHashes, day(10), heads), privateKey);
    const proof = inclusionProof(
      logHashes,
      log.findIndex((e) => e.id === cut[1].id && e.stream === 'case-c1'),
    );
    const forged = buildBundle({ events: cut, checkpoint, proof, headProof: heads.proof('case-c1'), publicKey: keys.publicKeyPem });
    expect(failed(forged)).toEqual(['stream-head']);
    expect(failed(buildBundle({ events: cut, checkpoint, proof, publicKey: keys.publicKeyPem }))).toEqual(['stream-head']);
    const headless = signCheckpoint(makeCheckpoint(position(14n), logHashes, day(10)), privateKey);
    expect(
      failed(
        buildBundle({
          events: caseEvents,
          checkpoint: headless,
          proof: inclusionProof(
            logHashes,
            log.findIndex((e) => e.id === caseEvents[2].id && e.stream === 'case-c1'),
          ),
          publicKey: keys.publicKeyPem,
        }),
      ),
    ).toEqual(['stream-head']);
  });

  it('starts with the manifest and writes bigints as strings', () => {
    expect(JSON.parse(lines[0]).manifest).toMatchObject({ format: 'family-ledger-bundle/1', stream: 'case-c1', eventCount: 3 });
    expect(JSON.parse(lines[1])).toMatchObject({ revision: '0', position: { commit: '3', prepare: '3' } });
  });

  it("rejects one byte changed in an event's data, naming the revision", () => {
    const changed = flip(bundle, at(bundle, '"requirements":["') + 1);
    expect(verifyBundle(changed)).toMatchObject({ ok: false, firstBadRevision: 1 });
    expect(failed(changed)).toEqual(['chain']);
  });

  it('rejects one byte changed in a stored hash', () => {
    const changed = flip(bundle, at(bundle, '"hash":"', at(bundle, '"revision":"1"')));
    expect(verifyBundle(changed).firstBadRevision).toBe(1);
  });

  it('rejects one byte changed in the signature', () => {
    expect(failed(flip(bundle, at(bundle, '"signature":"') + 5))).toEqual(['signature']);
  });

  it('rejects one byte changed in the inclusion proof', () => {
    expect(failed(flip(bundle, at(bundle, '"path":["') + 10))).toEqual(['inclusion']);
  });

  it('rejects any one byte changed in hashed or signed content', () => {
    // Event ids and global positions are outside the chain's hashed content, so they are skipped here.
    const unbound = [...bundle.matchAll(/[{,]"id":"[^"]*"|"position":\{[^}]*\}/g)].map((m) => [m.index!, m.index! + m[0].length]);
    const accepted: number[] = [];
    for (let i = 0; i < bundle.length - 1; i++) {
      if (unbound.some(([from, to]) => i >= from && i < to)) continue;
      if (verifyBundle(flip(bundle, i)).ok) accepted.push(i);
    }
    expect(accepted.map((i) => bundle.slice(Math.max(0, i - 20), i + 5))).toEqual([]);
  });

  it('rejects a bundle with an event line deleted or two lines swapped', () => {
    expect(verifyBundle([lines[0], lines[1], lines[3]].join('\n')).ok).toBe(false);
    expect(verifyBundle([lines[0], lines[2], lines[1], lines[3]].join('\n')).ok).toBe(false);
    expect(verifyBundle([lines[0], lines[1], lines[2]].join('\n')).ok).toBe(false);
  });

  it('rejects event lines whose log positions do not follow their revisions (no hash binds a position)', () => {
    const moved = lines.map((line, i) =>
      i === 2 ? line.replace('"position":{"commit":"7","prepare":"7"}', '"position":{"commit":"2","prepare":"2"}') : line,
    );
    expect(moved[2]).not.toBe(lines[2]);
    expect(failed(moved.join('\n') + '\n')).toEqual(['format']);
    expect(verifyBundle(moved.join('\n') + '\n').checks[0].detail).toBe('event line 3 is placed in the log before the event it follows');
  });

  it('catches an insider who rewrites an event and recomputes the chain: the signed root no longer fits', () => {
    const rewritten = recordedStream(
      'case-c1',
      caseEvents.map((e, i) => ({
        type: e.type,
        data: i === 1 ? { ...e.data, deadline: day(30) } : e.data,
        occurredAt: e.metadata.occurredAt,
        recordedAt: e.recordedAt,
        at: e.position.commit,
      })),
    );
    const forged = lines[0] + '\n' + rewritten.map(eventLine).join('\n');
    const verdict = verifyBundle(forged);
    expect(verdict.checks.find((c) => c.name === 'chain')?.ok).toBe(true);
    expect(verdict.ok).toBe(false);
    expect(failed(forged)).toEqual(['chain-head', 'inclusion', 'stream-head']);
  });

  it('checks the signature against a pinned key, and refuses a bundle signed by another', () => {
    expect(verifyBundle(bundle, { trustedPublicKey: keys.publicKeyPem }).ok).toBe(true);
    const stranger = generateSigningKeyPair().publicKeyPem;
    expect(failed(bundle, { trustedPublicKey: stranger })).toEqual(['signature', 'key']);
    expect(failed(bundle, { trustedPublicKey: 'not a key' })).toEqual(['key']);
  });

  it('reports text that is not a bundle as a format failure', () => {
    expect(verifyBundle('hello')).toMatchObject({ ok: false, checks: [{ name: 'format', ok: false }] });
    expect(verifyBundle(lines.slice(1).join('\n')).checks[0]).toMatchObject({ name: 'format', ok: false });
    expect(verifyBundle(`${lines[0]}\n{"id":1}`).checks[0]).toMatchObject({ name: 'format', ok: false });
  });

  it('refuses to build a bundle whose proof is for another event', () => {
    const logHashes = log.map((e) => e.hash);
    const checkpoint = signCheckpoint(makeCheckpoint(position(14n), logHashes, day(10)), privateKey);
    expect(() =>
      buildBundle({ events: caseEvents, checkpoint, proof: inclusionProof(logHashes, 0), publicKey: keys.publicKeyPem }),
    ).toThrow(RangeError);
  });
});
