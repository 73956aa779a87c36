/** One indicator's rows for an org unit, period and breakdown, with the log position they reflect. */
import { call } from '../api/client';
import { indicatorPath, IndicatorQuery } from '../api/paths.mts';
import { IndicatorAnswer, IndicatorInfo } from './types';
import { once } from './useReference';
import { useRemote } from './useRemote';

export { indicatorPath };
export type { IndicatorQuery };

export function useIndicator(name: string | null, query: IndicatorQuery) {
  const path = name ? indicatorPath(name, query) : '';
  return useRemote(name ? async () => (await call<IndicatorAnswer>('GET', path)).data : null, path);
}

const catalogue = once(async () => (await call<{ indicators: IndicatorInfo[] }>('GET', '/indicators')).data.indicators);
export const useIndicatorCatalogue = () => useRemote(catalogue, 'indicators');
