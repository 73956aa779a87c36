/** One indicator's rows for an org unit, period and breakdown, with the log position they reflect. */
import { call } from '../api/client';
import { IndicatorAnswer, IndicatorInfo } from './types';
import { once } from './useReference';
import { useRemote } from './useRemote';

export interface IndicatorQuery {
  ou?: string;
  pe?: string;
  by?: string;
  level?: string;
}

export function indicatorPath(name: string, query: IndicatorQuery): string {
  const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => !!entry[1]));
  const search = params.toString();
  return `/indicators/${encodeURIComponent(name)}${search ? `?${search}` : ''}`;
}

export function useIndicator(name: string | null, query: IndicatorQuery) {
  const path = name ? indicatorPath(name, query) : '';
  return useRemote(name ? async () => (await call<IndicatorAnswer>('GET', path)).data : null, path);
}

const catalogue = once(async () => (await call<{ indicators: IndicatorInfo[] }>('GET', '/indicators')).data.indicators);
export const useIndicatorCatalogue = () => useRemote(catalogue, 'indicators');
