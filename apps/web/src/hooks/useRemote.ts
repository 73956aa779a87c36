/** Loads something from the API when its key changes; the hooks below name what they load. */
import { useCallback, useEffect, useState } from 'react';
import { ProblemError } from '../api/client';

export interface Remote<T> {
  data?: T;
  error?: ProblemError | Error;
  loading: boolean;
  reload(): void;
}

/** A load started before its component rendered (prefetch.ts), and its outcome once settled. */
interface Primed {
  promise: Promise<unknown>;
  settled?: { data?: unknown; error?: Error };
}
const primed = new Map<string, Primed>();

/**
 * Starts the load a component will make under this key, before the component exists: when it renders, it
 * takes the promise, or the data itself if it has arrived, and shows it in its first render.
 */
export function prime<T>(key: string, load: () => Promise<T>): Promise<T> {
  let entry = primed.get(key);
  if (!entry) {
    const created: Primed = { promise: load() };
    created.promise.then(
      (data) => void (created.settled = { data }),
      (error: Error) => void (created.settled = { error }),
    );
    primed.set(key, (entry = created));
  }
  return entry.promise as Promise<T>;
}

/** An answer the page came with (opening/state.ts): shown in the first render, as if primed and arrived. */
export function primeSettled(key: string, data: unknown): void {
  primed.set(key, { promise: Promise.resolve(data), settled: { data } });
}

const take = (key: string) => {
  const entry = primed.get(key);
  primed.delete(key);
  return entry;
};

/** Drops what no component took (when the user leaves the first page). */
export const forgetPrimed = () => primed.clear();

export function useRemote<T>(load: (() => Promise<T>) | null, key: string): Remote<T> {
  // The first request starts while the component renders, not in its effect: effects wait until the whole
  // page has rendered and committed, and a page of Ant Design components takes long enough to render that
  // its requests would otherwise all start only then (measured: most of a dashboard load's own time).
  const [first] = useState(() => {
    const early = load ? take(key) : undefined;
    const promise = (early?.promise as Promise<T> | undefined) ?? (load ? load() : null);
    promise?.catch(() => undefined); // handled in the effect; this only keeps an early failure from being "unhandled"
    return { key, promise, settled: early?.settled as { data?: T; error?: Error } | undefined };
  });
  // The state names the key it was loaded for: what another key loaded is never shown under this one.
  const [state, setState] = useState<Loaded<T>>(() =>
    first.settled ? { key, ...first.settled, loading: false } : { key, loading: load !== null },
  );
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!load) return setState({ key, loading: false });
    // Still the first render's load: its key, no reload since, and nothing of another key shown meanwhile (a key the
    // page comes back to is loaded again; StrictMode's second run of this effect is still the first load).
    const firstLoad = round === 0 && key === first.key && state.key === key;
    if (firstLoad && first.settled) return; // shown in the first render already
    // A key that appears later (the trail, once the history names the district) may have been primed too.
    const early = !firstLoad && round === 0 ? take(key) : undefined;
    if (early?.settled) return setState({ key, ...(early.settled as { data?: T; error?: Error }), loading: false });
    let live = true;
    setState((previous) => (previous.key === key ? { ...previous, loading: true } : { key, loading: true }));
    const promise = firstLoad && first.promise ? first.promise : ((early?.promise as Promise<T> | undefined) ?? load());
    promise.then(
      (data) => live && setState({ key, data, loading: false }),
      (error: Error) => live && setState({ key, error, loading: false }),
    );
    return () => {
      live = false;
    };
    // `key` stands for everything `load` closes over; `state` is read as this render saw it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const { data, error, loading } = state.key === key ? state : { data: undefined, error: undefined, loading: load !== null };
  return { data, error, loading, reload };
}

interface Loaded<T> {
  key: string;
  data?: T;
  error?: Error;
  loading: boolean;
}
