import { useState, type FormEvent } from 'react';
import type { FieldLabels } from '../../api/describeError';
import { useApiAction } from '../../api/useApiAction';
import { usersApi } from '../../api/usersApi';
import { useSession } from '../../app/sessionContext';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';
import { useToast } from '../../ui/toastContext';

const minPasswordLength = 8;
const fieldLabels: FieldLabels = { password: 'account.newPassword', currentPassword: 'account.currentPassword' };

/** Đổi mật khẩu: the server checks the current password; this session stays signed in, the others end. */
export function ChangePasswordForm() {
  const { t } = useI18n();
  const { user } = useSession();
  const showToast = useToast();
  const { busy, error, setError, run } = useApiAction(fieldLabels);
  const [currentPassword, setCurrentPassword] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');

  const check = (): string | null => {
    if (!currentPassword) return t('account.currentPasswordRequired');
    if (password.length < minPasswordLength) return t('users.passwordTooShort', { count: minPasswordLength });
    if (password !== confirmation) return t('account.passwordMismatch');
    return null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problem = check();
    if (problem) {
      setError(problem);
      return;
    }
    const saved = await run(async () => {
      await usersApi.update(user.id, { password, currentPassword });
    });
    if (saved) {
      setCurrentPassword('');
      setPassword('');
      setConfirmation('');
      showToast(t('account.passwordChanged'));
    }
  };

  return (
    <section className="account-password" aria-labelledby="account-password-title">
      <h2 id="account-password-title">
        {t('account.changePassword')}
      </h2>
      <form className="form" onSubmit={submit} noValidate>
        <Field label={t('account.currentPassword')} required>
          <input type="password" value={currentPassword} onChange={(event) => setCurrentPassword(event.target.value)} autoComplete="current-password" />
        </Field>
        <Field label={t('account.newPassword')} required>
          <input type="password" value={password} onChange={(event) => setPassword(event.target.value)} autoComplete="new-password" />
        </Field>
        <Field label={t('account.confirmPassword')} required>
          <input type="password" value={confirmation} onChange={(event) => setConfirmation(event.target.value)} autoComplete="new-password" />
        </Field>
        <ErrorMessage message={error} />
        <div className="section-actions">
          <Button type="submit" variant="primary" disabled={busy}>
            {t('account.savePassword')}
          </Button>
        </div>
      </form>
    </section>
  );
}
