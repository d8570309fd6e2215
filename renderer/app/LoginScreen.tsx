import { useState, type FormEvent } from 'react';
import type { LoginResult } from '../../shared/schemas/auth';
import { authApi } from '../api/authApi';
import { describeError } from '../api/describeError';
import { useI18n } from '../i18n/useI18n';
import { Button } from '../ui/Button';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';
import { LanguageSwitch } from './LanguageSwitch';

type LoginScreenProps = { onSignedIn: (result: LoginResult) => void; sessionExpired: boolean };

export function LoginScreen({ onSignedIn, sessionExpired }: LoginScreenProps) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError(t('login.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await authApi.login({ username: username.trim(), password }));
    } catch (failure) {
      setError(describeError(failure, t));
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form className="login-card" onSubmit={submit} noValidate>
        <div className="login-language">
          <LanguageSwitch />
        </div>
        <h1 className="login-title">{t('app.name')}</h1>
        <p className="muted">{t('login.subtitle')}</p>
        {sessionExpired && <p className="notice">{t('error.sessionExpired')}</p>}
        <Field label={t('login.username')}>
          <input value={username} onChange={(event) => setUsername(event.target.value)} autoComplete="username" autoFocus />
        </Field>
        <Field label={t('login.password')}>
          <input type="password" value={password} onChange={(event) => setPassword(event.target.value)} autoComplete="current-password" />
        </Field>
        <ErrorMessage message={error} />
        <Button type="submit" variant="primary" disabled={busy} className="login-submit">
          {busy ? t('login.signingIn') : t('login.submit')}
        </Button>
      </form>
    </main>
  );
}
