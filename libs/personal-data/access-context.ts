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

/** The principal of the current request, for code far from the controller (undefined outside requests). */
export function currentPrincipal(): Principal | undefined {
  return accessContext.getStore()?.principal;
}

/**
 * Whether the caller may receive personal fields on a subscriber channel (feed, consumer groups): a
 * subscriber only with the `pii` scope; auditors and admins always. Channels redact for everyone else.
 */
export function mayReceivePersonalFields(principal: Principal | undefined = currentPrincipal()): boolean {
  if (!principal) return false;
  return (
    principal.roles.includes('admin') ||
    principal.roles.includes('auditor') ||
    (principal.roles.includes('subscriber') && principal.scopes.includes('pii'))
  );
}

const sealed = new AsyncLocalStorage<true>();

/**
 * Runs `read` with personal fields left as the log holds them (ciphertext): the protecting store looks up no
 * key and decrypts nothing. For folds that use no personal field (`Decider.ignoresPersonalFields`).
 */
export function readSealed<T>(read: () => Promise<T>): Promise<T> {
  return sealed.run(true, read);
}

/** Whether the current read asked for personal fields to stay sealed. */
export function readsSealed(): boolean {
  return sealed.getStore() === true;
}
