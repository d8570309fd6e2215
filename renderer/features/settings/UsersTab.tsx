import { useState } from 'react';
import type { User } from '../../../shared/schemas/users';
import { departmentsApi } from '../../api/departmentsApi';
import { useApiData } from '../../api/useApiData';
import { usersApi } from '../../api/usersApi';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { DataTable } from '../../ui/DataTable';
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
      <DataTable
        rows={users.data ?? []}
        rowClassName={(user) => (user.active ? undefined : 'row-inactive')}
        columns={[
          { header: t('field.username'), cell: (user) => user.username },
          { header: t('field.fullName'), cell: (user) => user.fullName },
          { header: t('field.department'), cell: (user) => user.departmentName },
          { header: t('field.role'), cell: (user) => t(`role.${user.role}`) },
          { header: t('field.email'), cell: (user) => user.email },
          { header: t('users.state'), cell: (user) => (user.active ? t('users.active') : t('users.inactive')) },
        ]}
        actions={{
          label: t('common.actions'),
          cell: (user) => (
            <Button variant="link" onClick={() => setEditing({ user })}>
              {t('common.edit')}
            </Button>
          ),
        }}
      />
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
