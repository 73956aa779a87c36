/**
 * Whether the page that waits for figures (an opening route of opening-reads.mts: the dashboard's tiles, a
 * case's timeline) has shown them. The shell renders its menu and switches only after that, so that its
 * rendering does not stand between those figures' answers and the page's render of them (measured:
 * `npm run bench -- web`). Other pages wait for nothing.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { OPENING_ROUTES } from '../opening-reads.mts';

let shown = false;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/** Called by the opening page once its first figures are there, or their load failed (`settled`). */
export function useReportShown(settled: boolean): void {
  useEffect(() => {
    if (!settled || shown) return;
    shown = true;
    listeners.forEach((listener) => listener());
  }, [settled]);
}

/** True once the page at `pathname` needs nothing more to show its first figures. */
export function useOpeningShown(pathname: string): boolean {
  // Not shown yet in the server's render, nor in the browser's hydration of it (which must match it).
  const reported = useSyncExternalStore(
    subscribe,
    () => shown,
    () => false,
  );
  return reported || !OPENING_ROUTES.some((route) => new RegExp(route.path).test(pathname));
}
