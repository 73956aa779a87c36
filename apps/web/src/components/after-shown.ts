import { useDeferredValue, useState } from 'react';

/**
 * What a page's first render can show without waits for this: false until `shown` has held once (the
 * page's first figures are on screen), then true for good, and only in a render React makes after that
 * one, at a lower priority. So the first commit, and the figures in it, are not held up rendering the rest
 * (the shell's menu, the dashboard's pickers, charts and table), nor their answers by its work meanwhile
 * (measured: `npm run bench -- web`).
 */
export function useAfterShown(shown: boolean): boolean {
  const [latched, setLatched] = useState(shown);
  if (shown && !latched) setLatched(true);
  return useDeferredValue(latched, false);
}
