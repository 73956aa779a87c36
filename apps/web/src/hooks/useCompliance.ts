/** A district's supervision calendar (visits monthly, bulletins bimonthly) as the read model judges it. */
import { call } from '../api/client';
import { compliancePath } from './compliance-path';
import { Compliance } from './types';
import { useRemote } from './useRemote';

export const useCompliance = (district: string | undefined, from: string, to: string) =>
  useRemote(
    district ? async () => (await call<Compliance>('GET', compliancePath(district, from, to))).data : null,
    `compliance:${district}:${from}:${to}`,
  );
