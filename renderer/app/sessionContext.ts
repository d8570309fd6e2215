import { createContext, useContext } from 'react';
import type { User } from '../../shared/schemas/users';

export type Session = { user: User; signOut: () => void };

export const SessionContext = createContext<Session | null>(null);

/** The signed-in user; only usable inside the app shell, which renders after login. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside the signed-in app');
  return session;
}
