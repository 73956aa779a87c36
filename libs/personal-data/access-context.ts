/**
 * Who the current request acts for, carried through async calls (AsyncLocalStorage) so that the event
 * store decorator can tell an auditor with a stated purpose from everyone else without every caller
 * passing it down. Outside a request (the projector) there is no context: restricted data stays sealed.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Principal } from '../auth/principal';

export interface AccessContext {
  principal?: Principal;
  /** The `X-Purpose` header, when given. */
  purpose?: string;
}

export const accessContext = new AsyncLocalStorage<AccessContext>();

/** Restricted keys are usable only by an auditor who stated a purpose. */
export function mayUseRestrictedData(context: AccessContext | undefined = accessContext.getStore()): boolean {
  return !!context?.principal?.roles.includes('auditor') && !!context.purpose;
}
