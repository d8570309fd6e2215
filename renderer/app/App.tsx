import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LoginResult } from '../../shared/schemas/auth';
import type { User } from '../../shared/schemas/users';
import { authApi } from '../api/authApi';
import { setUnauthorizedHandler } from '../api/http';
import { sessionToken } from '../api/sessionToken';
import { useI18n } from '../i18n/useI18n';
import { LiveEventsProvider } from '../live/LiveEventsProvider';
import { AppShell } from './AppShell';
import { LoginScreen } from './LoginScreen';
import { SessionContext, type Session } from './sessionContext';

type AuthState = { status: 'checking' } | { status: 'signedOut'; expired: boolean } | { status: 'signedIn'; user: User };

/** Login gate: a stored token is checked with /auth/me; any 401 later returns here. */
export function App() {
  const { t } = useI18n();
  const [auth, setAuth] = useState<AuthState>(() => (sessionToken.get() ? { status: 'checking' } : { status: 'signedOut', expired: false }));

  useEffect(() => {
    setUnauthorizedHandler(() => setAuth({ status: 'signedOut', expired: true }));
    if (!sessionToken.get()) return;
    authApi.me().then(
      ({ user }) => setAuth({ status: 'signedIn', user }),
      () => {
        sessionToken.clear();
        setAuth({ status: 'signedOut', expired: false });
      },
    );
  }, []);

  const signIn = useCallback((result: LoginResult) => {
    sessionToken.set(result.token);
    setAuth({ status: 'signedIn', user: result.user });
  }, []);

  const signOut = useCallback(() => {
    authApi
      .logout()
      .catch(() => undefined)
      .finally(() => {
        sessionToken.clear();
        setAuth({ status: 'signedOut', expired: false });
      });
  }, []);

  const session = useMemo<Session | null>(() => (auth.status === 'signedIn' ? { user: auth.user, signOut } : null), [auth, signOut]);

  if (auth.status === 'checking') return <p className="app-loading">{t('common.loading')}</p>;
  if (!session) return <LoginScreen onSignedIn={signIn} sessionExpired={auth.status === 'signedOut' && auth.expired} />;
  return (
    <SessionContext.Provider value={session}>
      {/* One live event stream while signed in, for every screen. */}
      <LiveEventsProvider>
        <AppShell />
      </LiveEventsProvider>
    </SessionContext.Provider>
  );
}
