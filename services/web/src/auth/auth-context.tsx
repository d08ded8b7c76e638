import type { User, UserManager } from 'oidc-client-ts';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';

import { navigate } from '../navigation';
import { claimsOf, type Claims } from './claims';

export type AuthState =
  | { status: 'loading' }
  | { status: 'signed-out'; reason?: string }
  | { status: 'signed-in'; user: User; claims: Claims | undefined };

export interface Auth {
  state: AuthState;
  /** The current access token, read when a request is made (it changes on every renewal). */
  accessToken: () => string | undefined;
  signIn: () => Promise<void>;
  signOut: () => Promise<void>;
  /** Forgets the sign-in here (a refused token, a failed renewal) and says why. */
  endSession: (reason: string) => void;
}

const AuthContext = createContext<Auth | undefined>(undefined);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

function signedIn(user: User): AuthState {
  return { status: 'signed-in', user, claims: claimsOf(user.access_token) };
}

export function AuthProvider({
  manager,
  children,
}: {
  manager: UserManager;
  children: React.ReactNode;
}) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const token = useRef<string | undefined>(undefined);
  // Stable: the API client and live subscriptions keep it across renewals and read it when needed.
  const accessToken = useCallback(() => token.current, []);

  const endSession = useCallback(
    (reason: string) => {
      token.current = undefined;
      void manager.removeUser();
      setState({ status: 'signed-out', reason });
    },
    [manager],
  );

  useEffect(() => {
    const onLoaded = (user: User) => {
      token.current = user.access_token;
      setState(signedIn(user));
    };
    const onRenewFailed = () => endSession('Сеанс завершён: войдите снова.');
    manager.events.addUserLoaded(onLoaded);
    manager.events.addSilentRenewError(onRenewFailed);
    void restore(manager).then(
      (user) => {
        if (user) onLoaded(user);
        else setState({ status: 'signed-out' });
      },
      () => {
        endSession('Вход не удался: попробуйте ещё раз.');
        if (window.location.pathname === '/callback') navigate('/', true);
      },
    );
    return () => {
      manager.events.removeUserLoaded(onLoaded);
      manager.events.removeSilentRenewError(onRenewFailed);
    };
  }, [manager, endSession]);

  const auth = useMemo<Auth>(
    () => ({
      state,
      accessToken,
      signIn: () => manager.signinRedirect({ state: window.location.pathname }),
      signOut: async () => {
        const user = await manager.getUser();
        token.current = undefined;
        // Ends the provider's session too (and with it the refresh token), then comes back here.
        await manager.signoutRedirect(user?.id_token ? { id_token_hint: user.id_token } : {});
      },
      endSession,
    }),
    [state, manager, accessToken, endSession],
  );
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

/**
 * The sign-in this tab has: finishes a redirect back from the provider on /callback (then goes to
 * the page the sign-in started from), or reads the stored one, renewing it when it has expired.
 */
async function restore(manager: UserManager): Promise<User | null> {
  if (window.location.pathname === '/callback') {
    const user = await manager.signinRedirectCallback();
    const back = typeof user.state === 'string' && user.state.startsWith('/') ? user.state : '/';
    navigate(back, true);
    return user;
  }
  const user = await manager.getUser();
  if (!user) return null;
  if (!user.expired) return user;
  return user.refresh_token ? manager.signinSilent() : null;
}
