import { useState } from 'react';
import type { Department } from '../../../shared/schemas/departments';
import type { User } from '../../../shared/schemas/users';
import { departmentsApi } from '../../api/departmentsApi';
import { useApiData } from '../../api/useApiData';
import { usersApi } from '../../api/usersApi';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { FieldMessage } from '../../ui/FieldMessage';
import { SearchBox } from '../../ui/SearchBox';
import { DepartmentBrowser } from './DepartmentBrowser';
import { RecipientList } from './RecipientList';
import { addRecipients, type Recipient } from './recipients';
import { UserChecklist } from './UserChecklist';
import './ownership.css';

/** Users listed at once; past this the search narrows the list (a company of thousands still answers fast). */
const userListLimit = 500;

type RecipientPickerProps = { value: Recipient[]; onChange: (recipients: Recipient[]) => void };

const userRecipient = (user: User): Recipient => ({ kind: 'user', id: user.id, name: user.fullName, detail: user.departmentName ?? undefined });
const departmentRecipient = (department: Department): Recipient => ({ kind: 'department', id: department.id, name: department.name });

/**
 * Recipients of a transfer or share: the department tree and the users of the browsed department
 * (or a search); "Copy" moves the ticked departments and users to the recipient list, "Copy all"
 * every listed user. An error about `departmentIds` shows under the tree, one about `userIds` under the users.
 */
export function RecipientPicker({ value, onChange }: RecipientPickerProps) {
  const { t } = useI18n();
  const departments = useApiData(() => departmentsApi.list(), []);
  const [browsing, setBrowsing] = useState<number | null>(null);
  const [search, setSearch] = useState('');
  const users = useApiData(
    () => usersApi.list({ active: true, departmentId: browsing ?? undefined, search: search.trim() || undefined, limit: userListLimit }),
    [browsing, search],
  );
  const [pickedUsers, setPickedUsers] = useState(new Map<number, Recipient>());
  const [pickedDepartments, setPickedDepartments] = useState(new Map<number, Recipient>());
  const listed = users.data ?? [];

  const toggle = (picked: Map<number, Recipient>, recipient: Recipient, on: boolean) => {
    const next = new Map(picked);
    if (on) next.set(recipient.id, recipient);
    else next.delete(recipient.id);
    return next;
  };
  const copy = () => {
    onChange(addRecipients(value, [...pickedUsers.values(), ...pickedDepartments.values()]));
    setPickedUsers(new Map());
    setPickedDepartments(new Map());
  };
  const pickedCount = pickedUsers.size + pickedDepartments.size;

  return (
    <div className="recipient-picker">
      <section className="picker-column picker-departments" aria-label={t('recipients.departments')}>
        <h3 className="picker-heading">{t('recipients.departments')}</h3>
        <ErrorMessage message={departments.error} />
        <FieldMessage name="departmentIds">
          <DepartmentBrowser
            departments={departments.data ?? []}
            browsing={browsing}
            onBrowse={setBrowsing}
            picked={new Set(pickedDepartments.keys())}
            onTogglePick={(department, on) => setPickedDepartments((picked) => toggle(picked, departmentRecipient(department), on))}
          />
        </FieldMessage>
      </section>
      <section className="picker-column" aria-label={t('recipients.users')}>
        <h3 className="picker-heading">{t('recipients.users')}</h3>
        <FieldMessage name="userIds">
          <SearchBox value={search} onSearch={setSearch} label={t('recipients.search')} />
          <ErrorMessage message={users.error} />
          <UserChecklist users={listed} picked={new Set(pickedUsers.keys())} onTogglePick={(user, on) => setPickedUsers((picked) => toggle(picked, userRecipient(user), on))} />
          {users.data && listed.length === 0 && <p className="muted picker-empty">{t('recipients.noUsers')}</p>}
          {listed.length >= userListLimit && <p className="field-hint">{t('recipients.narrowSearch', { count: userListLimit })}</p>}
        </FieldMessage>
      </section>
      <div className="picker-copy">
        <Button disabled={pickedCount === 0} onClick={copy}>
          {pickedCount > 0 ? t('recipients.copyCount', { count: pickedCount }) : t('recipients.copy')}
        </Button>
        <Button disabled={listed.length === 0} onClick={() => onChange(addRecipients(value, listed.map(userRecipient)))}>
          {t('recipients.copyAll')}
        </Button>
      </div>
      <section className="picker-column" aria-label={t('recipients.chosen')}>
        <h3 className="picker-heading">{t('recipients.chosen')}</h3>
        <RecipientList value={value} onChange={onChange} />
        {value.some((recipient) => recipient.kind === 'department') && <p className="field-hint">{t('recipients.orderHint')}</p>}
      </section>
    </div>
  );
}
