import { useI18n } from '../../i18n/useI18n';
import { Combobox } from '../../ui/Combobox';
import { searchUsers, type PickedUser, type UserScope } from './searchUsers';

type UserMultiPickerProps = {
  scope: UserScope;
  value: PickedUser[];
  onChange: (users: PickedUser[]) => void;
  /** Users never offered (e.g. the owner, in "Giao cho"). */
  excludeIds?: number[];
};

/** Picks several users: type to search and add, × to remove. The input comes first so its <label> names it. */
export function UserMultiPicker({ scope, value, onChange, excludeIds = [] }: UserMultiPickerProps) {
  const { t } = useI18n();
  const taken = new Set([...excludeIds, ...value.map((user) => user.id)]);
  const search = async (text: string) => (await searchUsers(scope, text)).filter((option) => !taken.has(option.id));
  return (
    <div className="user-multi-picker">
      <Combobox
        placeholder={t('userPicker.addPlaceholder')}
        selectedText=""
        search={search}
        noMatchesText={t('userPicker.noMatches')}
        onPick={(option) => onChange([...value, { id: option.id, fullName: option.label }])}
      />
      {value.length > 0 && (
        <ul className="chips" aria-label={t('userPicker.picked')}>
          {value.map((user) => (
            <li key={user.id} className="chip">
              {user.fullName}
              <button type="button" aria-label={t('userPicker.remove', { name: user.fullName })} onClick={() => onChange(value.filter((item) => item.id !== user.id))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
