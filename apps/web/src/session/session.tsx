/**
 * The signed-in user (cookie session, per the web contract): read on load from GET /auth/session, made by
 * POST /auth/sessions, ended by DELETE /auth/session. Its CSRF token goes on every write (api/client.ts).
 */
import { createContext, ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { api, onSessionEnded, setCsrfToken, unwrap } from '../api/client';
import type { components } from '../api/schema';

export type User = components['schemas']['SessionUserDto'];
type SessionAnswer = components['schemas']['SessionDto'];

interface Session {
  user: User | null;
  checked: boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export type { SessionAnswer };

/** `answer`: the session the page came with (opening/state.ts), already checked; its CSRF token set by start.tsx. */
export function SessionProvider({ answer, children }: { answer?: SessionAnswer; children: ReactNode }) {
  const [user, setUser] = useState<User | null>(answer?.user ?? null);
  const [checked, setChecked] = useState(answer !== undefined);
  const accept = (answer: SessionAnswer) => {
    setCsrfToken(answer.csrfToken);
    setUser(answer.user);
  };
  useEffect(() => {
    if (answer) return;
    // 401 (no live session) simply means the sign-in form.
    api
      .GET('/auth/session')
      .then((result) => accept(unwrap(result)))
      .catch(() => undefined)
      .finally(() => setChecked(true));
    // The answer the page came with is the first state only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // A session ended elsewhere (idle, signed out in another tab): the sign-in form, at the same address.
  useEffect(() => {
    onSessionEnded(() => {
      setCsrfToken(null);
      setUser(null);
    });
    return () => onSessionEnded(null);
  }, []);
  const signIn = useCallback(async (username: string, password: string) => {
    accept(unwrap(await api.POST('/auth/sessions', { body: { username, password } })));
  }, []);
  const signOut = useCallback(async () => {
    // Signed out only once the server has ended the session (or finds none): a failed sign-out that showed the
    // sign-in form would leave the cookie working for whoever uses the browser next.
    let { response } = await api.DELETE('/auth/session');
    if (response.status === 403) {
      // The cookie's session is no longer the one this tab knew (signed in again in another tab): its own CSRF
      // token, from the session as it is now, ends it.
      const now = await api.GET('/auth/session');
      if (now.response.status === 401) response = now.response;
      else if (now.data) {
        setCsrfToken(now.data.csrfToken);
        ({ response } = await api.DELETE('/auth/session'));
      }
    }
    if (!response.ok && response.status !== 401) throw new Error(`sign-out answered ${response.status}`);
    setCsrfToken(null);
    setUser(null);
  }, []);
  return <SessionContext.Provider value={{ user, checked, signIn, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** What the user's roles let them do, for showing the right pages (the API still decides every request). */
export const can = (user: User | null, ...roles: string[]) =>
  !!user && (user.roles.includes('admin') || roles.some((role) => (user.roles as readonly string[]).includes(role)));
