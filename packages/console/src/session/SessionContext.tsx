// 登录会话: who is signed in to the console, with which roles, and what the console therefore shows
// them (session/areas.ts). Asked of the service once on load (GET /api/v1/session); any later 401
// means the session ended — the frame then takes the officer to the sign-in page, remembering the
// page they were on.
//
// A service without sign-in (`yibao serve --open`, loopback only) answers the session call with
// its pseudo-account `open` (a build from before issue 13 answers 404): the console then shows
// everything, as that service allows everything, and says so in the header.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { accessApi } from '../api/access-endpoints';
import { OPEN_ACCOUNT_ID, type Account, type SessionBody } from '../api/access-types';
import { ApiRequestError, setCsrfToken, setSessionEndedHandler } from '../api/client';
import { OPEN_VISIBILITY, visibilityOfRoles, type Action, type Area, type Visibility } from './areas';

export type SessionState =
  | { status: 'checking' }
  /** The session call failed otherwise (unreachable, 5xx): said in words, with a retry. */
  | { status: 'failed'; error: Error }
  | { status: 'open' }
  /** `ended`: a session that was there answered 401 (timed out, signed out elsewhere). */
  | { status: 'signedOut'; ended: boolean }
  | { status: 'signedIn'; account: Account };

export interface SessionValue {
  state: SessionState;
  /** The signed-in account; null when open or signed out. */
  account: Account | null;
  visibility: Visibility;
  sees: (area: Area) => boolean;
  can: (action: Action) => boolean;
  /** Throws the service's ApiRequestError (invalid_credentials, account_locked) to show on the form. */
  signIn: (username: string, password: string) => Promise<Account>;
  signOut: () => Promise<void>;
  changePassword: (currentPassword: string, newPassword: string) => Promise<void>;
  retry: () => void;
}

const NOTHING: Visibility = { areas: [], actions: [] };
const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'checking' });
  const [tick, setTick] = useState(0);

  const adopt = useCallback((body: SessionBody) => {
    setCsrfToken(body.csrfToken);
    if (body.account.id === OPEN_ACCOUNT_ID && body.csrfToken === null) setState({ status: 'open' });
    else setState({ status: 'signedIn', account: body.account });
    return body.account;
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'checking' });
    accessApi.session(controller.signal).then(adopt, (err: unknown) => {
      if (controller.signal.aborted) return;
      setCsrfToken(null);
      if (err instanceof ApiRequestError && err.status === 401)
        setState({ status: 'signedOut', ended: false });
      else if (err instanceof ApiRequestError && err.status === 404) setState({ status: 'open' });
      else setState({ status: 'failed', error: err instanceof Error ? err : new Error(String(err)) });
    });
    return () => {
      controller.abort();
    };
  }, [adopt, tick]);

  // Any call's 401 ends the session here; the frame redirects to the sign-in page.
  useEffect(() => {
    setSessionEndedHandler(() => {
      setCsrfToken(null);
      setState((current) => (current.status === 'signedIn' ? { status: 'signedOut', ended: true } : current));
    });
    return () => {
      setSessionEndedHandler(null);
    };
  }, []);

  const signIn = useCallback(
    async (username: string, password: string) => adopt(await accessApi.signIn({ username, password })),
    [adopt],
  );
  const signOut = useCallback(async () => {
    try {
      await accessApi.signOut();
    } finally {
      // Signed out in this browser whatever the answer: the cookie is the service's to clear.
      setCsrfToken(null);
      setState({ status: 'signedOut', ended: false });
    }
  }, []);
  const changePassword = useCallback(async (currentPassword: string, newPassword: string) => {
    await accessApi.changePassword({ currentPassword, newPassword });
  }, []);
  const retry = useCallback(() => {
    setTick((n) => n + 1);
  }, []);

  const value = useMemo<SessionValue>(() => {
    const account = state.status === 'signedIn' ? state.account : null;
    const visibility =
      state.status === 'open'
        ? OPEN_VISIBILITY
        : account !== null
          ? visibilityOfRoles(account.roles)
          : NOTHING;
    return {
      state,
      account,
      visibility,
      sees: (area) => visibility.areas.includes(area),
      can: (action) => visibility.actions.includes(action),
      signIn,
      signOut,
      changePassword,
      retry,
    };
  }, [state, signIn, signOut, changePassword, retry]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession outside SessionProvider');
  return value;
}

/** Shows its children only to a role that may do `action` (the service checks again). */
export function IfAllowed({ action, children }: { action: Action; children: ReactNode }) {
  return useSession().can(action) ? <>{children}</> : null;
}
