import type { User } from '../../../shared/schemas/users';
import { useI18n } from '../../i18n/useI18n';

type UserChecklistProps = {
  users: User[];
  picked: Set<number>;
  onTogglePick: (user: User, picked: boolean) => void;
};

/** The users of the browsed department or search, each with a checkbox to pick it for "Copy". */
export function UserChecklist({ users, picked, onTogglePick }: UserChecklistProps) {
  const { t } = useI18n();
  return (
    <ul className="picker-list" aria-label={t('recipients.users')}>
      {users.map((user) => (
        <li key={user.id} className="picker-row">
          <label className="checkbox">
            <input type="checkbox" checked={picked.has(user.id)} onChange={(event) => onTogglePick(user, event.target.checked)} />
            <span>
              {user.fullName}
              {user.departmentName && <span className="muted"> · {user.departmentName}</span>}
            </span>
          </label>
        </li>
      ))}
    </ul>
  );
}
