import { useSession } from '../../app/sessionContext';
import { useI18n } from '../../i18n/useI18n';
import { ChangePasswordForm } from './ChangePasswordForm';

/** The signed-in user's own account: read-only details, and the form to change their password. */
export function MyAccountTab() {
  const { t } = useI18n();
  const { user } = useSession();
  const items: [string, string][] = [
    [t('field.username'), user.username],
    [t('field.fullName'), user.fullName],
    [t('field.department'), user.departmentName ?? '—'],
    [t('field.role'), t(`role.${user.role}`)],
    [t('field.email'), user.email ?? '—'],
    [t('field.phone'), user.phone ?? '—'],
  ];
  return (
    <>
      <dl className="info-list">
        {items.map(([label, value]) => (
          <div key={label} className="info-item">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <ChangePasswordForm />
    </>
  );
}
