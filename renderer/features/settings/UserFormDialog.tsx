import { useState } from 'react';
import type { Department } from '../../../shared/schemas/departments';
import { roles, type Role } from '../../../shared/schemas/enums';
import type { UpdateUserBody, User } from '../../../shared/schemas/users';
import { usersApi } from '../../api/usersApi';
import { useSession } from '../../app/sessionContext';
import { useI18n } from '../../i18n/useI18n';
import { EnumSelect } from '../../ui/EnumSelect';
import { Field } from '../../ui/Field';
import { ApiFormDialog } from '../common/ApiFormDialog';
import { DepartmentOptions } from './DepartmentOptions';

type UserFormDialogProps = { user: User | null; departments: Department[]; onSaved: (user: User) => void; onClose: () => void };

const minPasswordLength = 8;

export function UserFormDialog({ user, departments, onSaved, onClose }: UserFormDialogProps) {
  const { t } = useI18n();
  const { user: me } = useSession();
  // Your own password needs the current one, which only Tài khoản của tôi asks for.
  const isSelf = user?.id === me.id;
  const [username, setUsername] = useState(user?.username ?? '');
  const [fullName, setFullName] = useState(user?.fullName ?? '');
  const [password, setPassword] = useState('');
  const [departmentId, setDepartmentId] = useState<number | null>(user?.departmentId ?? null);
  const [role, setRole] = useState<Role>(user?.role ?? 'staff');
  const [email, setEmail] = useState(user?.email ?? '');
  const [phone, setPhone] = useState(user?.phone ?? '');
  const [active, setActive] = useState(user?.active ?? true);

  const submit = () => {
    if (!user && !username.trim()) return t('users.usernameRequired');
    if (!fullName.trim()) return t('users.fullNameRequired');
    if ((!user || password) && password.length < minPasswordLength) return t('users.passwordTooShort', { count: minPasswordLength });
    const fields: UpdateUserBody = { fullName: fullName.trim(), departmentId, role, active, email: email.trim() || null, phone: phone.trim() || null };
    if (password) fields.password = password;
    return async () => {
      const saved = user ? await usersApi.update(user.id, fields) : await usersApi.create({ ...fields, username: username.trim(), password, fullName: fullName.trim(), role });
      onSaved(saved);
    };
  };

  return (
    <ApiFormDialog title={user ? t('users.editTitle') : t('users.createTitle')} submit={submit} onClose={onClose} wide>
      <div className="form-grid">
        <Field label={t('field.username')} required={!user}>
          <input value={username} onChange={(event) => setUsername(event.target.value)} disabled={Boolean(user)} autoComplete="off" autoFocus={!user} />
        </Field>
        <Field label={t('field.fullName')} required>
          <input value={fullName} onChange={(event) => setFullName(event.target.value)} />
        </Field>
        {isSelf ? (
          <p className="muted field-hint">{t('users.ownPasswordHint')}</p>
        ) : (
          <Field label={user ? t('users.newPassword') : t('field.password')} required={!user}>
            <input type="password" value={password} onChange={(event) => setPassword(event.target.value)} autoComplete="new-password" />
          </Field>
        )}
        <Field label={t('field.department')}>
          <select value={departmentId ?? ''} onChange={(event) => setDepartmentId(Number(event.target.value) || null)}>
            <option value="">{t('users.noDepartment')}</option>
            <DepartmentOptions departments={departments} />
          </select>
        </Field>
        <Field label={t('field.role')}>
          <EnumSelect value={role} options={roles} optionLabel={(option) => t(`role.${option}`)} fallback="staff" onChange={setRole} />
        </Field>
        <Field label={t('field.email')}>
          <input type="email" value={email} onChange={(event) => setEmail(event.target.value)} />
        </Field>
        <Field label={t('field.phone')}>
          <input type="tel" value={phone} onChange={(event) => setPhone(event.target.value)} />
        </Field>
        <label className="checkbox field-checkbox">
          <input type="checkbox" checked={active} onChange={(event) => setActive(event.target.checked)} />
          {t('users.activeLabel')}
        </label>
      </div>
    </ApiFormDialog>
  );
}
