import { useState } from 'react';
import type { User } from '../../../shared/schemas/users';
import { departmentsApi } from '../../api/departmentsApi';
import { useApiData } from '../../api/useApiData';
import { usersApi } from '../../api/usersApi';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SearchBox } from '../../ui/SearchBox';
import { useToast } from '../../ui/toastContext';
import { UserFormDialog } from './UserFormDialog';

/** Người dùng: search, list, create and edit users (admin). */
export function UsersTab() {
  const { t } = useI18n();
  const showToast = useToast();
  const [search, setSearch] = useState('');
  const users = useApiData(() => usersApi.list({ search: search.trim() || undefined }), [search]);
  const departments = useApiData(() => departmentsApi.list(), []);
  const [editing, setEditing] = useState<{ user: User | null } | null>(null);
  return (
    <section aria-label={t('settings.users')}>
      <div className="section-actions">
        <Button variant="primary" onClick={() => setEditing({ user: null })}>
          {t('users.add')}
        </Button>
        <SearchBox value={search} onSearch={setSearch} label={t('users.search')} />
      </div>
      <ErrorMessage message={users.error ?? departments.error} />
      <table className="table">
        <thead>
          <tr>
            <th>{t('field.username')}</th>
            <th>{t('field.fullName')}</th>
            <th>{t('field.department')}</th>
            <th>{t('field.role')}</th>
            <th>{t('field.email')}</th>
            <th>{t('users.state')}</th>
            <th aria-label={t('common.actions')} />
          </tr>
        </thead>
        <tbody>
          {(users.data ?? []).map((user) => (
            <tr key={user.id} className={user.active ? undefined : 'row-inactive'}>
              <td>{user.username}</td>
              <td>{user.fullName}</td>
              <td>{user.departmentName}</td>
              <td>{t(`role.${user.role}`)}</td>
              <td>{user.email}</td>
              <td>{user.active ? t('users.active') : t('users.inactive')}</td>
              <td className="row-actions">
                <Button variant="link" onClick={() => setEditing({ user })}>
                  {t('common.edit')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && (
        <UserFormDialog
          user={editing.user}
          departments={departments.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            showToast(t('users.saved', { name: saved.fullName }));
            users.reload();
          }}
        />
      )}
    </section>
  );
}
