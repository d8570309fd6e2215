import { useI18n } from '../../i18n/useI18n';
import { Combobox } from '../../ui/Combobox';
import { searchUsers, type PickedUser, type UserScope } from './searchUsers';

type UserPickerProps = {
  scope: UserScope;
  value: PickedUser | null;
  onChange: (user: PickedUser | null) => void;
  /** Accessible name when not inside a labelled <Field>. */
  ariaLabel?: string;
  /** Offers "—" to clear the choice (e.g. a filter). */
  clearLabel?: string;
  placeholder?: string;
};

const clearId = -1;

/** Picks one user by typing part of their name; works with any number of users (the server searches). */
export function UserPicker({ scope, value, onChange, ariaLabel, clearLabel, placeholder }: UserPickerProps) {
  const { t } = useI18n();
  const search = async (text: string) => {
    const found = await searchUsers(scope, text);
    return clearLabel && value && !text ? [{ id: clearId, label: clearLabel }, ...found] : found;
  };
  return (
    <Combobox
      ariaLabel={ariaLabel}
      placeholder={placeholder ?? t('userPicker.placeholder')}
      selectedText={value?.fullName ?? ''}
      search={search}
      noMatchesText={t('userPicker.noMatches')}
      onPick={(option) => onChange(option.id === clearId ? null : { id: option.id, fullName: option.label })}
    />
  );
}
