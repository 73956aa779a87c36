/** The operator's reads: projections with their lag and parked events, and the service's health. */
import { call } from '../api/client';
import { ProjectionStatus } from './types';
import { useRemote } from './useRemote';

export const useProjections = () =>
  useRemote(async () => (await call<{ projections: ProjectionStatus[] }>('GET', '/admin/projections')).data.projections, 'projections');
export const useHealth = () =>
  useRemote(async () => {
    const response = await fetch('/health', { credentials: 'same-origin' });
    return { ok: response.ok, body: (await response.json()) as Record<string, unknown> };
  }, 'health');
export const retryProjection = (name: string) =>
  call<{ projection: string; retried: number; resolved: number; stillParked: number }>(
    'POST',
    `/admin/projections/${encodeURIComponent(name)}/retry`,
  );
