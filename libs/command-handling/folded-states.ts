/**
 * Folded aggregate states kept between commands, so a command on a stream that was handled moments ago reads
 * only the events appended since (usually none) instead of reading, decrypting, upcasting and folding the whole
 * stream again. An entry is only ever a starting point: the events after its revision are always read, so the
 * append's expected revision is the stream's real one and concurrency conflicts are exactly what they were.
 *
 * A state may hold decrypted personal data, so it lives no longer than a data key may be cached
 * (libs/personal-data/data-keys.ts): `ttlMs`, and not at all past `forgetFoldedStates()`, which the runtime
 * calls the moment this process erases or restricts a key. A decider that ignores personal fields folds
 * none (its streams are read sealed: handle-command.ts), so its states are kept for `SEALED_TTL_MS`, the
 * length of a field visit's commands on one household; the count bounds memory, the least recently kept
 * going first.
 */
export interface FoldedState<S> {
  state: S;
  revision: bigint;
  /** Command ids whose events are in the stream: a retried command is answered from its events (full read). */
  commands: ReadonlySet<string>;
}

interface Entry {
  decider: object;
  folded: FoldedState<unknown>;
  until: number;
  generation: number;
}

const caches = new WeakMap<object, Map<string, Entry>>();
const MAX_ENTRIES = 20_000;
const SEALED_TTL_MS = 5 * 60_000;
let generation = 0;
let ttlMs = 5_000;

/** Every cached state, of every store, is dropped (an erasure or restriction in this process). */
export function forgetFoldedStates(): void {
  generation += 1;
}

/** How long a state may be reused: the runtime sets the data keys' cache time. */
export function setFoldedStateTtl(ms: number): void {
  ttlMs = ms;
}

export function cachedState<S>(store: object, decider: object, stream: string): FoldedState<S> | undefined {
  const entry = caches.get(store)?.get(stream);
  if (!entry || entry.decider !== decider || entry.generation !== generation || entry.until <= Date.now()) return undefined;
  return entry.folded as FoldedState<S>;
}

export function keepState<S>(store: object, decider: { ignoresPersonalFields?: boolean }, stream: string, folded: FoldedState<S>): void {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new Map()));
  cache.delete(stream); // re-inserted last: a Map iterates in insertion order, so the first is the stalest
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  const until = Date.now() + (decider.ignoresPersonalFields ? SEALED_TTL_MS : ttlMs);
  cache.set(stream, { decider, folded, until, generation });
}

export function dropState(store: object, stream: string): void {
  caches.get(store)?.delete(stream);
}
