/** Loads something from the API when its key changes; the hooks below name what they load. */
import { useCallback, useEffect, useState } from 'react';
import { ProblemError } from '../api/client';

export interface Remote<T> {
  data?: T;
  error?: ProblemError | Error;
  loading: boolean;
  reload(): void;
}

export function useRemote<T>(load: (() => Promise<T>) | null, key: string): Remote<T> {
  // The first request starts while the component renders, not in its effect: effects wait until the whole
  // page has rendered and committed, and a page of Ant Design components takes long enough to render that
  // its requests would otherwise all start only then (measured: most of a dashboard load's own time).
  const [first] = useState(() => {
    const promise = load ? load() : null;
    promise?.catch(() => undefined); // handled in the effect; this only keeps an early failure from being "unhandled"
    return { key, promise };
  });
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: load !== null });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!load) return setState({ loading: false });
    let live = true;
    setState((previous) => ({ ...previous, loading: true }));
    const promise = round === 0 && key === first.key && first.promise ? first.promise : load();
    promise.then(
      (data) => live && setState({ data, loading: false }),
      (error: Error) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
    // `key` stands for everything `load` closes over.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}
